package pii_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// The cases of a third adversarial review of the core library.

// review3Detailed is a tagged error whose Format prints more under the plus flag, as
// errors with stack traces or details do.
type review3Detailed struct {
	Email string `pii:"email"`
}

func (e review3Detailed) Error() string { return "invalid " + e.Email }
func (e review3Detailed) Format(f fmt.State, verb rune) {
	if f.Flag('+') {
		fmt.Fprintf(f, "invalid %s (contact %s)", e.Email, e.Email)
		return
	}
	fmt.Fprintf(f, "invalid %s", e.Email)
}

// review3PtrErr is a tagged error with a pointer receiver.
type review3PtrErr struct {
	Email string `pii:"email"`
}

func (e *review3PtrErr) Error() string { return "bad " + e.Email }

// TestReview3WrappedWithFlags wraps tagged errors with fmt.Errorf's %w under flags: "%+w"
// calls Format with the plus flag, which printed a detail the redaction did not know of.
func TestReview3WrappedWithFlags(t *testing.T) {
	tests := map[string]error{
		"%+w of a Format that says more": fmt.Errorf("save: %+w", review3Detailed{reviewEmail}),
		"%#w of a Format":                fmt.Errorf("save: %#w", review3Detailed{reviewEmail}),
		"%#w of a plain struct":          fmt.Errorf("save: %#w", reviewErr{reviewEmail}),
		"%.12w cutting the text":         fmt.Errorf("save: %.12w", &review3PtrErr{reviewEmail}),
		"%-40w padding the text":         fmt.Errorf("save: %-40w", &review3PtrErr{reviewEmail}),
		"%+w in errors.Join":             errors.Join(errors.New("first"), fmt.Errorf("save: %+w", review3Detailed{reviewEmail})),
	}
	for name, err := range tests {
		t.Run(name, func(t *testing.T) {
			out := everyOutput(t, err)
			if strings.Contains(out, "jane.doe") {
				t.Errorf("the address reached an output:\n%s", out)
			}
		})
	}
	// The redacted text is kept where the wrapper kept the value whole.
	got, _ := pii.Default().ForLog(fmt.Errorf("save: %+w", review3Detailed{reviewEmail}))
	if want := "save: invalid ***@example.com (contact ***@example.com)"; fmt.Sprint(got) != want {
		t.Errorf("ForLog = %q, want %q", got, want)
	}
}

// TestReview3RepeatedPIIKey gives a field's pii key twice: reflect reads the first
// alone, and the second (the one that said email) was lost without a word.
func TestReview3RepeatedPIIKey(t *testing.T) {
	for _, tag := range []string{
		`pii:"no" pii:"email"`,
		`pii:"email" pii:"no"`,
		`json:"e" pii:"no" pii:"email"`,
		`pii:"no"pii:"email"`,
		"pii:\"no\"\tpii:\"email\"",
	} {
		t.Run(tag, func(t *testing.T) {
			if _, _, err := pii.LookupTag(reflect.StructTag(tag)); !errors.Is(err, pii.ErrRepeatedKey) {
				t.Errorf("LookupTag: %v, want ErrRepeatedKey", err)
			}
			typ := reflect.StructOf([]reflect.StructField{{Name: "Email", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(tag)}})
			v := reflect.New(typ)
			v.Elem().Field(0).SetString(reviewEmail)
			var te *pii.TagError
			if err := pii.Redact(v.Interface()); !errors.As(err, &te) || !errors.Is(err, pii.ErrRepeatedKey) || te.Field != "Email" {
				t.Errorf("Redact: %v, want a *TagError for Email wrapping ErrRepeatedKey", err)
			}
			if out := everyOutput(t, v.Elem().Interface()); strings.Contains(out, "jane.doe") {
				t.Errorf("the address reached an output:\n%s", out)
			}
		})
	}
	for _, tag := range []string{`pii:"email"`, `json:"pii" pii:"email"`, `json:"x,omitempty" pii:"email,mtl=30"`} {
		if v, ok, err := pii.LookupTag(reflect.StructTag(tag)); err != nil || !ok || !strings.HasPrefix(v, "email") {
			t.Errorf("LookupTag(%s) = %q, %v, %v; want the email tag", tag, v, ok, err)
		}
	}
}

