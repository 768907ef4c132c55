package main

import (
	"errors"
	"fmt"
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
