package adaptertest

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recorder is a testing.TB that records whether a check failed.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; runtime.Goexit() }

// fails reports whether check fails on a recorder; it runs check on its own goroutine,
// as Fatalf ends it.
func fails(t *testing.T, check func(testing.TB)) bool {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		check(r)
	}()
	<-done
	return r.failed
}

// TestLineChecks checks that each check of a line fails on the lines it is there to
// catch, and only on those.
func TestLineChecks(t *testing.T) {
	redacted := `{"c":{"id":"c1","name":"J. D.","phone":"+1415555XXXX","plan":"premium-plan"}}` + "\n"
	failed := `{"b":"!PII-REDACTION-FAILED: pii: adaptertest.BadTag.Phone: ..."}`
	tests := []struct {
		name  string
		check func(testing.TB)
		want  bool
	}{
		{"NoPII redacted", func(t testing.TB) { NoPII(t, redacted) }, false},
		{"NoPII phone", func(t testing.TB) { NoPII(t, Plan+" "+Phone) }, true},
		{"NoPII national phone", func(t testing.TB) { NoPII(t, Plan+" 4155550123") }, true},
		{"NoPII email", func(t testing.TB) { NoPII(t, Plan+" "+Email) }, true},
		{"NoPII name", func(t testing.TB) { NoPII(t, Plan+" "+Name) }, true},
		{"NoPII no plan", func(t testing.TB) { NoPII(t, `{"c":"J. D."}`) }, true},
		{"ValidJSON", func(t testing.TB) { ValidJSON(t, redacted) }, false},
		{"ValidJSON text", func(t testing.TB) { ValidJSON(t, `level=info c="{c1 J. D.}"`) }, true},
		{"FailedClosed", func(t testing.TB) { FailedClosed(t, failed) }, false},
		{"FailedClosed value", func(t testing.TB) { FailedClosed(t, failed+" 4155550123") }, true},
		{"FailedClosed float", func(t testing.TB) { FailedClosed(t, failed+" 4.155550123e+09") }, true},
		{"FailedClosed no failure", func(t testing.TB) { FailedClosed(t, redacted) }, true},
	}
	for _, tt := range tests {
		if got := fails(t, tt.check); got != tt.want {
			t.Errorf("%s: failed = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestGenCheck checks that Gen.Check fails when a personal value of the message, or its
// JSON escape, is in the output, or when a Not PII one is missing and wanted.
func TestGenCheck(t *testing.T) {
	for g, m := range Messages(20) {
		all, err := json.Marshal(m) //piivet:ignore the raw message is what the check must find
		if err != nil {
			t.Fatal(err)
		}
		public := strings.Join(g.public, " ")
		tests := []struct {
			name       string
			out        string
			wantPublic bool
			want       bool
		}{
			{"whole message", string(all), false, true},
			{"one personal value", public + " " + g.pii[len(g.pii)-1], true, true},
			{"public only", public, true, false},
			{"public lost", "", true, true},
			{"public not wanted", "", false, false},
		}
		for _, tt := range tests {
			if got := fails(t, func(tb testing.TB) { g.Check(tb, tt.name, tt.out, tt.wantPublic) }); got != tt.want {
				t.Errorf("seed %d, %s: failed = %v, want %v", g.seed, tt.name, got, tt.want)
			}
		}
	}
}

// TestGenCheckEscaped checks that Gen.Check finds a personal value as JSON escapes it.
func TestGenCheckEscaped(t *testing.T) {
	g := &Gen{pii: []string{"Jane <jane@example.com>"}}
	if !fails(t, func(tb testing.TB) { g.Check(tb, "escaped", `{"to":"Jane \u003cjane@example.com\u003e"}`, false) }) {
		t.Error("Check passed an output with the escaped value")
	}
}

// TestMessagesRepeat checks that a seed makes the same message every time, so that a
// failure's seed reproduces it.
func TestMessagesRepeat(t *testing.T) {
	var first, second []*Message
	for _, m := range Messages(10) {
		first = append(first, m)
	}
	for _, m := range Messages(10) {
		second = append(second, m)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("Messages differ between runs (-first +second):\n%s", diff)
	}
	if len(first) != 10 {
		t.Errorf("Messages(10) yielded %d messages", len(first))
	}
}
