package piivet

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/analysis"
)

// flow records, for one package, what its variables were given: whether a variable held
// a redacted copy at a point of the source, which values were stored into a variable of
// interface, slice, array or map type (an argument list, logrus.Fields, a list of
// addresses), and which functions a variable of function type was set to. It follows source order,
// not control flow: the assignment written last before a use is the one that counts.
type flow struct {
	pass   *analysis.Pass
	sets   map[types.Object][]set         // assignments to a variable, in source order
	stored map[types.Object][]ast.Expr    // values stored into a variable that collects them
	funcs  map[types.Object][]*types.Func // functions a function variable was set to
	// methodExprs holds the function variables set to a method expression.
	methodExprs map[types.Object]bool
	handler     bool // the package builds a pii.NewHandler
	setsDefault bool // the package sets slog's default logger
	// defaultSet: a package it depends on sets a pii.NewHandler as slog's default
	// (the Handler fact), once defaultKnown.
	defaultSet, defaultKnown bool
	handlerVia               string                // the package that sets it
	hides                    map[hider]bool        // the adapters the package sets up (piizap.NewCore, ...)
	redacts                  map[*types.Func]bool  // the package's functions that return a redacted copy
	passes                   map[*types.Func]bool  // the package's functions that return their first parameter (see Passes)
	keeps                    map[*types.Func][]int // the package's functions whose text result keeps their parameters' (see Keeps)
	holds                    map[*types.Func][]int // the package's functions whose result holds their parameters (see Holds)
	scrubs                   map[*types.Func][]int // the package's functions that redact a parameter in place (see Scrubs)
	// closures gives each function literal set to a variable or field (logf :=
	// func(...) {...}) a function of its own, so that a call through the variable is
	// checked as a call of a helper that hands its arguments on.
	closures map[*ast.FuncLit]*types.Func
	// results holds, for each variable set to one of several results of a call, which
	// (u, err := find(id)).
	results map[types.Object][]result
	// setValues holds every value a variable is set to (not stored into it).
	setValues map[ast.Expr]bool
	graph     *callGraph // the package's call graph, for the fixpoints (see settle)
	// fieldStores holds, for each variable, the values assigned to each of its fields
	// (e.Payload = u), by field name.
	fieldStores map[types.Object]map[string][]ast.Expr
	mapKeys     map[ast.Expr]bool // the keys stored into a map (seen[u.Email] = true)
	// storedKey holds, for a value stored at an index or key of a variable (m["email"] =
	// u.Email, args[1] = u), that index or key.
	storedKey map[ast.Expr]ast.Expr
	// resets holds, for each strings.Builder or bytes.Buffer variable, where it was
	// emptied (b.Reset()).
	resets  map[types.Object][]token.Pos
	firsts  map[[2]token.Pos]bool   // runsFirst's answers
	escapes map[types.Object]escape // how each variable may change unseen (see escapesOf)
	// backRefs holds, for each variable asked, whether what is stored into it may hold
	// what it holds (see refersBack).
	backRefs map[*types.Var]bool
}

// A set is one assignment to a variable: redacted in place, or from value, which is
// the first of the results of a call when multi is set (r, err := pii.Redacted(p, u)),
// or nil when it cannot be known; zero marks a declaration without a value.
type set struct {
	at       token.Pos
	redacted bool
	// path is, for a redaction in place of a part of the variable (us[0], t.Owner), that
	// part, as written: what else the variable holds is as it was.
	path  string
	value ast.Expr
	multi bool
	zero  bool
	decl  bool // the variable's declaration (x := v, var x = v, var x T): its first value
}

