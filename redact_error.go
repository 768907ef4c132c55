package pii

import (
	"errors"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// errorPanickedNote stands in for an error whose methods panicked: what it holds is
// unknown, so nothing of it is shown.
const errorPanickedNote = "!PII-REDACTED: an error whose methods panicked"

// maxErrorChain bounds how many errors of one chain redactedError looks at: a chain
// that long is hidden whole.
const maxErrorChain = 1000

// redactedError returns an error whose text is err's with the personal data of every
// tagged value in its chain (Unwrap, Unwrap() []error, Errors() []error, and the wrapper
// errors a wrapper holds in its fields: see heldErrors) hidden, and whether that text
// differs from err.Error(). With scan, the text is scanned as free text as well. A nil
// pointer whose Error panics on nil is passed on as it is: it holds nothing, and loggers
// write it as nil; one in the chain holds nothing either, and what its wrapper printed
// of it ("<nil>") stays. A nil pointer whose methods run on nil is looked at as any
// error is: its text and what it unwraps to can hold personal data.
//
// A tagged error in the chain that cannot be redacted (its type's tags are wrong) makes
// the result the note a value that cannot be redacted gets (see ForLog), naming why, as
// that error logged alone would: the whole text is withheld, and the note says what to
// mend.
//
// A wrapper (fmt.Errorf's %w, errors.Join) keeps the text of what it wraps as a string
// of its own, which no walk reaches: the tagged error's raw text is found in it and
// replaced by the text of the redacted copy. Where the raw text cannot be found (a
// wrapper that rewrites it), or a tagged leaf's data stands elsewhere in the text (a
// wrapper that formatted it with %s beside %w), the whole text is withheld: fail closed.
func (p *Policy) redactedError(err error, scan bool) (result error, changed bool) {
	defer func() {
		if r := recover(); r != nil {
			// A method that panics on the way says nothing of what it holds: withhold.
			result, changed = redactedErr{errorPanickedNote}, true
		}
	}()
	if nilPrintsNothing(err) {
		return err, false // loggers write it as nil
	}
	text := err.Error() // first: a method that panics makes the note, never a crash later
	if !scan && !chainHoldsTagged(err) {
		return err, false // the common case: nothing kept, no texts compared
	}
	out, withheld, tagged := text, false, false
	var failed error // why a tagged error of the chain could not be redacted
	// The texts of the chain's tagged leaves, as they are and as redaction left them.
	var raw, kept []taggedText
	count := 0
	replaced := map[string]string{} // raw texts already replaced wherever they stood, and by what
	// The errors by pointer visited: one met again (a held error whose field points
	// back at the error that holds it, two fields holding one) has nothing more to show.
	visited := map[error]bool{}
	looked := map[heldPointer]bool{} // where the chain's held errors were looked for
	var visit func(e error)
	visit = func(e error) {
		if e == nil || withheld {
			return
		}
		if nilPrintsNothing(e) {
			return // fmt printed it as "<nil>"
		}
		if reflect.TypeOf(e).Kind() == reflect.Pointer {
			if visited[e] {
				return
			}
			visited[e] = true
		}
		if count++; count > maxErrorChain {
			withheld = true
			return
		}
		if _, ok := e.(redactionFailed); ok {
			// A note of a redaction that failed holds no value, only its cause (a
			// *TagError, whose Err field would count as a tagged value): passed on as
			// it is, it stays a note that adapters know (ErrRedactionFailed).
			return
		}
		pl := planFor(reflect.TypeOf(e))
		if pl.err != nil || pl.root.hasPII && !pl.root.wraps {
			tagged = true
			red, err := p.redactedCopy(e)
			if err != nil {
				withheld, failed = true, err
				return
			}
			out, withheld = replaceRaw(out, errorTexts(e, red), replaced)
			if withheld {
				return
			}
			kept = append(kept, p.leafTexts(red)...)
			raw = append(raw, p.leafTexts(e)...)
		}
		for inner := range innerErrors(e) {
			visit(inner)
		}
		if pl.err == nil && pl.root.nests {
			held, ok := heldErrors(e, pl.root, looked)
			if !ok {
				withheld = true
				return
			}
			for _, h := range held {
				visit(h)
			}
		}
		// What e holds behind unexported fields, which its Error may print, last (a
		// wrapper held there prints what it wraps: it is replaced whole first): errors
		// there are looked at as its chain's, and the data of other values, found
		// in the text in any form, withholds it (see rawLeafIn). They are only read,
		// never copied or formatted (see hiddenValues).
		if pl.hiddenDeep || len(pl.hidden) > 0 {
			held, ok := hiddenValues(e)
			if !ok {
				withheld = true
				return
			}
			var links []error
			for _, v := range held {
				x, isErr := v.(error)
				switch {
				case isErr:
					if links == nil {
						links = appendInner(nil, e)
					}
					if !linkOf(x, links) {
						visit(x)
					}
				case planFor(reflect.TypeOf(v)).err != nil:
					withheld = true // nothing says what it holds
				case carriesTagged(v):
					tagged = true
					raw = append(raw, p.leafTexts(v)...)
				}
			}
		}
	}
	visit(err)
	if failed != nil {
		return redactionFailed{failed}, true
	}
	if !withheld && rawLeafIn(out, raw, kept) {
		// A wrapper formatted a tagged value's data itself, next to the error it wraps
		// (fmt.Errorf("user %s: %w", u.Email, err)): no replacement of the error's own
		// text reaches it.
		withheld = true
	}
	if withheld {
		out = "!PII-REDACTED: the text of a " + reflect.TypeOf(err).String() + " that holds personal data"
	}
	if scan {
		out = p.RedactText(out)
	}
	if out == text && !tagged {
		return err, false
	}
	// A chain that held a tagged value is cut, even when its text showed nothing of it:
	// errors.As on what is passed on must not reach the raw value.
	return redactedErr{out}, true
}

// A rawText is what a tagged error prints one way, and what its redacted copy prints
// the same way.
type rawText struct{ raw, red string }

// errorTexts returns what the tagged error e and its redacted copy red print every way a
// wrapper may have kept: %w prints as %v does, with the flags it is given (fmt.Errorf's
// "%+w" calls a Format method with the plus flag, "%#w" a GoString), and errors.Join
// keeps Error's text. The longest come first, so that a text that holds a shorter one
// ("%+v" printing "%v" and a detail) is replaced whole.
func errorTexts(e error, red any) []rawText {
	texts := []rawText{
		{fmt.Sprintf("%+v", e), fmt.Sprintf("%+v", red)},
		{fmt.Sprintf("%#v", e), fmt.Sprintf("%#v", red)},
		{fmt.Sprint(e), fmt.Sprint(red)},
	}
	if re, ok := red.(error); ok {
		texts = append(texts, rawText{e.Error(), re.Error()})
	}
	slices.SortStableFunc(texts, func(a, b rawText) int { return len(b.raw) - len(a.raw) })
	return texts
}

// replaceRaw replaces in out every text of texts that redaction changed, and reports
// whether out must be withheld instead: no text of the error stood anywhere in it, and
// one changed, so the wrapper kept the value in a form none of them is (a precision
// that cut it, a rewritten message). A text inside one replaced before counts as found:
// an error earlier in the chain printed it whole (an error that prints the error it
// wraps), and its redacted text took its place. Texts in replaced were replaced before,
// wherever they stood.
//
// A text that redaction left as it was counts as found too, when it stands in out: the
// wrapper kept that form, which shows nothing to hide (an Error that prints only an ID,
// wrapped with %w), and the forms it did not keep (the %#v of the error's fields) do
// not matter. Data of the error's that the wrapper wrote beside it is rawLeafIn's to
// find.
func replaceRaw(out string, texts []rawText, replaced map[string]string) (string, bool) {
	changed, found := false, false
	for _, t := range texts {
		switch _, done := replaced[t.raw]; {
		case t.raw == "":
		case t.raw == t.red:
			found = found || strings.Contains(out, t.raw)
		case done:
			changed, found = true, true
		case strings.Contains(out, t.raw):
			out = strings.ReplaceAll(out, t.raw, t.red)
			replaced[t.raw] = t.red
			changed, found = true, true
		default:
			changed = true
			if adjusted, ok := replacedWithin(out, t.raw, replaced); ok {
				found = true
				if adjusted != "" && adjusted != t.red {
					// What is left of it is its own data: replaced too.
					out = strings.ReplaceAll(out, adjusted, t.red)
					replaced[t.raw] = t.red
				}
			}
		}
	}
	return out, changed && !found
}

// replacedWithin reports whether raw, a text not in out, was replaced in part or whole
// before: it stands inside a text replaced before (an error earlier in the chain
// printed it whole), or, with the texts replaced before replaced in it too, it stands
// in out (it prints an error met before it, as a wrapper held in a field does), and
// then returns it as it stands in out.
func replacedWithin(out, raw string, replaced map[string]string) (adjusted string, found bool) {
	adjusted = raw
	for prev, red := range replaced {
		if strings.Contains(prev, raw) {
			return "", true
		}
		adjusted = strings.ReplaceAll(adjusted, prev, red)
	}
	if adjusted != raw && strings.Contains(out, adjusted) {
		return adjusted, true
	}
	return "", false
}

// nilPrintsNothing reports whether e is a nil pointer whose Error panics on nil: it holds
// nothing, and fmt and loggers print it as "<nil>". A nil pointer whose methods run on
// nil (a default text, an Unwrap that returns another error) is no such error: its
// text and what it unwraps to can hold personal data.
func nilPrintsNothing(e error) (panicked bool) {
	if v := reflect.ValueOf(e); v.Kind() != reflect.Pointer || !v.IsNil() {
		return false
	}
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	_ = e.Error()
	return false
}

// redactedCopy returns the redacted copy of x, walked from its own type's plan (not as
// an interface's value, which would bring it back here), or why it cannot be made.
func (p *Policy) redactedCopy(x any) (any, error) {
	t := reflect.TypeOf(x)
	pl := planFor(t)
	if pl.err != nil {
		return nil, pl.err
	}
	tmp := reflect.New(t)
	tmp.Elem().Set(reflect.ValueOf(x))
	rw := newRedactWalk(true, false)
	rw.w.pol, rw.w.copy = p, true
	err := rw.w.run(pl.root, tmp.UnsafePointer())
	rw.release()
	if err != nil {
		return nil, err
	}
	return tmp.Elem().Interface(), nil
}

// redactedErr stands in for an error whose text held personal data. It does not unwrap:
// what it replaced is exactly what must not be reached.
type redactedErr struct{ text string }

func (e redactedErr) Error() string { return e.text }

// An errorLister is an error that gives the errors it holds through Errors, as zap's
// multi-errors and the lists of multierr versions before Unwrap() []error do. Its text
// holds theirs, so its chain is followed through Errors as through Unwrap.
type errorLister interface{ Errors() []error }

// innerErrors yields the errors e holds, the next links of its chain (see appendInner).
func innerErrors(e error) iter.Seq[error] {
	return func(yield func(error) bool) {
		var buf [4]error
		for _, inner := range appendInner(buf[:0], e) {
			if !yield(inner) {
				return
			}
		}
	}
}

// appendInner appends to dst the errors e holds, the next links of its chain: what
// Unwrap gives, and what Errors gives, unless Unwrap() []error gives that list already.
// It is the one rule of what an error's chain is, for every walk of one.
func appendInner(dst []error, e error) []error {
	switch u := e.(type) {
	case interface{ Unwrap() error }:
		dst = append(dst, u.Unwrap())
		if l, ok := e.(errorLister); ok {
			dst = append(dst, l.Errors()...)
		}
	case interface{ Unwrap() []error }:
		dst = append(dst, u.Unwrap()...)
	case errorLister:
		dst = append(dst, u.Errors()...)
	}
	return dst
}

// heldErrors returns the wrapper errors that e, whose plan n nests (see node.nests),
// holds besides the links of its chain: in its fields, exported or not (but not in an
// unexported interface: see hiddenHeldFields), and in the pointers, slices, arrays and
// maps they hold, each pointer looked through once, but not behind another wrapper,
// which holds its own. A nil pointer is left out, as a walk passes it on, and so is an
// error that is also a link of e's chain (a Next field that Unwrap gives), which is
// visited as that: a chain of such links would otherwise be visited twice at every
// link, twice as often at each. It reports false when the value is too large to look
// through (more than maxErrorChain values on the way), which counts as a chain too long
// to show.
//
// Each such error is visited as a link of e's chain: e's text may print it, and a walk
// of e hides what it wraps (see redactAction.opaqueSlot), so the text must too. A walk
// makes each one's text there: so does heldErrors, so that an Error that panics makes
// the note it makes in a walk.
//
// It leaves out the pointers and slices in seen, which a look for the errors held by
// another error of the chain went through already (what it found there is visited),
// and adds those it goes through: a thousand errors each holding the same hundreds are
// not each looked through whole. A nil seen is a fresh one.
func heldErrors(e error, n *node, seen map[heldPointer]bool) ([]error, bool) {
	v := reflect.ValueOf(e)
	tmp := reflect.New(v.Type()) // a value in an interface has no address of its own
	tmp.Elem().Set(v)
	h := heldFinder{budget: maxErrorChain, seen: seen}
	p := tmp.UnsafePointer()
	if n.op == opPtr {
		// What e points to is e itself, whatever its methods' receivers: not held.
		if p = *(*unsafe.Pointer)(p); p == nil {
			return nil, true
		}
		n = n.elem
	}
	if !h.fields(n, p) {
		return nil, false
	}
	if len(h.out) == 0 {
		return nil, true
	}
	links, count := linkSet{}, 0
	for l := range innerErrors(e) {
		if count++; count > maxErrorChain {
			return nil, false // a chain that long is withheld whole anyway
		}
		links.add(l)
	}
	isLink := func(x error) bool { return x == nil || links.has(x) }
	held := h.out[:0]
	for _, x := range h.out {
		if isLink(x) {
			continue
		}
		_ = x.Error()
		if xr := planFor(reflect.TypeOf(x)).root; xr.wraps && !xr.nests && allLinks(x, isLink) {
			// An embedded list whose Errors e promotes: its links are e's, counted
			// once, and it holds nothing else to look at (an error with Unwrap held
			// unexported may hold more, in interfaces: it is no wrapper, and is
			// looked at).
			continue
		}
		held = append(held, x)
	}
	return held, true
}

// allLinks reports whether every link of x's chain is one that isLink knows.
func allLinks(x error, isLink func(error) bool) bool {
	for l := range innerErrors(x) {
		if !isLink(l) {
			return false
		}
	}
	return true
}

// A linkSet holds the links of a chain, each found in one look: a value of a comparable
// type by ==, and one of another type by its bytes, which equal only for copies of one
// value (the same slices, maps and pointers), never by a deep comparison, which on
// large values, pair by pair, made a chain of a few hundred errors take seconds. An
// error not found is visited once more: it counts twice, and hides nothing less.
type linkSet map[any]bool

// A valueBytes is the key of a value of a type that == cannot compare: its bytes.
type valueBytes struct {
	typ   reflect.Type
	bytes string
}

func linkKey(e error) any {
	t := reflect.TypeOf(e)
	if t.Comparable() {
		return e
	}
	v := reflect.New(t)
	v.Elem().Set(reflect.ValueOf(e))
	return valueBytes{t, string(unsafe.Slice((*byte)(v.UnsafePointer()), t.Size()))}
}

// add adds e, unless hashing it panics (an interface field holding a value == cannot
// compare): then e is no link anyone finds.
func (s linkSet) add(e error) {
	defer func() { _ = recover() }()
	if e != nil {
		s[linkKey(e)] = true
	}
}

// has reports whether e is in s; a lookup that panics says it is not.
func (s linkSet) has(e error) (has bool) {
	defer func() {
		if recover() != nil {
			has = false
		}
	}()
	return s[linkKey(e)]
}

// A heldFinder gathers the wrapper errors a value holds (see heldErrors).
type heldFinder struct {
	out    []error
	budget int
	seen   map[heldPointer]bool // the pointers looked through, made at the first
}

// A heldPointer is a pointer or a slice a heldFinder looked through, with its type and
// length: one met again (a ring of nodes, a slice two errors share) leads to what was
// looked at already.
type heldPointer struct {
	p   unsafe.Pointer
	t   reflect.Type
	len int
}

// held looks at the value of node c at p, one that e's value holds: a wrapper error is
// gathered, anything else that may hold one looked through. So is an error with Unwrap
// that holds interfaces (an *fs.PathError), met only in an unexported field (in an
// exported one, e would not be a wrapper but walked): a walk of it reaches what it
// holds.
//
// A wrapper whose methods have pointer receivers, held by value (Detail DetailErr), is
// gathered by the address of a copy: e's Error prints it through that (e.Detail.Error()), and no
// walk reaches what it wraps otherwise.
func (h *heldFinder) held(c *node, p unsafe.Pointer) bool {
	var v reflect.Value
	switch {
	case c.wraps || c.unwraps:
		v = c.valueAt(p)
		if c.typ.Kind() == reflect.Pointer && v.IsNil() {
			return true
		}
	case wrapsByPointer(c.typ):
		// By the address of a copy of its own: p may be a map entry's, read into one
		// place in turn, or the caller's.
		v = reflect.New(c.typ)
		v.Elem().Set(c.valueAt(p))
	case !c.hasPII && !reachesWrapper(c.typ):
		return true
	default:
		return h.fields(c, p)
	}
	h.out = append(h.out, v.Interface().(error))
	h.budget--
	return h.budget >= 0
}

// byPointerWrappers caches wrapsByPointer: reflect.Type -> bool.
var byPointerWrappers sync.Map

// wrapsByPointer reports whether t is no pointer and no wrapper error, but a pointer to
// it is one (see isWrapper): its methods have pointer receivers.
func wrapsByPointer(t reflect.Type) bool {
	if w, ok := byPointerWrappers.Load(t); ok {
		return w.(bool)
	}
	w := t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && !isWrapper(t) &&
		isWrapper(reflect.PointerTo(t))
	byPointerWrappers.Store(t, w)
	return w
}

// first reports whether k is met for the first time, and notes it.
func (h *heldFinder) first(k heldPointer) bool {
	if h.seen == nil {
		h.seen = map[heldPointer]bool{}
	}
	if h.seen[k] {
		return false
	}
	h.seen[k] = true
	return true
}

// fields looks through the value of node n at p for the wrapper errors it holds: in a
// struct, in its members and in the unexported fields no walk goes to (see
// hiddenHeldFields).
func (h *heldFinder) fields(n *node, p unsafe.Pointer) bool {
	if h.budget--; h.budget < 0 {
		return false
	}
	switch n.op {
	case opStruct:
		for _, m := range n.members {
			if !h.held(m.node, unsafe.Add(p, m.offset)) {
				return false
			}
		}
		for _, f := range hiddenHeldFields(n.typ) {
			pl := planFor(f.Type)
			if pl.err != nil || !h.held(pl.root, unsafe.Add(p, f.Offset)) {
				return false // a type whose tags are wrong: withheld, as a walk fails
			}
		}
	case opPtr:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return true
		}
		if h.first(heldPointer{q, n.typ, 0}) {
			return h.held(n.elem, q)
		}
	case opNull:
		return h.held(n.elem, p)
	case opSlice, opArray:
		data, length := p, n.length
		if n.op == opSlice {
			s := (*sliceHeader)(p)
			data, length = s.data, s.len
			if length > 0 && !h.first(heldPointer{data, n.typ, length}) {
				return true
			}
		}
		for i := range length {
			if !h.held(n.elem, unsafe.Add(data, uintptr(i)*n.elemSize)) {
				return false
			}
		}
	case opMap:
		m := n.valueAt(p)
		key, elem := reflect.New(n.typ.Key()), reflect.New(n.typ.Elem())
		for it := m.MapRange(); it.Next(); {
			key.Elem().Set(it.Key())
			elem.Elem().Set(it.Value())
			// What is gathered is copied out (Interface), so the next entry may reuse these.
			if !h.held(n.key, key.UnsafePointer()) || !h.held(n.elem, elem.UnsafePointer()) {
				return false
			}
		}
	}
	return true
}

