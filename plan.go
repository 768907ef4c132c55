package pii

import (
	"database/sql/driver"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ef8f9424/pii/internal/typecache"
)

// A plan is what the package knows of one Go type, built once by planFor and cached: the
// tree of nodes that every walk (redaction, copies, anonymisation, purges, log lines)
// follows, and the flat field list that Classify reports.
type plan struct {
	root   *node
	fields []Field // every leaf in declaration order, Type filled in
	ifaces []bool  // which of fields are interfaces
	err    error   // a *TagError when the type's tags are wrong; cached like a plan
	// copies holds values of the type (as pointers to them) for Redacted to redact a
	// copy in, so that the copy it returns costs no allocation of its own; pooled says
	// it may (see holdsRedactor). A value in the pool is zero, or the last copy that
	// Redacted returned: never anything the caller did not get back redacted.
	copies sync.Pool
	pooled bool
	// lent holds the values log lines' copies are made in, with the memory those copies
	// took (see lentBox): a value in it is one a line was written from and gave back.
	lent sync.Pool
	// spares says that a lent copy may also reuse the memory the last one took (see
	// lentBox): no method of the caller's can see a copy of the type (runsNoMethods).
	spares bool
	// hidden lists the type's interface fields behind unexported fields, at fixed
	// offsets, which no walk enters but its methods and fmt print; hiddenDeep says
	// there are more, which a look through a value finds (see hiddenIfaces).
	hidden     []hiddenIface
	hiddenDeep bool
	hiddenErrs bool // hidden are all of type error, and there are no more
}

// nodeOp says how a walk moves through a node's value.
type nodeOp uint8

const (
	opLeaf   nodeOp = iota // a value the actions handle: string, []byte, number, time...
	opStruct               // fields at offsets
	opPtr                  // a pointer to elem
	opSlice                // a slice of elem
	opArray                // an array of elem
	opMap                  // a map whose values are elem (keys are never treated as data)
	opIface                // an interface: the dynamic value's node is found when walked
	opNull                 // a database/sql Null wrapper: elem at offset, then Valid
	opOpaque               // a value the walk leaves alone: chan, func, untagged opaque leaf
)

// leafKind says how a leaf's bytes are laid out, so that actions read and write them
// without reflection.
type leafKind uint8

const (
	lkNone leafKind = iota
	lkString
	lkBytes
	lkInt
	lkUint
	lkFloat
	lkBool
	lkTime
	lkAddr     // netip.Addr
	lkNetIP    // net.IP
	lkURL      // url.URL under a PII tag: redacted as its text (see maskURL)
	lkURLPtr   // *url.URL under a PII tag: replaced, never written through
	lkAddrPort // netip.AddrPort
	lkPrefix   // netip.Prefix
	lkCustom   // a type that implements Redactor
	lkSlog     // a slog.Value, which holds what it holds where no walk reaches
)

