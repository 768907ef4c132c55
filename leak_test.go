package pii_test

import (
	"bytes"
	"context"
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

// Person is a tagged type whose own methods print its raw fields: no output may ever
// call them on the caller's value.
type Person struct {
	ID    string `pii:"no"`
	Name  string `pii:"name"`
	Phone string `pii:"phone"`
}

func (p Person) String() string       { return "person " + p.Name + " " + p.Phone }
func (p Person) Error() string        { return "bad person " + p.Name + " " + p.Phone }
func (p Person) LogValue() slog.Value { return slog.StringValue("lv " + p.Name + " " + p.Phone) }

// Envelope holds tagged values behind containers tagged "no".
type Envelope struct {
	Kind    string         `pii:"no"`
	Payload any            `pii:"no"`
	List    []any          `pii:"no"`
	Attrs   map[string]any `pii:"no"`
}

const (
	leakName  = "Quentin Zabrowski"
	leakPhone = "+14155550199"
)

func leakPerson() Person { return Person{ID: "P-77", Name: leakName, Phone: leakPhone} }

// lazyHandler keeps what it is given and formats it only when asked, as buffering and
// asynchronous handlers do.
type lazyHandler struct {
	attrs   []slog.Attr
	records []slog.Record
}

func (h *lazyHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *lazyHandler) Handle(_ context.Context, r slog.Record) error {
	h.records = append(h.records, r.Clone())
	return nil
}
func (h *lazyHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &lazyHandler{attrs: append(h.attrs[:len(h.attrs):len(h.attrs)], as...), records: h.records}
}
func (h *lazyHandler) WithGroup(string) slog.Handler { return h }

func (h *lazyHandler) String() string {
	var b strings.Builder
	for _, a := range h.attrs {
		fmt.Fprintf(&b, "%s=%+v ", a.Key, a.Value.Resolve())
	}
	for _, r := range h.records {
		r.Attrs(func(a slog.Attr) bool {
			fmt.Fprintf(&b, "%s=%+v ", a.Key, a.Value.Resolve())
			return true
		})
	}
	return b.String()
}

func assertHidden(t *testing.T, where, out string) {
	t.Helper()
	for _, secret := range []string{leakName, leakPhone} {
		if strings.Contains(out, secret) {
			t.Errorf("%s: %q leaked in %s", where, secret, out)
		}
	}
}

func TestLeakPaths(t *testing.T) {
	values := map[string]func() any{
		"no on any":           func() any { return Envelope{Kind: "k", Payload: leakPerson()} },
		"no on []any":         func() any { return Envelope{List: []any{1, leakPerson()}} },
		"no on map":           func() any { return Envelope{Attrs: map[string]any{"p": &Person{Name: leakName, Phone: leakPhone}}} },
		"LogValuer":           func() any { return leakPerson() },
		"error wrapping %w":   func() any { return fmt.Errorf("saving: %w", leakPerson()) },
		"errors.Join":         func() any { return errors.Join(errors.New("first"), fmt.Errorf("x: %w", leakPerson())) },
		"error in a field":    func() any { return struct{ Err error }{fmt.Errorf("saving: %w", leakPerson())} },
		"map key of type any": func() any { return map[any]int{leakPerson(): 1} },
	}
	for name, mk := range values {
		t.Run(name, func(t *testing.T) {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%p"} {
				assertHidden(t, "Safe "+verb, fmt.Sprintf(verb, pii.Safe(mk())))
			}
			assertHidden(t, "Safe in an unexported field", fmt.Sprintf("%+v", struct{ s pii.SafeValue }{pii.Safe(mk())}))
			j, _ := json.Marshal(pii.Safe(mk()))
			assertHidden(t, "Safe JSON", string(j))

			for hname, mkh := range map[string]func(*bytes.Buffer) slog.Handler{
				"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
				"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
			} {
				var buf bytes.Buffer
				logger := slog.New(pii.NewHandler(mkh(&buf), nil))
				logger.With("with", mk()).Info("m", "v", mk(), slog.Group("g", "v", mk()))
				assertHidden(t, hname+" handler", buf.String())
			}

			lazy := &lazyHandler{}
			v := mk()
			slog.New(pii.NewHandler(lazy, nil)).With("with", v).Info("m", "v", v)
			assertHidden(t, "lazy handler", lazy.String())

			r, err := pii.Redacted(nil, v)
			if err == nil {
				assertHidden(t, "Redacted %+v", fmt.Sprintf("%+v", r))
			} else if !errors.Is(err, pii.ErrMapKey) {
				t.Errorf("Redacted: %v", err)
			}
		})
	}
}

