package pii

import (
	"fmt"
	"reflect"
	"unsafe"
)

// textsAction gathers the texts of a value's leaves tagged as personal data, and the
// string keys of its maps under a PII tag, as they are, each with its kind: an error's text can hold them, whole or in part, beside what
// its own Error prints, where a wrapper formatted them with %s next to %w (see
// redactedError). It writes nothing.
type textsAction struct {
	texts []taggedText
}

// A taggedText is the string of a leaf tagged as personal data of a kind.
type taggedText struct {
	kind Kind
	text string
}

func (*textsAction) readsOnly() bool { return true }

// readsKeys asks the walk for the keys of maps as values: a key of a tagged type
// holds leaves as a value does, which an error's text may print.
func (*textsAction) readsKeys() {}

func (a *textsAction) leaf(_ *walker, n *node, p unsafe.Pointer) error {
	if n.rule.pii() {
		if s := printedLeaf(n, p); s != "" {
			a.texts = append(a.texts, taggedText{n.rule.tag.Kind, s})
		}
	}
	return nil
}

// printedLeaf is the text of a leaf as an error's text may hold it: a string's or a
// []byte's own, and what fmt prints of a number, a time, an address or a URL, and of a
// type that redacts itself. A bool, a slog.Value and a reflect.Value give "".
func printedLeaf(n *node, p unsafe.Pointer) string {
	switch n.lk {
	case lkString, lkBytes:
		return leafText(n, p)
	case lkInt, lkUint, lkFloat, lkTime, lkAddr, lkNetIP, lkURL, lkURLPtr, lkAddrPort, lkPrefix, lkCustom:
		return fmt.Sprint(n.valueAt(p).Interface())
	}
	return ""
}

// mapKey gathers a string key of a map under a PII tag (see node.keyText), as a leaf of
// the map's kind: an address book's keys are its addresses.
func (a *textsAction) mapKey(_ *walker, n *node, key reflect.Value) (reflect.Value, bool) {
	k := key
	if k.Kind() == reflect.Interface && !k.IsNil() {
		k = k.Elem()
	}
	if n.keyText && k.Kind() == reflect.String && k.Len() > 0 {
		a.texts = append(a.texts, taggedText{n.elem.rule.tag.Kind, k.String()})
	}
	return key, false
}

// leafTexts returns the texts of x's leaves tagged as personal data, with their kinds,
// under p; ok is false when x cannot be walked (a malformed tag, a value nested too
// deep), and what it holds is not known.
func (p *Policy) leafTexts(x any) (texts []taggedText, ok bool) {
	t := reflect.TypeOf(x)
	pl := planFor(t)
	if pl.err != nil {
		return nil, false
	}
	tmp := reflect.New(t)
	tmp.Elem().Set(reflect.ValueOf(x))
	a := &textsAction{}
	w := walker{pol: p, act: a, profile: p.profile}
	w.start(pl.root)
	if w.walk(pl.root, tmp.UnsafePointer()) != nil {
		return nil, false
	}
	return a.texts, true
}
