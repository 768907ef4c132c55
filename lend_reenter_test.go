package pii

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// Lines that borrow copies while other lines of the same type are being written: from
// inside a value's MarshalJSON, from the writer, after a MarshalJSON that panicked, and
// beside Redacted, which makes its copies in the same pool.

// lendNested is a record whose MarshalJSON writes another line, of a record of its own
// type, through the logger it names, before it encodes itself.
type lendNested struct {
	ID    string `pii:"no"`
	Email string `pii:"email"`
	Depth int    `pii:"no"`
	log   *slog.Logger
}

func (n lendNested) MarshalJSON() ([]byte, error) {
	if n.Depth > 0 {
		inner := n
		inner.ID, inner.Depth = n.ID+"/inner", n.Depth-1
		n.log.Info("inner", "rec", inner)
	}
	return json.Marshal(struct{ ID, Email string }{n.ID, n.Email})
}

// lendLines decodes out, lines of JSON, one by one.
func lendLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for sc := bufio.NewScanner(strings.NewReader(out)); sc.Scan(); {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	return lines
}

// TestLentLineInsideLine checks lines written from inside the encoding of a line through the
// same Handler, with records of the same type, two levels down: each shows its own
// record, and no email.
func TestLentLineInsideLine(t *testing.T) {
	var buf bytes.Buffer
	l := slog.New(NewHandler(slog.NewJSONHandler(&buf, nil), nil))
	if !l.Handler().(*Handler).lends {
		t.Fatal("the Handler lends nothing: the test tests nothing")
	}
	for i := range 5 {
		l.Info("outer", "rec", lendNested{ID: fmt.Sprint(i), Email: "jane@example.com", Depth: 2, log: l}, "id", fmt.Sprint(i))
	}
	var got []string
	for _, m := range lendLines(t, buf.String()) {
		rec, _ := m["rec"].(map[string]any)
		got = append(got, fmt.Sprint(m["msg"], " ", rec["ID"], " ", rec["Email"]))
	}
	var want []string
	for i := range 5 {
		want = append(want, fmt.Sprintf("inner %d/inner/inner ***@example.com", i), fmt.Sprintf("inner %d/inner ***@example.com", i), fmt.Sprintf("outer %d ***@example.com", i))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}

// relogWriter writes each line it is given to out, after logging a record of the same
// type as the lines' through another Handler that lends.
type relogWriter struct {
	out   bytes.Buffer
	other *slog.Logger
	n     int
}

func (w *relogWriter) Write(p []byte) (int, error) {
	w.n++
	w.other.Info("from the writer", "rec", lendRecordOf(1, w.n))
	return w.out.Write(p)
}

// TestLentLineFromWriter checks lines written by a writer while it writes a line that
// borrowed copies of the same type: each line shows its own record.
func TestLentLineFromWriter(t *testing.T) {
	var other bytes.Buffer
	w := &relogWriter{other: slog.New(NewHandler(slog.NewJSONHandler(&other, nil), nil))}
	l := slog.New(NewHandler(slog.NewJSONHandler(w, nil), nil))
	for i := range 20 {
		l.Info("line", "rec", lendRecordOf(0, i), "again", lendRecordOf(0, i))
	}
	for _, tc := range []struct {
		out   string
		g     int
		recs  []string
		first int
	}{{w.out.String(), 0, []string{"rec", "again"}, 0}, {other.String(), 1, []string{"rec"}, 1}} {
		lines := lendLines(t, tc.out)
		if len(lines) != 20 {
			t.Fatalf("%d lines, want 20", len(lines))
		}
		for i, m := range lines {
			want := lendRecordOf(tc.g, tc.first+i)
			for _, key := range tc.recs {
				rec, _ := m[key].(map[string]any)
				if rec["ID"] != want.ID || rec["Plan"] != want.Plan || rec["Email"] != "***@example.com" {
					t.Errorf("line %d, %s: %v, want the record %s", i, key, rec, want.ID)
				}
			}
		}
	}
}

// lendPanics is a record whose MarshalJSON panics for some records.
type lendPanics struct {
	ID    string `pii:"no"`
	Email string `pii:"email"`
	Panic bool   `pii:"no"`
}

func (p lendPanics) MarshalJSON() ([]byte, error) {
	if p.Panic {
		panic("marshal " + p.ID)
	}
	return json.Marshal(struct{ ID, Email string }{p.ID, p.Email})
}

// TestLentLineAfterPanic checks lines whose encoding panicked half-way (slog writes the
// panic's value), and the lines after them: each shows its own record.
func TestLentLineAfterPanic(t *testing.T) {
	var buf bytes.Buffer
	l := slog.New(NewHandler(slog.NewJSONHandler(&buf, nil), nil))
	for i := range 20 {
		l.Info("line", "a", lendPanics{ID: fmt.Sprint(i), Email: "jane@example.com"}, "b", lendPanics{ID: fmt.Sprint(i), Email: "jane@example.com", Panic: i%3 == 0})
	}
	for i, m := range lendLines(t, buf.String()) {
		a, _ := m["a"].(map[string]any)
		want := fmt.Sprint(i)
		if a["ID"] != want || a["Email"] != "***@example.com" {
			t.Errorf("line %d, a: %v", i, m["a"])
		}
		if i%3 == 0 {
			if m["b"] != "!PANIC: marshal "+want {
				t.Errorf("line %d, b: %v", i, m["b"])
			}
		} else if b, _ := m["b"].(map[string]any); b["ID"] != want {
			t.Errorf("line %d, b: %v", i, m["b"])
		}
	}
}

// TestLentBesideRedacted checks lent copies and Redacted's copies of one type made at
// once from many goroutines (they share a pool): every copy is its record's, redacted.
func TestLentBesideRedacted(t *testing.T) {
	l := slog.New(NewHandler(slog.NewJSONHandler(io.Discard, nil), nil))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 300 {
				r := lendRecordOf(g, i)
				var got lendRecord
				switch i % 3 {
				case 0:
					red, err := Redacted(nil, r)
					if err != nil {
						t.Error(err)
						return
					}
					l.Info("line", "rec", red) // lent again, from the copy Redacted gave
					got = red
				case 1:
					x, _, lent := loan.ForLog(nil, r, false)
					got = x.(lendRecord)
					lent.Return()
				default:
					var x lendRecord
					if err := json.Unmarshal([]byte(jsonOf(t, Safe(r))), &x); err != nil {
						t.Error(err)
						return
					}
					got = x
				}
				want := r
				want.Name, want.Email = "J. D.", "***@example.com"
				if got != want {
					t.Errorf("goroutine %d, record %d: %+v, want %+v", g, i, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