// TestLazyHandlerSeesNoLaterChange fills a map after it was logged: a handler that
// formats later must still see what was logged.
func TestLazyHandlerSeesNoLaterChange(t *testing.T) {
	lazy := &lazyHandler{}
	attrs := map[string]any{}
	list := []any{}
	logger := slog.New(pii.NewHandler(lazy, nil)).With("attrs", attrs)
	logger.Info("m", "list", list, "attrs2", attrs)
	attrs["p"] = leakPerson()
	list = append(list, leakPerson())
	_ = list
	assertHidden(t, "lazy handler after the caller's change", lazy.String())
}

// TestClassifySeesThroughNo checks that Classify and CheckTagged report what a "no"
// container holds at run time as what it is.
func TestClassifySeesThroughNo(t *testing.T) {
	env := Envelope{Kind: "k", Payload: leakPerson(), List: []any{"text", &Person{}}, Attrs: map[string]any{"n": 1}}
	fields, err := pii.Classify(env)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fields {
		got[f.Path] = f.Class.String() + "/" + f.Kind.String()
	}
	want := map[string]string{
		"Kind": "Not PII/none", "Payload.ID": "Not PII/none", "Payload.Name": "PII/name", "Payload.Phone": "PII/phone",
		"List[]": "Not PII/none", "List[].ID": "Not PII/none", "List[].Name": "PII/name", "List[].Phone": "PII/phone",
		"Attrs[]": "Not PII/none",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Classify(Envelope) (-want +got):\n%s", diff)
	}
	// The type alone still lists the interfaces as they are declared.
	typeFields, err := pii.Classify(reflect.TypeFor[Envelope]())
	if err != nil || len(typeFields) != 4 {
		t.Errorf("Classify(type) = %d fields, %v; want the 4 declared", len(typeFields), err)
	}

	type Untagged struct{ Note string }
	if err := pii.CheckTagged(struct {
		ID  string `pii:"no"`
		Any any
	}{Any: Untagged{}}); err == nil || !strings.Contains(err.Error(), "Any.Note") {
		t.Errorf("CheckTagged did not list the untagged field behind an interface: %v", err)
	}
}

// Payment holds tagged raw JSON, which must stay JSON whatever the mask does to it.
type Payment struct {
	ID     string          `pii:"no"`
	Card   json.RawMessage `pii:"card"`
	Holder json.RawMessage `pii:"name"`
	Extra  json.RawMessage `pii:"true"`
	Phone  json.RawMessage `pii:"phone"`
}

func TestRawMessageStaysJSON(t *testing.T) {
	for _, p := range []Payment{
		{ID: "1", Card: json.RawMessage(`"4111 1111 1111 1111 exp 12/29 cvc 123"`), Holder: json.RawMessage(`"Quentin Zabrowski"`),
			Extra: json.RawMessage(`{"ssn":"123-45-6789"}`), Phone: json.RawMessage(`14155550199`)},
		{ID: "2", Card: json.RawMessage(`4111111111111111`), Holder: json.RawMessage(`{"first":"Quentin"}`), Phone: json.RawMessage(`"+14155550199"`)},
		{ID: "3", Card: json.RawMessage(`not json at all 4111111111111111`)},
	} {
		r, err := pii.Redacted(nil, p)
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Errorf("Payment %s: the redacted copy is not JSON: %v", p.ID, err)
			continue
		}
		for _, leak := range []string{"1111 1111 1111", "11111111111", "Zabrowski", "Quentin", "123-45-6789", "50199", "cvc 123"} {
			if strings.Contains(string(out), leak) {
				t.Errorf("Payment %s: %q leaked: %s", p.ID, leak, out)
			}
		}
		if err := pii.Redact(&p); err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(p); err != nil {
			t.Errorf("Payment %s: redacted in place, not JSON: %v", p.ID, err)
		}
	}
}

// TestRedactedSharing pins what Redacted's doc says it shares with the original.
func TestRedactedSharing(t *testing.T) {
	type Stats struct {
		Counts map[string]int `pii:"no"`
		Labels []string       `pii:"no"`
	}
	type Record struct {
		Person *Person
		Stats  Stats
		Tags   map[string]any `pii:"no"`
	}
	orig := Record{Person: &Person{Name: leakName}, Stats: Stats{Counts: map[string]int{"a": 1}, Labels: []string{"x"}},
		Tags: map[string]any{"t": "v"}}
	cp, err := pii.Redacted(nil, orig)
	if err != nil {
		t.Fatal(err)
	}
	if cp.Person == orig.Person {
		t.Error("the pointer to a tagged struct is shared")
	}
	if reflect.ValueOf(cp.Tags).UnsafePointer() == reflect.ValueOf(orig.Tags).UnsafePointer() {
		t.Error("a map of interfaces is shared: the caller could put personal data in it later")
	}
	if reflect.ValueOf(cp.Stats.Counts).UnsafePointer() != reflect.ValueOf(orig.Stats.Counts).UnsafePointer() ||
		&cp.Stats.Labels[0] != &orig.Stats.Labels[0] {
		t.Error("a map or slice that cannot hold personal data was copied, though the doc says it is shared")
	}
}
