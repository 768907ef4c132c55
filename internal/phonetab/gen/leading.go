package main

import (
	"fmt"
	"strings"
)

// leading builds the states that say whether a region claims a number of a
// calling code it shares: the region's leading-digits pattern matches a
// prefix of the number ("^(?:leadingDigits)" in
// getRegionCodeForNumberFromRegionList).
type leading struct {
	a    *automaton
	m    *matcher
	memo map[string]uint32
}

func (l *leading) root() (uint32, error) {
	return l.build(0, l.m.start())
}

func (l *leading) build(depth int, set []uint32) (uint32, error) {
	if l.m.accepts(set) {
		return all, nil
	}
	if len(set) == 0 {
		return 0, nil
	}
	if depth > maxDepth {
		return 0, fmt.Errorf("leading digits longer than %d: %w", maxDepth, errUnsupported)
	}
	var k strings.Builder
	key(&k, set)
	return l.a.state(l.memo, k.String(), false, func(d byte) (uint32, error) {
		return l.build(depth+1, l.m.step(set, d))
	})
}
