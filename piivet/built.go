package piivet

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/ef8f9424/pii"
)

// builtOfCopies reports whether e, of a type that carries tags, is built of redacted
// copies (one at least: a zero value says nothing of what the code puts there) and of
// values that are no personal data.
func (ck *checker) builtOfCopies(e ast.Expr) bool {
	ck.copies = 0
	ck.assumed = map[types.Object]bool{}
	return ck.built(e, 0) && ck.copies > 0
}

// built reports whether e, of a type that carries tags, holds no personal data because
// it is built, where it is written, only of redacted copies and of values that are none:
// a composite literal of them (Response{User: r}), a pointer to one, an append of them,
// or a variable set only to such values (or to none) before e, with only such values
// stored into it (out.User = r, m[k] = r).
func (ck *checker) built(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	e = ast.Unparen(e)
	if ck.fl.redacted(e) {
		ck.copies++
		return true
	}
	if ck.fl.plain(e) {
		return true
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		var st *types.Struct
		if t := ck.pass.TypesInfo.TypeOf(x); t != nil {
			st, _ = t.Underlying().(*types.Struct)
		}
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && st != nil && personalField(st, id.Name) && !ck.fl.redacted(kv.Value) {
					return false // User{Email: "jane@example.com"}
				}
				el = kv.Value
			}
			if !ck.clean(el, depth+1) {
				return false
			}
		}
		return true
	case *ast.UnaryExpr:
		return x.Op == token.AND && ck.built(x.X, depth+1)
	case *ast.CallExpr:
		b, ok := calleeObject(ck.pass, x.Fun).(*types.Builtin)
		if ok && (b.Name() == "make" || b.Name() == "new") {
			return true // empty: make([]User, 0, n), new(Response)
		}
		if !ok || b.Name() != "append" {
			return false
		}
		for _, a := range x.Args {
			if !ck.clean(a, depth+1) {
				return false
			}
		}
		return true
	case *ast.Ident:
		return ck.builtVar(x, depth)
	}
	return false
}

// builtVar reports whether the variable id names was set, before id, only to values
// built (or to none), and had only clean values stored into it.
func (ck *checker) builtVar(id *ast.Ident, depth int) bool {
	o, ok := ck.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || o.IsField() {
		return false
	}
	// A variable met again while its own values are looked at (list = append(list, r))
	// is taken as built: its other values decide. Each is looked at once, so a long
	// run of appends costs one pass over them.
	if ck.assumed[o] {
		return true
	}
	// Asked with nothing assumed, a set's answer is the same wherever the variable is
	// used: it is kept, so that a variable set thousands of times (args = append(args,
	// ...)) is not looked at again from each of its uses.
	var known []int8
	if len(ck.assumed) == 0 {
		if ck.setsBuilt[o] == nil {
			ck.setsBuilt[o] = make([]int8, len(ck.fl.sets[o]))
		}
		known = ck.setsBuilt[o]
	}
	ck.assumed[o] = true
	defer delete(ck.assumed, o)
	any := false
	for i, s := range ck.fl.before(o, id.Pos()) {
		if s.value != nil && s.value.Pos() <= id.Pos() && id.Pos() < s.value.End() {
			continue // set by the statement id is in: list = append(list, r)
		}
		any = true
		if known != nil && known[i] != 0 {
			switch known[i] {
			case -1:
				return false
			case 2:
				ck.copies++ // as if looked at again
			}
			continue
		}
		copies := ck.copies
		if !ck.setBuilt(s, depth) {
			if known != nil {
				known[i] = -1
			}
			return false
		}
		if known != nil {
			known[i] = 1
			if ck.copies > copies {
				known[i] = 2
			}
		}
	}
	if !any {
		return false // a parameter, or set only after
	}
	if known != nil {
		return ck.storedBefore(o, id.Pos(), depth)
	}
	for _, v := range ck.fl.stored[o] {
		if v.Pos() >= id.Pos() {
			break // stored after
		}
		if ck.fl.setValues[v] || v.End() > id.Pos() {
			continue // list = append(list, r), a set too
		}
		if !ck.clean(v, depth+1) {
			return false
		}
	}
	return true
}