// TestReview3SnapshotOfUnchangedBytes logs tagged []byte fields that redaction leaves as
// they are (the service's own number; an ip that the profile does not count), then
// writes into the caller's array: a handler that formats later must see what was logged.
func TestReview3SnapshotOfUnchangedBytes(t *testing.T) {
	type Call struct {
		From []byte        `pii:"phone"`
		IP   []byte        `pii:"ip"`
		Peer review3Digits `pii:"ip"` // a Redactor
	}
	owned, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		t.Fatal(err)
	}
	caloppa, err := pii.New(pii.WithProfile(pii.CalOPPA))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		pol   *pii.Policy
		field func(*Call) *[]byte
		was   string
		later string
	}{
		"owned number":       {owned, func(c *Call) *[]byte { return &c.From }, "+14155550100", "+14155552671"},
		"ip outside profile": {caloppa, func(c *Call) *[]byte { return &c.IP }, "10.1.2.3", "99.9.9.9"},
		"Redactor outside profile": {caloppa, func(c *Call) *[]byte { return (*[]byte)(&c.Peer) },
			"10.1.2.3", "99.9.9.9"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var c Call
			buf := []byte(tt.was)
			*tt.field(&c) = buf
			lazy := &lazyHandler{}
			slog.New(pii.NewHandler(lazy, tt.pol)).Info("m", "call", c)
			copy(buf, tt.later)
			var got string
			lazy.records[0].Attrs(func(a slog.Attr) bool {
				got = string(*tt.field(ptrTo(a.Value.Any().(Call))))
				return false
			})
			if got != tt.was {
				t.Errorf("the line shows %q, want %q as it was logged", got, tt.was)
			}
		})
	}
}

func ptrTo[T any](v T) *T { return &v }

// review3Lookup is an untagged LogValuer that panics with the error it met, which names
// a tagged value.
type review3Lookup struct{}

func (review3Lookup) LogValue() slog.Value {
	panic(fmt.Errorf("lookup: %w", reviewErr{reviewEmail}))
}

// TestReview3LogValuePanicQuotesNothing: the note for a LogValue that panicked quoted the
// panic's value, which may hold personal data.
func TestReview3LogValuePanicQuotesNothing(t *testing.T) {
	var buf strings.Builder
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("m", "v", review3Lookup{})
	var line map[string]any
	if err := json.Unmarshal([]byte(buf.String()), &line); err != nil {
		t.Fatal(err)
	}
	want := "!PII-REDACTION-FAILED: pii: pii_test.review3Lookup: LogValue panicked"
	if diff := cmp.Diff(want, line["v"]); diff != "" {
		t.Errorf("the note (-want +got):\n%s", diff)
	}
}

// TestReview3PhonesInContext: phone numbers (and cards and addresses) that RedactText
// missed for what surrounds them: written whole in brackets ("Jane (415-555-2671)"),
// listed with commas and no space (read as thousands), and URL-encoded in a logged
// query string.
func TestReview3PhonesInContext(t *testing.T) {
	tests := map[string]string{
		"to=4155552671,4155552672":           "to=415555XXXX,415555XXXX",
		"total 1,234,567 and 12,345":         "total 1,234,567 and 12,345",
		"q=%2B1%20415%20555%202671&x=1":      "q=%2B1%20415%20555%20XXXX&x=1",
		"phone=415%2D555%2D2671":             "phone=415%2D555%2DXXXX",
		"phone=%28415%29%20555-2671":         "phone=%28415%29%20555-XXXX",
		"to=x%20415%20555%202671":            "to=x%20415%20555%20XXXX",
		"q=50%20off&page%202%20of%203":       "q=50%20off&page%202%20of%203",
		"%2B14155552671 %2B14155552672":      "%2B1415555XXXX %2B1415555XXXX",
		"to=%2B14155552671%2C%2B14155552672": "to=%2B1415555XXXX%2C%2B1415555XXXX",
		"phone=4155552671%20x":               "phone=415555XXXX%20x",
		"ip=10.0.0.1%2C10.0.0.2":             "ip=10.0.0.x%2C10.0.0.x",
		"c=4111%201111%201111%201111":        "c=4111%2011**%20****%201111",
		"grew 4155552671% and 4155552671 %":  "grew 4155552671% and 4155552671 %",
		"Jane (415-555-2671)":                "Jane (415-555-XXXX)",
		"Jane (4155552671)":                  "Jane (415555XXXX)",
		"Jane (415 555 2671)":                "Jane (415 555 XXXX)",
		"Jane (+14155552671)":                "Jane (+1415555XXXX)",
		"Jane (07700 900123)":                "Jane (07700 90XXXX)",
		"Jane （4155552671）":                  "Jane （415555XXXX）",
		"Jane ((415) 555-2671)":              "Jane ((415) 555-XXXX)",
		"(order 4155552671)":                 "(order 4155552671)",
		"(2024-01-15)":                       "(2024-01-15)",
		"(12345)":                            "(12345)",
		"released (v1.2.3)":                  "released (v1.2.3)",
		"Jane (415) 555-2671 ok":             "Jane (415) 555-XXXX ok",
	}
	got := map[string]string{}
	for in := range tests {
		got[in] = pii.RedactText(in)
	}
	if diff := cmp.Diff(tests, got); diff != "" {
		t.Errorf("RedactText (-want +got):\n%s", diff)
	}
}