// A node is one step of a plan. Nodes are shared: every field of type Address with the
// same inherited tag walks the same node, and a recursive type points back at itself.
type node struct {
	// The fields a walk reads at every node come first, so that they share the node's
	// first cache lines: a walk meets many nodes per record.
	op nodeOp
	// short is the kind of a string leaf that asks for its kind's default redaction
	// and is not marked sensitive, which redaction may hide the short way (see
	// redactAction.leaf); noShort for every other node.
	short Kind
	lk    leafKind // opLeaf
	// hasPII reports whether a walk can meet personal data at or under this node;
	// walks skip whole subtrees without it. Interfaces always may.
	hasPII bool
	// holds is hasPII not counting the texts of wrapper errors (see wraps): whether
	// tags or interfaces at or under this node let a walk meet personal data. It is
	// kept so that a type planned after the errors it embeds is judged as one planned
	// with them.
	holds bool
	// tagged reports whether a leaf at or under this node is PII by its tags, not
	// counting what interfaces may hold: map keys of such types are refused.
	tagged bool
	// scans reports whether a leaf at or under this node is redacted with redact=scan,
	// which needs the record's names gathered before the walk.
	scans bool
	// wraps reports an error type with no tagged field of its own that wraps other
	// errors (Unwrap), such as fmt.Errorf's with %w and errors.Join's: its text holds
	// what it wraps, tagged values included, where no walk can reach it. Walks reach it
	// as if it held personal data, and redaction replaces it when it does.
	wraps bool
	// unwraps reports that the node's type is an error with Unwrap, whatever it holds:
	// its text is checked before the walk goes into it (see stepIface).
	unwraps bool
	// nests reports a wrapper (wraps) whose value holds other wrapper errors in fields
	// of its own rather than as links of its chain (Detail *DetailError beside an
	// unexported cause), where a walk goes or in unexported fields of concrete types
	// (see hidesWrappers): its text may print theirs, so what they wrap counts as what
	// it wraps (see heldErrors).
	nests bool
	// dynamic reports whether an interface sits at or under this node, so that what
	// a value holds there is known only at run time.
	dynamic bool
	// text reports whether an untagged string leaf (or an interface) sits at or under
	// this node: walks that scan free text (ScanStrings) go there too.
	text bool
	// mutable reports whether a map, slice, pointer, interface or []byte sits at or
	// under this node: what a caller could change after a log line was handed on, and
	// so what the line's snapshot copies.
	mutable bool
	// plain reports whether a string leaf that is not PII, untagged or tagged no (or
	// an interface), sits at or under this node: audits go there.
	plain    bool
	step     step // how a walk moves through a value of this node: stepOf(op)
	typ      reflect.Type
	elem     *node   // opPtr, opSlice, opArray, opMap, opNull
	elemSize uintptr // opSlice, opArray
	// walkBy (opStruct) holds, for each reach (see reach), the members a walk goes
	// into: those that can lead to what it reaches, settled once per type.
	walkBy [numReach][]walkMember
	// arenaHint is how many bytes of masked strings the last redaction of a record of
	// this root type wrote: the size of the next one's arena. It is
	// written now and then, so it sits apart from what every walk reads.
	arenaHint atomic.Int32
	// ptrNil is a nil *typ in an interface, whose type word valueAt reuses (see there).
	ptrNil any
	// locks lists where a struct or array node's value holds a sync.Mutex or
	// sync.RWMutex, in it or in the structs and arrays it holds by value: copies zero
	// them (see unlock).
	locks   []lockSpan
	size    uintptr  // typ.Size(), for leaves of sized numbers
	rule    rule     // opLeaf and opIface: what the (inherited) tag says
	members []member // opStruct: every field, for Classify
	length  int      // opArray
	offset  uintptr  // opNull: where Valid sits
	nanKeys bool     // opMap: a key may be NaN, which SetMapIndex cannot find again
	// keyText (opMap): the map's tag is PII and its keys are strings, which may hold
	// what the tag names (map[string]string tagged email, keyed by addresses) or may be
	// labels ("home", "work"): keys are scanned as free text (see keyAction).
	keyText bool
	// keyString (opMap): an untagged map with string keys, which ScanStrings scans.
	keyString bool
	key       *node // opMap: the keys' node, to refuse keys that hold personal data
	// inherits (opIface): the interface is tagged, and what it holds is planned under
	// its rule (see held), not by its type alone.
	inherits bool
	// ownEntries (opMap): the map's values hold a leaf that redacts itself, whose
	// RedactPII may keep its receiver: each entry is walked in a value of its own.
	ownEntries bool
	// reenters: a walk from this node can meet its value again (a pointer back to its
	// type below it, or an interface), so a walk from a pointer to it marks it seen.
	reenters bool
}

// A member is a struct field as a plan sees it.
type member struct {
	name      string // the Go field name
	qualified string // the declaring type and the name: "api.Address.Street"
	embedded  bool   // an embedded struct (or pointer to one) whose fields are promoted
	index     int    // the field's index in its struct, for reflect
	offset    uintptr
	node      *node
}

// A walkMember is a member as a walk reads it (see node.walkBy): the walk reads one for
// every field of every record, so these lists hold what it needs, in a third of a
// member's size, and point to the member for the rest.
type walkMember struct {
	offset uintptr
	node   *node
	// leaf: node is a leaf that the action takes as it is (no wrapper error), so a walk
	// hands it to the action directly, without a step.
	leaf bool
	of   *member
}

// A rule is the effective tag of a leaf, with its strategies resolved.
type rule struct {
	tag    Tag
	redact redactStrategy
	anon   anonStrategy
	origin string // "Type.Field" that carries the tag, for errors; "" when untagged
}

// pii reports whether the rule marks personal data.
func (r *rule) pii() bool { return r.tag.Class == PII }

type nodeKey struct {
	typ reflect.Type
	ctx rule // the tag inherited from an enclosing field
}