func newFlow(pass *analysis.Pass) *flow {
	fl := &flow{pass: pass, sets: map[types.Object][]set{}, stored: map[types.Object][]ast.Expr{},
		funcs: map[types.Object][]*types.Func{}, methodExprs: map[types.Object]bool{}, hides: map[hider]bool{}, redacts: map[*types.Func]bool{}, passes: map[*types.Func]bool{}, keeps: map[*types.Func][]int{}, holds: map[*types.Func][]int{}, scrubs: map[*types.Func][]int{},
		closures: map[*ast.FuncLit]*types.Func{}, fieldStores: map[types.Object]map[string][]ast.Expr{}, mapKeys: map[ast.Expr]bool{}, setValues: map[ast.Expr]bool{}, results: map[types.Object][]result{},
		storedKey: map[ast.Expr]ast.Expr{}, resets: map[types.Object][]token.Pos{}, firsts: map[[2]token.Pos]bool{}, backRefs: map[*types.Var]bool{}}
	fl.settleScrubs()
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				switch {
				case n.Tok == token.ASSIGN || n.Tok == token.DEFINE:
					fl.assign(n.Lhs, n.Rhs, n.Pos())
				case n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1:
					// msg += u.Email is msg = msg + u.Email
					sum := &ast.BinaryExpr{X: n.Lhs[0], OpPos: n.TokPos, Op: token.ADD, Y: n.Rhs[0]}
					fl.assign(n.Lhs, []ast.Expr{sum}, n.Pos())
				}
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					if h := setsZerologHook(pass, n.Lhs[0], n.Rhs[0]); h != noHider {
						fl.hides[h] = true
					}
				}
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				fl.assign(lhs, n.Values, n.Pos())
			case *ast.KeyValueExpr: // Server{logf: log.Printf}
				if id, ok := n.Key.(*ast.Ident); ok {
					fl.setField(id, n.Value)
				}
			case *ast.SendStmt: // ch <- u: u is stored into ch
				if o := fl.object(n.Chan); o != nil {
					if _, ok := o.Type().Underlying().(*types.Chan); ok {
						fl.stored[o] = append(fl.stored[o], n.Value)
					}
				}
			case *ast.RangeStmt:
				fl.redactsEach(n)
				if o := fl.object(n.Key); o != nil {
					// The one variable of a range over a channel or an iterator is its
					// element; over a slice, array, map or string, an index or key.
					var elem ast.Expr
					if t := pass.TypesInfo.TypeOf(n.X); t != nil {
						switch t.Underlying().(type) {
						case *types.Chan, *types.Signature:
							elem = n.X
						}
					}
					fl.sets[o] = append(fl.sets[o], set{at: n.Pos(), value: elem})
					if elem != nil && collects(o.Type()) {
						fl.stored[o] = append(fl.stored[o], elem) // for ev := range events
					}
				}
				if o := fl.object(n.Value); o != nil { // an element of a redacted slice is redacted
					fl.sets[o] = append(fl.sets[o], set{at: n.Pos(), value: n.X})
					if collects(o.Type()) {
						fl.stored[o] = append(fl.stored[o], n.X) // for _, v := range args
					}
				}
			case *ast.CallExpr:
				if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
					fl.bind(lit, n)
				}
				if isPIICall(pass, n, "NewHandler") {
					fl.handler = true
				}
				if isCall(pass, n, "log/slog", "SetDefault") {
					fl.setsDefault = true
				}
				if h := hiderOf(pass, n); h != noHider {
					fl.hides[h] = true
				}
				for _, a := range fl.redactedArgs(n) { // p.Redact(&u), or s.scrub(&u)
					fl.redactInPlace(a, n.End())
				}
				fl.storeWrite(n) // b.WriteString(u.Email), copy(dst, src)
			}
			return true
		})
	}
	// In source order, so that the set before a point is found by binary search: a
	// variable set thousands of times in one function costs no more per use.
	for _, sets := range fl.sets {
		slices.SortStableFunc(sets, func(a, b set) int { return cmp.Compare(a.at, b.at) })
		for _, s := range sets {
			if s.value != nil {
				fl.setValues[s.value] = true
			}
		}
	}
	for _, stored := range fl.stored {
		slices.SortStableFunc(stored, func(a, b ast.Expr) int { return cmp.Compare(a.Pos(), b.Pos()) })
	}
	fl.settlePasses()
	fl.settleRedacts()
	// A text kept from a list a helper builds (strings.Join(parts(s), " ")), and a list
	// built from a text a helper keeps: each fact follows the other, until neither
	// grows.
	for kept, held := -1, -1; kept != paramCount(fl.keeps) || held != paramCount(fl.holds); {
		kept, held = paramCount(fl.keeps), paramCount(fl.holds)
		fl.settleKeeps()
		fl.settleHolds()
	}
	return fl
}

// paramCount is how many parameters the facts of m name, all functions together: it
// only grows as a fixpoint learns more.
func paramCount(m map[*types.Func][]int) int {
	n := 0
	for _, ps := range m {
		n += len(ps)
	}
	return n
}

