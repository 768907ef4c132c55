package main

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// matcher runs one of the metadata's patterns over digits as a set of
// positions in its compiled program (a Thompson NFA), so that many patterns
// can be stepped together while the generator enumerates digit strings.
type matcher struct {
	prog *syntax.Prog
}

// newMatcher compiles pattern as phonenumbers uses it: "^(?:pattern)$" with
// Go's regexp syntax. The anchors are implicit here: a set starts at the
// program's start and accepts only at the end of the input.
func newMatcher(pattern string) (*matcher, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth {
			// Anchors or word boundaries inside a pattern would make a
			// match depend on more than the digits read so far.
			return nil, fmt.Errorf("pattern %q: %w", pattern, errUnsupported)
		}
	}
	return &matcher{prog: prog}, nil
}

// start is the set of positions before any digit is read.
func (m *matcher) start() []uint32 {
	return m.closure(nil, uint32(m.prog.Start))
}

// closure adds pc and every position reachable from it without reading a
// digit to set, which it keeps sorted and free of duplicates.
func (m *matcher) closure(set []uint32, pc uint32) []uint32 {
	i, found := slices.BinarySearch(set, pc)
	if found {
		return set
	}
	set = slices.Insert(set, i, pc)
	in := &m.prog.Inst[pc]
	switch in.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		set = m.closure(set, in.Out)
		set = m.closure(set, in.Arg)
	case syntax.InstCapture, syntax.InstNop:
		set = m.closure(set, in.Out)
	}
	return set
}

// step reads digit d from every position of set.
func (m *matcher) step(set []uint32, d byte) []uint32 {
	var next []uint32
	r := rune('0' + d)
	for _, pc := range set {
		in := &m.prog.Inst[pc]
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			if in.MatchRune(r) {
				next = m.closure(next, in.Out)
			}
		}
	}
	return next
}

// accepts reports whether the input read so far matches the whole pattern.
func (m *matcher) accepts(set []uint32) bool {
	for _, pc := range set {
		if m.prog.Inst[pc].Op == syntax.InstMatch {
			return true
		}
	}
	return false
}

// key writes set in a form usable as part of a map key.
func key(b *strings.Builder, set []uint32) {
	for _, pc := range set {
		b.WriteString(strconv.FormatUint(uint64(pc), 36))
		b.WriteByte(',')
	}
	b.WriteByte(';')
}
