package pii_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// The cases of an adversarial review: each a way personal data once reached an output.

type reviewUser struct {
	Name  string `pii:"name"`
	Email string `pii:"email"`
}

type reviewErr struct {
	Email string `pii:"email"`
}

func (e reviewErr) Error() string { return "bad user " + e.Email }

// reviewFmtErr prints more through fmt than its Error says.
type reviewFmtErr struct {
	Email string `pii:"email"`
}

func (e reviewFmtErr) Error() string              { return "invalid user" }
func (e reviewFmtErr) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "invalid user <%s>", e.Email) }

// reviewConstErr's text shows none of its personal data.
type reviewConstErr struct {
	Email string `pii:"email"`
}

func (reviewConstErr) Error() string { return "invalid user" }

// reviewOpError can hold personal data of its own (Meta), and wraps an error it keeps
// unexported.
type reviewOpError struct {
	Op   string
	Meta map[string]any
	err  error
}

func (e *reviewOpError) Error() string { return e.Op + ": " + e.err.Error() }
func (e *reviewOpError) Unwrap() error { return e.err }

// reviewCoded promotes the Error method of an unexported embedded error.
type reviewCoded struct {
	error
	Code int
}

const reviewEmail = "jane.doe@example.com"

// everyOutput is what a value looks like in every output the guarantee covers.
func everyOutput(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("m", "v", v)
	slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil)).Info("m", "v", v)
	b.Write(buf.Bytes())
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%t", "%c", "%U", "%e"} {
		fmt.Fprintf(&b, verb+"\n", pii.Safe(v))
		fmt.Fprintf(&b, verb+"\n", struct{ s pii.SafeValue }{pii.Safe(v)})
	}
	j, _ := json.Marshal(pii.Safe(v))
	b.Write(j)
	if r, err := pii.Redacted(nil, v); err == nil {
		fmt.Fprintf(&b, "%+v %#v\n", r, r)
		var target reviewConstErr
		if e, ok := r.(error); ok && errors.As(e, &target) {
			b.WriteString(target.Email)
		}
	}
	return b.String()
}

func TestReviewLeaks(t *testing.T) {
	tests := map[string]any{
		"map keyed by address under an email tag": struct {
			ByEmail map[string]string `pii:"email"`
		}{map[string]string{reviewEmail: "x"}},
		"an error type that can hold personal data, wrapping one": &reviewOpError{"save", nil, reviewErr{reviewEmail}},
		"an unexported embedded error":                            reviewCoded{reviewErr{reviewEmail}, 3},
		"a tagged error that formats more than its text":          fmt.Errorf("op: %w", reviewFmtErr{reviewEmail}),
		"a tagged error whose text shows nothing":                 fmt.Errorf("op: %w", reviewConstErr{reviewEmail}),
		"a SafeValue under any verb":                              reviewUser{"Quentin Zabrowski", reviewEmail},
	}
	for name, v := range tests {
		t.Run(name, func(t *testing.T) {
			out := everyOutput(t, v)
			for _, secret := range []string{reviewEmail, "jane.doe", "Quentin"} {
				if strings.Contains(out, secret) {
					t.Errorf("%q reached an output:\n%s", secret, out)
				}
			}
		})
	}
}

func TestMapKeysUnderTag(t *testing.T) {
	type Book struct {
		ByEmail map[string]string `pii:"email"`
		Phones  map[string]string `pii:"phone"`
	}
	v := Book{
		ByEmail: map[string]string{"jane.doe@example.com": "Jane", "john.roe@example.com": "John"},
		Phones:  map[string]string{"home": "+14155552671"},
	}
	r, err := pii.Redacted(nil, v)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.ByEmail) != 2 || r.Phones["home"] != "+1415555XXXX" {
		t.Errorf("Redacted = %+v: want two entries with hidden addresses, and the label kept", r)
	}
	for k := range r.ByEmail {
		if strings.Contains(k, ".doe") || strings.Contains(k, ".roe") {
			t.Errorf("a key kept its address: %q", k)
		}
	}
	if err := pii.Redact(&v); err != nil || len(v.ByEmail) != 2 {
		t.Errorf("Redact in place = %v, %+v", err, v)
	}
	for k := range v.ByEmail {
		if strings.Contains(k, ".doe") || strings.Contains(k, ".roe") {
			t.Errorf("in place, a key kept its address: %q", k)
		}
	}
}

type reviewEvent struct {
	V slog.Value
}

type reviewInner struct{ P any }

type reviewKey struct{ reviewInner }

type reviewPanicker struct{}

func (reviewPanicker) LogValue() slog.Value { panic("no value") }

func TestReviewLeaksMore(t *testing.T) {
	u := reviewUser{"Quentin Zabrowski", reviewEmail}
	tests := map[string]any{
		"a slog.Value in a field":        reviewEvent{slog.AnyValue(u)},
		"a group of attrs in a field":    reviewEvent{slog.GroupValue(slog.Any("u", u))},
		"an embedded unexported map key": map[reviewKey]int{{reviewInner{u}}: 1},
		"a wrapper error as a map key":   map[any]int{fmt.Errorf("w: %w", reviewErr{reviewEmail}): 1},
	}
	for name, v := range tests {
		t.Run(name, func(t *testing.T) {
			out := everyOutput(t, v)
			for _, secret := range []string{reviewEmail, "Quentin"} {
				if strings.Contains(out, secret) {
					t.Errorf("%q reached an output:\n%s", secret, out)
				}
			}
		})
	}
}

func TestReviewHandler(t *testing.T) {
	lazy := &lazyHandler{}
	logger := slog.New(pii.NewHandler(lazy, nil))
	as := []slog.Attr{slog.String("a", "x")}
	logger.Info("m", slog.Any("g", slog.GroupValue(as...)))
	as[0] = slog.Any("u", reviewUser{"Quentin Zabrowski", reviewEmail})
	if out := lazy.String(); strings.Contains(out, "Quentin") {
		t.Errorf("a group changed after the call reached a lazy handler: %s", out)
	}

	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("m", "v", reviewPanicker{})
	if !strings.Contains(buf.String(), "LogValue panicked") {
		t.Errorf("a panicking LogValue: %s", buf.String())
	}
}

func TestPartyFromBytes(t *testing.T) {
	type Visit struct {
		Caller []byte `pii:"phone"`
		IP     string `pii:"ip"`
	}
	p, err := pii.New(pii.WithProfile(pii.PCIDSS), pii.WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	r, err := pii.Redacted(p, Visit{Caller: []byte("+33612345678"), IP: "203.0.113.42"})
	if err != nil || r.IP != "203.0.113.0" {
		t.Errorf("a French caller in a []byte did not bring GDPR: %+v, %v", r, err)
	}
}

func TestScanStringsMapKeys(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil, pii.ScanStrings()))
	logger.Info("m", "counts", map[string]int{"jane.doe@example.com": 1, "plain": 2})
	if strings.Contains(buf.String(), "jane.doe") || !strings.Contains(buf.String(), `"plain":2`) {
		t.Errorf("ScanStrings and untagged map keys: %s", buf.String())
	}
}