// before returns the sets of v written before at, in source order.
func (fl *flow) before(v types.Object, at token.Pos) []set {
	sets := fl.sets[v]
	i, _ := slices.BinarySearchFunc(sets, at, func(s set, at token.Pos) int { return cmp.Compare(s.at, at) })
	return sets[:i]
}

// assign records lhs = rhs (or :=, or a var declaration) written at pos.
func (fl *flow) assign(lhs, rhs []ast.Expr, pos token.Pos) {
	for i, l := range lhs {
		var value ast.Expr
		multi := false
		switch {
		case len(rhs) == len(lhs):
			value = rhs[i]
		case len(rhs) == 1 && i == 0:
			value, multi = rhs[0], true
		}
		if id, ok := ast.Unparen(l).(*ast.Ident); ok {
			o := fl.pass.TypesInfo.ObjectOf(id)
			if o == nil || id.Name == "_" {
				continue
			}
			decl := fl.pass.TypesInfo.Defs[id] == o
			fl.sets[o] = append(fl.sets[o], set{at: pos, value: value, multi: multi, zero: len(rhs) == 0, decl: decl})
			if call, ok := ast.Unparen(firstOf(rhs)).(*ast.CallExpr); ok && len(rhs) == 1 && len(lhs) > 1 {
				fl.results[o] = append(fl.results[o], result{call: call, index: i, at: pos})
			}
			if value == nil || multi {
				continue
			}
			if collects(o.Type()) {
				fl.stored[o] = append(fl.stored[o], value)
			}
			if fn := fl.funcValue(value, o.Name()); fn != nil {
				fl.setFunc(o, fn, value)
			}
			continue
		}
		if value == nil {
			continue
		}
		// s.logf = log.Printf: the field is a function variable too.
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
			fl.setField(sel.Sel, value)
			fl.storeField(sel, value) // e.Payload = u
		}
		// x[k] = v, x.f = v: v is stored into the variable x; into a map, k too, which
		// fmt and encoding/json print as they print v (seen[u.Email] = true).
		if o := fl.object(l); o != nil && collects(o.Type()) {
			fl.stored[o] = append(fl.stored[o], value)
			if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
				if x, ok := identVar(fl.pass, ix.X); ok && x == o && !multi {
					fl.storedKey[value] = ix.Index // m["email"] = u.Email, not m2["a"]["b"] = u
				}
				if t := fl.pass.TypesInfo.TypeOf(ix.X); t != nil {
					if _, isMap := t.Underlying().(*types.Map); isMap {
						fl.stored[o] = append(fl.stored[o], ix.Index)
						fl.mapKeys[ix.Index] = true
					}
				}
			}
		}
	}
}

// bind records a function literal called where it is written, func(v any) { ... }(u),
// as if its parameters were assigned its arguments.
func (fl *flow) bind(lit *ast.FuncLit, call *ast.CallExpr) {
	var params []ast.Expr
	for _, f := range lit.Type.Params.List {
		for _, id := range f.Names {
			params = append(params, id)
		}
	}
	if len(params) == len(call.Args) && !call.Ellipsis.IsValid() {
		fl.assign(params, call.Args, call.Pos())
	}
}

// setFunc records that the variable (or field) v was set to fn, written as value: a
// method expression ((*log.Logger).Printf) takes the receiver as its first argument.
func (fl *flow) setFunc(v types.Object, fn *types.Func, value ast.Expr) {
	fl.funcs[v] = append(fl.funcs[v], fn)
	if sel, ok := ast.Unparen(value).(*ast.SelectorExpr); ok {
		if s, ok := fl.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			fl.methodExprs[v] = true
		}
	}
}

// setField records that the struct field named by id was set to value, when value is
// a function.
func (fl *flow) setField(id *ast.Ident, value ast.Expr) {
	v, ok := fl.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !v.IsField() {
		return
	}
	if fn := fl.funcValue(value, v.Name()); fn != nil {
		fl.setFunc(v, fn, value)
	}
}

// funcValue returns the function e denotes as a value: a named function or method
// (fmt.Println, l.Printf), or a function literal, as a function named name.
func (fl *flow) funcValue(e ast.Expr, name string) *types.Func {
	lit, ok := ast.Unparen(e).(*ast.FuncLit)
	if !ok {
		return funcOf(fl.pass, e)
	}
	if fn, ok := fl.closures[lit]; ok {
		return fn
	}
	sig, ok := fl.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if !ok || fl.pass.Pkg == nil {
		return nil
	}
	fn := types.NewFunc(lit.Pos(), fl.pass.Pkg, name, sig)
	fl.closures[lit] = fn
	return fn
}

