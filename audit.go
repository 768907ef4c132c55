package pii

import (
	"fmt"
	"reflect"
	"strings"
	"unsafe"
)

// A Misplaced is personal data found where the tags say there is none: in a field tagged
// pii:"no", or in an untagged one. Such values are kept long-term, shown to staff, never
// redacted and never deleted, so each one is a defect to fix, at the source or in the tag.
// A Misplaced holds no copy of the value and no offset into it.
type Misplaced struct {
	// Path names the field from the root value, as Classify writes paths
	// ("Parties[].FriendlyName"); empty for the root value itself.
	Path string `json:"path"`
	// Field is the Go field that holds the value, with its declaring type
	// ("api.Message.FriendlyName"); empty for a value that is no struct field.
	Field string `json:"field,omitempty"`
	// Class is NotPII or Untagged: what the tags say of the field.
	Class Class `json:"class"`
	// Kind is the kind of personal data found; KindNone when the value could not be
	// scanned at all (see Partial).
	Kind Kind `json:"kind"`
	// Partial reports that the value was not fully scanned: it is longer than the
	// finder's budget for one value, or binary. What lies beyond was not looked at.
	Partial bool `json:"partial,omitempty"`
}

// String says where and what, never the value: "Status (Not PII): phone".
func (m Misplaced) String() string {
	var b strings.Builder
	if m.Path == "" {
		b.WriteString("(value)")
	} else {
		b.WriteString(m.Path)
	}
	fmt.Fprintf(&b, " (%s): ", m.Class)
	if m.Kind == KindNone {
		b.WriteString("not fully scanned")
	} else {
		b.WriteString(m.Kind.String())
	}
	if m.Partial && m.Kind != KindNone {
		b.WriteString(", not fully scanned")
	}
	return b.String()
}

// Audit walks v, every path the walk reaches (pointers, slices, arrays, maps, interfaces)
// included, and runs the free-text finder (Scan) over every string and []byte that is
// not PII: tagged pii:"no" or untagged, looking for what Scan finds and for the values of
// the record's own name fields (a customer's name in a callback URL). It reports each
// field where it finds personal data, once per kind, in the order met. v is never
// changed. The finder's budgets keep it bounded: 64 KiB of one string and 1 MiB of one
// call are scanned; a value past them is scanned up to there, binary data not at all, and
// both are reported with Partial set. A malformed tag in v's type is a *TagError.
func (p *Policy) Audit(v any) ([]Misplaced, error) {
	a := &auditAction{}
	if err := p.orDefault().audit(v, a); err != nil {
		return nil, err
	}
	return a.found, nil
}

// Audit is Policy.Audit under the default Policy.
func Audit(v any) ([]Misplaced, error) { return defaultPolicy.Audit(v) }

// audit runs a over v, read-only unless a redacts, in which case v must be a copy.
func (p *Policy) audit(v any, a *auditAction) error {
	if v == nil {
		return nil
	}
	if err := argError("Audit", v, true); err != nil {
		return err
	}
	if pl := planFor(reflect.TypeOf(v)); pl.err != nil {
		return pl.err
	} else if !pl.root.plain {
		return nil
	}
	w := walker{pol: p, act: a, reach: reachPlain, paths: true, copy: a.redact}
	slot := v
	return w.run(ifaceNode, unsafe.Pointer(&slot))
}

// MisplacedError reports the personal data that CheckNoPII found in fields the tags say
// hold none.
type MisplacedError struct {
	Type      string      // the Go type of the value checked
	Misplaced []Misplaced // where, and what kind
}

// Error lists the fields and kinds, never the values.
func (e *MisplacedError) Error() string {
	parts := make([]string, len(e.Misplaced))
	for i, m := range e.Misplaced {
		parts[i] = m.String()
	}
	return fmt.Sprintf("pii: %s holds personal data in %d field(s) marked not PII or untagged: %s",
		e.Type, len(e.Misplaced), strings.Join(parts, "; "))
}

// CheckNoPII returns a *MisplacedError when v puts personal data in fields that are
// tagged pii:"no" or untagged (binary data and text past the finder's budgets, which
// cannot be scanned, do not count), a *TagError for a malformed tag, or nil. A service's own
// tests call it on their sample records, beside CheckTagged, so that a phone number in a
// "friendly name" fails the build instead of being kept for years.
func CheckNoPII(v any) error { return defaultPolicy.CheckNoPII(v) }

// CheckNoPII is the package-level CheckNoPII under p.
func (p *Policy) CheckNoPII(v any) error {
	found, err := p.Audit(v)
	if err != nil {
		return err
	}
	// A value the finder could not fully scan (binary, or past the budgets) proves
	// nothing: only fields where personal data was found fail the check.
	var seen []Misplaced
	for _, m := range found {
		if m.Kind != KindNone {
			seen = append(seen, m)
		}
	}
	if len(seen) == 0 {
		return nil
	}
	return &MisplacedError{Type: reflect.TypeOf(v).String(), Misplaced: seen}
}
