package pii

import (
	"errors"
	"reflect"
	"unsafe"
)

// This file is the traversal: how a walk reaches every value along a type's plan. What
// happens at a value it reaches is an action's business (see action.go), and the
// traversal knows none of them.

// maxDepth bounds how deep a walk goes. A value that contains itself through a slice or
// an interface (s[0] = s) would otherwise recurse until the stack overflows, which no
// recover catches; pointer and map cycles end earlier, at the first repeat.
const maxDepth = 100_000

// ErrTooDeep is returned for a value nested deeper than the walk goes, which in practice
// means a value that contains itself through a slice or an interface.
var ErrTooDeep = errors.New("value nested too deep, or containing itself through a slice or interface")

// ErrMapKey is returned for a map whose keys hold personal data (a map keyed by a
// tagged struct): keys cannot be redacted, so such a map is refused rather than left
// readable. Keep personal data in map values.
var ErrMapKey = errors.New("map keys hold personal data, which cannot be redacted")

// ErrHidden is returned by Redact, Redacted, Anonymize and Anonymized for a value that
// keeps personal data behind unexported fields where no interface holds it (a struct
// field of a type whose unexported `v any` holds a tagged record): no walk reaches it to
// hide it, a copy would share it, and the type's methods, or fmt, print it. So the value
// is refused rather than returned or left readable. A value of such a type held by an
// interface is withheld in its place instead. Keep personal data in exported, tagged
// fields.
var ErrHidden = errors.New("personal data held behind unexported fields, which cannot be redacted")

// A walker carries one traversal of a value along its plan. It is the package's only
// reflection walk: every feature is an action of it, never a walker of its own.
//
// Values are reached through unsafe pointers at the offsets the plan computed, so that a
// walk costs a few loads per field instead of reflect.Value calls; maps and interfaces,
// whose layouts are the runtime's, go through reflect. Each node carries the step that
// moves through its values (see steps.go), chosen once per type, so that a walk is a
// chain of direct calls.
type walker struct {
	pol *Policy
	act action
	hooks
	rec recordAction // act, when it keeps state per record for this root; else nil
	// copy makes the walk copy-on-write: every pointer, slice, map and interface that
	// leads to personal data is cloned before the walk writes below it, so the caller's
	// value is never changed (Redacted, log lines).
	copy bool
	// spare, in a copy lent to a log line (see lendCopy), holds the memory the last
	// copy of the type took for its pointees and slices, for this copy to take again.
	spare *lentBox
	// reach says which leaves the walk must get to: what may be personal data, and
	// untagged strings or every string besides.
	reach reach
	// paths makes the walk keep path, the path of the value it is at, from the root,
	// as Classify writes paths ("Parties[].Number"), for actions that report where.
	paths bool
	path  []byte
	depth int
	seen  seenSet
	// field names the struct field the walk is in ("api.Address.Street"), kept only
	// when fields is set: for an action that names it (see hooks.namesFields), and for
	// audits, which report it. Sealing binds an envelope to it, and purges and
	// anonymisation name it in errors.
	field  string
	fields bool
	// ifaces counts the interfaces the walk is inside.
	ifaces int
	// profile is the record's profile: the Policy's, widened by its parties.
	profile Profile
}

// reset forgets the walk of one value, keeping the action, its hooks and the path's
// array, so that a pooled walker is ready for the next value. It sets only what a walk
// may have changed, and a pointer only when it is set: while the collector runs, every
// store of a pointer takes a write barrier, even nil over nil.
func (w *walker) reset() {
	w.pol = nil
	if w.rec != nil {
		w.rec = nil
	}
	w.copy, w.reach, w.paths = false, reachPII, false
	if w.spare != nil {
		w.spare = nil
	}
	w.path = w.path[:0]
	w.depth, w.ifaces = 0, 0
	if w.field != "" {
		w.field = ""
	}
	w.fields = false
	w.profile = Profile{}
	w.seen.reset()
}

