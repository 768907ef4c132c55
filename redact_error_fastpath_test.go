package pii

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The error shapes of TestErrorFastPathEquivalence: each kind of chain a logged error
// can be, with and without a tagged value in it.

const fpEmail = "jane.doe@example.com"

type fpTagged struct {
	Email string `pii:"email"`
}

func (e fpTagged) Error() string { return "bad user " + e.Email }

type fpTaggedPtr struct {
	Email string `pii:"email"`
}

func (e *fpTaggedPtr) Error() string { return "bad user " + e.Email }

// fpBadTag's tag is wrong: it cannot be planned.
type fpBadTag struct {
	Email string `pii:"emial"`
}

func (e fpBadTag) Error() string { return "bad " + e.Email }

// fpList lists errors through Errors only.
type fpList struct{ errs []error }

func (l fpList) Error() string   { return fmt.Sprint("list", l.errs) }
func (l fpList) Errors() []error { return l.errs }

// fpWrapList unwraps its cause, and lists the errors of the list it embeds.
type fpWrapList struct {
	cause error
	fpList
}

func (w fpWrapList) Error() string { return fmt.Sprint(w.cause, ": ", w.fpList.Error()) }
func (w fpWrapList) Unwrap() error { return w.cause }

// fpSelf unwraps to itself, for ever.
type fpSelf struct{}

func (fpSelf) Error() string   { return "self" }
func (s fpSelf) Unwrap() error { return s }

// fpPtrWrap wraps through pointer receivers: a nil one panics in both methods.
type fpPtrWrap struct{ err error }

func (w *fpPtrWrap) Error() string { return "wrap: " + w.err.Error() }
func (w *fpPtrWrap) Unwrap() error { return w.err }

// fpValWrap wraps through value receivers.
type fpValWrap struct{ err error }

func (w fpValWrap) Error() string { return "wrap: " + w.err.Error() }
func (w fpValWrap) Unwrap() error { return w.err }

// fpPanicText's Error panics.
type fpPanicText struct{}

func (*fpPanicText) Error() string { panic("no text") }

// fpPanicUnwrap's Unwrap panics; its Error does not.
type fpPanicUnwrap struct{}

func (fpPanicUnwrap) Error() string { return "unwrap panics" }
func (fpPanicUnwrap) Unwrap() error { panic("no cause") }

// fpPanicList's Errors panics; its Error does not.
type fpPanicList struct{}

func (fpPanicList) Error() string   { return "list panics" }
func (fpPanicList) Errors() []error { panic("no list") }

// fpHeld prints a wrapper error it holds in a field, which is no link of its chain.
type fpHeld struct {
	Detail *fpPtrWrap
	cause  error
}

func (h fpHeld) Error() string { return "held: " + fmt.Sprint(h.Detail) }
func (h fpHeld) Unwrap() error { return h.cause }

// fpHeldAlone holds a wrapper error and nothing else: a value that an interface holds
// in its data word, not behind a pointer to it.
type fpHeldAlone struct{ Detail *fpPtrWrap }

func (h fpHeldAlone) Error() string { return "alone: " + fmt.Sprint(h.Detail) }
func (fpHeldAlone) Unwrap() error   { return nil }

// fpHeldMore holds wrapper errors in an array, a database/sql Null and a map keyed by
// them.
type fpHeldMore struct {
	Arr   [3]*fpPtrWrap
	Opt   sql.Null[*fpPtrWrap]
	Keyed map[*fpPtrWrap]int
	cause error
}

func (h fpHeldMore) Error() string {
	return fmt.Sprint("more: ", h.Arr, " ", h.Opt.V, " ", slices.Collect(maps.Keys(h.Keyed)))
}
func (h fpHeldMore) Unwrap() error { return h.cause }