// object returns the variable e names: x, &x, *x, x.f or x[i] all name x.
func (fl *flow) object(e ast.Expr) types.Object {
	id, ok := rootIdent(fl.pass, e)
	if !ok {
		return nil
	}
	if v, ok := fl.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
		return v
	}
	return nil
}

// redacted reports whether e is (part of, or a pointer to) a variable that holds, where
// e is written, pii.Redacted's copy or a value redacted in place.
func (fl *flow) redacted(e ast.Expr) bool {
	return fl.redactedAt(e, e.Pos(), 0)
}

func (fl *flow) redactedAt(e ast.Expr, at token.Pos, depth int) bool {
	if depth > 8 {
		return false
	}
	if kept, ok := fl.sameData(e); ok {
		// plain(r), rs[:1], append(rs[:0:0], rs...): the copy's data, and nothing else
		for _, k := range kept {
			if !fl.redactedAt(k, at, depth+1) {
				return false
			}
		}
		return len(kept) > 0
	}
	if call, ok := root(fl.pass, e).(*ast.CallExpr); ok {
		return fl.redactingCallAt(call, depth+1) // pii.Redacted(nil, u), or its field
	}
	o := fl.object(e)
	if o == nil || depth > 8 {
		return false
	}
	var last *set
	sets := fl.before(o, at)
	for i := len(sets) - 1; i >= 0 && last == nil; i-- {
		switch {
		case sets[i].path == "":
			last = &sets[i]
		case within(e, sets[i].path):
			return true // t.Owner.Email, after p.Redact(&t.Owner)
		}
	}
	switch {
	case last == nil:
		return false
	case last.redacted:
		return true
	case last.multi:
		call, ok := ast.Unparen(last.value).(*ast.CallExpr)
		return ok && fl.redactingCallAt(call, depth+1)
	case last.value != nil:
		return fl.redactedAt(last.value, last.at, depth+1) // r2 := r
	}
	return false
}

// sameData returns, when e holds only data of the values it is made of, those values:
// the operand of a conversion (type plain User; plain(r), which cannot add to what r
// holds), of a slice expression (rs[:1]), and what an append adds to an empty base
// (append([]User(nil), rs...)) or adds with its base (append(rs, r)). false for any
// other expression.
func (fl *flow) sameData(e ast.Expr) ([]ast.Expr, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.SliceExpr:
		return []ast.Expr{x.X}, true
	case *ast.CallExpr:
		if isConversion(fl.pass, x) {
			return x.Args, true
		}
		if b, ok := calleeObject(fl.pass, x.Fun).(*types.Builtin); ok && b.Name() == "append" && len(x.Args) > 0 {
			if fl.nothing(x.Args[0]) {
				return x.Args[1:], true
			}
			return x.Args, true
		}
	}
	return nil, false
}

// nothing reports whether e holds no value at all: nil, an empty literal, a conversion
// of one ([]User(nil)), or a slice of none (rs[:0]).
func (fl *flow) nothing(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.CallExpr:
		return isConversion(fl.pass, x) && fl.nothing(x.Args[0])
	case *ast.SliceExpr:
		tv, ok := fl.pass.TypesInfo.Types[x.High]
		return x.High != nil && ok && tv.Value != nil && tv.Value.String() == "0"
	}
	tv, ok := fl.pass.TypesInfo.Types[e]
	return ok && tv.IsNil()
}

// redactInPlace records that what arg points to is redacted in place at pos: the
// variable x of &x (or a pointer variable last set to &x: pp := &x; p.Redact(pp)), or
// only the part of it that &x.f or &xs[i] names. A copy taken before is not redacted.
func (fl *flow) redactInPlace(arg ast.Expr, pos token.Pos) {
	target := ast.Unparen(arg)
	if v, ok := identVar(fl.pass, target); ok {
		if addr, ok := ast.Unparen(fl.lastValue(v, pos)).(*ast.UnaryExpr); ok && addr.Op == token.AND {
			if _, ok := identVar(fl.pass, addr.X); ok {
				fl.redactInPlace(addr, pos) // pp := &x; p.Redact(pp): x is redacted too
			}
		}
	}
	if u, ok := target.(*ast.UnaryExpr); ok && u.Op == token.AND {
		target = ast.Unparen(u.X)
	}
	o := fl.object(target)
	if t := fl.pass.TypesInfo.TypeOf(target); o == nil || t == nil || isBasic(t) {
		return // p.Redact(&u.Email): a string carries no tag to redact it by
	}
	path := ""
	if _, whole := target.(*ast.Ident); !whole {
		path = types.ExprString(target)
	}
	fl.sets[o] = append(fl.sets[o], set{at: pos, redacted: true, path: path})
}

