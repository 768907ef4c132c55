// Package tuples stands for a generic library of another module (samber/lo): its
// types cannot be tagged by the code that instantiates them.
package tuples

// Tuple2 pairs two values.
type Tuple2[A, B any] struct {
	A A
	B B
}

// T2 builds a Tuple2.
func T2[A, B any](a A, b B) Tuple2[A, B] { return Tuple2[A, B]{A: a, B: b} }
