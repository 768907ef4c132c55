package piivet

import (
	"go/types"
	"strconv"
	"strings"
)

// typeString prints t as reflect.Type.String would at run time ("api.Message",
// "[]uint8", "map[string]interface {}"), so that names in reports and in the inventory
// read the same as the library's own.
func typeString(t types.Type) string {
	var b strings.Builder
	writeType(&b, t, 0)
	return b.String()
}

func writeType(b *strings.Builder, t types.Type, depth int) {
	if depth > 32 {
		b.WriteString("...")
		return
	}
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		switch t.Kind() {
		case types.Byte:
			b.WriteString("uint8")
		case types.Rune:
			b.WriteString("int32")
		default:
			b.WriteString(t.Name())
		}
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil {
			b.WriteString(pkg.Name())
			b.WriteString(".")
		}
		b.WriteString(t.Obj().Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteString("[")
			for i := range args.Len() {
				if i > 0 {
					b.WriteString(",")
				}
				writeQualified(b, args.At(i), depth+1)
			}
			b.WriteString("]")
		}
	case *types.Pointer:
		b.WriteString("*")
		writeType(b, t.Elem(), depth+1)
	case *types.Slice:
		b.WriteString("[]")
		writeType(b, t.Elem(), depth+1)
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		writeType(b, t.Elem(), depth+1)
	case *types.Map:
		b.WriteString("map[")
		writeType(b, t.Key(), depth+1)
		b.WriteString("]")
		writeType(b, t.Elem(), depth+1)
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
		}
		writeType(b, t.Elem(), depth+1)
	case *types.Interface:
		if t.Empty() {
			b.WriteString("interface {}")
			return
		}
		b.WriteString(types.TypeString(t, pkgName))
	case *types.Struct:
		b.WriteString("struct {")
		for i := range t.NumFields() {
			if i > 0 {
				b.WriteString(";")
			}
			f := t.Field(i)
			b.WriteString(" ")
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			writeType(b, f.Type(), depth+1)
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		if t.NumFields() > 0 {
			b.WriteString(" ")
		}
		b.WriteString("}")
	default:
		b.WriteString(types.TypeString(t, pkgName))
	}
}

// writeQualified prints a type argument as reflect does: named types with their full
// package path.
func writeQualified(b *strings.Builder, t types.Type, depth int) {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.TypeArgs().Len() == 0 {
		b.WriteString(n.Obj().Pkg().Path() + "." + n.Obj().Name())
		return
	}
	writeType(b, t, depth)
}

func pkgName(p *types.Package) string { return p.Name() }