// redactsEach records, for a loop over xs that redacts each element in place, and on
// every turn (for i := range xs { _ = p.Redact(&xs[i]) }, not under an if, with no
// continue, break, goto or return before it: see skipsTurn), that xs is redacted whole
// where the loop ends.
func (fl *flow) redactsEach(loop *ast.RangeStmt) {
	id, ok := ast.Unparen(loop.Key).(*ast.Ident)
	if loop.Key == nil || !ok {
		return
	}
	key := fl.pass.TypesInfo.ObjectOf(id) // for i := range, or for i = range
	xs, ok := identVar(fl.pass, loop.X)
	if key == nil || !ok {
		return
	}
	for _, st := range loop.Body.List {
		// _ = p.Redact(&xs[i]), err := ..., if err := p.Redact(&xs[i]); err != nil, or a
		// helper that redacts its parameter in place: s.scrub(&xs[i])
		for _, a := range fl.redactedArgs(redactionCall(st)) {
			addr, ok := ast.Unparen(a).(*ast.UnaryExpr)
			if !ok || addr.Op != token.AND {
				continue
			}
			ix, ok := ast.Unparen(addr.X).(*ast.IndexExpr)
			if !ok {
				continue
			}
			if x, ok := identVar(fl.pass, ix.X); ok && x == xs {
				if i, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && fl.pass.TypesInfo.ObjectOf(i) == key {
					fl.sets[xs] = append(fl.sets[xs], set{at: loop.End(), redacted: true})
					return
				}
			}
		}
		if skipsTurn(st) {
			return // if us[i].ID == 0 { continue }: that element stays as it is
		}
	}
}

// skipsTurn reports whether st, a statement of a loop's body, holds a branch statement
// that can leave the turn: a continue, break or goto, or a return (not in a function
// literal). An unlabeled break or continue in a loop of its own, or an unlabeled break
// in a switch or select, leaves only that one.
func skipsTurn(st ast.Stmt) bool {
	found := false
	var walk func(n ast.Node, inLoop, inSwitch bool)
	walk = func(n ast.Node, inLoop, inSwitch bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				switch {
				case n.Label != nil || n.Tok == token.GOTO:
					found = true
				case n.Tok == token.CONTINUE:
					found = !inLoop
				case n.Tok == token.BREAK:
					found = !inLoop && !inSwitch
				}
			case *ast.ForStmt:
				walk(n.Body, true, inSwitch)
				return false
			case *ast.RangeStmt:
				walk(n.Body, true, inSwitch)
				return false
			case *ast.SwitchStmt:
				walk(n.Body, inLoop, true)
				return false
			case *ast.TypeSwitchStmt:
				walk(n.Body, inLoop, true)
				return false
			case *ast.SelectStmt:
				walk(n.Body, inLoop, true)
				return false
			}
			return !found
		})
	}
	walk(st, false, false)
	return found
}

// within reports whether e, with any & or * before it, is the part of a variable that
// path names (t.Owner), or a part of that part (t.Owner.Email, us[0].Email).
func within(e ast.Expr, path string) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return false
			}
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		}
		break
	}
	s := types.ExprString(ast.Unparen(e))
	if s == path {
		return true
	}
	rest, ok := strings.CutPrefix(s, path)
	return ok && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "["))
}

// lastValue returns the value v was last set to before at, in source order (email :=
// u.Email; for _, x := range xs gives xs), or nil when it was set to none, redacted in
// place, or to one of several results of a call.
func (fl *flow) lastValue(v *types.Var, at token.Pos) ast.Expr {
	var last *set
	sets := fl.before(v, at)
	for i := len(sets) - 1; i >= 0 && last == nil; i-- {
		if s := sets[i]; s.path == "" && !(s.value != nil && s.value.Pos() <= at && at < s.value.End()) {
			last = &sets[i] // not the statement at is in: x = f(x)
		}
	}
	if last == nil || last.redacted || last.multi || last.zero {
		return nil
	}
	return last.value
}

