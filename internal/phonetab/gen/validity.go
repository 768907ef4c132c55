package main

import (
	"fmt"
	"math/bits"
	"strings"
)

// desc is one number description of a region (general, fixed line, mobile,
// ...) as isNumberMatchingDesc reads it: the pattern must match the whole
// number and, when the description lists possible lengths, the number must
// have one of them.
type desc struct {
	m       *matcher
	lengths uint32 // bit n set: length n allowed
}

// lengthMask turns a possible-length list into a bit set; an empty list
// allows every length, and -1 (no numbers of this type) allows none.
func lengthMask(lengths []int32) (uint32, error) {
	if len(lengths) == 0 {
		return ^uint32(0), nil
	}
	var mask uint32
	for _, l := range lengths {
		switch {
		case l == -1:
		case l < 0 || l > 31:
			return 0, fmt.Errorf("possible length %d: %w", l, errUnsupported)
		default:
			mask |= 1 << l
		}
	}
	return mask, nil
}

// validity builds the states of one region's validity: the general
// description matches and so does at least one of the type descriptions
// (what getNumberTypeHelper checks before it answers other than UNKNOWN).
type validity struct {
	a       *automaton
	general desc
	types   []desc
	maxLen  int
	memo    map[string]uint32
}

func (v *validity) root() (uint32, error) {
	sets := make([][]uint32, len(v.types))
	for i, t := range v.types {
		if t.lengths != 0 {
			sets[i] = t.m.start()
		}
	}
	return v.build(0, v.general.m.start(), sets)
}

func (v *validity) build(depth int, g []uint32, sets [][]uint32) (uint32, error) {
	if len(g) == 0 {
		return 0, nil
	}
	alive := false
	for _, s := range sets {
		alive = alive || len(s) > 0
	}
	if !alive {
		return 0, nil
	}
	var k strings.Builder
	fmt.Fprintf(&k, "%d:", depth)
	key(&k, g)
	for _, s := range sets {
		key(&k, s)
	}
	accept := false
	if v.general.m.accepts(g) && v.general.lengths&(1<<depth) != 0 {
		for i, s := range sets {
			if v.types[i].m.accepts(s) && v.types[i].lengths&(1<<depth) != 0 {
				accept = true
				break
			}
		}
	}
	return v.a.state(v.memo, k.String(), accept, func(d byte) (uint32, error) {
		if depth >= v.maxLen {
			return 0, nil
		}
		next := make([][]uint32, len(sets))
		for i, s := range sets {
			if len(s) > 0 {
				next[i] = v.types[i].m.step(s, d)
			}
		}
		return v.build(depth+1, v.general.m.step(g, d), next)
	})
}

// maxLength is the longest length that mask allows.
func maxLength(mask uint32) int {
	return 31 - bits.LeadingZeros32(mask)
}