// review3Account keeps tagged records in unexported fields, which fmt and text handlers
// print as they are.
type review3Account struct {
	ID      string `pii:"no"`
	owner   reviewUser
	members []*reviewUser
	byID    map[string]reviewUser
	note    string // untagged, and not walked
}

// review3BadPhone's tag is wrong; review3HoldsBad keeps one where the walk does not go.
type review3BadPhone struct {
	Phone float64 `pii:"phone"`
}

type review3HoldsBad struct {
	Name string `pii:"name"`
	bad  review3BadPhone
}

// TestReview3UnexportedTaggedTypes: an unexported field whose type carries pii tags was
// left as it was, and a text handler, a fmt verb on Safe and the copy Redacted returned
// all showed it.
func TestReview3UnexportedTaggedTypes(t *testing.T) {
	mk := func() review3Account {
		return review3Account{ID: "a1", owner: reviewUser{"Quentin Zabrowski", reviewEmail},
			members: []*reviewUser{{"Quentin Zabrowski", reviewEmail}},
			byID:    map[string]reviewUser{"u1": {"Quentin Zabrowski", reviewEmail}}, note: "kept"}
	}
	v := mk()
	before := fmt.Sprintf("%+v %+v %+v", v, *v.members[0], v.byID)
	out := everyOutput(t, v)
	for _, secret := range []string{"jane.doe", "Zabrowski"} {
		if strings.Contains(out, secret) {
			t.Errorf("%q reached an output:\n%s", secret, out)
		}
	}
	if after := fmt.Sprintf("%+v %+v %+v", v, *v.members[0], v.byID); after != before {
		t.Errorf("the caller's value changed:\n%s\n%s", before, after)
	}
	if err := pii.Redact(&v); err != nil {
		t.Fatal(err)
	}
	redacted := reviewUser{"Q. Z.", "***@example.com"}
	got := []any{v.owner, *v.members[0], v.byID["u1"], v.note}
	if diff := cmp.Diff([]any{redacted, redacted, redacted, "kept"}, got); diff != "" {
		t.Errorf("Redact (-want +got):\n%s", diff)
	}
	fields, err := pii.Classify(review3Account{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range fields {
		paths = append(paths, f.Path+" "+f.Kind.String())
	}
	want := []string{"ID none", "owner.Name name", "owner.Email email", "members[].Name name",
		"members[].Email email", "byID[].Name name", "byID[].Email email"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("Classify (-want +got):\n%s", diff)
	}

	// A type whose tags are wrong, in an unexported field, is left alone there, and
	// is still refused where it is used.
	hb, err := pii.Redacted(nil, review3HoldsBad{Name: "Quentin Zabrowski", bad: review3BadPhone{1}})
	if err != nil || hb.Name != "Q. Z." {
		t.Errorf("Redacted(review3HoldsBad) = %+v, %v", hb, err)
	}
	var te *pii.TagError
	if _, err := pii.Redacted(nil, review3BadPhone{1}); !errors.As(err, &te) || !errors.Is(err, pii.ErrKindType) {
		t.Errorf("Redacted(review3BadPhone) = %v, want its TagError", err)
	}
}

// TestReview3ScanStringsKeys: with ScanStrings, an attribute key or a group name made
// from data ("user:"+phone, an address as a key) reached the line as it was.
func TestReview3ScanStringsKeys(t *testing.T) {
	var buf strings.Builder
	l := slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil, pii.ScanStrings()))
	l.Info("m", reviewEmail, 1)
	l.With("user:+14155552671", true).WithGroup(reviewEmail).Info("m", slog.Group("+14155552671", "k", 1))
	for _, secret := range []string{"jane.doe", "2671"} {
		if strings.Contains(withoutTime(buf.String()), secret) {
			t.Errorf("%q reached the line:\n%s", secret, buf.String())
		}
	}
	for _, want := range []string{`"***@example.com":1`, `"user:+1415555XXXX":true`, `"***@example.com":{"+1415555XXXX":{"k":1}}`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the line lacks %s:\n%s", want, buf.String())
		}
	}
	// Without ScanStrings keys are the caller's, as every other untagged string.
	buf.Reset()
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("m", "user:+14155552671", 1)
	if !strings.Contains(buf.String(), `"user:+14155552671":1`) {
		t.Errorf("a key changed without ScanStrings:\n%s", buf.String())
	}
}