// wrapperReaches caches reachesWrapper: reflect.Type -> bool.
var wrapperReaches sync.Map

// reachesWrapper reports whether a value of type t is or holds a wrapper error (see
// isWrapper, and wrapsByPointer) of a concrete type, through struct fields exported or not, pointers,
// slices, arrays and maps: what an error holding t in a field may print.
func reachesWrapper(t reflect.Type) bool {
	if r, ok := wrapperReaches.Load(t); ok {
		return r.(bool)
	}
	r := reachesWrapperFrom(t, true, map[reflect.Type]bool{})
	wrapperReaches.Store(t, r)
	return r
}

// reachesWrapperFrom is reachesWrapper by a search that looks at each type once: a type
// already seen is being looked at, or was, further up. Without self, t itself is not
// counted, only what it holds.
func reachesWrapperFrom(t reflect.Type, self bool, seen map[reflect.Type]bool) bool {
	if self && (seen[t] || t.Kind() == reflect.Interface || isRuntimeOwned(t)) {
		return false
	}
	seen[t] = true
	if self && (isWrapper(t) || wrapsByPointer(t)) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return reachesWrapperFrom(t.Elem(), true, seen)
	case reflect.Map:
		return reachesWrapperFrom(t.Key(), true, seen) || reachesWrapperFrom(t.Elem(), true, seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if reachesWrapperFrom(t.Field(i).Type, true, seen) {
				return true
			}
		}
	}
	return false
}

