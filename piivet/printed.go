package piivet

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// Prints is the fact that a struct type that carries no tags has a print method (Error,
// String) that reads some of its fields of its receiver (type ValidationError struct{
// Field, Value string }, whose Error quotes e.Value): what another package puts there
// is printed with the value, as what its own package does (see printedFields). A
// service's shared error package (apperr, errs) is the common case.
type Prints struct {
	Fields []PrintedField // in the order of the type's fields
}

// A PrintedField is one field of a Prints type, and the method that prints it.
type PrintedField struct {
	Name string // the field's name
	By   string // the method, as a reader writes it: "apperr.ValidationError.Error"
}

// AFact marks Prints as an analysis fact.
func (*Prints) AFact() {}

// String names the fact in analysistest's output: "prints fields [Field Value]".
func (p *Prints) String() string {
	names := make([]string, len(p.Fields))
	for i, f := range p.Fields {
		names[i] = f.Name
	}
	return fmt.Sprintf("prints fields [%s]", strings.Join(names, " "))
}

// printedFields maps each field of the package's struct types that carry no tags to
// the print method (Error, String) that reads it of its receiver: what is put there
// is printed with the value, wherever it goes (an error is made to be printed), so a
// field tagged as personal data put there leaks (LookupErr{Who: u.Email}, where
// LookupErr's Error returns "no " + e.Who). A type that carries tags is left to them.
// Each such type is exported with the Prints fact, for the packages that build it.
func (ck *checker) printedFields() map[*types.Var]string {
	out := map[*types.Var]string{}
	owners := map[*types.TypeName]*types.Struct{}
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
		if tn, st := structOwner(recv.Type()); tn != nil {
			owners[tn] = st
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
				if f, ok := s.Obj().(*types.Var); ok && out[f.Origin()] == "" {
					out[f.Origin()] = calleeName(fn)
				}
			}
			return true
		})
	}
	for tn, st := range owners {
		var p Prints
		for f := range st.Fields() {
			if by, ok := out[f]; ok {
				p.Fields = append(p.Fields, PrintedField{Name: f.Name(), By: by})
			}
		}
		if len(p.Fields) > 0 {
			ck.pass.ExportObjectFact(tn, &p)
		}
	}
	return out
}

// structOwner returns the named struct type t is, or points to, as declared (the
// origin of a generic one), and its fields; nil if t is none.
func structOwner(t types.Type) (*types.TypeName, *types.Struct) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil, nil
	}
	n = n.Origin()
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil, nil
	}
	return n.Obj(), st
}

// printedBy returns the print method that reads field of the struct type t (the
// package's own, or another's by its Prints fact), or "".
func (ck *checker) printedBy(t types.Type, field *types.Var) string {
	if m, ok := ck.printed[field.Origin()]; ok {
		return m
	}
	tn, _ := structOwner(t)
	if tn == nil || tn.Pkg() == nil || tn.Pkg() == ck.pass.Pkg {
		return ""
	}
	var p Prints
	if !ck.pass.ImportObjectFact(tn, &p) {
		return ""
	}
	if i := slices.IndexFunc(p.Fields, func(f PrintedField) bool { return f.Name == field.Name() }); i >= 0 {
		return p.Fields[i].By
	}
	return ""
}

// literal checks a composite literal that puts values into fields of a basic type
// (a string, a number) its type's print method reads: each reaches that method's
// output as a sink's argument does.
func (ck *checker) literal(lit *ast.CompositeLit) {
	t := ck.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem() // an element of []*T written {...}
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	if !ck.literalChecked(t) {
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
		if m := ck.printedBy(t, field); m != "" && isBasic(field.Type()) {
			// A parameter put there is not taken as handed on: a parser's error that
			// quotes its input (url.Parse, netip.ParseAddr) would make every parse of
			// personal data a report, printed or not. Its constructor is followed
			// where its result is printed (see Stores).
			ck.unnoted = true
			ck.arg(sink{args: allArgs, field: true}, typeString(t)+"."+field.Name()+", which "+m+" prints,", v)
			ck.unnoted = false
		}
	}
}

// literalChecked reports whether literal checks a literal of the struct type t: always
// for the code's own types (see ownType), whose fields its user can tag; for another
// module's only if t, or a pointer to it, is an error, as a shared error package's
// (apperr.ValidationError) are, made to be printed. A standard or third-party value
// built of personal data (mail.Address{Address: c.Email}, http.Cookie{Value: ...})
// is mostly not printed, and its fields cannot be tagged by its user: it is left to
// where it is printed (the Stores fact, the sinks).
func (ck *checker) literalChecked(t types.Type) bool {
	tn, _ := structOwner(t)
	if tn == nil || ownType(ck.pass, tn) {
		return true
	}
	return isError(t) || isError(types.NewPointer(t))
}
