package pii_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// notFoundError holds the key it did not find in an unexported interface field, and
// prints it.
type notFoundError struct{ key any }

func (e *notFoundError) Error() string { return fmt.Sprintf("not found: %v", e.key) }

// opError is a wrapper written before Unwrap: it prints the error it holds.
type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return e.op + ": " + e.err.Error() }

// causeHolder holds its detail in a struct of its own, by value.
type causeHolder struct {
	state struct{ detail any }
}

func (e causeHolder) Error() string { return fmt.Sprint("bad state ", e.state.detail) }

// lazyJSON prints what it holds as JSON, when a logger asks.
type lazyJSON struct{ v any }

func (l lazyJSON) String() string {
	b, _ := json.Marshal(l.v)
	return string(b)
}

// TestHiddenInterfaceFields logs values that hold a tagged record in an interface
// behind an unexported field, where no walk goes but their Error or String (or fmt)
// prints it: an error whose text shows the record's data is withheld, a tagged error
// held there is redacted as one of the chain, an error whose text shows nothing of it
// keeps its text, and any other value is withheld whole. What holds nothing tagged
// there is passed on as it is.
func TestHiddenInterfaceFields(t *testing.T) {
	u := sendUser{ID: "u1", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
	const withheld = "withheld"
	tests := []struct {
		name string
		v    any
		want string // what the line shows; withheld for the note
		same bool   // passed on as it is
	}{
		{"an error's key", &notFoundError{u}, withheld, false},
		{"an error's key, a pointer", &notFoundError{&u}, withheld, false},
		{"a wrapper with no Unwrap", &opError{"load", notifyError{u.Email}}, "load: cannot notify ***@example.com", false},
		{"wrapped with %w", fmt.Errorf("get: %w", &notFoundError{u}), withheld, false},
		{"in a struct held by value", causeHolder{state: struct{ detail any }{u}}, withheld, false},
		{"an error printed as JSON", &opError{"load", jsonError{u}}, withheld, false},
		{"a Stringer", lazyJSON{u}, withheld, false},
		{"a struct fmt prints", struct{ key any }{u}, withheld, false},
		{"format arguments", &fmtError{"user %v", []any{u}}, withheld, false},
		{"an embedded base error", embeddedError{baseError{"save", u}, 3}, withheld, false},
		{"in a map", &notFoundError{map[string]any{"who": u}}, withheld, false},
		{"behind a pointer", &ptrHolder{&struct{ detail any }{u}}, withheld, false},
		{"a tagged error's own key", &taggedKeyError{u.Email, u}, withheld, false},
		{"errors with no Unwrap", &unwraplessList{[]error{errors.New("a"), notifyError{u.Email}}}, "a; cannot notify ***@example.com", false},
		{"a value its Error does not print", &quietError{"batch import failed", u}, "batch import failed", false},
		{"many values its Error does not print", &quietError{"batch import failed", batch(5000)}, "batch import failed", false},
		{"a tagged record's own hidden value", eventRecord{User: u, extra: u}, withheld, false},
		{"a tagged record's plain hidden value", eventRecord{User: u, extra: 7}, "{{u1 M. O. ***@example.com +1415555XXXX} 7}", false},
		{"an error, then a wrapper of it", &pairError{notifyError{u.Email}, &fs.PathError{Op: "open", Path: "/x", Err: notifyError{u.Email}}},
			"cannot notify ***@example.com; open /x: cannot notify ***@example.com", false},
		{"a plain key", &notFoundError{"order 42"}, "not found: order 42", true},
		{"a cycle of plain values", &notFoundError{cycle()}, "not found: <cycle>", true},
		{"a wide DAG of plain values", &notFoundError{fan(8)}, "not found: <fan>", true},
		{"a nil wrapper", error((*opError)(nil)), "<nil>", true},
		{"a nil wrapper wrapped", fmt.Errorf("get: %w", (*opError)(nil)), "get: <nil>", true},
		{"a wrapper of a plain error", &opError{"load", errors.New("timeout")}, "load: timeout", true},
		{"a Stringer of a plain value", lazyJSON{map[string]int{"n": 1}}, `{"n":1}`, true},
		{"a Stringer of plain values in interfaces", lazyJSON{map[string]any{"n": 1, "s": "ok"}}, `{"n":1,"s":"ok"}`, true},
		{"a Stringer of a record in an interface", lazyJSON{map[string]any{"u": u}}, withheld, false},
		{"an error's plain values in interfaces", &notFoundError{[]any{"order", 42}}, "not found: [order 42]", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := pii.Default().ForLog(tt.v)
			if tt.same {
				if changed {
					t.Errorf("ForLog changed it: %v", got)
				}
			} else if !changed {
				t.Errorf("ForLog left it as it was: %v", got)
			}
			text := fmt.Sprint(got)
			if tt.want == withheld {
				if !strings.HasPrefix(text, "!PII-REDACTED: ") {
					t.Errorf("ForLog = %q, want it withheld", text)
				}
			} else if diff := cmp.Diff(tt.want, text); diff != "" {
				t.Errorf("ForLog (-want +got):\n%s", diff)
			}
			for _, h := range []func(*bytes.Buffer) slog.Handler{
				func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
				func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
			} {
				var buf bytes.Buffer
				slog.New(pii.NewHandler(h(&buf), nil)).Info("m", "v", tt.v)
				for _, raw := range []string{"Okafor", "2671", "Maria"} {
					if strings.Contains(withoutTime(buf.String()), raw) {
						t.Errorf("%q reached the Handler's line: %s", raw, buf.String())
					}
				}
			}
			if s := pii.Safe(tt.v).String(); strings.Contains(s, "Okafor") {
				t.Errorf("Safe printed %q", s)
			}
		})
	}
}

