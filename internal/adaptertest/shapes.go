package adaptertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"net/url"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// The values below hold what a PII tag masks as a leaf (url.URL, *url.URL,
// netip.AddrPort, netip.Prefix), an error tagged as a kind that holds only text, and
// what the library refuses or leaves opaque (reflect.Type, reflect.Value, a map keyed by
// a tagged type in an unexported field).

// Link is the URL of the tests: its path holds the Email.
const Link = "https://example.com/u/" + Email

// Addr is the IP address of the tests, and AddrMasked what a line shows of it.
const (
	Addr       = "203.0.113.7"
	AddrMasked = "203.0.113.0"
)

// Leaves is a record of the values a PII tag masks as their text.
type Leaves struct {
	ID     string         `pii:"no" json:"id"`
	Site   url.URL        `pii:"url" json:"site"`
	Link   *url.URL       `pii:"url" json:"link"`
	Peer   netip.AddrPort `pii:"ip" json:"peer"`
	Net    netip.Prefix   `pii:"ip" json:"net"`
	Err    error          `pii:"email" json:"err"`
	Kind   reflect.Type   `json:"kind"`
	Phones []string       `pii:"phone" json:"phones"`
	Plan   string         `pii:"no" json:"plan"`
}

// NewLeaves returns a Leaves of the tests' data. Its Phones is empty, with the Phone in
// its spare room.
func NewLeaves() Leaves {
	u, err := url.Parse(Link)
	if err != nil {
		panic(err)
	}
	return Leaves{
		ID: "l1", Site: *u, Link: u,
		Peer:   netip.AddrPortFrom(netip.MustParseAddr(Addr), 443),
		Net:    netip.PrefixFrom(netip.MustParseAddr(Addr), 32),
		Err:    errors.New(Email),
		Kind:   reflect.TypeFor[Customer](),
		Phones: []string{Phone}[:0],
		Plan:   Plan,
	}
}

// Unchanged reports an error when l, a NewLeaves() that was logged, is not as it was.
func Unchanged(t testing.TB, l Leaves) {
	t.Helper()
	if l.Link.String() != Link || l.Site.String() != Link || l.Err.Error() != Email ||
		l.Peer.Addr().String() != Addr || l.Net.Addr().String() != Addr || l.Phones[:1][0] != Phone ||
		l.Kind != reflect.TypeFor[Customer]() || l.Plan != Plan {
		t.Errorf("the caller's value changed: link %q, site %q, err %q, peer %v, net %v, spare %q",
			l.Link, l.Site.String(), l.Err, l.Peer, l.Net, l.Phones[:1])
	}
}

// KindError is an error whose type holds a reflect.Type beside a tagged email, and
// prints both (with %+v as well, as zap's errorVerbose asks).
type KindError struct {
	Kind  reflect.Type
	Email string `pii:"email"`
	Plan  string `pii:"no"`
}

func (e KindError) Error() string { return fmt.Sprintf("%v for %s on %s", e.Kind, e.Email, e.Plan) }

// Format writes the error's text after "verbose: ", as errors that add a stack do.
func (e KindError) Format(s fmt.State, _ rune) { fmt.Fprint(s, "verbose: "+e.Error()) }

// NewKindError returns a KindError of the tests' data.
func NewKindError() KindError {
	return KindError{Kind: reflect.TypeFor[Customer](), Email: Email, Plan: Plan}
}

// CauseError is an error whose cause, errors.New's text, is tagged: a line shows the
// cause masked as an email, and prints it with %+v too.
type CauseError struct {
	Cause error  `pii:"email"`
	Plan  string `pii:"no"`
}

func (e *CauseError) Error() string {
	return "mail to " + e.Cause.Error() + " on " + e.Plan + " failed"
}

// Format writes the error's text after "verbose: ", with the cause's %+v.
func (e *CauseError) Format(s fmt.State, _ rune) {
	fmt.Fprintf(s, "verbose: mail to %+v on %s failed", e.Cause, e.Plan)
}

// HiddenKeys keeps a map keyed by a tagged type in an unexported field: a line shows a
// failure note in its place, never the keys.
type HiddenKeys struct {
	Plan string `pii:"no"`
	m    map[Customer]int
}

// NewHiddenKeys returns a HiddenKeys holding the tests' customer as a key.
func NewHiddenKeys() HiddenKeys { return HiddenKeys{Plan: Plan, m: map[Customer]int{NewCustomer(): 1}} }

// A Shape is a value to log, made anew for each line.
type Shape struct {
	Name  string
	Value func() any
	// Failed: the line shows a failure note in the value's place (and no Plan).
	Failed bool
}

// Shapes returns the values whose lines the adapters must write as the slog Handler does.
func Shapes() []Shape {
	c := NewCustomer()
	return []Shape{
		{Name: "leaves", Value: func() any { return NewLeaves() }},
		{Name: "leaves pointer", Value: func() any { l := NewLeaves(); return &l }},
		{Name: "leaves in a slice", Value: func() any { return []Leaves{NewLeaves()} }},
		{Name: "error with a type", Value: func() any { return NewKindError() }},
		{Name: "error with a type pointer", Value: func() any { e := NewKindError(); return &e }},
		{Name: "wrapped error with a type", Value: func() any { return fmt.Errorf("wrapped: %w", NewKindError()) }},
		{Name: "error with a tagged cause", Value: func() any { return &CauseError{Cause: errors.New(Email), Plan: Plan} }},
		{Name: "reflect.Type", Value: func() any { return []any{Plan, reflect.TypeFor[Customer]()} }},
		{Name: "reflect.Value", Value: func() any { return reflect.ValueOf(&c) }, Failed: true},
		{Name: "hidden map keys", Value: func() any { return NewHiddenKeys() }, Failed: true},
	}
}

// NoLeak reports an error when out holds personal data of the Shapes, or (unless
// failed) lacks the Plan.
func NoLeak(t testing.TB, out string, failed bool) {
	t.Helper()
	for _, m := range append(Markers, Addr, "jane.doe") {
		if strings.Contains(out, m) {
			t.Errorf("output holds %q: %s", m, out)
		}
	}
	if failed != strings.Contains(out, "!PII-REDACTION-FAILED") {
		t.Errorf("output shows a failure note: %v, want %v: %s", !failed, failed, out)
	}
	if !failed && !strings.Contains(out, Plan) {
		t.Errorf("output lost the Not PII plan: %s", out)
	}
}

// SlogJSON returns the JSON of v as the pii Handler (default Policy, with opts) over
// slog's JSONHandler writes it as an attribute's value.
func SlogJSON(t testing.TB, v any, opts ...pii.HandlerOption) string {
	t.Helper()
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil, opts...)).Info("m", "v", v)
	return Field(t, buf.String(), "v")
}

// Field returns the value of key in line, a JSON object, as compact JSON.
func Field(t testing.TB, line, key string) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("line is not a JSON object: %v: %s", err, line)
	}
	var out bytes.Buffer
	if err := json.Compact(&out, m[key]); err != nil {
		t.Fatalf("%q in %s: %v", key, line, err)
	}
	return out.String()
}

// childEnv names the test a child process of the test binary runs.
const childEnv = "ADAPTERTEST_CHILD"

// InChild runs body in a child process of the test binary, where t is the child's:
// a fatal error (one no recover catches, as printing a copied reflect.Type's descriptor
// was) fails the test with the child's output instead of ending the whole run. Call it
// from a top-level test.
func InChild(t *testing.T, body func(t *testing.T)) {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		body(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the child process failed: %v\n%s", err, out)
	}
}