// fpShapes returns the error shapes, named, around inner: an error that holds nothing,
// or a tagged one.
func fpShapes(inner error) map[string]error {
	refused := errors.New("connection refused")
	deep := inner
	for range 6 {
		deep = fmt.Errorf("layer: %w", deep)
	}
	wide := func(n int) []error {
		errs := make([]error, n)
		for i := range errs {
			errs[i] = refused
		}
		errs[n/2] = inner
		return errs
	}
	var nilPtr *fpPtrWrap
	return map[string]error{
		"the error":                     inner,
		"%w":                            fmt.Errorf("save: %w", inner),
		"several %w":                    fmt.Errorf("save: %w, then %w", refused, inner),
		"six deep":                      deep,
		"errors.Join":                   errors.Join(refused, inner),
		"errors.Join, nested":           errors.Join(refused, errors.Join(fmt.Errorf("a: %w", inner), refused)),
		"errors.Join of 999":            errors.Join(wide(999)...),
		"errors.Join of 1000":           errors.Join(wide(1000)...),
		"errors.Join of 1001":           errors.Join(wide(1001)...),
		"Errors() list":                 fpList{[]error{refused, inner}},
		"Unwrap and Errors()":           fpWrapList{refused, fpList{[]error{inner}}},
		"Unwrap and Errors(), cause":    fpWrapList{inner, fpList{[]error{refused}}},
		"a cycle":                       errors.Join(fpSelf{}, inner),
		"a list that holds itself":      fpList{[]error{fpList{[]error{refused}}, inner}},
		"a typed nil at the top":        nilPtr,
		"a typed nil inside":            errors.Join(inner, nilPtr),
		"a typed nil wrapped by %w":     fmt.Errorf("save: %w", error(nilPtr)),
		"pointer receivers":             &fpPtrWrap{inner},
		"value receivers":               fpValWrap{inner},
		"value receivers, pointer":      &fpValWrap{inner},
		"an Error that panics":          &fpPanicText{},
		"a panicking Error inside":      errors.Join(inner, &fpPanicText{}),
		"an Unwrap that panics":         fpPanicUnwrap{},
		"a panicking Unwrap inside":     errors.Join(inner, fpPanicUnwrap{}),
		"an Errors that panics":         fpPanicList{},
		"a panicking Errors inside":     fmt.Errorf("save: %w", errors.Join(fpPanicList{}, inner)),
		"a malformed tag inside":        fmt.Errorf("save: %w, %w", inner, fpBadTag{fpEmail}),
		"a failure note inside":         fmt.Errorf("save: %w, %w", inner, redactionFailed{errors.New("pii: T: cause")}),
		"a failure note of a tag":       errors.Join(inner, redactionFailed{&TagError{Type: "T", Field: "F", Tag: "emial", Err: ErrUnknownKind}}),
		"an error held in a field":      fpHeld{&fpPtrWrap{inner}, refused},
		"a held one, wrapped by %w":     fmt.Errorf("save: %w", fpHeld{&fpPtrWrap{inner}, nil}),
		"a held one whose Error panics": fpHeld{&fpPtrWrap{}, inner},
		"held in an array, a Null, map keys": fpHeldMore{[3]*fpPtrWrap{nil, {refused}, {inner}},
			sql.Null[*fpPtrWrap]{V: &fpPtrWrap{inner}, Valid: true}, map[*fpPtrWrap]int{{inner}: 1}, refused},
		"held alone":       fpHeldAlone{&fpPtrWrap{inner}},
		"the same, joined": errors.Join(inner, fpHeld{&fpPtrWrap{}, refused}),
	}
}

// An fpOutcome is what a logger gets of an error: the text it writes, whether it is the
// failure note (ErrRedactionFailed), and whether it is the error it was given.
type fpOutcome struct {
	Text   string
	Failed bool
	AsIs   bool
}

// fpOutcomeOf is the outcome of x, the result of redacting err. A text whose making
// panics is the panic's mark: a logger would write it so (slog's handlers do).
func fpOutcomeOf(err error, x any) (o fpOutcome) {
	if t := reflect.TypeOf(x); t == reflect.TypeOf(err) && t != nil {
		// A value of err's type is err as it is when it equals it: a copy the walk
		// made differs where it hid something.
		o.AsIs = fpSame(x, err)
	}
	o.Text, o.Failed = "!PANIC", false
	defer func() { _ = recover() }()
	if e, ok := x.(error); ok {
		o.Failed = errors.Is(e, ErrRedactionFailed) // a nil *fpPtrWrap's Unwrap panics
	}
	o.Text = fmt.Sprint(x)
	return o
}

// fpSame reports whether x is err: equal, or deeply equal where == cannot compare them.
func fpSame(x any, err error) (same bool) {
	defer func() {
		if recover() != nil {
			same = reflect.DeepEqual(x, err)
		}
	}()
	return x == any(err)
}

// TestErrorFastPathEquivalence checks that the ways an error whose chain holds nothing
// tagged is passed on without a walk give what the walk gives, for every shape, with an
// untagged error and with a tagged one inside.
//
// The slow way of ForLog is the same call with snapshot set, as a Handler makes it:
// the fast case excludes it, and a snapshot changes only how much of the value is
// copied, never what it says. The walk reports every value it went through as
// changed, even when its copy says what the value said, so that the fast way's "as it
// is" is compared as the same text, not the same report.
//
// The slow way of redactedError is the same call with scan set: it leaves the chain
// walk to itself, and the texts here hold nothing the free-text finder hides, so the
// scan changes nothing (checked: the untagged texts come out as they went in).
func TestErrorFastPathEquivalence(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, inner := range []error{errors.New("timeout"), fpTagged{fpEmail}, &fpTaggedPtr{fpEmail}} {
		for name, e := range fpShapes(inner) {
			name := fmt.Sprintf("%s around %T", name, inner)
			fastX, fastChanged := p.redactedAnyAudit(e, false, nil, false, nil)
			slowX, _ := p.redactedAnyAudit(e, false, nil, true, nil)
			fast, slow := fpOutcomeOf(e, fastX), fpOutcomeOf(e, slowX)
			if fast.AsIs {
				// Passed on as it is: the walk's copy must say the same.
				slow.AsIs = true
			}
			if diff := cmp.Diff(slow, fast); diff != "" {
				t.Errorf("%s: ForLog differs from the walk (-walk +ForLog):\n%s", name, diff)
			}
			if fastChanged == fast.AsIs {
				t.Errorf("%s: ForLog reports changed=%v for %+v", name, fastChanged, fast)
			}
			if strings.Contains(fast.Text, fpEmail) {
				t.Errorf("%s: ForLog shows the email: %q", name, fast.Text)
			}

			fastE, fastErrChanged := p.redactedError(e, false)
			slowE, slowErrChanged := p.redactedError(e, true)
			if fpOutcomeOf(e, fastE) != fpOutcomeOf(e, slowE) || fastErrChanged != slowErrChanged {
				t.Errorf("%s: redactedError = %+v, %v; its slow way = %+v, %v", name,
					fpOutcomeOf(e, fastE), fastErrChanged, fpOutcomeOf(e, slowE), slowErrChanged)
			}
		}
	}
}

