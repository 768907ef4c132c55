package piivet

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
)

// Stores is the fact that a function puts some of its parameters into fields of a
// result that the result's own print method reads (func Invalid(field, value string)
// error { return &ValidationError{Field: field, Value: value} }, where Error quotes
// e.Value): where that result is printed, what was given there is printed with it. It
// is followed only there, not where the constructor is called: a parser's error that
// quotes its input is made whether it is printed or not.
type Stores struct {
	Params []StoredParam
}

// A StoredParam is one parameter a Stores function puts into a printed field.
type StoredParam struct {
	Index  int    // the parameter
	Result int    // the result it is put into
	Into   string // the field and its method: "apperr.ValidationError.Value, which apperr.ValidationError.Error prints"
}

// AFact marks Stores as an analysis fact.
func (*Stores) AFact() {}

// String names the fact in analysistest's output: "puts [1] where its result prints it".
func (s *Stores) String() string {
	var is []int
	for _, p := range s.Params {
		if !slices.Contains(is, p.Index) {
			is = append(is, p.Index)
		}
	}
	slices.Sort(is)
	return fmt.Sprintf("puts %v where its result prints it", is)
}

// settleStores finds the package's functions that put a parameter into a printed field
// of their result (each round may find a constructor of a constructor), and exports
// them as facts. It needs the printed fields (see printedFields).
func (ck *checker) settleStores() {
	ck.stores = map[*types.Func][]StoredParam{}
	ck.fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		changed := false
		for _, sp := range ck.storedParams(fd, fn) {
			if !slices.Contains(ck.stores[fn], sp) {
				ck.stores[fn], changed = append(ck.stores[fn], sp), true
			}
		}
		return changed
	})
	for fn, ps := range ck.stores {
		ck.pass.ExportObjectFact(fn, &Stores{Params: ps})
	}
}

// storedParams returns the parameters fd puts into a printed field of one of its
// results, on some path: in a literal it returns (directly, through &, or a local
// variable last set to one), or through another such function it returns the result
// of, or an error it wraps (fmt.Errorf's %w, errors.Join).
func (ck *checker) storedParams(fd *ast.FuncDecl, fn *types.Func) []StoredParam {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	var out []StoredParam
	add := func(sp StoredParam) {
		if !slices.Contains(out, sp) {
			out = append(out, sp)
		}
	}
	var into func(r ast.Expr, result, depth int)
	into = func(r ast.Expr, result, depth int) {
		if depth > 8 {
			return
		}
		switch x := ast.Unparen(r).(type) {
		case *ast.UnaryExpr:
			into(x.X, result, depth+1)
		case *ast.Ident:
			if v, ok := identVar(ck.pass, x); ok {
				if from := ck.fl.lastValue(v, x.Pos()); from != nil {
					into(from, result, depth+1)
				}
			}
		case *ast.CompositeLit:
			t := ck.pass.TypesInfo.TypeOf(x)
			if t == nil {
				return
			}
			st, ok := t.Underlying().(*types.Struct)
			if !ok {
				return
			}
			for i, el := range x.Elts {
				f := i
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el, f = kv.Value, -1
					if id, ok := kv.Key.(*ast.Ident); ok {
						f = fieldIndex(st, id.Name)
					}
				}
				if f < 0 || f >= st.NumFields() || !isBasic(st.Field(f).Type()) {
					continue
				}
				if m := ck.printedBy(t, st.Field(f)); m != "" {
					for _, p := range ck.paramsIn(sig, el) {
						add(StoredParam{Index: p, Result: result, Into: typeString(t) + "." + st.Field(f).Name() + ", which " + m + " prints"})
					}
				}
			}
		case *ast.CallExpr:
			for _, w := range wrappedErrors(ck.pass, x) {
				into(w, result, depth+1)
			}
			callee, _ := calleeObject(ck.pass, x.Fun).(*types.Func)
			args := paramArgs(ck.pass, x) // Check.Invalid(c, value): its receiver comes first
			for _, sp := range ck.storesOf(callee) {
				if sp.Result != 0 || sp.Index >= len(args) {
					continue // a call returned as one result gives its first
				}
				for _, p := range ck.paramsIn(sig, args[sp.Index]) {
					add(StoredParam{Index: p, Result: result, Into: sp.Into})
				}
			}
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == sig.Results().Len() {
				for i, r := range n.Results {
					into(r, i, 0)
				}
			}
		}
		return true
	})
	return out
}

