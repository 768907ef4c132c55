package piivet

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// otherKey reports whether a and b are constant indexes or keys known to differ, so
// that what was stored at one is not read at the other: two numbers, or two texts, or
// two booleans, of different values, or constants of different kinds (in a map[any]any,
// 1 and "1" are different keys). false where either is not known.
func otherKey(a, b constant.Value) bool {
	if a == nil || b == nil || a.Kind() == constant.Unknown || b.Kind() == constant.Unknown {
		return false
	}
	if numeric(a) && numeric(b) || a.Kind() == b.Kind() {
		return !constant.Compare(a, token.EQL, b)
	}
	return true
}

// numeric reports whether v is a constant number.
func numeric(v constant.Value) bool {
	switch v.Kind() {
	case constant.Int, constant.Float, constant.Complex:
		return true
	}
	return false
}

// constKey returns the constant value of e, an index or a key, or nil (also for a nil e).
func (fl *flow) constKey(e ast.Expr) constant.Value {
	if e == nil {
		return nil
	}
	return fl.pass.TypesInfo.Types[e].Value
}

// selfAppend returns e when it appends to v itself (append(v, u), as in v = append(v,
// u)): what it adds lands after what v holds. nil otherwise.
func (fl *flow) selfAppend(e ast.Expr, v *types.Var) *ast.CallExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	if b, ok := calleeObject(fl.pass, call.Fun).(*types.Builtin); !ok || b.Name() != "append" {
		return nil
	}
	if x, ok := identVar(fl.pass, call.Args[0]); !ok || x != v {
		return nil
	}
	return call
}

// appendedAt returns what call, append(v, ...) of a v at least n long, appends that may
// land at index key: the j-th value appended lands at n+j or after; all where key is
// not a known index.
func appendedAt(call *ast.CallExpr, key constant.Value, n int64) []ast.Expr {
	k, known := int64(0), false
	if key != nil && key.Kind() == constant.Int {
		k, known = constant.Int64Val(key)
	}
	var out []ast.Expr
	for j, a := range call.Args[1:] {
		if !known || k >= n+int64(j) {
			out = append(out, a)
		}
	}
	return out
}

// minLen returns a length v, a slice or array variable, has at least wherever it is
// read: the least of what each value it is set to holds (a literal its elements, make
// its length, anything else none), appends to itself adding to it. 0 when v is not
// declared with a value of its own (a parameter: its caller's may be empty).
func (fl *flow) minLen(v *types.Var) int64 {
	if a, ok := v.Type().Underlying().(*types.Array); ok {
		return a.Len()
	}
	least, declared := int64(-1), false
	for _, s := range fl.sets[v] {
		declared = declared || s.decl
		if s.value != nil && !s.multi && !s.redacted && s.path == "" && fl.selfAppend(s.value, v) != nil {
			continue // v = append(v, u): as long as it was, and more
		}
		n := int64(0)
		if !s.multi && !s.redacted && s.path == "" {
			n = fl.lenOf(s.value)
		}
		if least < 0 || n < least {
			least = n
		}
	}
	if !declared || least < 0 {
		return 0
	}
	return least
}

// lenOf returns the length e, a slice value, is known to have at least: a literal's
// (its last index, plus one), make's constant length; 0 for anything else.
func (fl *flow) lenOf(e ast.Expr) int64 {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		n, next := int64(0), int64(0)
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				k := fl.constKey(kv.Key)
				if k == nil || k.Kind() != constant.Int {
					return 0
				}
				next, _ = constant.Int64Val(k)
			}
			next++
			n = max(n, next)
		}
		return n
	case *ast.CallExpr:
		if b, ok := calleeObject(fl.pass, x.Fun).(*types.Builtin); ok && b.Name() == "make" && len(x.Args) >= 2 {
			if k := fl.constKey(x.Args[1]); k != nil && k.Kind() == constant.Int {
				n, _ := constant.Int64Val(k)
				return n
			}
		}
	}
	return 0
}

// moves reports whether what is at each index of v, a slice or array variable, may move
// to another (v = v[1:], slices.Reverse(v), copy(v, v[1:])), or be written unseen: its
// address is taken, a method is called on it, or it is named as a value other than to
// read it or append to itself (see escapesOf). Then an index says nothing of what is
// there.
func (fl *flow) moves(v *types.Var) bool {
	return fl.escapesOf(v)&(addressed|pointerCalled|shared) != 0
}

// refersBack reports whether a value stored into v (not the base of an append to itself)
// may hold what v holds, read back by the routes contents follows (m["id"] =
// m["email"], x := args[1]; args[0] = x, s := b.String(); b.WriteString(s)): what is at
// one index may then be what was at another, or what a reset emptied, and a walk that
// meets v once, then stops (see contents' seen), would not see it where an index or a
// reset is trusted. Found once per variable; true while it is being found, and where
// the routes go too deep to follow.
func (fl *flow) refersBack(v *types.Var) bool {
	if r, ok := fl.backRefs[v]; ok {
		return r
	}
	fl.backRefs[v] = true
	seen := map[types.Object]bool{}
	r := false
	for _, h := range fl.stored[v] {
		from := []ast.Expr{h}
		if call := fl.selfAppend(h, v); call != nil {
			from = call.Args[1:]
		}
		for _, e := range from {
			r = r || fl.reaches(e, v, seen, 0)
		}
	}
	fl.backRefs[v] = r
	return r
}

// reaches reports whether e is v or a part of it, or holds one by the routes contents
// follows; true past a depth it does not follow.
func (fl *flow) reaches(e ast.Expr, v *types.Var, seen map[types.Object]bool, depth int) bool {
	if depth > 8 {
		return true
	}
	if id, ok := rootIdent(fl.pass, e); ok && fl.pass.TypesInfo.Uses[id] == v {
		return true
	}
	for _, c := range fl.contents(e, seen) {
		if fl.reaches(c, v, seen, depth+1) {
			return true
		}
	}
	return false
}

// indexed reports whether t is a slice or an array: what is at each index may move.
func indexed(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}
