package pii_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// heldDetail wraps an error it keeps unexported, through pointer receivers.
type heldDetail struct{ err error }

func (d *heldDetail) Error() string { return "detail: " + d.err.Error() }
func (d *heldDetail) Unwrap() error { return d.err }

// heldValueDetail is heldDetail with value receivers.
type heldValueDetail struct{ err error }

func (d heldValueDetail) Error() string { return "detail: " + d.err.Error() }
func (d heldValueDetail) Unwrap() error { return d.err }

// heldOuter prints the error it holds in an exported field, but unwraps only its cause:
// the detail is no link of its chain.
type heldOuter struct {
	Detail *heldDetail
	cause  error
}

func (o heldOuter) Error() string { return "outer: " + fmt.Sprint(o.Detail) }
func (o heldOuter) Unwrap() error { return o.cause }

// heldMany holds its details in a slice and a map.
type heldMany struct {
	List  []*heldDetail
	ByKey map[string]heldValueDetail
	cause error
}

func (m heldMany) Error() string { return fmt.Sprint("many: ", m.List, m.ByKey) }
func (m heldMany) Unwrap() error { return m.cause }

// heldInfo is no error: it holds a detail for heldVia.
type heldInfo struct{ Detail *heldDetail }

// heldVia holds its detail behind a struct that is no error.
type heldVia struct {
	Info  *heldInfo
	cause error
}

func (v *heldVia) Error() string { return "via: " + fmt.Sprint(v.Info.Detail) }
func (v *heldVia) Unwrap() error { return v.cause }

// heldShadow embeds a detail, but its own Unwrap hides the detail's.
type heldShadow struct {
	*heldDetail
	cause error
}

func (s heldShadow) Error() string { return "shadow: " + s.heldDetail.Error() }
func (s heldShadow) Unwrap() error { return s.cause }

// TestErrorsHeldInFields checks errors that print, beside their chain, wrapper errors
// they hold in fields of their own: what those wrap shows in their text. A walk of the
// error hid it (it empties such a field), but the text of a chain that held the error
// showed it raw, in every output; and since ForLog passes on an error whose chain holds
// nothing tagged without a walk, ForLog of the error itself did too.
func TestErrorsHeldInFields(t *testing.T) {
	refused := errors.New("connection refused")
	shapes := func(inner error) map[string]error {
		detail := &heldDetail{inner}
		return map[string]error{
			"a field":                       heldOuter{detail, refused},
			"a field, wrapped by %w":        fmt.Errorf("save: %w", heldOuter{detail, refused}),
			"a field, joined":               errors.Join(refused, heldOuter{detail, nil}),
			"a slice and a map":             heldMany{[]*heldDetail{{refused}, detail}, map[string]heldValueDetail{"k": {inner}}, refused},
			"a struct that is no error":     &heldVia{&heldInfo{detail}, refused},
			"an embedded error, shadowed":   heldShadow{detail, refused},
			"a shadowed one, wrapped by %w": fmt.Errorf("save: %w", heldShadow{detail, nil}),
		}
	}
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range shapes(reviewErr{reviewEmail}) {
		t.Run(name, func(t *testing.T) {
			got, changed := p.ForLog(e)
			if text := fmt.Sprint(got); !changed || strings.Contains(text, reviewEmail) {
				t.Errorf("ForLog = %q, %v: want the email hidden", text, changed)
			}
			if out := everyOutput(t, e); strings.Contains(out, reviewEmail) {
				t.Errorf("the email reached an output:\n%s", out)
			}
			if !reflect.TypeOf(e).Comparable() {
				return
			}
			if _, err := pii.Redacted(p, map[error]int{e: 1}); !errors.Is(err, pii.ErrMapKey) {
				t.Errorf("Redacted of a map keyed by it: %v, want ErrMapKey", err)
			}
		})
	}
	// With nothing tagged, the same shapes are passed on as they are.
	for name, e := range shapes(errors.New("timeout")) {
		if got, changed := p.ForLog(e); changed || fmt.Sprint(got) != e.Error() {
			t.Errorf("%s, nothing tagged: ForLog = %q, %v: want %q as it is", name, got, changed, e.Error())
		}
	}
}