// review3OpErr is a tagged error that prints the error it wraps, as *os.PathError does.
type review3OpErr struct {
	Email string `pii:"email"`
	Err   error
}

func (e *review3OpErr) Error() string { return "op for " + e.Email + ": " + e.Err.Error() }
func (e *review3OpErr) Unwrap() error { return e.Err }

// review3HiddenOpErr keeps the error it wraps unexported: its redacted copy still prints
// that error's raw text.
type review3HiddenOpErr struct {
	Email string `pii:"email"`
	err   error
}

func (e *review3HiddenOpErr) Error() string { return "op for " + e.Email + ": " + e.err.Error() }
func (e *review3HiddenOpErr) Unwrap() error { return e.err }

// TestReview3ErrorPrintingWhatItWraps: a tagged error whose text holds the text of the
// tagged error it wraps was withheld whole, though every part of it could be redacted
// (the inner text, replaced inside the outer one, was looked for and not found).
func TestReview3ErrorPrintingWhatItWraps(t *testing.T) {
	inner := &review3PtrErr{"john.roe@example.org"}
	tests := map[string]struct {
		err  error
		want string
	}{
		"tagged wrapping tagged": {&review3OpErr{reviewEmail, inner},
			"op for ***@example.com: bad ***@example.org"},
		"wrapped again": {fmt.Errorf("save: %w", &review3OpErr{reviewEmail, inner}),
			"save: op for ***@example.com: bad ***@example.org"},
		"the inner error unexported": {&review3HiddenOpErr{reviewEmail, inner},
			"op for ***@example.com: bad ***@example.org"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got, _ := pii.Default().ForLog(tt.err)
			if diff := cmp.Diff(tt.want, fmt.Sprint(got)); diff != "" {
				t.Errorf("ForLog (-want +got):\n%s", diff)
			}
			if out := everyOutput(t, tt.err); strings.Contains(out, "jane.doe") || strings.Contains(out, "john.roe") {
				t.Errorf("an address reached an output:\n%s", out)
			}
		})
	}
}

// review3Digits, review3Labels and review3Parts redact themselves where they are, the
// natural way to write RedactPII for a []byte, a map or a struct of parts.
type review3Digits []byte

func (d *review3Digits) RedactPII(pii.Kind) {
	for i := max(0, len(*d)-4); i < len(*d); i++ {
		(*d)[i] = 'X'
	}
}

type review3Labels map[string]string

func (l *review3Labels) RedactPII(pii.Kind) {
	for k := range *l {
		(*l)[k] = "***"
	}
}

type review3Parts struct{ Parts []string }

func (n *review3Parts) RedactPII(pii.Kind) {
	for i := range n.Parts {
		n.Parts[i] = n.Parts[i][:1] + "."
	}
}

type review3Custom struct {
	Phone  review3Digits `pii:"phone"`
	Labels review3Labels `pii:"name"`
	Name   review3Parts  `pii:"name"`
}

// TestReview3RedactorOwnsItsCopy: a Redactor that writes in place wrote, through the
// shallow copy Redacted and log lines gave it, into the caller's array, map and parts:
// logging a value changed it.
func TestReview3RedactorOwnsItsCopy(t *testing.T) {
	mk := func() review3Custom {
		return review3Custom{review3Digits("+14155552671"), review3Labels{"home": "Quentin"},
			review3Parts{[]string{"Quentin", "Zabrowski"}}}
	}
	redacted := review3Custom{review3Digits("+1415555XXXX"), review3Labels{"home": "***"},
		review3Parts{[]string{"Q.", "Z."}}}
	outputs := map[string]func(review3Custom) (any, error){
		"Redacted": func(v review3Custom) (any, error) { return pii.Redacted(nil, v) },
		"ForLog": func(v review3Custom) (any, error) {
			x, _ := pii.Default().ForLog(v)
			return x, nil
		},
		"Handler": func(v review3Custom) (any, error) {
			lazy := &lazyHandler{}
			slog.New(pii.NewHandler(lazy, nil)).Info("m", "v", v)
			var got any
			lazy.records[0].Attrs(func(a slog.Attr) bool { got = a.Value.Any(); return false })
			return got, nil
		},
	}
	for name, out := range outputs {
		t.Run(name, func(t *testing.T) {
			v := mk()
			got, err := out(v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(redacted, got); diff != "" {
				t.Errorf("the copy (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(mk(), v); diff != "" {
				t.Errorf("the caller's value changed (-want +got):\n%s", diff)
			}
		})
	}
}