// contents returns the values e may hold when e is an interface, slice, array or map:
// the elements of a composite literal, the values stored into a variable, what append
// added, what the function literal a mapping call is given returns; and the operands
// of a string concatenation or a conversion.
func (fl *flow) contents(e ast.Expr, seen map[types.Object]bool) []ast.Expr {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CompositeLit:
		// A value put into a field tagged as personal data of a struct is redacted with
		// it, by that tag, wherever the struct is: the struct itself is reported where a
		// sink would print it as it is.
		var st *types.Struct
		if t := fl.pass.TypesInfo.TypeOf(e); t != nil {
			st, _ = t.Underlying().(*types.Struct)
		}
		var out []ast.Expr
		for i, el := range e.Elts {
			field := i
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el, field = kv.Value, -1
				if id, ok := kv.Key.(*ast.Ident); ok && st != nil {
					field = fieldIndex(st, id.Name)
				}
			}
			if st != nil && redactedField(st, field) {
				continue
			}
			out = append(out, el)
		}
		return out
	case *ast.Ident:
		o := fl.pass.TypesInfo.ObjectOf(e)
		if o == nil || seen[o] {
			return nil
		}
		seen[o] = true
		if _, ok := o.Type().Underlying().(*types.Chan); ok {
			return fl.stored[o] // ranged over: what was sent on it
		}
		if v, ok := o.(*types.Var); ok && !v.IsField() && !collects(v.Type()) {
			if from := fl.lastValue(v, e.Pos()); from != nil {
				return []ast.Expr{from} // a local copy: email := u.Email
			}
			return nil
		}
		return fl.storedAt(o, e.Pos())
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return []ast.Expr{e.X, e.Y} // "user " + u.Email
		}
	case *ast.UnaryExpr:
		switch e.Op {
		case token.AND:
			return []ast.Expr{e.X} // &Entry{...}
		case token.ARROW:
			if o := fl.object(e.X); o != nil && !seen[o] {
				seen[o] = true
				var sent []ast.Expr // <-ch: what was sent on ch before, in source order
				for _, v := range fl.stored[o] {
					if v.Pos() < e.Pos() {
						sent = append(sent, v)
					}
				}
				return sent
			}
		}
	case *ast.SliceExpr:
		return []ast.Expr{e.X} // a part of the text: email[:3]
	case *ast.IndexExpr:
		if fl.splitText(e.X, e.Pos()) {
			return []ast.Expr{e.X} // a part of a split text: strings.Split(u.Email, "@")[0]
		}
		return fl.elements(e, seen) // args[0], m["user"]
	case *ast.SelectorExpr:
		return fl.fieldValues(e) // e.Payload of e := Envelope{Payload: u}
	case *ast.CallExpr:
		if isConversion(fl.pass, e) && !toAddress(fl.pass, e) {
			return e.Args // any(u), string(u.Email)
		}
		if keepsText(fl.pass, e) {
			return keptText(fl.pass, e) // strings.ToLower(u.Email)
		}
		if held := fl.textOf(e); held != nil {
			return held // fmt.Errorf("find: %w", err), err.Error()
		}
		if kept := fl.keptArgs(e); kept != nil {
			return kept // normalizeEmail(u.Email)
		}
		if held := fl.heldArgs(e); held != nil {
			return held // Box(u), pair("user", u)
		}
		if b, ok := calleeObject(fl.pass, e.Fun).(*types.Builtin); ok && b.Name() == "append" {
			return e.Args // the slice appended to, and what is appended (or a slice of it)
		}
		if mapped := fl.mappedResults(e); mapped != nil {
			return mapped // Map(us, func(u User, _ int) string { return u.Email })
		}
	}
	return nil
}

