package piivet

import (
	"go/ast"
	"go/types"
)

// printedFields maps each field of the package's struct types that carry no tags to
// the print method (Error, String) that reads it of its receiver: what is put there
// is printed with the value, wherever it goes (an error is made to be printed), so a
// field tagged as personal data put there leaks (LookupErr{Who: u.Email}, where
// LookupErr's Error returns "no " + e.Who). A type that carries tags is left to them.
func (ck *checker) printedFields() map[*types.Var]string {
	out := map[*types.Var]string{}
	for fd, fn := range funcDecls(ck.pass) {
		if fd.Recv == nil || len(fd.Recv.List) != 1 || (fn.Name() != "Error" && fn.Name() != "String") {
			continue
		}
		names := fd.Recv.List[0].Names
		if len(names) == 0 {
			continue
		}
		recv, ok := ck.pass.TypesInfo.Defs[names[0]].(*types.Var)
		if !ok || ck.c.carries(recv.Type()) {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := ast.Unparen(x.X).(*ast.Ident); !ok || ck.pass.TypesInfo.Uses[id] != recv {
				return true
			}
			if s, ok := ck.pass.TypesInfo.Selections[x]; ok && s.Kind() == types.FieldVal {
				if f, ok := s.Obj().(*types.Var); ok && out[f] == "" {
					out[f] = calleeName(fn)
				}
			}
			return true
		})
	}
	return out
}

// literal checks a composite literal that puts values into fields of a basic type
// (a string, a number) its type's print method reads: each reaches that method's
// output as a sink's argument does.
func (ck *checker) literal(lit *ast.CompositeLit) {
	t := ck.pass.TypesInfo.TypeOf(lit)
	if t == nil || len(ck.printed) == 0 {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem() // an element of []*T written {...}
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, el := range lit.Elts {
		f, v := -1, el
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			v = kv.Value
			if id, ok := kv.Key.(*ast.Ident); ok {
				f = fieldIndex(st, id.Name)
			}
		} else {
			f = i
		}
		if f < 0 || f >= st.NumFields() {
			continue
		}
		field := st.Field(f)
		// A string or a number only: a value of a type that carries tags, in an error
		// field (a list of errors, a cause), prints as its own Error says, which is
		// judged where it is declared, and the library redacts it by its type.
		if m, ok := ck.printed[field]; ok && isBasic(field.Type()) {
			// A parameter put there is not taken as handed on: a parser's error that
			// quotes its input (url.Parse, netip.ParseAddr) would make every parse of
			// personal data a report, printed or not.
			ck.unnoted = true
			ck.arg(sink{args: allArgs, field: true}, typeString(t)+"."+field.Name()+", which "+m+" prints,", v)
			ck.unnoted = false
		}
	}
}