// hooks are what an action does besides handling leaves, found once from the action's
// optional interfaces (see hooksOf).
type hooks struct {
	wired  bool
	recs   recordAction // act, when it keeps state per record; else nil
	opq    opaqueAction // act, when it looks at interface values the walk does not enter; else nil
	sa     structAction // act, when it treats some structs as records of their own; else nil
	ka     keyAction    // act, when it changes the keys of maps under a PII tag; else nil
	begins interface{ begin(w *walker, root *node) }
	// heldDone: act, when it looks again at what an interface holds once the walk has
	// gone through it (a log line's copy tried before a logger runs its methods).
	heldDone interface {
		heldDone(w *walker, n, dn *node, p unsafe.Pointer)
	}
	// readOnly: the action writes nothing, so nothing is set back into maps and
	// interfaces, and the caller's value is walked as it is.
	readOnly bool
	// namesFields: the action reads walker.field (see walker.fields).
	namesFields bool
	// readsKeys: the action writes nothing and reads the keys of maps as values of
	// their own (see textsAction), where a redaction refuses those that hold
	// personal data.
	readsKeys bool
}

// hooksOf finds the hooks of act.
func hooksOf(act action) hooks {
	h := hooks{wired: true}
	h.recs, _ = act.(recordAction)
	h.opq, _ = act.(opaqueAction)
	h.sa, _ = act.(structAction)
	h.ka, _ = act.(keyAction)
	h.begins, _ = act.(interface{ begin(w *walker, root *node) })
	h.heldDone, _ = act.(interface {
		heldDone(w *walker, n, dn *node, p unsafe.Pointer)
	})
	if ro, ok := act.(interface{ readsOnly() bool }); ok {
		h.readOnly = ro.readsOnly()
	}
	_, h.namesFields = act.(interface{ needsField() })
	_, h.readsKeys = act.(interface{ readsKeys() })
	return h
}

// start readies w to walk from root with its action, under its Policy and the record's
// profile. A walker made for one action kind (a pooled redaction) comes with its hooks
// already found.
func (w *walker) start(root *node) {
	if !w.wired {
		w.hooks = hooksOf(w.act)
	}
	w.fields = w.fields || w.namesFields
	if w.recs != nil && w.recs.records(root) {
		w.rec = w.recs
	}
	if w.begins != nil && root.op != opIface {
		// A walk from an interface readies for the value it holds (see stepIface).
		w.begins.begin(w, root)
	}
}

// walk visits the value of n's type at p.
func (w *walker) walk(n *node, p unsafe.Pointer) error {
	if w.depth++; w.depth > maxDepth {
		return errorf("pii: %s: %w", n.typ, ErrTooDeep)
	}
	err := n.step(w, n, p)
	w.depth--
	return err
}

// A reach says what a walk must get to besides what may be personal data (interfaces
// included), which every walk reaches.
type reach uint8

const (
	reachPII      reach = 0               // what may be personal data, and nothing more
	reachUntagged reach = 1 << (iota - 1) // untagged strings (ScanStrings)
	reachPlain                            // every string that is not PII (audits)
	reachMutable                          // every map, slice, pointer and []byte: a log line's snapshot
)

// numReach is the number of reaches: every combination of the bits above.
const numReach = 8

// reachedBy reports whether a walk of reach r goes into a value of node n at all.
func (n *node) reachedBy(r reach) bool {
	return n.hasPII || r != 0 && (r&reachUntagged != 0 && n.text ||
		r&reachPlain != 0 && n.plain || r&reachMutable != 0 && n.mutable)
}

// reaches reports whether the walk goes into a value of node n at all.
func (w *walker) reaches(n *node) bool { return n.reachedBy(w.reach) }

// members returns the members of the struct node n that the walk goes into.
func (w *walker) members(n *node) []walkMember { return n.walkBy[w.reach] }