var (
	plans     typecache.Cache[*plan]
	nodes     sync.Map // nodeKey -> *node, complete nodes only
	buildLock sync.Mutex

	timeType     = reflect.TypeFor[time.Time]()
	slogValue    = reflect.TypeFor[slog.Value]()
	addrType     = reflect.TypeFor[netip.Addr]()
	netIPType    = reflect.TypeFor[net.IP]()
	urlType      = reflect.TypeFor[url.URL]()
	urlPtrType   = reflect.TypeFor[*url.URL]()
	addrPortType = reflect.TypeFor[netip.AddrPort]()
	prefixType   = reflect.TypeFor[netip.Prefix]()
	redactorType = reflect.TypeFor[Redactor]()
	valuerType   = reflect.TypeFor[driver.Valuer]()
)

// planFor returns the cached plan of t, building it on first use. Concurrent first uses
// of new types are safe: builds are serialised, lookups are not.
func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p
	}
	buildLock.Lock()
	defer buildLock.Unlock()
	if p, ok := plans.Load(t); ok {
		return p
	}
	b := builder{building: map[nodeKey]*node{}}
	p := &plan{}
	p.hidden, p.hiddenDeep = hiddenIfaces(t)
	p.hiddenErrs = len(p.hidden) > 0 && !slices.ContainsFunc(p.hidden, func(h hiddenIface) bool { return h.typ != errorType })
	p.root, p.err = b.node(t, rule{})
	if p.err == nil {
		b.finish()
		p.fields, p.ifaces = listFields(p.root, t)
		p.pooled = !holdsRedactor(p.root)
		p.spares = p.pooled && runsNoMethods(p.root, map[*node]bool{})
	}
	plans.Store(t, p)
	return p
}

// runsNoMethods reports whether no code of the caller's can see a value of node n while
// a logger writes it: no interface, and no type with methods, sits at or under n, but
// for the standard library's that print their value and keep nothing of it (time.Time,
// netip.Addr...). A lent copy reuses the memory of the last one (its masked strings,
// slices and pointees; see lentBox) only then: a method could keep a string or a
// pointer of the copy (a String that caches its results, a MarshalJSON that keeps its
// receiver), which the next line would change.
func runsNoMethods(n *node, seen map[*node]bool) bool {
	if seen[n] {
		return true
	}
	seen[n] = true
	if n.op == opIface {
		return false
	}
	if t := n.typ; !methodsKeepNothing[t] && (t.NumMethod() > 0 || t.Kind() != reflect.Pointer && reflect.PointerTo(t).NumMethod() > 0) {
		return false
	}
	for _, m := range n.members {
		if !runsNoMethods(m.node, seen) {
			return false
		}
	}
	for _, c := range []*node{n.elem, n.key} {
		if c != nil && !runsNoMethods(c, seen) {
			return false
		}
	}
	return true
}

// methodsKeepNothing are the types with methods that runsNoMethods lets through: the
// standard library's, which print their values and keep nothing of them.
var methodsKeepNothing = map[reflect.Type]bool{
	timeType: true, reflect.TypeFor[time.Duration](): true, addrType: true, addrPortType: true,
	prefixType: true, netIPType: true, rawMessageType: true,
}

// holdsRedactor reports whether a value of node n holds, in its own memory (not behind
// a pointer, slice, map or interface, which a copy clones), a leaf that redacts itself:
// its RedactPII gets a pointer into that memory and may keep it, so a copy redacted
// there must be the caller's alone, never a pooled value that later holds another.
func holdsRedactor(n *node) bool {
	switch n.op {
	case opLeaf:
		return n.lk == lkCustom
	case opStruct:
		for _, m := range n.walkBy[numReach-1] {
			if holdsRedactor(m.node) {
				return true
			}
		}
	case opArray, opNull:
		return holdsRedactor(n.elem)
	}
	return false
}

// noShort is node.short for a node that never takes redaction's short way: no kind, and
// outside every set of kinds (profileKinds has 64 bits, and there are fewer kinds).
const noShort Kind = 63

// This fails to compile if a kind is ever numbered noShort.
var _ [noShort - numKinds]struct{}

// held returns the node of a value of dynamic type t held by the interface node n: the
// type's own plan, or when the interface is tagged, t under the interface's rule.
func (n *node) held(t reflect.Type) (*node, error) {
	if !n.inherits {
		pl := planFor(t)
		return pl.root, pl.err
	}
	return nodeFor(t, n.rule)
}

