package pii

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
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
// kind works too. A reflect.Value is refused with ErrReflectValue: pass what it holds.
//
// Paths are built from Go field names, with "[]" for any slice, array or map element
// ("Parties[].Number"). Fields of embedded structs are promoted the way encoding/json
// promotes them; a promoted name that another field shadows or shares keeps its
// qualified path ("Base.ID"). Interface fields are reported as leaves: their dynamic
// values are classified when they are walked.
//
// Given a value, Classify lists what a walk of it reaches: what its interfaces hold, and
// the values of a recursive type, a linked list or a tree (type Node struct{ Next
// *Node }), at their paths ("Next.Next.Name"), each value once, so that a cycle ends.
// A value nested deeper than Classify follows (512 levels of pointers, structs, slices,
// maps and interfaces; a linked list of about 250 elements) is an error wrapping
// ErrTooDeep. Given a type (or a nil pointer), a type met again inside itself is not
// expanded again.
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
	var fields []Field
	if rv, ok := dynamicValue(v, pl); ok {
		var err error
		if fields, _, err = listValueFields(pl.root, rv, false); err != nil {
			return nil, err
		}
	} else {
		fields = make([]Field, len(pl.fields))
		copy(fields, pl.fields)
	}
	for i := range fields {
		p.applyProfile(&fields[i])
	}
	return fields, nil
}

// typeOf returns the struct-ish type of v: the type itself for a reflect.Type, the
// pointee's type for a pointer. Its errors speak of Classify; see typeOfArg.
func typeOf(v any) (reflect.Type, error) { return typeOfArg("Classify", v) }

// typeOfArg is typeOf for the argument of op, which its errors name. A reflect.Value is
// refused (ErrReflectValue): its type is reflect's, not that of what it holds.
func typeOfArg(op string, v any) (reflect.Type, error) {
	if err := argError(op, v, false); err != nil {
		return nil, err
	}
	var t reflect.Type
	switch v := v.(type) {
	case nil:
		return nil, errorf("pii: %s: %w: pass a value, a pointer or a reflect.Type", op, ErrNilValue)
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

// dynamicValue returns the value v refers to when Classify must look at it: v is a
// value (not a reflect.Type or a nil pointer) whose type has interfaces, whose contents
// are known only at run time, or a recursive type, whose depth is.
func dynamicValue(v any, pl *plan) (reflect.Value, bool) {
	if _, isType := v.(reflect.Type); isType || !followsValue(pl.root) {
		return reflect.Value{}, false
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return reflect.Value{}, false
		}
		rv = rv.Elem()
	}
	return rv, true
}

// UntaggedError lists the leaf fields that carry no pii tag, as CheckTagged reports them.
type UntaggedError struct {
	Type   string   // the root type
	Fields []string // the paths of the untagged leaves
}

// Error lists the untagged fields by path; the empty path, of a value that is itself
// a leaf (a string, a []string), reads "(the value itself)".
func (e *UntaggedError) Error() string {
	paths := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		paths[i] = f
		if f == "" {
			paths[i] = "(the value itself)"
		} else if strings.HasPrefix(f, "[]") {
			paths[i] = "(the value itself)" + f
		}
	}
	return fmt.Sprintf("pii: %s has %d untagged field(s): %s", e.Type, len(e.Fields), strings.Join(paths, ", "))
}