// walkRecord walks an element of a collection, or the value an interface holds, as a
// record of its own for an action that keeps state per record.
func (w *walker) walkRecord(n *node, p unsafe.Pointer, inIface bool) error {
	if w.rec == nil {
		return w.walk(n, p)
	}
	enter, err := w.rec.enterRecord(w, n, p, inIface)
	if !enter || err != nil {
		return err
	}
	err = w.walk(n, p)
	w.rec.leaveRecord(w)
	return err
}

// sliceHeader is the runtime's layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// seenSet maps the pointers (and maps) a walk has been through, each with the node it
// was walked as, to what the walk made of them: the same pointer in place, the clone in
// a copy. The first few live inline, so a walk of an ordinary record allocates nothing
// for it.
type seenSet struct {
	n    int
	inl  [8]seenEntry
	more map[seenKey]unsafe.Pointer
}

type seenKey struct {
	p unsafe.Pointer
	n *node
	l int // a slice's length; 0 for pointers and maps
}

type seenEntry struct {
	key  seenKey
	done unsafe.Pointer
}

// reset empties s, clearing only the entries that were used, field by field: clear()
// of a few entries costs a call into the runtime's bulk clearing, more than the stores.
func (s *seenSet) reset() {
	for i := range s.inl[:s.n] {
		e := &s.inl[i]
		e.key.p, e.key.n, e.key.l, e.done = nil, nil, 0, nil
	}
	s.n = 0
	if s.more != nil {
		s.more = nil
	}
}

func (s *seenSet) get(p unsafe.Pointer, n *node) (unsafe.Pointer, bool) {
	return s.getLen(p, n, 0)
}

// getLen is get for a slice of length l.
func (s *seenSet) getLen(p unsafe.Pointer, n *node, l int) (unsafe.Pointer, bool) {
	k := seenKey{p, n, l}
	for i := range s.n {
		if s.inl[i].key == k {
			return s.inl[i].done, true
		}
	}
	if s.more == nil {
		return nil, false // a lookup in a nil map still costs a call into the runtime
	}
	done, ok := s.more[k]
	return done, ok
}

func (s *seenSet) put(p unsafe.Pointer, n *node, done unsafe.Pointer) { s.putLen(p, n, 0, done) }

// putLen is put for a slice of length l.
func (s *seenSet) putLen(p unsafe.Pointer, n *node, l int, done unsafe.Pointer) {
	k := seenKey{p, n, l}
	if s.n < len(s.inl) {
		s.inl[s.n] = seenEntry{k, done}
		s.n++
		return
	}
	if s.more == nil {
		s.more = make(map[seenKey]unsafe.Pointer)
	}
	s.more[k] = done
}

// anyKeyHoldsPII reports whether a key of the map m holds a value whose type carries PII
// tags: keys of interface type (map[any]int), or of structs and arrays with interfaces
// in them, are known only when walked.
func anyKeyHoldsPII(m reflect.Value) bool {
	for it := m.MapRange(); it.Next(); {
		if keyHoldsPII(it.Key(), 0) {
			return true
		}
	}
	return false
}

// anyKeyHoldsText reports whether a key of the map m holds a string that is not empty
// in the arrays and structs it is made of (see holdsText); a string an interface key
// holds is scanned instead (see keyText).
func anyKeyHoldsText(m reflect.Value) bool {
	for it := m.MapRange(); it.Next(); {
		k := it.Key()
		if k.Kind() == reflect.Interface && !k.IsNil() && k.Elem().Kind() == reflect.String {
			continue
		}
		if keyHoldsText(k, 0) {
			return true
		}
	}
	return false
}