// textOf returns what call's result prints of what it is given: the errors fmt.Errorf
// wraps with %w and errors.Join joins (their texts are in the result's; what Errorf
// formats otherwise is reported at Errorf, a sink itself), the receiver of an Error
// or String method called with nothing (err.Error()), and the strings.Builder or
// bytes.Buffer whose text Bytes gives. nil for any other call.
func (fl *flow) textOf(call *ast.CallExpr) []ast.Expr {
	if errs := wrappedErrors(fl.pass, call); errs != nil {
		return errs
	}
	if b := fl.bufferText(call); b != nil {
		return []ast.Expr{b} // b.String(), buf.Bytes()
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || sel.Sel.Name != "Error" && sel.Sel.Name != "String" {
		return nil
	}
	if s, ok := fl.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodVal {
		return []ast.Expr{sel.X}
	}
	return nil
}

// splitText reports whether e, met at, is the pieces of a text that a split gave
// (strings.Split(u.Email, "@"), or a variable last set to one): any piece may hold
// what the text held. A slice of texts of other origins ([]string{id, email}) is not
// taken for one: which element holds what is not followed.
func (fl *flow) splitText(e ast.Expr, at token.Pos) bool {
	if v, ok := identVar(fl.pass, e); ok {
		e = fl.lastValue(v, at)
		if e == nil {
			return false
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && keepsText(fl.pass, call) && isStringSlice(fl.pass.TypesInfo.TypeOf(call))
}

// isStringSlice reports whether t is a slice or array of strings or of byte slices:
// what a split of a text gives.
func isStringSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false
	}
	if b, ok := elem.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	s, ok := elem.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// fieldIndex returns the index of the field name of st, or -1.
func fieldIndex(st *types.Struct, name string) int {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// redactedField reports whether field i of st is exported and tagged as personal data
// with a tag the library reads: what is put there is redacted with the struct.
func redactedField(st *types.Struct, i int) bool {
	if i < 0 || i >= st.NumFields() || !st.Field(i).Exported() {
		return false
	}
	raw, ok, err := pii.LookupTag(reflect.StructTag(st.Tag(i)))
	if !ok || err != nil {
		return false
	}
	tag, err := pii.ParseTag(raw)
	return err == nil && tag.Class == pii.PII
}

// textKeepers are the standard functions whose result is their first argument, changed
// in case, space, quoting or escaping only, or joined, split or with parts replaced:
// strings.ToLower(u.Email) is the address still, strings.Join([]string{u.Email}, ",") too.
var textKeepers = map[string]map[string]bool{
	"strings": {"ToLower": true, "ToUpper": true, "ToTitle": true, "Title": true, "TrimSpace": true,
		"Trim": true, "TrimLeft": true, "TrimRight": true, "TrimPrefix": true, "TrimSuffix": true,
		"Clone": true, "ToValidUTF8": true, "Join": true, "Split": true, "SplitN": true, "Fields": true,
		"Replace": true, "ReplaceAll": true},
	"bytes": {"ToLower": true, "ToUpper": true, "TrimSpace": true, "Trim": true, "TrimPrefix": true,
		"TrimSuffix": true, "Clone": true, "Join": true, "Split": true, "Fields": true, "ReplaceAll": true},
	"strconv": {"Quote": true, "QuoteToASCII": true, "QuoteToGraphic": true},
	"html":    {"EscapeString": true},
	"net/url": {"QueryEscape": true, "PathEscape": true},
	// Encodings anyone can reverse: base64.StdEncoding.EncodeToString([]byte(u.Email))
	// is the address still.
	"encoding/base64": {"EncodeToString": true},
	"encoding/base32": {"EncodeToString": true},
	"encoding/hex":    {"EncodeToString": true, "Dump": true},
}

// textAppenders are the standard functions whose result is their first argument with
// the others appended, quoted or encoded only (strconv.AppendQuote(nil, u.Name),
// base64.StdEncoding.AppendEncode(nil, b)): it holds what each of them holds.
var textAppenders = map[string]map[string]bool{
	"strconv":         {"AppendQuote": true, "AppendQuoteToASCII": true, "AppendQuoteToGraphic": true},
	"encoding/base64": {"AppendEncode": true},
	"encoding/base32": {"AppendEncode": true},
	"encoding/hex":    {"AppendEncode": true},
}

// keepsText reports whether call is one of textKeepers or textAppenders.
func keepsText(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := calleeObject(pass, call.Fun).(*types.Func)
	if !ok || fn.Pkg() == nil || len(call.Args) == 0 {
		return false
	}
	return textKeepers[fn.Pkg().Path()][fn.Name()] || textAppenders[fn.Pkg().Path()][fn.Name()]
}

// keptText returns the arguments whose text call, one of keepsText's, keeps: the first,
// or every one of an appender's.
func keptText(pass *analysis.Pass, call *ast.CallExpr) []ast.Expr {
	if fn, ok := calleeObject(pass, call.Fun).(*types.Func); ok && textAppenders[fn.Pkg().Path()][fn.Name()] {
		return call.Args
	}
	return call.Args[:1]
}

// isConversion reports whether call converts its one argument to a type: any(u).
func isConversion(pass *analysis.Pass, call *ast.CallExpr) bool {
	tv, ok := pass.TypesInfo.Types[call.Fun]
	return ok && tv.IsType() && len(call.Args) == 1
}

// toAddress reports whether call converts to an unsafe.Pointer, or one to a uintptr:
// what it holds is an address, which a sink prints as a number.
func toAddress(pass *analysis.Pass, call *ast.CallExpr) bool {
	b, ok := types.Unalias(pass.TypesInfo.TypeOf(call)).(*types.Basic)
	switch {
	case !ok:
		return false
	case b.Kind() == types.UnsafePointer:
		return true
	case b.Kind() == types.Uintptr:
		from, ok := types.Unalias(pass.TypesInfo.TypeOf(call.Args[0])).(*types.Basic)
		return ok && from.Kind() == types.UnsafePointer
	}
	return false
}

// collects reports whether a value of type t holds values its type does not name, or
// not all of them: an interface, a slice, array or map, or a struct (or a pointer to
// one), into which the package may store personal data (args = append(args, u),
// emails = append(emails, u.Email), Entry{Msg: u.Email}).
func collects(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false // T's values are its instantiations': see mentionsTypeParam
	}
	u := types.Unalias(t).Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
		_, ok := u.(*types.Struct)
		return ok
	}
	switch u.(type) {
	case *types.Interface, *types.Slice, *types.Array, *types.Map, *types.Struct:
		return true
	}
	return false
}

// elemOf returns the element type of a pointer, slice, array or map type, or nil.
func elemOf(t types.Type) types.Type {
	if e, ok := t.(interface{ Elem() types.Type }); ok {
		if _, isChan := t.(*types.Chan); !isChan {
			return e.Elem()
		}
	}
	return nil
}

// funcOf returns the function e denotes as a value (fmt.Println, l.Printf,
// (*log.Logger).Printf), or nil.
func funcOf(pass *analysis.Pass, e ast.Expr) *types.Func {
	fn, _ := calleeObject(pass, e).(*types.Func)
	return fn
}

// paramArgs returns call's arguments as its callee's parameters, by index: for a
// method expression (N.norm(n, s), (*S).scrub(s, &u)) the receiver, given first, is
// left out, as the indexes of the Keeps, Scrubs and Stores facts count parameters after
// any receiver. keptArgs, redactedArgs and storedData share it so that they cannot
// disagree on which argument a fact's index names.
func paramArgs(pass *analysis.Pass, call *ast.CallExpr) []ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			if len(call.Args) == 0 {
				return nil
			}
			return call.Args[1:] // N.norm(n, s): the receiver comes first
		}
	}
	return call.Args
}