// heldLink is a link of a chain that it holds in an exported field and gives by Unwrap
// too.
type heldLink struct {
	Next  *heldLink
	cause error
}

func (l *heldLink) Error() string {
	if l.Next != nil {
		return "link: " + l.Next.Error()
	}
	return "last: " + fmt.Sprint(l.cause)
}

func (l *heldLink) Unwrap() error {
	if l.Next != nil {
		return l.Next
	}
	return l.cause
}

// TestErrorHeldAndUnwrapped checks a chain of errors each of which holds the next in a
// field and unwraps to it: the next is visited once, as a link, not once more as an
// error held; twice at every link, a chain of a dozen was past the bound and withheld.
func TestErrorHeldAndUnwrapped(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	chain := func(last error) error {
		l := &heldLink{cause: last}
		for range 99 {
			l = &heldLink{Next: l}
		}
		return l
	}
	untagged := chain(errors.New("timeout"))
	if got, changed := p.ForLog(untagged); changed || got != any(untagged) {
		t.Errorf("ForLog of 100 untagged links = %.80q, %v: want it as it is", fmt.Sprint(got), changed)
	}
	got, changed := p.ForLog(chain(reviewErr{reviewEmail}))
	want := strings.Repeat("link: ", 99) + "last: bad user ***@example.com"
	if text := fmt.Sprint(got); !changed || text != want {
		t.Errorf("ForLog of 100 links around a tagged error = %q, %v: want %q", text, changed, want)
	}
}

// heldDetails lists the details it holds in an exported field.
type heldDetails struct{ List []*heldDetail }

func (d heldDetails) Error() string { return fmt.Sprintf("%d details", len(d.List)) }
func (d heldDetails) Errors() []error {
	errs := make([]error, len(d.List))
	for i, e := range d.List {
		errs[i] = e
	}
	return errs
}

// TestErrorsHeldAndListed checks lists of errors that are both held in a field and
// listed by Errors: each counts once against the bound of a chain, and a list past it
// is withheld whole, without a look at every pair.
func TestErrorsHeldAndListed(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	details := func(n int) heldDetails {
		d := heldDetails{make([]*heldDetail, n)}
		for i := range d.List {
			d.List[i] = &heldDetail{errors.New("timeout")}
		}
		return d
	}
	for n, want := range map[int]bool{400: false, 1000: true, 100_000: true} {
		e := details(n)
		got, changed := p.ForLog(e)
		if text := fmt.Sprint(got); changed != want || changed && strings.Contains(text, "details") {
			t.Errorf("ForLog of %d details = %q, %v: want withheld=%v", n, text, changed, want)
		}
	}
}

// TestEmbeddedListCountedOnce checks an error that embeds a list whose Errors it
// promotes: the list is an error held in a field, but its links are the embedding
// error's own, so they count once against the bound of a chain. Counted twice, a list
// of 600 was withheld.
func TestEmbeddedListCountedOnce(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	errs := make([]error, 600)
	for i := range errs {
		errs[i] = errors.New("timeout")
	}
	e := wrappedList{errors.New("connection refused"), errorList{errs}}
	if got, changed := p.ForLog(e); changed || fmt.Sprint(got) != e.Error() {
		t.Errorf("ForLog of a 600-error list = %.80q, %v: want it as it is", fmt.Sprint(got), changed)
	}
	errs[300] = reviewErr{reviewEmail}
	got, changed := p.ForLog(e)
	if text := fmt.Sprint(got); !changed || strings.Contains(text, reviewEmail) || !strings.Contains(text, "bad user ***@example.com") {
		t.Errorf("ForLog of a 600-error list with a tagged one = %.80q, %v: want the email alone hidden", text, changed)
	}
}
