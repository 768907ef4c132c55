package pii

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// ErrNilValue is returned for a nil value or nil pointer where the package needs a value
// or a type.
var ErrNilValue = errors.New("nil value")

// Classify returns every leaf field of v's type in declaration order, as the default
// Policy sees it. See Policy.Classify.
func Classify(v any) ([]Field, error) { return defaultPolicy.Classify(v) }

// Classify returns every leaf field of v's type, in declaration order, with its class,
// kind, retention and strategies: the data inventory of one type. v may be a value, a
// pointer to one, or a reflect.Type. Only the type matters, so a nil pointer of a typed
// kind works too.
//
// Paths are built from Go field names, with "[]" for any slice, array or map element
// ("Parties[].Number"). Fields of embedded structs are promoted the way encoding/json
// promotes them; a promoted name that another field shadows or shares keeps its
// qualified path ("Base.ID"). A type met again inside itself (type Node struct{ Next
// *Node }) is not expanded again. Interface fields are reported as leaves: their dynamic
// values are classified when they are walked.
//
// A kind that the Policy's profile does not count as personal data is reported as NotPII
// with Field.Profile naming the profile. Malformed tags give a *TagError.
func (p *Policy) Classify(v any) ([]Field, error) {
	p = p.orDefault()
	t, err := typeOf(v)
	if err != nil {
		return nil, err
	}
	pl := planFor(t)
	if pl.err != nil {
		return nil, pl.err
	}
	fields := make([]Field, len(pl.fields))
	copy(fields, pl.fields)
	for i := range fields {
		p.applyProfile(&fields[i])
	}
	return fields, nil
}

// typeOf returns the struct-ish type of v: the type itself for a reflect.Type, the
// pointee's type for a pointer.
func typeOf(v any) (reflect.Type, error) {
	var t reflect.Type
	switch v := v.(type) {
	case nil:
		return nil, fmt.Errorf("pii: %w: Classify needs a value, a pointer or a reflect.Type", ErrNilValue)
	case reflect.Type:
		t = v
	default:
		t = reflect.TypeOf(v)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t, nil
}

// UntaggedError lists the leaf fields that carry no pii tag, as CheckTagged reports them.
type UntaggedError struct {
	Type   string   // the root type
	Fields []string // the paths of the untagged leaves
}

// Error lists the untagged fields by path.
func (e *UntaggedError) Error() string {
	return fmt.Sprintf("pii: %s has %d untagged field(s): %s", e.Type, len(e.Fields), strings.Join(e.Fields, ", "))
}

// CheckTagged returns an *UntaggedError listing every leaf field of v's type that carries
// no pii tag, inherited or its own, or a *TagError for a malformed tag, or nil. A
// service's own test calls it on each of its API types so that a field added without a
// tag fails the build instead of reaching a log. Interface fields are not listed: what
// they hold is classified by its own type's tags.
func CheckTagged(v any) error {
	t, err := typeOf(v)
	if err != nil {
		return err
	}
	pl := planFor(t)
	if pl.err != nil {
		return pl.err
	}
	var untagged []string
	for i, f := range pl.fields {
		if f.Class == Untagged && !pl.ifaces[i] {
			untagged = append(untagged, f.Path)
		}
	}
	if len(untagged) == 0 {
		return nil
	}
	return &UntaggedError{Type: t.String(), Fields: untagged}
}

// listFields flattens a plan into the Field list Classify reports.
// ifaces[i] reports whether fields[i] is an interface, whose dynamic values are
// classified by their own types.
func listFields(root *node, t reflect.Type) (fields []Field, ifaces []bool) {
	l := lister{typ: t.String(), expanding: map[reflect.Type]bool{}}
	l.list(root, "")
	return l.fields, l.ifaces
}

type lister struct {
	typ       string
	fields    []Field
	ifaces    []bool
	expanding map[reflect.Type]bool // struct types on the current path
}

func (l *lister) list(n *node, path string) {
	switch n.op {
	case opLeaf, opIface, opOpaque:
		if n.op == opOpaque && n.rule.tag.Class == Untagged {
			return // chan and func fields are not data
		}
		l.fields = append(l.fields, n.rule.field(l.typ, path, n.typ))
		l.ifaces = append(l.ifaces, n.op == opIface)
	case opNull:
		l.fields = append(l.fields, n.rule.field(l.typ, path, n.typ))
		l.ifaces = append(l.ifaces, false)
	case opPtr:
		l.list(n.elem, path)
	case opSlice, opArray, opMap:
		l.list(n.elem, path+"[]")
	case opStruct:
		if l.expanding[n.typ] {
			return
		}
		l.expanding[n.typ] = true
		for _, e := range l.flatten(n) {
			l.list(e.node, join(path, e.path))
		}
		delete(l.expanding, n.typ)
	}
}

// A flatMember is a struct member after embedded structs are flattened: name is its
// promoted name, qualified its path through the embedded fields, depth how many
// embedded structs it sits in.
type flatMember struct {
	name, qualified, path string
	depth                 int
	node                  *node
}

// flatten lists n's members with embedded structs' members promoted, then settles names
// as encoding/json does: of the members sharing a name, the one at the smallest depth
// keeps it, if it is alone there; every other keeps its qualified path.
func (l *lister) flatten(n *node) []flatMember {
	var out []flatMember
	var walk func(n *node, qual string, depth int)
	walk = func(n *node, qual string, depth int) {
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
	best := map[string][2]int{} // name -> {min depth, how many at it}
	for _, m := range out {
		b, ok := best[m.name]
		switch {
		case !ok || m.depth < b[0]:
			best[m.name] = [2]int{m.depth, 1}
		case m.depth == b[0]:
			best[m.name] = [2]int{b[0], b[1] + 1}
		}
	}
	for i, m := range out {
		if b := best[m.name]; b[0] == m.depth && b[1] == 1 {
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

// field describes a leaf under the rule r.
func (r *rule) field(typ, path string, goType reflect.Type) Field {
	return Field{
		Type:     typ,
		Path:     path,
		GoType:   goType.String(),
		Class:    r.tag.Class,
		Kind:     r.tag.Kind,
		MTL:      r.tag.MTL,
		TTL:      r.tag.TTL,
		Handling: r.tag.Handling,
		Redact:   r.tag.Redact,
		Anon:     r.tag.Anon,
		Created:  r.tag.Created,
	}
}
