package piivet

import (
	"fmt"
	"go/types"
	"reflect"

	"github.com/ef8f9424/pii"
)

// The types below follow, over go/types, the plan the library builds over reflect for
// each type, so that the inventory read from source is the one the library reports at
// run time.

type op uint8

const (
	opLeaf op = iota
	opStruct
	opPtr
	opElem // slice, array or map: the path gains "[]"
	opIface
	opNull
	opOpaque
)

// A rule is the effective tag of a node and the field that carries it.
type rule struct {
	tag    pii.Tag
	origin string // "pkg.Type.Field"; "" when untagged
}

func (r rule) pii() bool { return r.tag.Class == pii.PII }

type inode struct {
	op      op
	typ     types.Type
	rule    rule
	members []imember
	elem    *inode
}

type imember struct {
	name     string
	embedded bool
	node     *inode
}

type nodeKey struct {
	typ  types.Type
	rule rule
}

type planner struct {
	nodes map[nodeKey]*inode
}

func (b *planner) node(t types.Type, ctx rule) (*inode, error) {
	t = types.Unalias(t)
	key := nodeKey{t, ctx}
	if n, ok := b.nodes[key]; ok {
		return n, nil
	}
	n := &inode{typ: t, rule: ctx}
	b.nodes[key] = n
	return n, b.fill(n, t, ctx)
}

func ctxError(ctx rule, err error) error {
	typ, field := ctx.origin, ""
	for i := len(ctx.origin) - 1; i >= 0; i-- {
		if ctx.origin[i] == '.' {
			typ, field = ctx.origin[:i], ctx.origin[i+1:]
			break
		}
	}
	return &pii.TagError{Type: typ, Field: field, Tag: ctx.tag.String(), Err: err}
}

func (b *planner) fill(n *inode, t types.Type, ctx rule) error {
	if lk := leafKindOf(t, ctx.pii()); lk != lkNone {
		n.op = opLeaf
		if ctx.pii() && !kindFits(ctx.tag.Kind, lk) {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", pii.ErrKindType, typeString(t), ctx.tag.Kind))
		}
		return nil
	}
	var err error
	switch u := t.Underlying().(type) {
	case *types.Struct:
		if v, ok := isSQLNull(t); ok {
			n.op = opNull
			n.elem, err = b.node(v, ctx)
			return err
		}
		n.op = opStruct
		return b.fillStruct(n, t, u, ctx)
	case *types.Pointer:
		n.op = opPtr
		n.elem, err = b.node(u.Elem(), ctx)
	case *types.Slice:
		n.op = opElem
		n.elem, err = b.node(u.Elem(), ctx)
	case *types.Array:
		n.op = opElem
		n.elem, err = b.node(u.Elem(), ctx)
	case *types.Map:
		n.op = opElem
		n.elem, err = b.node(u.Elem(), ctx)
	case *types.Interface:
		n.op = opIface
	default:
		n.op = opOpaque
		if ctx.pii() {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", pii.ErrKindType, typeString(t), ctx.tag.Kind))
		}
	}
	return err
}

func (b *planner) fillStruct(n *inode, t types.Type, st *types.Struct, ctx rule) error {
	name := typeString(t)
	created := ""
	for i := range st.NumFields() {
		f := st.Field(i)
		raw, tagged := reflect.StructTag(st.Tag(i)).Lookup("pii")
		fieldCtx := ctx
		if tagged {
			tag, err := pii.ParseTag(raw)
			if err != nil {
				if te, ok := err.(*pii.TagError); ok {
					te.Type, te.Field = name, f.Name()
				}
				return err
			}
			if tag.Created {
				if !isTimeField(f.Type()) || created != "" || !f.Exported() {
					return &pii.TagError{Type: name, Field: f.Name(), Tag: raw, Err: pii.ErrCreatedField}
				}
				created = f.Name()
			}
			fieldCtx = rule{tag: tag, origin: name + "." + f.Name()}
		}
		embeddedStruct := f.Embedded() && isStructish(f.Type())
		if !f.Exported() && !embeddedStruct {
			if tagged && fieldCtx.pii() {
				return &pii.TagError{Type: name, Field: f.Name(), Tag: raw, Err: pii.ErrUnexportedPII}
			}
			continue
		}
		child, err := b.node(f.Type(), fieldCtx)
		if err != nil {
			return err
		}
		n.members = append(n.members, imember{name: f.Name(), embedded: embeddedStruct, node: child})
	}
	if len(n.members) == 0 && ctx.pii() {
		return ctxError(ctx, fmt.Errorf("%w: %s has no exported fields", pii.ErrKindType, name))
	}
	return nil
}

// lister flattens a plan into fields, as the library's Classify does.
type lister struct {
	typ       string
	fields    []pii.Field
	expanding map[types.Type]bool
}

func (l *lister) list(n *inode, path string) {
	switch n.op {
	case opLeaf, opIface, opOpaque, opNull:
		if n.op == opOpaque && n.rule.tag.Class == pii.Untagged {
			return
		}
		t := n.rule.tag
		l.fields = append(l.fields, pii.Field{
			Type: l.typ, Path: path, GoType: typeString(n.typ), Class: t.Class, Kind: t.Kind,
			MTL: t.MTL, TTL: t.TTL, Handling: t.Handling, Redact: t.Redact, Anon: t.Anon, Created: t.Created,
		})
	case opPtr:
		l.list(n.elem, path)
	case opElem:
		l.list(n.elem, path+"[]")
	case opStruct:
		if l.expanding[n.typ] {
			return
		}
		l.expanding[n.typ] = true
		for _, m := range l.flatten(n) {
			l.list(m.node, join(path, m.path))
		}
		delete(l.expanding, n.typ)
	}
}

type flatMember struct {
	name, qualified, path string
	depth                 int
	node                  *inode
}

// flatten promotes the members of embedded structs and settles their names as
// encoding/json does.
func (l *lister) flatten(n *inode) []flatMember {
	var out []flatMember
	var walk func(n *inode, qual string, depth int)
	walk = func(n *inode, qual string, depth int) {
		for _, m := range n.members {
			if m.embedded {
				inner := m.node
				if inner.op == opPtr {
					inner = inner.elem
				}
				if inner.op == opStruct && !l.expanding[inner.typ] {
					l.expanding[inner.typ] = true
					walk(inner, join(qual, m.name), depth+1)
					delete(l.expanding, inner.typ)
					continue
				}
			}
			out = append(out, flatMember{name: m.name, qualified: join(qual, m.name), depth: depth, node: m.node})
		}
	}
	walk(n, "", 0)
	type best struct{ depth, count int }
	bests := map[string]best{}
	for _, m := range out {
		b, ok := bests[m.name]
		switch {
		case !ok || m.depth < b.depth:
			bests[m.name] = best{m.depth, 1}
		case m.depth == b.depth:
			bests[m.name] = best{b.depth, b.count + 1}
		}
	}
	for i, m := range out {
		if b := bests[m.name]; b.depth == m.depth && b.count == 1 {
			out[i].path = m.name
		} else {
			out[i].path = m.qualified
		}
	}
	return out
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	if name == "" {
		return path
	}
	return path + "." + name
}
