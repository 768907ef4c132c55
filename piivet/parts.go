package piivet

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// elements returns what ix, an element of a slice, array or map (args[0], m["user"]),
// may be: of a literal, the element at a constant index or key (row[1] of
// []string{id, email} is email), or every one where the index is not constant; and
// every value (not key) stored, appended or copied into the variable indexed, but what
// was stored at another constant index or key (m["email"] = u.Email is not m["id"]),
// or appended after the index (args = append(args, u) of args := []any{1} is not
// args[0]). Where what a slice holds at an index may move (see moves), or what is
// stored into the variable may hold what it holds (see refersBack), every one. nil
// where ix.X is no collection.
func (fl *flow) elements(ix *ast.IndexExpr, seen map[types.Object]bool) []ast.Expr {
	t := fl.pass.TypesInfo.TypeOf(ix.X)
	if t == nil || !isCollection(t) {
		return nil
	}
	key := fl.pass.TypesInfo.Types[ix.Index].Value
	held := []ast.Expr{ix.X}
	if _, ok := ast.Unparen(ix.X).(*ast.Ident); ok {
		held = fl.contents(ix.X, seen) // what was stored into it
	}
	v, isVar := identVar(fl.pass, ix.X)
	if isVar && (indexed(t) && fl.moves(v) || fl.refersBack(v)) {
		key = nil // moved = moved[1:]: moved[0] was moved[1]; m["id"] = m["email"]
	}
	var out []ast.Expr
	for _, h := range held {
		if fl.mapKeys[h] || otherKey(fl.constKey(fl.storedKey[h]), key) {
			continue // seen[u.Email] = true: seen[k] is a value; m["email"] is not m["id"]
		}
		if lit, ok := ast.Unparen(h).(*ast.CompositeLit); ok && types.Identical(fl.pass.TypesInfo.TypeOf(lit), t) {
			out = append(out, picked(fl.pass.TypesInfo, lit, key)...)
			continue
		}
		if call := fl.selfAppend(h, v); isVar && call != nil {
			out = append(out, appendedAt(call, key, fl.minLen(v))...) // what v held is in held
			continue
		}
		out = append(out, h)
	}
	return out
}

// picked returns the elements of lit, a slice, array or map literal, at key: all of
// them where key is not known.
func picked(info *types.Info, lit *ast.CompositeLit, key constant.Value) []ast.Expr {
	var out []ast.Expr
	next := constant.MakeInt64(0) // the index of a positional element
	for _, el := range lit.Elts {
		at := next
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el, at = kv.Value, info.Types[kv.Key].Value
		}
		if at != nil && at.Kind() == constant.Int {
			next = constant.BinaryOp(at, token.ADD, constant.MakeInt64(1))
		}
		if key == nil || at == nil || at.Kind() == key.Kind() && constant.Compare(at, token.EQL, key) {
			out = append(out, el)
		}
	}
	return out
}

// fieldValues returns what sel, a field of a local variable of struct type (e.Payload,
// s.data), may hold: the value the literal the variable was last set to puts there
// (e := Envelope{Payload: u}, or &Envelope{...}), and the values assigned to that field
// of it before (e.Payload = u); from the last of them that runs first on every path to
// sel, if one does (see overwrite), on. nil for any other selection.
func (fl *flow) fieldValues(sel *ast.SelectorExpr) []ast.Expr {
	s, ok := fl.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil
	}
	v, ok := identVar(fl.pass, sel.X)
	if !ok {
		return nil
	}
	stores := fl.fieldStores[v][sel.Sel.Name]
	from := fl.overwrite(v, stores, sel.Pos())
	var out []ast.Expr
	if last := fl.lastValue(v, sel.Pos()); last != nil && last.Pos() >= from {
		if u, ok := ast.Unparen(last).(*ast.UnaryExpr); ok && u.Op == token.AND {
			last = u.X
		}
		if lit, ok := ast.Unparen(last).(*ast.CompositeLit); ok {
			out = append(out, litField(fl.pass.TypesInfo, lit, s.Index()[0], sel.Sel.Name)...)
		}
	}
	for _, st := range stores {
		if from <= st.Pos() && st.Pos() < sel.Pos() {
			out = append(out, st)
		}
	}
	return out
}

// overwrite returns where the latest of stores, the values assigned to a field of v
// (e.Payload = u.ID), that runs first on every path to use begins (see lastFirst):
// what the field held before it is gone there.
func (fl *flow) overwrite(v *types.Var, stores []ast.Expr, use token.Pos) token.Pos {
	return fl.lastFirst(v, positions(stores), use, 0)
}

// lastFirst returns the latest of at, the positions of statements that overwrite v or a
// part of it (a field's stores, a buffer's resets), before use, that runs first on every
// path to use (see runsFirst): token.NoPos if none, or if v may change unseen, other
// than by the escapes ignore names (a pointer, or a variable named in a function
// literal, or whose address is taken: see escapesOf).
func (fl *flow) lastFirst(v *types.Var, at []token.Pos, use token.Pos, ignore escape) token.Pos {
	if len(at) == 0 {
		return token.NoPos
	}
	if _, ptr := v.Type().Underlying().(*types.Pointer); ptr || fl.escapesOf(v)&^ignore != 0 {
		return token.NoPos
	}
	best := token.NoPos
	for _, p := range at {
		if best < p && p < use && fl.runsFirst(p, use) {
			best = p
		}
	}
	return best
}

// positions returns where each of es begins.
func positions(es []ast.Expr) []token.Pos {
	out := make([]token.Pos, len(es))
	for i, e := range es {
		out[i] = e.Pos()
	}
	return out
}

// litField returns the value lit, a struct literal, puts into its field i, named name.
func litField(info *types.Info, lit *ast.CompositeLit, i int, name string) []ast.Expr {
	if t := info.TypeOf(lit); t == nil {
		return nil
	} else if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	for j, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return []ast.Expr{kv.Value}
			}
			continue
		}
		if j == i {
			return []ast.Expr{el}
		}
	}
	return nil
}

// storeField records lhs = value where lhs is a field of a local variable (e.Payload =
// u): fieldValues reads it back.
func (fl *flow) storeField(lhs, value ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	v, ok := identVar(fl.pass, sel.X)
	if !ok {
		return
	}
	if fl.fieldStores[v] == nil {
		fl.fieldStores[v] = map[string][]ast.Expr{}
	}
	fl.fieldStores[v][sel.Sel.Name] = append(fl.fieldStores[v][sel.Sel.Name], value)
}