// nodeFor returns the node of t under the inherited rule ctx; the walk uses it for the
// dynamic types it meets in interfaces.
func nodeFor(t reflect.Type, ctx rule) (*node, error) {
	if ctx == (rule{}) {
		// Untagged, as most interfaces are: the type's own plan, found by type alone.
		pl := planFor(t)
		return pl.root, pl.err
	}
	if n, ok := nodes.Load(nodeKey{t, ctx}); ok {
		return n.(*node), nil
	}
	buildLock.Lock()
	defer buildLock.Unlock()
	b := builder{building: map[nodeKey]*node{}}
	n, err := b.node(t, ctx)
	if err != nil {
		return nil, err
	}
	b.finish()
	return n, nil
}

// A builder makes the nodes of one plan. It runs under buildLock.
type builder struct {
	building map[nodeKey]*node // nodes made by this build, finished or not
	made     []*node
	// hidden holds the unexported fields of the structs made, which become members
	// only where their types carry pii tags (see promote).
	hidden map[*node][]member
}

// newNode returns the node of type t under rule ctx, with its plan still to be made.
func newNode(t reflect.Type, ctx rule) *node {
	return &node{typ: t, ptrNil: reflect.Zero(reflect.PointerTo(t)).Interface(), size: t.Size(), rule: ctx, short: noShort}
}

func (b *builder) node(t reflect.Type, ctx rule) (*node, error) {
	key := nodeKey{t, ctx}
	if n, ok := nodes.Load(key); ok {
		return n.(*node), nil
	}
	if n, ok := b.building[key]; ok {
		return n, nil // a recursive type: its node is being built further up
	}
	n := newNode(t, ctx)
	b.building[key] = n
	b.made = append(b.made, n)
	if err := b.fill(n, t, ctx); err != nil {
		return nil, err
	}
	return n, nil
}

// tryNode returns the node of t under ctx, or nil when its tags are wrong: then the
// nodes made on the way are forgotten, so that none half made is ever published.
func (b *builder) tryNode(t reflect.Type, ctx rule) *node {
	mark := len(b.made)
	n, err := b.node(t, ctx)
	if err == nil {
		return n
	}
	for _, made := range b.made[mark:] {
		delete(b.building, nodeKey{made.typ, made.rule})
		delete(b.hidden, made)
	}
	clear(b.made[mark:])
	b.made = b.made[:mark]
	return nil
}

func (b *builder) fill(n *node, t reflect.Type, ctx rule) error {
	if isRuntimeOwned(t) {
		// What a reflect.Type holds: never data, and never copied (a copy printed
		// stops the process; see rtypePtrType).
		n.op = opOpaque
		if ctx.pii() {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", ErrKindType, t, ctx.tag.Kind))
		}
		return nil
	}
	// A Redactor is a leaf only where a PII tag asks for its redaction; untagged, it is
	// an ordinary value whose own fields and tags count.
	if lk := leafKindOf(t, ctx.pii()); lk != lkNone {
		n.op, n.lk = opLeaf, lk
		if ctx.pii() && !kindFits(ctx.tag.Kind, lk) {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", ErrKindType, t, ctx.tag.Kind))
		}
		if lk == lkString && ctx.pii() && ctx.redact == redactDefault && ctx.tag.Handling != Sensitive {
			n.short = ctx.tag.Kind
		}
		return nil
	}
	var err error
	switch t.Kind() {
	case reflect.Struct:
		if isSQLNull(t) {
			n.op, n.offset = opNull, t.Field(1).Offset
			n.elem, err = b.node(t.Field(0).Type, ctx)
			return err
		}
		n.op = opStruct
		n.locks = locksIn(t, 0, nil, 0)
		return b.fillStruct(n, t, ctx)
	case reflect.Pointer:
		n.op = opPtr
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Slice:
		n.op, n.elemSize = opSlice, t.Elem().Size()
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Array:
		n.op, n.elemSize, n.length = opArray, t.Elem().Size(), t.Len()
		n.locks = locksIn(t, 0, nil, 0) // an array copied whole holds its elements' locks
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Map:
		n.op, n.nanKeys = opMap, mayHoldNaN(t.Key(), 0)
		n.keyText = ctx.pii() && t.Key().Kind() == reflect.String
		n.keyString = ctx.tag.Class == Untagged && t.Key().Kind() == reflect.String
		if n.key, err = b.node(t.Key(), rule{}); err != nil {
			return err
		}
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Interface:
		n.op = opIface
	default: // chan, func, complex, unsafe.Pointer: nothing a walk can redact
		n.op = opOpaque
		if ctx.pii() {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", ErrKindType, t, ctx.tag.Kind))
		}
	}
	return err
}