// calleeObject returns the object e names: a function, method, builtin or variable.
func calleeObject(pass *analysis.Pass, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := pass.TypesInfo.Selections[e]; ok {
			return sel.Obj()
		}
		return pass.TypesInfo.Uses[e.Sel]
	case *ast.IndexExpr: // an explicit instantiation: f[T]
		return calleeObject(pass, e.X)
	case *ast.IndexListExpr:
		return calleeObject(pass, e.X)
	}
	return nil
}

// rootIdent returns the variable at the root of x, &x, *x, x.f, x[i] or (x).
func rootIdent(pass *analysis.Pass, e ast.Expr) (*ast.Ident, bool) {
	id, ok := root(pass, e).(*ast.Ident)
	return id, ok
}

// root returns what e is part of: x for x, &x, *x, x.f or x[i], and f(a) for f(a).f;
// nil when e is part of no value it names (a method value, an instantiation).
func root(pass *analysis.Pass, e ast.Expr) ast.Expr {
	for range 32 {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SelectorExpr:
			sel, ok := pass.TypesInfo.Selections[x]
			if !ok || sel.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			switch pass.TypesInfo.TypeOf(x.X).(type) {
			case nil, *types.Signature: // f[T], an instantiation
				return nil
			}
			e = x.X
		default:
			return x
		}
	}
	return nil
}

// firstOf returns the first of es, or nil.
func firstOf(es []ast.Expr) ast.Expr {
	if len(es) == 0 {
		return nil
	}
	return es[0]
}