// hidesWrappers reports whether the wrapper error type t holds other wrapper errors,
// in unexported fields of concrete types that no walk goes to (see hiddenHeldFields)
// or elsewhere: a part of node.nests. What a pointer error points to is that error.
func hidesWrappers(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem() // what the error points to is itself, not held
	}
	return reachesWrapperFrom(t, false, map[reflect.Type]bool{})
}

// hiddenHelds caches hiddenHeldFields: reflect.Type -> []reflect.StructField.
var hiddenHelds sync.Map

// hiddenHeldFields returns the fields of the struct type t that are unexported, not
// embedded (an embedded field is a member) and of a concrete type that may hold wrapper
// errors: no walk goes there, but an Error may print them (Error() string { return
// "save: " + e.detail.Error() }), and heldErrors looks through them.
func hiddenHeldFields(t reflect.Type) []reflect.StructField {
	if fs, ok := hiddenHelds.Load(t); ok {
		return fs.([]reflect.StructField)
	}
	var fs []reflect.StructField
	for i := range t.NumField() {
		if f := t.Field(i); !f.IsExported() && !f.Anonymous && reachesWrapper(f.Type) {
			fs = append(fs, f)
		}
	}
	hiddenHelds.Store(t, fs)
	return fs
}

// errorHeldAsText reports whether the error value of type t, held by the interface node
// n, is hidden as its text: n is tagged (its rule applies to what it holds), and t has
// nothing a walk could hide under that rule (errors.New's and fmt.Errorf's errors keep
// their text in unexported fields), which err, the error of planning t under the rule,
// says. A malformed tag of t's own is not such a case: it stays an error. Nor is an
// interface that no error of the package's could stand in for (a field of an interface
// type with more methods than Error: interface{ error; Code() int }, fmt.Stringer):
// its value can be neither masked in place nor replaced, so it stays an error.
//
// An error that plans without error (err nil) is hidden as its text too when the field
// is tagged PII and t keeps state in unexported fields (see errorHidesText): a walk
// hides its exported fields, but its Error, which fmt, text handlers and Safe print,
// reads the rest ("field Email: bad value jane@example.com").
func errorHeldAsText(n *node, t reflect.Type, err error) bool {
	if !n.inherits || !t.Implements(errorType) || !errorType.AssignableTo(n.typ) {
		return false
	}
	if err == nil {
		return n.rule.pii() && errorHidesText(t)
	}
	var te *TagError
	return errors.As(err, &te) && te.Type+"."+te.Field == n.rule.origin && errors.Is(te.Err, ErrKindType)
}

