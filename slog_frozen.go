package pii

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// This file freezes, for a Handler over one that may format later (see
// Handler.snapshot), what a snapshot cannot copy: values kept behind unexported fields
// (a lazy argument's `v any`, an error's `key any`), which the caller may change after
// the call and which fmt, or the value's own methods, print. What slog's handlers would
// write of such a value is made at the call and passed on instead.

// redactedOpaqueAt is redactedOpaque for a value that, with snapshot, a handler may
// format later: what it leaves as it is is frozen (see frozen).
func (p *Policy) redactedOpaqueAt(x any, scan, snapshot bool) (any, bool) {
	out, changed := p.redactedOpaque(x, scan)
	if snapshot && !changed {
		return frozen(x, false)
	}
	return out, changed
}

// frozen returns what stands in for x, in a snapshot, when x keeps values behind its
// unexported fields: an error whose chain keeps values other than errors there is its
// text (see frozenError); any other value, its frozenValue. Everything else is
// returned as it is. walked says that x is a redacted copy, whose exported interfaces
// are looked through too; otherwise x is as the caller gave it, and is frozen only when
// its type holds no tagged field (the walk leaves the rest to the copy).
func frozen(x any, walked bool) (any, bool) {
	if _, isErr := x.(error); isErr {
		return frozenError(x)
	}
	if x == nil || !walked && planFor(reflect.TypeOf(x)).root.hasPII || !keepsAny(x, walked) {
		return x, false // a value not yet redacted is frozen as its copy, after the walk
	}
	f := frozenValue{text: fmt.Sprintf("%+v", x)}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as slog's JSON handler encodes
	if err := enc.Encode(x); err != nil {
		// What slog's JSON handler writes of a value it cannot encode, as a string.
		f.json, _ = json.Marshal("!ERROR:" + err.Error())
	} else {
		f.json = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	}
	return f, true
}

// keepsAny reports whether x keeps anything behind unexported fields that no copy
// reaches (see hiddenValues): with all, also behind those of what its exported
// interfaces hold.
func keepsAny(x any, all bool) bool {
	if !all && !planFor(reflect.TypeOf(x)).root.hides {
		return false
	}
	h := hiddenFinder{budget: maxHiddenValues, walked: !all, scalars: true}
	if all {
		// Through every exported interface, from the top (values looks only at the
		// type's own fields when they sit at fixed offsets).
		return !h.any(x, false) || len(h.out) > 0
	}
	held, ok := h.values(x)
	return !ok || len(held) > 0
}

// frozenError returns the text of x, an error whose chain keeps values other than
// errors behind unexported fields (a key it failed on, a request it held), as an error
// of its own: no copy can be made of them, and the caller may change them after the
// call, so a handler that formats later would print what they hold then. It has no
// Unwrap, which would lead there. Any other x is returned as it is.
func frozenError(x any) (any, bool) {
	err, ok := x.(error)
	if !ok || !chainKeepsValues(err) {
		return x, false
	}
	return redactedErr{err.Error()}, true
}

// A frozenValue is what slog's handlers write of a value, made when it was logged: its
// %+v for the text handler, its JSON for the JSON handler (for a value encoding/json
// cannot encode, the string slog writes then).
type frozenValue struct {
	text string
	json []byte
}

// String gives the text, which fmt prints for %v and %+v.
func (f frozenValue) String() string { return f.text }

// MarshalJSON gives the JSON.
func (f frozenValue) MarshalJSON() ([]byte, error) { return f.json, nil }