func (b *builder) fillStruct(n *node, t reflect.Type, ctx rule) error {
	created := ""
	for i := range t.NumField() {
		sf := t.Field(i)
		raw, tagged, err := LookupTag(sf.Tag)
		if err != nil {
			te := err.(*TagError)
			te.Type, te.Field = t.String(), sf.Name
			return te
		}
		fieldCtx := ctx
		if tagged {
			tag, err := ParseTag(raw)
			if err != nil {
				te := err.(*TagError)
				te.Type, te.Field = t.String(), sf.Name
				return te
			}
			if tag.Created {
				if !isTimeField(sf.Type) || created != "" || !sf.IsExported() {
					return createdFieldError(t, sf, raw, created)
				}
				created = sf.Name
			}
			fieldCtx = rule{tag: tag, origin: t.String() + "." + sf.Name}
			fieldCtx.redact = redactStrategyNames[tag.Redact]
			fieldCtx.anon = anonStrategyNames[tag.Anon]
		}
		ft := sf.Type
		embeddedStruct := sf.Anonymous && (ft.Kind() == reflect.Struct ||
			ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct)
		// An embedded field is walked whatever its type and spelling: its methods and
		// fields are promoted, and fmt prints it (struct{ error; Code int } prints the
		// embedded error through its promoted Error).
		m := member{name: sf.Name, qualified: t.String() + "." + sf.Name,
			embedded: embeddedStruct, index: i, offset: sf.Offset}
		if !sf.IsExported() && !sf.Anonymous {
			if tagged && fieldCtx.pii() {
				return &TagError{Type: t.String(), Field: sf.Name, Tag: raw, Err: ErrUnexportedPII}
			}
			// Like encoding/json, unexported fields are not the type's data, unless
			// what one holds carries pii tags of its own (owner User, users []*User):
			// fmt and text handlers print it, so it is walked as its type's tags say
			// (see builder.promote). An enclosing tag does not reach it.
			// A type whose tags are wrong, there, is left as it was before: not walked.
			if !tagged {
				fieldCtx = rule{}
			}
			if m.node = b.tryNode(ft, fieldCtx); m.node != nil {
				if b.hidden == nil {
					b.hidden = map[*node][]member{}
				}
				b.hidden[n] = append(b.hidden[n], m)
			}
			continue
		}
		if m.node, err = b.node(ft, fieldCtx); err != nil {
			return err
		}
		n.members = append(n.members, m)
	}
	// A record has one creation time: a created field of its own and one promoted from
	// an embedded struct, or two promoted, are one too many; one behind an embedded
	// pointer could be nil, so it must be embedded by value.
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.Anonymous {
			continue
		}
		ft, byPointer := sf.Type, false
		if ft.Kind() == reflect.Pointer {
			ft, byPointer = ft.Elem(), true
		}
		if recordOf(ft) == nil {
			continue
		}
		if created != "" || byPointer {
			return createdEmbedError(t, sf, created)
		}
		created = sf.Name
	}
	if len(n.members) == 0 && ctx.pii() {
		// Fail closed: a PII tag on a struct with nothing exported would redact nothing.
		return ctxError(ctx, fmt.Errorf("%w: %s has no exported fields", ErrKindType, t))
	}
	return nil
}

// finish settles hasPII over the nodes of a build (a fixpoint, since recursive types
// point back at themselves), prunes the struct walks, and publishes the nodes.
func (b *builder) finish() {
	b.settle()
	for b.promote() {
		b.settle()
	}
	// Wrapper errors may hold personal data in their text: mark them, and settle again
	// what leads to them.
	marked := false
	for _, n := range b.made {
		n.unwraps = isWrapper(n.typ)
		if !n.holds && n.unwraps {
			n.wraps = true
			if !n.hasPII {
				n.hasPII, marked = true, true
			}
		}
	}
	for changed := marked; changed; {
		changed = false
		for _, n := range b.made {
			if !n.hasPII && n.computeHasPII() {
				n.hasPII, changed = true, true
			}
		}
	}
	for _, n := range b.made {
		n.nests = n.wraps && (n.holdsWrappers() || hidesWrappers(n.typ))
	}
	b.publish()
}

// holdsWrappers reports whether a walk from n, a wrapper error, goes into anything
// below it: what it meets there can only be other wrapper errors, since n holds nothing
// else a walk reaches (see holds). A pointer to a wrapper whose methods have value
// receivers leads to that same error, and counts only for what that one holds.
func (n *node) holdsWrappers() bool {
	if n.op == opPtr && n.elem.wraps {
		return n.elem.holdsWrappers()
	}
	if n.op == opMap && n.key.hasPII {
		return true
	}
	return n.derive(func(*node) bool { return false }, func(c *node) bool { return c.hasPII })
}

