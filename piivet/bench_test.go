package piivet_test

import (
	"fmt"
	"strings"
	"testing"
)

// longFunction is a function that sets three variables n times each and logs them after
// each set: every use looks back at the variable's sets, which must not cost more with
// each one (it took 40s at n=4000, where it takes two).
func longFunction(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport \"fmt\"\n\ntype User struct {\n\tID    string `pii:\"no\"`\n\tEmail string `pii:\"email\"`\n}\n\n")
	b.WriteString("func F(u User) {\n\ts := u.ID\n\tvar args []any\n\tx := u.ID\n")
	for i := range n {
		fmt.Fprintf(&b, "\ts = s + \"%d\"\n\tx = s\n\targs = append(args, s)\n\tfmt.Print(s, x)\n", i)
	}
	b.WriteString("\targs = append(args, u.Email)\n\tfmt.Print(args...)\n}\n")
	return b.String()
}

func TestLongFunction(t *testing.T) {
	diags, err := analyzeWith(agreeFset, agreeImports, longFunction(50))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Message)
	}
	if len(got) != 1 || !strings.Contains(got[0], "args holds u.Email") {
		t.Errorf("reports %q, want one: args holds u.Email", got)
	}
}

func BenchmarkLongFunction(b *testing.B) {
	for _, n := range []int{500, 2000} {
		src := longFunction(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := analyzeWith(agreeFset, agreeImports, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
