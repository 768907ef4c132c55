package pii

import (
	"database/sql/driver"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

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
	// copies holds values of the type (in *copyBox, with a walker) for Redacted to
	// redact a copy in, so that the copy it returns costs no allocation of its own;
	// pooled says it may (see holdsRedactor). A value in the pool is zero, or the last
	// copy that Redacted returned: never anything the caller did not get back redacted.
	copies sync.Pool
	pooled bool
	// lent holds the values log lines' copies are made in, with the memory those copies
	// took (see lentBox): a value in it is one a line was written from and gave back.
	lent sync.Pool
	// lends says that a log line's copy of a value of the type may be made in a lent
	// value (see lendCopy), and spares that it may also reuse the memory the last one
	// took (see lentBox): no method of the caller's can see a copy of the type
	// (runsNoMethods).
	lends, spares bool
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
	// lkReflect is a reflect.Value, which fmt prints as the value it holds (through its
	// String, nested): a redaction refuses it wherever it is (see ErrReflectValue).
	lkReflect
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
	// prints reports an untagged struct, or pointer to one, whose type carries no tags
	// and that fmt prints through its own String or Error: what that text shows, a walk
	// of its fields does not reach. A walk that scans untagged text (ScanStrings) scans
	// it (see stepPrinted). (A tagged type's methods run on its redacted copy.)
	prints bool
	// hides reports that a value of the node's type can keep values behind unexported
	// fields (see hiddenIfaces), which no walk enters and its methods or fmt print:
	// such a value met in an interface is looked at as a whole first (see stepIface).
	hides bool
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
	// assign says how to copy a value of typ word by word (see assignOpsOf); nil when
	// copies go through reflection.
	assign []assignOp
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
	// keyText (opMap): the map's tag is PII and its keys are strings (or interfaces,
	// which may hold strings), which may hold what the tag names (map[string]string
	// tagged email, keyed by addresses) or may be labels ("home", "work"): keys are
	// scanned as free text (see keyAction).
	keyText bool
	// keyHolds (opMap): the map's tag is PII and its keys are of a type that is no
	// string but can hold one otherwise than as a string in an interface (an array or
	// struct of strings, or one in an interface): no scan can change such a key, so a
	// map whose keys hold text so is refused (see ErrMapKey).
	keyHolds bool
	// keyString (opMap): an untagged map with string (or interface) keys, which
	// ScanStrings scans.
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
		p.lends = p.pooled && p.root.hasPII && !p.root.unwraps &&
			t.Kind() == reflect.Struct && t.Size() > unsafe.Sizeof(uintptr(0))
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