// promote makes members of the unexported fields whose types carry pii tags, as settle
// found them, and reports whether it made any: what leads to them must be settled again.
func (b *builder) promote() bool {
	promoted := false
	for n, hidden := range b.hidden {
		rest := hidden[:0]
		for _, m := range hidden {
			if !m.node.tagged {
				rest = append(rest, m)
				continue
			}
			n.members = append(n.members, m)
			promoted = true
		}
		b.hidden[n] = rest
		slices.SortFunc(n.members, func(a, b member) int { return a.index - b.index })
	}
	return promoted
}

// settle computes the properties of the nodes of a build from their members and
// elements (a fixpoint, since recursive types point back at themselves).
func (b *builder) settle() {
	for changed := true; changed; {
		changed = false
		for _, n := range b.made {
			if !n.hasPII && n.computeHasPII() {
				n.hasPII, changed = true, true
			}
			if !n.holds && n.computeHolds() {
				n.holds, changed = true, true
			}
			if !n.scans && n.computeScans() {
				n.scans, changed = true, true
			}
			if !n.tagged && n.computeTagged() {
				n.tagged, changed = true, true
			}
			if !n.text && n.computeText() {
				n.text, changed = true, true
			}
			if !n.plain && n.computePlain() {
				n.plain, changed = true, true
			}
			if !n.mutable && n.computeMutable() {
				n.mutable, changed = true, true
			}
			if !n.dynamic && n.derive(func(n *node) bool { return n.op == opIface },
				func(c *node) bool { return c.dynamic }) {
				n.dynamic, changed = true, true
			}
		}
	}
}

// publish prunes the struct walks of the nodes of a build, and publishes the nodes.
func (b *builder) publish() {
	for _, n := range b.made {
		for r := range reach(numReach) {
			for i := range n.members {
				m := &n.members[i]
				if m.node.reachedBy(r) {
					leaf := m.node.op == opLeaf && !m.node.wraps
					n.walkBy[r] = append(n.walkBy[r], walkMember{offset: m.offset, node: m.node, leaf: leaf, of: m})
				}
			}
		}
	}
	for _, n := range b.made {
		n.reenters = n.computeReenters()
		n.ownEntries = n.op == opMap && holdsRedactor(n.elem)
	}
	for _, n := range b.made {
		n.inherits = n.op == opIface && n.rule != (rule{})
		n.step = stepOf(n.op)
		if n.wraps {
			n.step = stepWrapper
		}
	}
	for key, n := range b.building {
		nodes.Store(key, n)
	}
}

// computeReenters says whether a walk from n can meet n's own value again: through a
// pointer to n's type somewhere below it, or through an interface, which may hold one.
func (n *node) computeReenters() bool {
	if n.dynamic {
		return true
	}
	seen := map[*node]bool{}
	var leadsBack func(c *node) bool
	leadsBack = func(c *node) bool {
		if c == nil || seen[c] {
			return false
		}
		seen[c] = true
		if c.op == opPtr && c.elem == n {
			return true
		}
		for _, m := range c.members {
			if leadsBack(m.node) {
				return true
			}
		}
		return leadsBack(c.elem) || leadsBack(c.key)
	}
	for _, m := range n.members {
		if leadsBack(m.node) {
			return true
		}
	}
	return leadsBack(n.elem) || leadsBack(n.key)
}

// computeHasPII says whether personal data can sit at or under n, from its children's
// current answers.
func (n *node) computeHasPII() bool { return n.computePII(func(c *node) bool { return c.hasPII }) }

// computeHolds says what computeHasPII says, from what the nodes below hold (see holds).
func (n *node) computeHolds() bool { return n.computePII(func(c *node) bool { return c.holds }) }

// computePII is computeHasPII and computeHolds, from below, the property of the nodes below n.
func (n *node) computePII(below func(*node) bool) bool {
	if n.op == opMap && (below(n.key) || n.keyText) {
		// Keys that may hold tagged values are refused when walked (see ErrMapKey);
		// string keys under a PII tag are scanned (see keyAction).
		return true
	}
	return n.derive(func(n *node) bool {
		// What an interface holds is known only when walked, and the tags of its
		// dynamic type apply even under a "no" tag: "no" speaks of leaves, never of
		// the tagged values a container holds.
		return n.op == opIface || n.lk == lkSlog || n.rule.pii()
	}, below)
}