// paramsIn returns the indexes of the parameters of sig whose value e holds: the
// parameter itself, or its text kept by the routes the flow follows ("user " + name,
// strings.ToLower(name)).
func (ck *checker) paramsIn(sig *types.Signature, e ast.Expr) []int {
	var out []int
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		if depth > 8 {
			return
		}
		if v, ok := identVar(ck.pass, e); ok {
			if i := paramIndex(sig, v); i >= 0 && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
		for _, held := range ck.fl.contents(e, seen) {
			walk(held, depth+1)
		}
	}
	walk(e, 0)
	return out
}

// storesOf returns what fn puts into printed fields of its results: the package's own,
// or another's by its Stores fact.
func (ck *checker) storesOf(fn *types.Func) []StoredParam {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if ps, ok := ck.stores[fn]; ok {
		return ps
	}
	if fn.Pkg() == nil || fn.Pkg() == ck.pass.Pkg {
		return nil
	}
	var s Stores
	if ck.pass.ImportObjectFact(fn, &s) {
		return s.Params
	}
	return nil
}

// storedData finds, in e, a call's result (or a variable last set to one, or an error
// wrapped in it) that holds personal data a constructor put into a printed field of it
// (apperr.Invalid("email", u.Email)): what it is, why it is personal data, and where it
// was put. Arguments that are parameters of the function visited are noted as handed
// on to sink s.
func (ck *checker) storedData(s sink, to string, e ast.Expr, depth int) (ast.Expr, string, bool) {
	call, index := ck.resultOf(e)
	if call == nil || depth > 8 {
		return nil, "", false
	}
	for _, w := range wrappedErrors(ck.pass, call) {
		if held, why, ok := ck.storedData(s, to, w, depth+1); ok {
			return held, why, true
		}
	}
	fn, _ := calleeObject(ck.pass, call.Fun).(*types.Func)
	if fn == nil {
		return nil, "", false
	}
	if _, ok := sinkOf(fn); ok {
		return nil, "", false // errors.New(u.Email): reported where it is called
	}
	fw, _ := ck.fw.of(fn)
	args := paramArgs(ck.pass, call) // Tag.label(t, s): its receiver comes first
	for _, sp := range ck.storesOf(fn) {
		if sp.Result != index || sp.Index >= len(args) {
			continue
		}
		if fw != nil && slices.Contains(fw.Params, sp.Index) {
			continue // errorf(u.Email): reported where it is called, as it hands it to a sink
		}
		a := args[sp.Index]
		if held, why, ok := ck.personalIn(a); ok {
			return held, fmt.Sprintf("%s; %s puts it into %s", why, calleeName(fn), sp.Into), true
		}
		ck.note(s, to, a)
	}
	return nil, "", false
}

// personalIn returns what of e is personal data by what it is (a field tagged as
// such, a getter's result), or by what it holds (a local copy, a concatenation, a
// text kept), and why; not a redacted copy.
func (ck *checker) personalIn(e ast.Expr) (ast.Expr, string, bool) {
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int) (ast.Expr, string, bool)
	walk = func(e ast.Expr, depth int) (ast.Expr, string, bool) {
		if depth > 8 || ck.fl.redacted(e) || ck.builtOfCopies(e) {
			return nil, "", false
		}
		if why, ok := ck.personal(sink{}, e); ok {
			return e, why, true
		}
		for _, held := range ck.fl.contents(e, seen) {
			if h, why, ok := walk(held, depth+1); ok {
				return h, why, true
			}
		}
		return nil, "", false
	}
	return walk(e, 0)
}