// CheckTagged returns an *UntaggedError listing every leaf field of v's type that carries
// no pii tag, inherited or its own, each declaration once (a recursive type's fields at
// their first level), or a *TagError for a malformed tag, or nil. A
// service's own test calls it on each of its API types so that a field added without a
// tag fails the build instead of reaching a log. Interface fields are not listed: what
// they hold is classified by its own type's tags.
func CheckTagged(v any) error {
	t, err := typeOfArg("CheckTagged", v)
	if err != nil {
		return err
	}
	pl := planFor(t)
	if pl.err != nil {
		return pl.err
	}
	fields, ifaces := pl.fields, pl.ifaces
	if rv, ok := dynamicValue(v, pl); ok && pl.root.dynamic {
		// What interfaces hold is known from the value only. (A recursive type
		// without them is listed by its type: its deeper levels repeat declarations
		// listed once.)
		if fields, ifaces, err = listValueFields(pl.root, rv, true); err != nil {
			return err
		}
	}
	var untagged []string
	for i, f := range fields {
		if f.Class == Untagged && !ifaces[i] {
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
	l.list(root, reflect.Value{}, "")
	return l.fields, l.ifaces
}

// listValueFields is listFields for a value: an interface that holds something is
// listed as what it holds, classified by the dynamic type's own tags (under the
// interface's tag where the dynamic type has none of its own), so that a tagged value
// behind `any`, even a field tagged "no", is reported as what it is.
//
// With declOnce, a leaf met again in a deeper level of a recursive value (Next.Note,
// after Note) is left out: it is a declaration listed already.
func listValueFields(root *node, v reflect.Value, declOnce bool) (fields []Field, ifaces []bool, err error) {
	l := lister{op: "Classify", typ: v.Type().String(), expanding: map[reflect.Type]bool{}, seen: map[fieldKey]bool{},
		visited: map[visit]bool{}}
	if declOnce {
		l.op, l.declared = "CheckTagged", map[declaration]bool{}
	}
	l.list(root, v, "")
	return l.fields, l.ifaces, l.err
}

// maxClassifyDepth bounds how deep Classify follows a value (lister.list calls: a
// pointer, a struct, a field each count one). A value that leads deeper to what only
// the value tells (what an interface holds, a recursive type's next level) is an error
// wrapping ErrTooDeep: a self-containing slice would go on for ever, and a long list's
// paths grow with its length.
const maxClassifyDepth = 512

type lister struct {
	op        string // the function listing, which errors name: Classify, CheckTagged
	typ       string
	fields    []Field
	ifaces    []bool
	expanding map[reflect.Type]bool // struct types on the current path
	// For a value: the fields already listed (by what Classify reports of them), so
	// that a collection's elements list each field once; and the first error.
	seen  map[fieldKey]bool
	depth int
	err   error
	// visited holds the structs and maps of a value met so far, so that a value
	// reached again through a recursive type (a cycle, a shared subtree) is listed
	// once, as a walk visits it once.
	visited map[visit]bool
	// declared, when set, holds the declarations of the leaves listed, so that a leaf
	// met again inside a type met again (again > 0) is left out; decl is the
	// declaration the listing is in.
	declared map[declaration]bool
	decl     declaration
	again    int
}

// A declaration is a struct field, by its struct type and its path in it.
type declaration struct {
	typ  reflect.Type
	name string
}

// A visit is a struct or map of a value, by address and type.
type visit struct {
	addr uintptr
	typ  reflect.Type
}

// followsValues caches followsValue: *node -> bool.
var followsValues sync.Map

// followsValue reports whether what Classify lists at or under n depends on the value
// and not only on its type: an interface sits there, or a type that leads back to
// itself (a recursive type, through a pointer, slice or map), whose depth only a value
// tells.
func followsValue(n *node) bool {
	if f, ok := followsValues.Load(n); ok {
		return f.(bool)
	}
	const (
		unseen = iota
		onPath
		done
	)
	state := map[*node]int{}
	var below func(c *node) bool
	below = func(c *node) bool {
		if c == nil || state[c] == done {
			return false
		}
		if state[c] == onPath || c.dynamic {
			return true // a cycle: c leads back to itself
		}
		state[c] = onPath
		for _, m := range c.members {
			if below(m.node) {
				return true
			}
		}
		if below(c.elem) {
			return true
		}
		state[c] = done
		return false
	}
	f := below(n)
	followsValues.Store(n, f)
	return f
}

// revisits reports whether the struct or map v, of n's type, was listed before, and
// marks it listed. A value without an address (a map's element, a copy) is never
// reached again through a cycle, which needs a pointer or a map.
func (l *lister) revisits(n *node, v reflect.Value) bool {
	var key visit
	switch {
	case v.Kind() == reflect.Map:
		key = visit{v.Pointer(), n.typ}
	case v.CanAddr():
		key = visit{v.UnsafeAddr(), n.typ}
	default:
		return false
	}
	if l.visited[key] {
		return true
	}
	l.visited[key] = true
	return false
}

// A fieldKey is what tells two listed leaves apart: a collection's elements of one type
// list the same field once, elements of different dynamic types each theirs.
type fieldKey struct {
	path, goType, redact, anon string
	class                      Class
	kind                       Kind
	handling                   Handling
	mtl, ttl                   int
	created                    bool
}

// add lists one leaf, once.
func (l *lister) add(f Field, iface bool) {
	if l.declared != nil {
		if l.again > 0 && l.declared[l.decl] {
			return
		}
		l.declared[l.decl] = true
	}
	if l.seen != nil {
		key := fieldKey{f.Path, f.GoType, f.Redact, f.Anon, f.Class, f.Kind, f.Handling, f.MTL, f.TTL, f.Created}
		if l.seen[key] {
			return
		}
		l.seen[key] = true
	}
	l.fields = append(l.fields, f)
	l.ifaces = append(l.ifaces, iface)
}

// list lists the leaves of n at path. v is the value there when Classify was given one,
// or the zero Value: then only types are listed.
func (l *lister) list(n *node, v reflect.Value, path string) {
	if v.IsValid() && l.depth >= maxClassifyDepth && followsValue(n) {
		if l.err == nil {
			l.err = errorf("pii: %s: %s: %w (deeper than %d levels)", l.op, l.typ, ErrTooDeep, maxClassifyDepth)
		}
		return
	}
	l.depth++
	defer func() { l.depth-- }()
	switch n.op {
	case opLeaf, opOpaque:
		if n.op == opOpaque && n.rule.tag.Class == Untagged {
			return // chan and func fields are not data
		}
		l.add(n.rule.field(l.typ, path, n.typ), false)
	case opIface:
		if !v.IsValid() || v.IsNil() {
			l.add(n.rule.field(l.typ, path, n.typ), true)
			return
		}
		dn, err := n.held(v.Elem().Type())
		if errorHeldAsText(n, v.Elem().Type(), err) {
			// An error whose text is all there is (errors.New's) is hidden as a
			// string of the tag's kind: the field is what the tag says.
			l.add(n.rule.field(l.typ, path, n.typ), false)
			return
		}
		if err != nil {
			if l.err == nil {
				l.err = err
			}
			return
		}
		l.list(dn, v.Elem(), path)
	case opNull:
		l.add(n.rule.field(l.typ, path, n.typ), false)
	case opPtr:
		if v.IsValid() && v.IsNil() {
			v = reflect.Value{}
		}
		if v.IsValid() {
			v = v.Elem()
		}
		l.list(n.elem, v, path)
	case opSlice, opArray, opMap:
		if !v.IsValid() || !followsValue(n.elem) || v.Len() == 0 || n.op == opMap && l.revisits(n, v) {
			l.list(n.elem, reflect.Value{}, path+"[]")
			return
		}
		if n.op == opMap {
			for it := v.MapRange(); it.Next(); {
				l.list(n.elem, it.Value(), path+"[]")
			}
			return
		}
		for i := range v.Len() {
			l.list(n.elem, v.Index(i), path+"[]")
		}
	case opStruct:
		// A type met again inside itself is listed again only from a value, which
		// says how deep it goes, and only where that value was not listed before.
		again := l.expanding[n.typ]
		listed := v.IsValid() && l.visited != nil && l.revisits(n, v)
		if again && (!v.IsValid() || listed) {
			return
		}
		l.expanding[n.typ] = true
		if again {
			l.again++
		}
		for _, e := range l.flatten(n) {
			l.decl = declaration{n.typ, e.qualified}
			l.list(e.node, e.valueIn(v), join(path, e.path))
		}
		if again {
			l.again--
		} else {
			delete(l.expanding, n.typ)
		}
	}
}

// valueIn returns the member's value in the struct value v, through embedded pointers,
// or the zero Value when v is one or a pointer on the way is nil.
func (m *flatMember) valueIn(v reflect.Value) reflect.Value {
	for _, i := range m.index {
		if !v.IsValid() {
			return v
		}
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v
}

// A flatMember is a struct member after embedded structs are flattened: name is its
// promoted name, qualified its path through the embedded fields, depth how many
// embedded structs it sits in.
type flatMember struct {
	name, qualified, path string
	depth                 int
	node                  *node
	index                 []int // the field indexes from the struct, through embedded ones
}

// flatten lists n's members with embedded structs' members promoted, then settles names
// as encoding/json does: of the members sharing a name, the one at the smallest depth
// keeps it, if it is alone there; every other keeps its qualified path.
func (l *lister) flatten(n *node) []flatMember {
	var out []flatMember
	var walk func(n *node, qual string, depth int, index []int)
	walk = func(n *node, qual string, depth int, index []int) {
		for _, m := range n.members {
			at := append(index[:len(index):len(index)], m.index)
			if m.embedded {
				inner := m.node
				if inner.op == opPtr {
					inner = inner.elem
				}
				if inner.op == opStruct && !l.expanding[inner.typ] {
					l.expanding[inner.typ] = true
					walk(inner, join(qual, m.name), depth+1, at)
					delete(l.expanding, inner.typ)
					continue
				}
			}
			out = append(out, flatMember{name: m.name, qualified: join(qual, m.name), depth: depth, node: m.node, index: at})
		}
	}
	walk(n, "", 0, nil)
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