// computeScans says whether a redact=scan leaf sits at or under n.
func (n *node) computeScans() bool {
	return n.derive(func(n *node) bool {
		return n.op == opLeaf && n.rule.pii() && n.rule.redact == redactScan
	}, func(c *node) bool { return c.scans })
}

// computeText says whether an untagged string leaf, or an interface, sits at or under n.
func (n *node) computeText() bool {
	if n.op == opMap && n.keyString {
		return true
	}
	return n.derive(func(n *node) bool {
		return n.op == opIface ||
			n.op == opLeaf && n.rule.tag.Class == Untagged && (n.lk == lkString || n.lk == lkBytes)
	}, func(c *node) bool { return c.text })
}

// computeMutable says whether something a caller can change in place (a map, slice,
// pointer, interface or []byte) sits at or under n.
func (n *node) computeMutable() bool {
	switch n.op {
	case opMap, opSlice, opPtr, opIface:
		return true
	case opLeaf:
		return n.lk == lkBytes || n.lk == lkNetIP || n.lk == lkSlog || n.lk == lkURLPtr
	}
	return n.derive(func(*node) bool { return false }, func(c *node) bool { return c.mutable })
}

// computePlain says whether a string leaf that is not PII, or an interface, sits at or
// under n.
func (n *node) computePlain() bool {
	return n.derive(func(n *node) bool {
		return n.op == opIface || n.op == opLeaf && !n.rule.pii() && (n.lk == lkString || n.lk == lkBytes)
	}, func(c *node) bool { return c.plain })
}

// computeTagged says whether a PII leaf sits at or under n by the tags alone. A map whose
// keys hold one counts: the walk must reach it to refuse it (see ErrMapKey), even in an
// unexported field, which fmt prints keys and all.
func (n *node) computeTagged() bool {
	if n.op == opMap && n.key.tagged {
		return true
	}
	return n.derive(func(n *node) bool { return n.op == opLeaf && n.rule.pii() },
		func(c *node) bool { return c.tagged })
}

// derive computes a property that holds at a node when it holds of the node itself
// (leaves and interfaces: self) or of any of its children (below).
func (n *node) derive(self, below func(*node) bool) bool {
	switch n.op {
	case opLeaf, opIface:
		return self(n)
	case opStruct:
		for _, m := range n.members {
			if below(m.node) {
				return true
			}
		}
	case opPtr, opSlice, opArray, opMap, opNull:
		return below(n.elem)
	}
	return false
}

func ctxError(ctx rule, err error) error {
	typ, field := ctx.origin, ""
	if i := strings.LastIndexByte(ctx.origin, '.'); i >= 0 {
		typ, field = ctx.origin[:i], ctx.origin[i+1:]
	}
	return &TagError{Type: typ, Field: field, Tag: ctx.tag.String(), Err: err}
}

// redactorPromoted reports whether a struct may have RedactPII only because an embedded
// field has it: that method knows the embedded value, not the struct's other fields, so
// the struct is walked field by field instead.
func redactorPromoted(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous && (f.Type.Implements(redactorType) ||
			reflect.PointerTo(f.Type).Implements(redactorType)) {
			return true
		}
	}
	return false
}