// maskedError returns what stands in for err, an error held by a tagged field whose
// text is all a walk can reach (see errorHeldAsText): an error whose text is err's text
// masked as mask masks a string field of the tag's kind and strategy, so that a
// `pii:"email"` error field holding errors.New("jane@example.com") reads as an email
// field would. It does not unwrap: nothing of err is reachable through it. A nil
// pointer error is passed on as it is, and an error whose Error panics becomes a note.
func maskedError(err error, mask func(string) string) (out error) {
	defer func() {
		if r := recover(); r != nil {
			out = redactedErr{errorPanickedNote}
		}
	}()
	if v := reflect.ValueOf(err); v.Kind() == reflect.Pointer && v.IsNil() {
		return err
	}
	return redactedErr{mask(err.Error())}
}

// errorHidesTexts caches errorHidesText: reflect.Type -> bool.
var errorHidesTexts sync.Map

// errorHidesText reports whether the error type t (a struct, or a pointer to one) has
// unexported fields that are not embedded: state that no walk reaches and that its
// Error may print.
func errorHidesText(t reflect.Type) bool {
	if h, ok := errorHidesTexts.Load(t); ok {
		return h.(bool)
	}
	s, hides := t, false
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		for i := range s.NumField() {
			if f := s.Field(i); !f.IsExported() && !f.Anonymous {
				hides = true
				break
			}
		}
	}
	errorHidesTexts.Store(t, hides)
	return hides
}