// storedValues sorts the values stored into a variable (out.User = r, m[k] = v), but
// not set to it, by what built says of them: those that may be personal data, and
// those that are redacted copies, each in source order.
type storedValues struct{ dirty, copies []ast.Expr }

// storedBefore reports whether every value stored into o before at is clean, and counts
// a copy if one is. Asked with nothing assumed but o, the answer for each stored value
// is the same from every use of o: the values are looked at once, so that a map filled
// thousands of times and printed as often costs one pass over them, not one per print.
func (ck *checker) storedBefore(o *types.Var, at token.Pos, depth int) bool {
	sv := ck.storedBuilt[o]
	if sv == nil {
		sv = new(storedValues)
		for _, v := range ck.fl.stored[o] {
			if ck.fl.setValues[v] {
				continue // list = append(list, r), a set too
			}
			copies := ck.copies
			switch {
			case !ck.clean(v, depth+1):
				sv.dirty = append(sv.dirty, v)
			case ck.copies > copies:
				sv.copies = append(sv.copies, v)
			}
			ck.copies = copies
		}
		ck.storedBuilt[o] = sv
	}
	// A value that holds at (m[k] = append(m[k], r), where at is m) is not yet stored.
	before := func(v ast.Expr) bool { return v.Pos() < at && v.End() <= at }
	for _, v := range sv.dirty {
		if v.Pos() >= at {
			break
		}
		if before(v) {
			return false
		}
	}
	for _, v := range sv.copies {
		if v.Pos() >= at {
			break
		}
		if before(v) {
			ck.copies++
			break
		}
	}
	return true
}

// setBuilt reports whether s sets its variable to a value built of copies, or to none.
func (ck *checker) setBuilt(s set, depth int) bool {
	switch {
	case s.zero, s.redacted:
		return true
	case s.multi:
		call, ok := ast.Unparen(s.value).(*ast.CallExpr)
		return ok && ck.fl.redactingCall(call)
	}
	return s.value != nil && ck.built(s.value, depth+1)
}

// personalField reports whether the field name of st is tagged as personal data (or
// with a tag the library refuses).
func personalField(st *types.Struct, name string) bool {
	for i := range st.NumFields() {
		if st.Field(i).Name() != name {
			continue
		}
		raw, ok := reflect.StructTag(st.Tag(i)).Lookup("pii")
		if !ok {
			return false
		}
		tag, err := pii.ParseTag(raw)
		return err != nil || tag.Class == pii.PII
	}
	return true // not found: fail closed
}

// clean reports whether v, put into a value being built, holds no personal data: it is
// built itself, or a value whose type carries no tags, that is no tagged field and holds
// nothing (no interface, slice, map or struct whose contents are not known).
func (ck *checker) clean(v ast.Expr, depth int) bool {
	if ck.built(v, depth) {
		return true
	}
	if _, tagged := taggedField(ck.pass, v); tagged {
		return false
	}
	t := ck.pass.TypesInfo.TypeOf(v)
	return t != nil && !ck.c.carries(t) && !opaque(t, 0)
}

// opaque reports whether a value of type t may hold what its type does not say: an
// interface, or a pointer, slice, array, map or struct that holds one. A struct of
// plain fields (time.Time) holds what its fields' types say.
func opaque(t types.Type, depth int) bool {
	if depth > 6 {
		return true
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Struct:
		for f := range u.Fields() {
			if opaque(f.Type(), depth+1) {
				return true
			}
		}
	case *types.Map:
		return opaque(u.Key(), depth+1) || opaque(u.Elem(), depth+1)
	case *types.Pointer, *types.Slice, *types.Array:
		return opaque(elemOf(u), depth+1)
	}
	return false
}