// mayHoldNaN reports whether a value of type t can hold a NaN, so that as a map key it
// may be impossible to find again.
func mayHoldNaN(t reflect.Type, depth int) bool {
	if depth > 8 {
		return true // deep enough to give up: assume the worst
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.Interface:
		return true
	case reflect.Array:
		return mayHoldNaN(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if mayHoldNaN(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// leafKindOf says whether t is a leaf the actions handle, and how. A type that
// implements Redactor (with a pointer receiver, so that it can change itself) is a
// custom leaf when custom is set.
func leafKindOf(t reflect.Type, custom bool) leafKind {
	switch t {
	case timeType:
		return lkTime
	case slogValue:
		return lkSlog
	case addrType:
		return lkAddr
	case netIPType:
		return lkNetIP
	case addrPortType:
		return lkAddrPort
	case prefixType:
		return lkPrefix
	case urlType:
		if custom {
			return lkURL
		}
	case urlPtrType:
		if custom {
			return lkURLPtr
		}
	}
	if custom && reflect.PointerTo(t).Implements(redactorType) && !t.Implements(redactorType) &&
		!redactorPromoted(t) {
		return lkCustom
	}
	switch t.Kind() {
	case reflect.String:
		return lkString
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return lkBytes
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return lkInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return lkUint
	case reflect.Float32, reflect.Float64:
		return lkFloat
	case reflect.Bool:
		return lkBool
	}
	return lkNone
}

// kindFits reports whether a leaf laid out as lk can hold personal data of kind k. A phone
// number in a float64 cannot be redacted as a phone number, so such a tag is an error.
func kindFits(k Kind, lk leafKind) bool {
	switch lk {
	case lkString, lkBytes, lkCustom, lkSlog:
		return true
	case lkInt, lkUint:
		switch k {
		case KindGeneric, KindSecret, KindAccount, KindHealth, KindPostal, KindDOB, KindGovID, KindGeo, KindAge:
			return true
		}
		return specialCategory(k) // a coded value reveals the category as text does
	case lkFloat:
		return k == KindGeneric || k == KindGeo || k == KindHealth || k == KindAge
	case lkBool:
		return k == KindGeneric || k == KindHealth || specialCategory(k)
	case lkTime:
		return k == KindGeneric || k == KindDOB || k == KindHealth || k == KindDate
	case lkAddr, lkNetIP, lkAddrPort, lkPrefix:
		return k == KindGeneric || k == KindIP
	case lkURL, lkURLPtr:
		return k == KindGeneric || k == KindURL || k == KindSecret
	}
	return false
}

var (
	errorType      = reflect.TypeFor[error]()
	unwrapperType  = reflect.TypeFor[interface{ Unwrap() error }]()
	unwrappersType = reflect.TypeFor[interface{ Unwrap() []error }]()
	listerType     = reflect.TypeFor[errorLister]()
)

// isWrapper reports whether t is an error that wraps others (Unwrap) or lists them
// (Errors).
func isWrapper(t reflect.Type) bool {
	return t.Kind() != reflect.Interface && t.Implements(errorType) &&
		(t.Implements(unwrapperType) || t.Implements(unwrappersType) || t.Implements(listerType))
}

// A lockSpan is where locks sit in a value: count locks of size bytes, the first at
// offset and each next one stride bytes further (the same field of an array's
// elements).
type lockSpan struct{ offset, size, stride, count uintptr }

var (
	mutexType   = reflect.TypeFor[sync.Mutex]()
	rwMutexType = reflect.TypeFor[sync.RWMutex]()
)

// locksIn appends to spans the locks of type t at base, through the structs and arrays
// it holds by value, as deep as a real type goes. The locks of an array's elements are
// one span each, with the elements' size as stride, however long the array; an array of
// arrays repeats its elements' spans.
func locksIn(t reflect.Type, base uintptr, spans []lockSpan, depth int) []lockSpan {
	if depth > 16 {
		return spans
	}
	switch {
	case t == mutexType || t == rwMutexType:
		return append(spans, lockSpan{base, t.Size(), 0, 1})
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			spans = locksIn(f.Type, base+f.Offset, spans, depth+1)
		}
	case t.Kind() == reflect.Array && t.Len() > 0:
		stride, n := t.Elem().Size(), uintptr(t.Len())
		for _, l := range locksIn(t.Elem(), 0, nil, depth+1) {
			if l.count == 1 {
				spans = append(spans, lockSpan{base + l.offset, l.size, stride, n})
				continue
			}
			for i := range n {
				l.offset += base + i*stride
				spans = append(spans, l)
				l.offset -= base + i*stride
			}
		}
	}
	return spans
}

// isTimeField reports whether a field of type t can hold a record's creation time:
// time.Time, *time.Time or sql.NullTime.
func isTimeField(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t == timeType || isSQLNull(t) && t.Field(0).Type == timeType
}

// specialCategory reports whether k is one of the special categories of personal data
// (racial or ethnic origin, religion, politics, union membership, sex life, genetic and
// neural data, criminal records, citizenship, a child's data): a flag or a code reveals
// them as much as text does, so they may sit in bools and integers too.
func specialCategory(k Kind) bool {
	switch k {
	case KindEthnicity, KindReligion, KindPolitics, KindUnion, KindSexuality, KindGenetic,
		KindNeural, KindCriminal, KindCitizenship, KindChild:
		return true
	}
	return false
}

// isSQLNull reports whether t is one of database/sql's Null wrappers (NullString,
// NullInt64, ..., Null[T]): a value field, then Valid.
func isSQLNull(t reflect.Type) bool {
	return t.PkgPath() == "database/sql" && strings.HasPrefix(t.Name(), "Null") &&
		t.NumField() == 2 && t.Field(1).Name == "Valid" && t.Implements(valuerType)
}