// TestErrorShapesThroughOutputs logs every shape through a Handler over slog's JSON
// handler, and redacts a struct that holds it in a field: no panic escapes, and the
// email shows nowhere.
func TestErrorShapesThroughOutputs(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type holder struct {
		Err  error
		Errs []error
	}
	for _, inner := range []error{errors.New("timeout"), fpTagged{fpEmail}, &fpTaggedPtr{fpEmail}} {
		for name, e := range fpShapes(inner) {
			name := fmt.Sprintf("%s around %T", name, inner)
			var buf bytes.Buffer
			slog.New(NewHandler(slog.NewJSONHandler(&buf, nil), p)).Info("m", "err", e, "held", holder{e, []error{e}})
			if strings.Contains(buf.String(), fpEmail) {
				t.Errorf("%s: the email reached the log line: %s", name, buf.String())
			}
			r, err := Redacted(p, holder{e, []error{e}})
			if err != nil {
				continue // refused, not shown
			}
			if text := fpOutcomeOf(nil, r).Text; strings.Contains(text, fpEmail) {
				t.Errorf("%s: Redacted shows the email: %s", name, text)
			}
		}
	}
}

// fpRandomError builds an error tree of the shapes above, depth levels deep at most,
// from r: leaves untagged, tagged, typed nil or panicking.
func fpRandomError(r *rand.Rand, depth int) error {
	if depth == 0 || r.IntN(4) == 0 {
		switch r.IntN(8) {
		case 0:
			return fpTagged{fpEmail}
		case 1:
			return &fpTaggedPtr{fpEmail}
		case 2:
			return (*fpPtrWrap)(nil)
		case 3:
			return &fpPanicText{}
		case 4:
			return fpPanicUnwrap{}
		}
		return errors.New("timeout")
	}
	kids := func() []error {
		errs := make([]error, 1+r.IntN(3))
		for i := range errs {
			errs[i] = fpRandomError(r, depth-1)
		}
		return errs
	}
	switch r.IntN(9) {
	case 0:
		return errors.Join(kids()...)
	case 1:
		return fmt.Errorf("op: %w", fpRandomError(r, depth-1))
	case 2:
		k := kids()
		return fmt.Errorf("op: %w; %w", k[0], fpRandomError(r, depth-1))
	case 3:
		return fpList{kids()}
	case 4:
		return fpWrapList{fpRandomError(r, depth-1), fpList{kids()}}
	case 5:
		return &fpPtrWrap{fpRandomError(r, depth-1)}
	case 6:
		return fpValWrap{fpRandomError(r, depth-1)}
	case 7:
		return fpHeld{&fpPtrWrap{fpRandomError(r, depth-1)}, fpRandomError(r, depth-1)}
	}
	return fpHeldAlone{&fpPtrWrap{fpRandomError(r, depth-1)}}
}

// TestErrorFastPathRandomChains is TestErrorFastPathEquivalence over error trees built
// at random (seeded: the same trees every run) from the shapes above.
func TestErrorFastPathRandomChains(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		e := fpRandomError(r, 4)
		fastX, _ := p.redactedAnyAudit(e, false, nil, false, nil)
		slowX, _ := p.redactedAnyAudit(e, false, nil, true, nil)
		fast, slow := fpOutcomeOf(e, fastX), fpOutcomeOf(e, slowX)
		if fast.AsIs {
			slow.AsIs = true
		}
		if diff := cmp.Diff(slow, fast); diff != "" {
			t.Errorf("tree %d (%#v): ForLog differs from the walk (-walk +ForLog):\n%s", i, e, diff)
		}
		if strings.Contains(fast.Text, fpEmail) || strings.Contains(slow.Text, fpEmail) {
			t.Errorf("tree %d: the email shows: %q, %q", i, fast.Text, slow.Text)
		}
		fastE, fastChanged := p.redactedError(e, false)
		slowE, slowChanged := p.redactedError(e, true)
		if fpOutcomeOf(e, fastE) != fpOutcomeOf(e, slowE) || fastChanged != slowChanged {
			t.Errorf("tree %d: redactedError = %+v, %v; its slow way = %+v, %v", i,
				fpOutcomeOf(e, fastE), fastChanged, fpOutcomeOf(e, slowE), slowChanged)
		}
	}
}
