package pii

import (
	"strings"
	"testing"
)

// FuzzKAnonymity checks KAnonymity against a plain count of groups, on rows made from
// the input: each line a row, its first field a string, its length an int, and whether
// it ends in "!" a node that loops to itself (or to a second node and back, for "!!").
func FuzzKAnonymity(f *testing.F) {
	f.Add("a\na\nb!\nb!!\nb!")
	f.Add("x,1\nx,1\n\n\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		type row struct {
			A    string
			N    int
			Node *kanonNode
			Any  any
		}
		type key struct {
			a     string
			n     int
			shape string
		}
		var rows []row
		count := map[key]int{}
		for _, line := range strings.Split(in, "\n") {
			a, _, _ := strings.Cut(line, ",")
			r := row{A: a, N: len(line) % 3}
			shape := ""
			switch {
			case strings.HasSuffix(line, "!!"):
				x, y := &kanonNode{Name: a}, &kanonNode{Name: a}
				x.Next, y.Next = y, x
				r.Node, shape = x, "pair"
			case strings.HasSuffix(line, "!"):
				x := &kanonNode{Name: a}
				x.Next, x.Any = x, x
				r.Node, shape = x, "loop"
			}
			r.Any = r.Node
			rows = append(rows, r)
			count[key{a, r.N, shape}]++
		}
		want := len(rows)
		for _, c := range count {
			want = min(want, c)
		}
		got, err := KAnonymity(rows, "A", "N", "Node", "Any")
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("KAnonymity = %d, want %d, for %q", got, want, in)
		}
	})
}