// keyHoldsText reports whether the map key v holds a string that is not empty.
func keyHoldsText(v reflect.Value, depth int) bool {
	if depth > 16 {
		return true
	}
	switch v.Kind() {
	case reflect.String:
		return v.Len() > 0
	case reflect.Interface:
		return !v.IsNil() && keyHoldsText(v.Elem(), depth+1)
	case reflect.Array:
		for i := range v.Len() {
			if keyHoldsText(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if keyHoldsText(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}

// keyHoldsPII reports whether the map key v holds personal data: by its tags, or behind
// its unexported fields (see hiddenValues). Keys are comparable, so only interfaces,
// pointers, structs and arrays lead anywhere.
func keyHoldsPII(v reflect.Value, depth int) bool {
	if depth > 64 {
		return true // fail closed on keys deeper than any real one
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	pl := planFor(v.Type())
	switch {
	case pl.err != nil || pl.root.tagged:
		return true
	case pl.root.wraps:
		if !v.CanInterface() {
			return true // an error in an unexported field: nothing says what it holds
		}
		err, ok := v.Interface().(error)
		return !ok || chainHoldsTagged(err)
	case len(pl.hidden) > 0 || pl.hiddenDeep:
		// fmt prints a key with its String or Error, or field by field: what it keeps
		// behind unexported fields counts.
		if !v.CanInterface() || holdsHidden(v.Interface(), false) {
			return true
		}
	}
	if !pl.root.hasPII {
		return false
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		return !v.IsNil() && keyHoldsPII(v.Elem(), depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); (f.IsExported() || f.Anonymous) && keyHoldsPII(v.Field(i), depth+1) {
				return true
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			if keyHoldsPII(v.Index(i), depth+1) {
				return true
			}
		}
	}
	return false
}

// chainHoldsTagged reports whether err's chain (Unwrap, Unwrap() []error, Errors() []error,
// the wrapper errors a wrapper holds in its fields: see heldErrors, and what an error
// holds behind unexported fields: see hiddenValues) holds an error that redactedError
// replaces the text of: one whose type carries PII tags, or fails to plan, or a value
// that holds personal data. A chain of more than maxErrorChain errors, which
// redactedError withholds whole, counts as holding one, and so does a chain whose Unwrap
// or Errors panics, which redactedError makes a note of: the caller's slow way then says
// what it says. It makes no text (but that of errors held in fields, as a walk does)
// and, for a chain of up to eight errors pending at a time, none of which holds errors
// in its fields but at fixed offsets (a wrapper's err error), no allocation, so that an
// error with nothing to hide costs a look at each error's type.
func chainHoldsTagged(err error) (holds bool) {
	defer func() {
		if recover() != nil {
			holds = true
		}
	}()
	var pending [8]error
	todo := append(pending[:0], err)
	var looked map[heldPointer]bool // where held errors were looked for (see heldErrors)
	for seen := 0; len(todo) > 0; {
		e := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if e == nil {
			continue
		}
		if seen++; seen > maxErrorChain {
			return true
		}
		pl := planFor(reflect.TypeOf(e))
		if pl.err != nil || pl.root.hasPII && !pl.root.wraps {
			return true
		}
		// What e holds behind unexported fields, which its Error may print, but for
		// its links, added first.
		links := len(todo)
		todo = appendInner(todo, e)
		switch base := ifaceData(e); {
		case base == nil: // a nil pointer holds nothing
		case pl.hiddenErrs:
			// Errors alone at fixed offsets (a wrapper's err error): read as errors,
			// with no look through e.
			for _, h := range pl.hidden {
				if x := *(*error)(unsafe.Add(base, h.offset)); x != nil && !linkOf(x, todo[links:]) {
					todo = append(todo, x)
				}
			}
		case len(pl.hidden) > 0 || pl.hiddenDeep:
			held, holds := hiddenErrors(e, false)
			if holds {
				return true
			}
			for _, x := range held {
				if !linkOf(x, todo[links:]) {
					todo = append(todo, x)
				}
			}
		}
		if pl.root.nests {
			if looked == nil {
				looked = map[heldPointer]bool{}
			}
			held, ok := heldErrors(e, pl.root, looked)
			if !ok {
				return true
			}
			todo = append(todo, held...)
		}
	}
	return false
}
