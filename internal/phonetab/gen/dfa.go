package main

import (
	"errors"
	"fmt"
	"math/bits"
	"strings"
)

// errUnsupported marks metadata that the tables cannot express exactly; the
// generator stops rather than emit a table that could disagree with
// phonenumbers.
var errUnsupported = errors.New("unsupported by the digit tables")

// all is the state that accepts every digit string: the only cycle.
const all = 1

// maxDepth bounds the length of the strings a pattern can need to read; the
// metadata's patterns are far shorter.
const maxDepth = 31

// maxNodes is the most states the tables can address with 16-bit links.
const maxNodes = 1 << 16

// node is one state of the shared automaton: whether the digits read so far
// are accepted, and the state after each next digit (0 is the dead state,
// from which nothing is accepted).
type node struct {
	accept bool
	next   [10]uint32
}

// automaton is the state machine shared by every region. Each language it
// holds is finite (phone numbers have bounded lengths) or a finite set of
// prefixes followed by anything, so its only cycle is the state all; interning
// each state by its acceptance and successors, children first, yields the
// minimal automaton for all roots together.
type automaton struct {
	nodes  []node
	intern map[node]uint32
}

func newAutomaton() *automaton {
	a := &automaton{intern: make(map[node]uint32)}
	a.nodes = append(a.nodes, node{}) // the dead state
	a.intern[node{}] = 0
	full := node{accept: true, next: [10]uint32{all, all, all, all, all, all, all, all, all, all}}
	a.nodes = append(a.nodes, full) // every digit string from here on
	a.intern[full] = all
	return a
}

// add returns the state equal to n, creating it if no equal state exists.
func (a *automaton) add(n node) (uint32, error) {
	if id, ok := a.intern[n]; ok {
		return id, nil
	}
	if len(a.nodes) >= maxNodes {
		return 0, fmt.Errorf("more than %d states: %w", maxNodes, errUnsupported)
	}
	id := uint32(len(a.nodes))
	a.nodes = append(a.nodes, n)
	a.intern[n] = id
	return id, nil
}

// state returns the state that accepts the digits read so far if accept
// is true and goes to succ(d) on digit d, remembering it in memo under k.
func (a *automaton) state(memo map[string]uint32, k string, accept bool, succ func(d byte) (uint32, error)) (uint32, error) {
	if id, ok := memo[k]; ok {
		return id, nil
	}
	n := node{accept: accept}
	for d := range n.next {
		id, err := succ(byte(d))
		if err != nil {
			return 0, err
		}
		n.next[d] = id
	}
	id, err := a.add(n)
	if err != nil {
		return 0, err
	}
	memo[k] = id
	return id, nil
}

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
