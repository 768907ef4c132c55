package piivet_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/ef8f9424/pii/piivet"
	"golang.org/x/tools/go/analysis"
)

// TestBrokenCode runs the analyzer on packages that do not type-check, as a driver that
// runs analyzers despite errors would: it must neither crash nor invent reports about
// what it cannot see.
func TestBrokenCode(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"undefined field type", `package p
type T struct {
	A Missing ` + "`pii:\"phone\"`" + `
	B string ` + "`pii:\"name\"`" + `
}`},
		{"undefined callee", `package p
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func f(t T) { fmt.Println(t); undefined(t) }`},
		{"recursive generic", `package p
type L[T any] struct { Next *L[L[T]]; V T ` + "`pii:\"phone\"`" + ` }
type M[T any] L[M[T]]
func f[T any](x L[T]) { _ = x.Next.Next.V }`},
		{"recursive generic instantiated", `package p
type L[T any] struct { Next *L[L[T]]; W *L[*T]; V T ` + "`pii:\"phone\"`" + ` }
var x L[int]
func g() any { return x.Next }`},
		{"syntax error", `package p
type T struct { A string ` + "`pii:\"phone\"`" + `
func (`},
		{"invalid recursive type", `package p
type T struct { A T ` + "`pii:\"phone\"`" + ` }`},
		{"broken wrapper", `package p
import "fmt"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func logf(format string, args ...any) { fmt.Printf(format, args..., missing) }
func show[T any](v T) { fmt.Println(v, undefined.F) }
func f(t T) { logf("%v", t); show(t); show[](t); var g = fmt.Println; g(t.A, T{A: nope}) }`},
		{"broken flows", `package p
import "fmt"
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
func f(t T) {
	x, y := t
	args := []any{t, zz}
	args = append(args, t...)
	fmt.Printf(fmtString, args...)
	fmt.Printf("%[1]T %*" , t)
	for _, v := range nothing { fmt.Println(v.A) }
	m := map[string]any{}
	m[k] = t
	fmt.Println(m, x, y, (*t).A, t[0])
}`},
		{"embedded broken", `package p
import "time"
type R struct { C time.Time ` + "`pii:\"no,created\"`" + ` }
type S struct { R; *R; Missing; C time.Time ` + "`pii:\"no,created\"`" + ` }`},
		{"broken keys, getters and results", `package p
import ("fmt"; "errors"; "os"; "text/template")
type T struct{ A string ` + "`pii:\"phone\"`" + ` }
type H struct { Rec T; M map[Missing]int; N map[T]Nope; Token string }
func (t T) Get() string { return t.A; return }
func get(t T) string { if t.A == "" { return missing }; return t.A }
func find() (T, error) { return T{}, &Nope{}; return T{}, fmt.Errorf("%w", undefined) }
func f(t T, h H, m map[T]int) {
	_, err := find(zz)
	fmt.Println(t.Get(), get(t), err, m, h.M)
	fmt.Println(errors.Join(err, nil))
	template.Must(nil).Execute(os.Stdout, t, extra)
	os.Stderr.WriteString(t.A, 1)
	panic(t.A, 2)
	//piivet:ignore
	println(
}`},
		{"broken directives", `package p
//piivet:ignore reason
//piivet:
import "fmt"
func f() { fmt.Println(1) } //piivet:ignore`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := analyze(tt.src); err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
}

// analyze type-checks src as package p, as far as it goes, and runs the analyzer on it
// alone (no facts from other packages), returning what it reports.
func analyze(src string) ([]analysis.Diagnostic, error) {
	return analyzeWith(token.NewFileSet(), nil, src)
}

// analyzeWith is analyze with an importer for the packages src imports (nil: none
// resolves), whose file set is fset.
func analyzeWith(fset *token.FileSet, imp types.Importer, src string) ([]analysis.Diagnostic, error) {
	f, _ := parser.ParseFile(fset, "p.go", src, parser.AllErrors)
	if f == nil {
		return nil, errors.New("no file parsed")
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Error: func(error) {}, Importer: imp}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, info)
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer: piivet.Analyzer, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
		Report:           func(d analysis.Diagnostic) { diags = append(diags, d) },
		ImportObjectFact: func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact: func(types.Object, analysis.Fact) {},
	}
	_, err := piivet.Analyzer.Run(pass)
	return diags, err
}
