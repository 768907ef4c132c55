package piivet_test

import "testing"

// TestBrokenRoutes runs the analyzer on code that does not type-check along the routes
// it follows into collections, buffers, mapping calls, getters, function parameters and
// fields, parts of collections and wrappers, and encoding/json's fields: it must not
// crash, with its imports resolved or not.
func TestBrokenRoutes(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"collections and holds", `package p
import "fmt"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func fields(t T) map[string]any { return map[string]any{"a": t.A, missing: t} }
func list(t T) []any { return []any{t, nope...} }
func box[X any](v X) any { return v, 1 }
func pair(k string, v any) []any { return []any{k, v}; return }
func f(t T) { fmt.Println(fields(t), list(), box(t), pair("a", t.A, 3)...) }`},
		{"buffers and copies", `package p
import ("fmt"; "strings"; "bytes")
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func f(t T) {
	var b strings.Builder
	b.WriteString(t.A, 2)
	b.WriteString()
	undefined.WriteString(t.A)
	var buf bytes.Buffer
	buf.Write(t.A)
	copy(dst, []string{t.A})
	copy()
	fmt.Println(b.String(), buf.Bytes(), dst, nope.String())
}`},
		{"mapping literals", `package p
import "fmt"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func Map[X, Y any](xs []X, f func(X) Y) []Y { return nil }
func f(ts []T) {
	fmt.Println(Map(ts, func(t T) string { return t.A, 1 }))
	fmt.Println(Map(ts, func(t T) Missing { return t.A }))
	fmt.Println(Map(ts, func(t T) { return }), Map(nope, func() {}))
}`},
		{"getters", `package p
import "fmt"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func (t *T) Ptr() *string { return &t.A; return }
func (t T) Two() (string, bool) { return t.A }
func f(t T) {
	g := t.Ptr
	a, ok := t.Two()
	p := t.Ptr()
	fmt.Println(*g(), a, ok, *p, *t.Ptr(1), *missing())
	h := undefined.Get
	fmt.Println(h())
}`},
		{"higher-order and function fields", `package p
import ("fmt"; "log")
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
type S struct{ logf func(string, ...any); Log func(...Missing); print func() }
func each(ts []T, f func(...any)) { for _, t := range ts { f(t, nope) } }
func apply(t T, f func(string, ...any)) { f("%v", t); f(); g(t) }
func (s S) run(t T) { s.logf("%v", t); s.Log(t); s.print(t); s.missing(t) }
func f(ts []T, s S) {
	each(ts, fmt.Println)
	each(ts)
	apply(ts[0], log.Printf, 3)
	apply(nope, undefined)
	s.run(ts[0])
}`},
		{"parts", `package p
import "fmt"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
type E struct{ P any; K string }
func f(t T, i int) {
	e := E{P: t, Missing: t}
	e.Nope = t
	x.P = t
	m := map[string]any{"a": t, nope: t}
	a := []any{t, 2: t, "x": t}
	fmt.Println(e.P, e.K, e.Nope, m["a"], m[undefined], a[1], a[i], a[t], x.P, []any{t}[9])
}`},
		{"json fields", `package p
import "encoding/json"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
type W struct { D T ` + "`json:\"-\"`" + `; e T }
func f(t T) {
	json.Marshal(W{D: t, e: t, Missing: t})
	json.Marshal(&W{t})
	json.Marshal(W{t, t, t})
	json.Marshal(Nope{D: t})
}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := analyze(tt.src); err != nil {
				t.Errorf("Run: %v", err)
			}
			// With its imports resolved, as far as the code goes.
			if _, err := analyzeWith(agreeFset, agreeImports, tt.src); err != nil {
				t.Errorf("Run with imports: %v", err)
			}
		})
	}
}