// jsonError prints what it holds as JSON, a form redaction cannot find in its text.
type jsonError struct{ v any }

func (e jsonError) Error() string {
	b, _ := json.Marshal(e.v)
	return string(b)
}

// fmtError keeps its format and arguments, and formats them when asked.
type fmtError struct {
	format string
	args   []any
}

func (e *fmtError) Error() string { return fmt.Sprintf(e.format, e.args...) }

// baseError is what errors of a package embed.
type baseError struct {
	msg string
	ctx any
}

// embeddedError embeds its base, which holds its context.
type embeddedError struct {
	baseError
	Code int
}

func (e embeddedError) Error() string { return fmt.Sprintf("%s: %v", e.msg, e.ctx) }

// ptrHolder holds its detail behind a pointer.
type ptrHolder struct{ state *struct{ detail any } }

func (e *ptrHolder) Error() string { return fmt.Sprint("bad ", e.state.detail) }

// taggedKeyError is a tagged error that also holds the key it looked up.
type taggedKeyError struct {
	Email string `pii:"email"`
	key   any
}

func (e *taggedKeyError) Error() string { return fmt.Sprintf("bad %s for %v", e.Email, e.key) }

// unwraplessList holds errors and has no Unwrap.
type unwraplessList struct{ errs []error }

func (e *unwraplessList) Error() string {
	var s []string
	for _, err := range e.errs {
		s = append(s, err.Error())
	}
	return strings.Join(s, "; ")
}

// quietError holds a value its Error does not print.
type quietError struct {
	msg string
	v   any
}

func (e *quietError) Error() string { return e.msg }

// peer is a plain value that can point at another.
type peer struct{ next any }

func (*peer) String() string { return "<cycle>" }

// cycle returns two peers that hold each other.
func cycle() any {
	a, b := &peer{}, &peer{}
	a.next, b.next = b, a
	return a
}

// fanNode holds the next level ten times over.
type fanNode struct{ a, b, c, d, e, f, g, h, i, j any }

func (*fanNode) String() string { return "<fan>" }

// fan returns a DAG depth levels deep, each level's node held ten times by the one above:
// a look that kept no record of what it saw would go through 10^depth nodes.
func fan(depth int) any {
	var n any = "leaf"
	for range depth {
		n = &fanNode{n, n, n, n, n, n, n, n, n, n}
	}
	return n
}

// session is a live value with a lock, which other goroutines change.
type session struct {
	mu   sync.Mutex
	User sendUser
	n    int
}

// TestHiddenLiveValue logs an error that holds a live value, while another goroutine
// changes what the error's Error never reads: with the race detector on, no read of it
// is made (the value is never copied or formatted whole).
func TestHiddenLiveValue(t *testing.T) {
	s := &session{User: sendUser{ID: "u1", Email: "maria@example.com"}}
	err := &quietError{"session expired", s}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 1000 {
			s.mu.Lock()
			s.n++
			s.mu.Unlock()
		}
	}()
	for range 100 {
		if got, _ := pii.Default().ForLog(err); fmt.Sprint(got) != "session expired" {
			t.Fatalf("ForLog = %v", got)
		}
	}
	<-done
}

// eventRecord is a tagged record that also keeps a value of its own, unexported.
type eventRecord struct {
	User  sendUser
	extra any
}

// pairError holds two errors, the second a wrapper of one like the first, and prints
// both.
type pairError struct{ a, b error }

func (e *pairError) Error() string { return e.a.Error() + "; " + e.b.Error() }

// batch returns n records, each with its own name, address and number.
func batch(n int) []sendUser {
	us := make([]sendUser, n)
	for i := range us {
		us[i] = sendUser{ID: fmt.Sprint("u", i), Name: fmt.Sprintf("Maria%d Okafor", i),
			Email: fmt.Sprintf("maria%d.okafor@example.com", i), Phone: fmt.Sprintf("+1415555%04d", i)}
	}
	return us
}

// BenchmarkForLogBatchError is a log line's cost for an error that holds a failed batch
// of records its text does not print (behind an unexported field, where only their
// data's absence from the text lets the text through): every record's leaves are
// looked for in the text.
func BenchmarkForLogBatchError(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprint("records=", n), func(b *testing.B) {
			err := &quietError{"batch import failed", batch(n)}
			b.ReportAllocs()
			for b.Loop() {
				if got, _ := pii.Default().ForLog(err); fmt.Sprint(got) != "batch import failed" {
					b.Fatalf("ForLog = %v", got)
				}
			}
		})
	}
}
