package piivet_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// benchSource benchmarks the analysis of the sources gen writes for 500 and 2000.
func benchSource(b *testing.B, gen func(n int) string) {
	for _, n := range []int{500, 2000} {
		src := gen(n)
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

func BenchmarkLongFunction(b *testing.B) {
	benchSource(b, longFunction)
}

// filledMap is a function that stores a redacted copy into a map n times and prints the
// map after each, then stores the raw record and prints it once more: every print looks
// at what was stored before it, which must not cost more with each store.
func filledMap(n int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/ef8f9424/pii\"\n)\n\ntype User struct {\n\tID    string `pii:\"no\"`\n\tEmail string `pii:\"email\"`\n}\n\n")
	b.WriteString("func F(u User) {\n\tr, _ := pii.Redacted(nil, u)\n\tm := map[string]User{}\n")
	for i := range n {
		fmt.Fprintf(&b, "\tm[\"k%d\"] = r\n\tfmt.Print(m)\n", i)
	}
	b.WriteString("\tm[\"raw\"] = u\n\tfmt.Print(m)\n}\n")
	return b.String()
}

func TestFilledMap(t *testing.T) {
	src := filledMap(50)
	diags, err := analyzeWith(agreeFset, agreeImports, src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d: %s", agreeFset.Position(d.Pos).Line, d.Message))
	}
	last := strings.Count(src, "\n") - 1 // the last print
	if len(got) != 1 || !strings.HasPrefix(got[0], fmt.Sprintf("%d: pii: m (map[string]p.User carries pii tags)", last)) {
		t.Errorf("reports %q, want one on line %d: m (map[string]p.User carries pii tags)", got, last)
	}
}

func BenchmarkFilledMap(b *testing.B) {
	benchSource(b, filledMap)
}

// TestLongChain: a report of a value handed through ten wrappers names the first three,
// how many it leaves out, and the sink, so that neither the report nor the fact that
// keeps the chain grows with each wrapper.
func TestLongChain(t *testing.T) {
	var b strings.Builder
	b.WriteString("package p\n\nimport \"log\"\n\ntype User struct {\n\tEmail string `pii:\"email\"`\n}\n\n")
	b.WriteString("func f0(v any) { log.Println(v) }\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "func f%d(v any) { f%d(v) }\n", i, i-1)
	}
	b.WriteString("func F(u User) { f9(u.Email) }\n")
	diags, err := analyzeWith(agreeFset, agreeImports, b.String())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Message)
	}
	want := []string{`pii: u.Email (tagged pii:"email" at p.User.Email) reaches p.f9, which hands it to p.f8, which hands it to p.f7, which hands it to … (7 more), which hands it to log.Println as it is: pass the field of pii.Redacted's copy, or wrap the value that holds it in pii.Safe`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
}
