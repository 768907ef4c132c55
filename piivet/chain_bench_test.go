package piivet_test

import (
	"fmt"
	"strings"
	"testing"
)

// helperChain is a package of n helpers, each returning what the next returns, the last
// a redacted copy (or, with text, a lowered text): declared caller first, so that a
// fixpoint that goes over every function each round finds one more helper per round.
func helperChain(n int, text bool) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"log\"\n\t\"strings\"\n\n\t\"github.com/ef8f9424/pii\"\n)\n\nvar _ = strings.ToLower\n\ntype User struct {\n\tID    string `pii:\"no\"`\n\tEmail string `pii:\"email\"`\n}\n\n")
	for i := range n - 1 {
		if text {
			fmt.Fprintf(&b, "func h%d(s string) string { return h%d(s) }\n", i, i+1)
		} else {
			fmt.Fprintf(&b, "func h%d(u User) User { return h%d(u) }\n", i, i+1)
		}
	}
	if text {
		fmt.Fprintf(&b, "func h%d(s string) string { return strings.ToLower(s) }\n", n-1)
		b.WriteString("func F(u User) { log.Println(h0(u.Email)) }\n")
	} else {
		fmt.Fprintf(&b, "func h%d(u User) User { r, _ := pii.Redacted(nil, u); return r }\n", n-1)
		b.WriteString("func F(u User) { log.Println(h0(u)) }\n")
	}
	return b.String()
}

// TestHelperChain: a copy returned through a chain of helpers is redacted, and a text
// kept through one is the field's, at the end of any chain.
func TestHelperChain(t *testing.T) {
	for _, text := range []bool{false, true} {
		diags, err := analyzeWith(agreeFset, agreeImports, helperChain(40, text))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case !text && len(diags) != 0:
			t.Errorf("redacted chain: reports %v, want none", diags[0].Message)
		case text && (len(diags) != 1 || !strings.Contains(diags[0].Message, "holds u.Email")):
			t.Errorf("text chain: reports %d, want one: holds u.Email", len(diags))
		}
	}
}

// BenchmarkHelperChain analyses chains of 300 and 1200 helpers, once the packages they
// import are loaded.
func BenchmarkHelperChain(b *testing.B) {
	if _, err := analyzeWith(agreeFset, agreeImports, helperChain(2, false)); err != nil {
		b.Fatal(err)
	}
	for _, text := range []bool{false, true} {
		for _, n := range []int{300, 1200} {
			src := helperChain(n, text)
			b.Run(fmt.Sprintf("text=%v/%d", text, n), func(b *testing.B) {
				for b.Loop() {
					if _, err := analyzeWith(agreeFset, agreeImports, src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// forwardChain is a package of n logging helpers, each handing its value to the next,
// the last to log.Println, declared caller first.
func forwardChain(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport \"log\"\n\ntype User struct {\n\tEmail string `pii:\"email\"`\n}\n\n")
	for i := range n - 1 {
		fmt.Fprintf(&b, "func f%d(v any) { f%d(v) }\n", i, i+1)
	}
	fmt.Fprintf(&b, "func f%d(v any) { log.Println(v) }\n", n-1)
	b.WriteString("func F(u User) { f0(u) }\n")
	return b.String()
}

// BenchmarkForwardChain analyses chains of 500 and 2000 logging helpers: the helpers
// that hand their values on are settled by visiting again only the callers of one found.
func BenchmarkForwardChain(b *testing.B) {
	benchSource(b, forwardChain)
}
