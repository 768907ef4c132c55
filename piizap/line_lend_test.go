package piizap_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/buffer"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// The cases where a core over zapcore.NewCore's lends its copies, or must not, looked at
// from the outside: what a core that keeps its fields keeps, what a line written from
// inside another line shows, and lines written lent and unlent side by side.

// customerOf is the tests' customer with an ID and a plan of its own.
func customerOf(i int) Customer {
	c := customer()
	c.ID, c.Plan = fmt.Sprintf("c%d", i), fmt.Sprintf("p%d", i)
	return c
}

// keptFields logs customers every way a lent copy could reach a core (zap.Any of the
// struct, zap.Object and zap.Inline of a marshaler, zap.Error and zap.Stringer of
// structs) and returns what each line's fields show when read after every line was
// written, with the marshalers run then.
func keptFields(t *testing.T, l *zap.Logger, entries func() [][]zapcore.Field) {
	t.Helper()
	const lines = 20
	for i := range lines {
		c := customerOf(i)
		l.Info("m", zap.Any("any", adaptertest.Customer(c)), zap.Object("obj", c), zap.Inline(c),
			zap.Error(adaptertest.PhoneError{Phone: c.Phone, Plan: c.Plan}), zap.Stringer("str", stringCustomer(c)))
	}
	got := entries()
	if len(got) != lines {
		t.Fatalf("%d lines kept, want %d", len(got), lines)
	}
	for i, fields := range got {
		enc := zapcore.NewMapObjectEncoder()
		for _, f := range fields {
			f.AddTo(enc)
		}
		text := fmt.Sprint(enc.Fields)
		// The plan shows in each of the five fields, and no other customer's.
		plans := regexp.MustCompile(`\bp[0-9]+\b`).FindAllString(text, -1)
		if want := customerOf(i).Plan; !cmp.Equal(plans, []string{want, want, want, want, want}) {
			t.Errorf("line %d, kept and read after the others, shows %s", i, text)
		}
		for _, m := range adaptertest.Markers {
			if strings.Contains(text, m) {
				t.Errorf("line %d holds %q: %s", i, m, text)
			}
		}
	}
}

// stringCustomer is a customer that zap writes with its String method.
type stringCustomer Customer

func (c stringCustomer) String() string { return c.Plan + " " + c.Phone }

// TestObserverKeepsItsLines checks that a core that keeps its entries (zaptest's
// observer), inside this one alone or teed with one zapcore.NewCore made, is lent no
// copy: each line kept shows its own customer when read after the others were written.
func TestObserverKeepsItsLines(t *testing.T) {
	t.Run("observer", func(t *testing.T) {
		obs, logs := observer.New(zapcore.DebugLevel)
		keptFields(t, zap.New(piizap.NewCore(obs, nil)), func() [][]zapcore.Field {
			var out [][]zapcore.Field
			for _, e := range logs.All() {
				out = append(out, e.Context)
			}
			return out
		})
	})
	t.Run("teed", func(t *testing.T) {
		obs, logs := observer.New(zapcore.DebugLevel)
		var buf bytes.Buffer
		tee := zapcore.NewTee(zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{}), zapcore.AddSync(&buf), zapcore.DebugLevel), obs)
		keptFields(t, zap.New(piizap.NewCore(tee, nil)), func() [][]zapcore.Field {
			var out [][]zapcore.Field
			for _, e := range logs.All() {
				out = append(out, e.Context)
			}
			return out
		})
	})
}

// keepingEncoder is an encoder that keeps each entry's fields, as one that sends lines
// in batches, encoding them later, would.
type keepingEncoder struct {
	zapcore.Encoder
	kept *[][]zapcore.Field
}

func (e keepingEncoder) Clone() zapcore.Encoder { return keepingEncoder{e.Encoder.Clone(), e.kept} }

func (e keepingEncoder) EncodeEntry(ent zapcore.Entry, fields []zapcore.Field) (*buffer.Buffer, error) {
	*e.kept = append(*e.kept, fields)
	return e.Encoder.EncodeEntry(ent, fields)
}

// TestKeepingEncoderKeepsItsLines checks that an encoder of its own given to
// zapcore.NewCore, which may keep what it is given, is lent no copy: zap's own encoders
// write fields at once, another need not.
func TestKeepingEncoderKeepsItsLines(t *testing.T) {
	var kept [][]zapcore.Field
	enc := keepingEncoder{zapcore.NewJSONEncoder(zapcore.EncoderConfig{}), &kept}
	core := zapcore.NewCore(enc, zapcore.AddSync(&bytes.Buffer{}), zapcore.DebugLevel)
	keptFields(t, zap.New(piizap.NewCore(core, nil)), func() [][]zapcore.Field { return kept })
}

// relogger is a customer whose MarshalLogObject writes a line of another customer
// through the same logger, from inside the line that logs it.
type relogger struct {
	Customer
	l **zap.Logger
}

func (r relogger) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	inner := r.Customer
	inner.Plan += "-inner"
	(*r.l).Info("inner", zap.Any("c", adaptertest.Customer(inner)), zap.Object("o", inner))
	return r.Customer.MarshalLogObject(enc)
}

// TestLineInsideLine checks a line written from inside the encoding of another, through
// the same core, with values of the same types: each line shows its own customer.
func TestLineInsideLine(t *testing.T) {
	var buf bytes.Buffer
	l := newLogger(&buf, nil)
	for i := range 10 {
		c := customerOf(i)
		l.Info("outer", zap.Any("c", adaptertest.Customer(c)), zap.Object("o", relogger{c, &l}), zap.Object("o2", c))
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 20 {
		t.Fatalf("%d lines, want 20:\n%s", len(lines), buf.String())
	}
	for i := range 10 {
		plan := customerOf(i).Plan
		inner, outer := lines[2*i], lines[2*i+1]
		if got := strings.Count(inner, `"`+plan+`-inner"`); got != 2 || strings.Count(inner, `"`+plan+`"`) != 0 {
			t.Errorf("inner line %d: %s", i, inner)
		}
		if got := strings.Count(outer, `"`+plan+`"`); got != 3 || strings.Contains(outer, "-inner") {
			t.Errorf("outer line %d: %s", i, outer)
		}
		for _, m := range adaptertest.Markers {
			if strings.Contains(inner+outer, m) {
				t.Errorf("lines %d hold %q", i, m)
			}
		}
	}
}

// otherCore is zapcore.NewCore's core under another type: a core over it lends nothing.
type otherCore struct{ zapcore.Core }

func (c otherCore) With(fs []zapcore.Field) zapcore.Core { return otherCore{c.Core.With(fs)} }

// TestLentLinesAreUnlentLines writes random messages every way zap takes them through a
// core over zapcore.NewCore's, which lends, and through one over the same core under
// another type, which does not: the lines are the same.
func TestLentLinesAreUnlentLines(t *testing.T) {
	newCore := func(buf *bytes.Buffer) zapcore.Core {
		enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
		return zapcore.NewCore(enc, zapcore.AddSync(buf), zapcore.DebugLevel)
	}
	for _, scan := range []bool{false, true} {
		var opts []piizap.Option
		if scan {
			opts = append(opts, piizap.ScanStrings())
		}
		var lentBuf, ownBuf bytes.Buffer
		lent := zap.New(piizap.NewCore(newCore(&lentBuf), nil, opts...))
		own := zap.New(piizap.NewCore(otherCore{newCore(&ownBuf)}, nil, opts...))
		for g, m := range adaptertest.Messages(300) {
			_ = g
			c := Customer{ID: m.SID, Name: m.Author, Phone: m.From, Plan: m.Body}
			fields := []zap.Field{
				zap.Any("any", *m), zap.Reflect("ref", *m), zap.Any("ptr", m), zap.Object("obj", c), zap.Inline(c),
				zap.Error(adaptertest.PhoneError{Phone: m.From, Plan: m.SID}), zap.Stringer("str", stringCustomer(c)),
				zap.Any("again", *m), zap.Dict("d", zap.Any("m", *m)), zap.Array("cs", Customers{c, c}),
				zap.Any("meta", m.Meta), piizap.Object("pobj", m), piizap.Object("pval", *m),
				zap.Any("safe", pii.Safe(*m)), zap.Stringer("safestr", pii.Safe(m)), zap.Objects("os", []Customer{c, c}),
			}
			for _, l := range []*zap.Logger{lent, own} {
				l.Info("m", fields...)
				l.Info("m", fields...)
			}
		}
		if diff := cmp.Diff(ownBuf.String(), lentBuf.String()); diff != "" {
			t.Errorf("scan %v: lent lines differ (-unlent +lent):\n%s", scan, diff)
		}
	}
}

// addrEncoder is a zapcore.ReflectedEncoder that notes where each value it encodes
// lives, to tell a lent copy (made where an earlier line's was) from one of its own.
type addrEncoder struct {
	*json.Encoder
	seen map[unsafe.Pointer]int
}

func (e addrEncoder) Encode(v any) error {
	e.seen[(*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]]++
	return e.Encoder.Encode(v)
}

// TestZapEncodersLend checks that a core over zapcore.NewCore with zap's JSON or console
// encoder, and its With children, lend their copies: some line's copy is made where an
// earlier line's was. (The race detector drops some of what is put in a pool, not all.)
func TestZapEncodersLend(t *testing.T) {
	for _, newEnc := range []func(zapcore.EncoderConfig) zapcore.Encoder{zapcore.NewJSONEncoder, zapcore.NewConsoleEncoder} {
		seen := map[unsafe.Pointer]int{}
		cfg := zapcore.EncoderConfig{MessageKey: "msg", NewReflectedEncoder: func(w io.Writer) zapcore.ReflectedEncoder {
			return addrEncoder{json.NewEncoder(w), seen}
		}}
		core := zapcore.NewCore(newEnc(cfg), zapcore.AddSync(io.Discard), zapcore.DebugLevel)
		l := zap.New(piizap.NewCore(core, nil)).With(zap.String("with", "w"))
		for i := range 50 {
			l.Info("m", zap.Any("c", adaptertest.Customer(customerOf(i))))
		}
		reused := 0
		for _, n := range seen {
			reused += n - 1
		}
		if reused == 0 {
			t.Errorf("%T: no copy was made where another was: nothing was lent", newEnc(cfg))
		}
	}
}

// panicking is a customer whose MarshalJSON panics when Panic is set.
type panicking struct {
	adaptertest.Customer
	Panic bool `pii:"no"`
}

func (p panicking) MarshalJSON() ([]byte, error) {
	if p.Panic {
		panic("marshal " + p.ID)
	}
	return json.Marshal(p.Customer)
}

// plainPanicking is an untagged value whose MarshalJSON panics when Panic is set: it is
// handed to zap as it is (only a tagged value's copy is guarded, see internal/guard), so
// zap's encoder panics half-way through its line, as it does without NewCore.
type plainPanicking struct {
	Plan  string
	Panic bool
}

func (p plainPanicking) MarshalJSON() ([]byte, error) {
	if p.Panic {
		panic("marshal " + p.Plan)
	}
	return json.Marshal(p.Plan)
}

// TestLentLineAfterPanic checks lines after one whose encoding panicked half-way (zap
// lets the panic through to the caller, with the line's copies not given back): each
// shows its own customer. A tagged value whose MarshalJSON panics on its copy is
// written as the failure note instead: its line is whole.
func TestLentLineAfterPanic(t *testing.T) {
	var buf bytes.Buffer
	l := newLogger(&buf, nil)
	for i := range 20 {
		c := adaptertest.Customer(customerOf(i))
		func() {
			defer func() {
				if r := recover(); r != nil && i%3 != 0 {
					t.Errorf("line %d: %v", i, r)
				}
			}()
			l.Info("m", zap.Any("a", panicking{c, false}), zap.Any("b", plainPanicking{c.Plan, i%3 == 0}), zap.String("line", c.Plan))
		}()
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	plans := regexp.MustCompile(`\bp[0-9]+\b`)
	n := 0
	for _, line := range lines {
		if !strings.HasPrefix(line, "{") {
			continue // what zap wrote of a line that panicked, if anything
		}
		n++
		got := plans.FindAllString(line, -1)
		if diff := cmp.Diff(slices.Repeat(got[len(got)-1:], 3), got); diff != "" {
			t.Errorf("line %s shows another line's customer (-want +got):\n%s", line, diff)
		}
	}
	if n != 13 {
		t.Errorf("%d whole lines, want 13:\n%s", n, buf.String())
	}
	buf.Reset()
	l.Info("m", zap.Any("b", panicking{adaptertest.Customer(customerOf(0)), true}))
	want := `{"level":"info","msg":"m","b":"!PII-REDACTION-FAILED: pii: piizap_test.panicking: a method of the value panicked while it was written"}` + "\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("a tagged value whose MarshalJSON panics (-want +got):\n%s", diff)
	}
}

// TestLentDirectWrite checks lines written by calling the core's Write, as code that
// writes to a core without a logger does, after Check or without it: the same lines as
// a logger writes.
func TestLentDirectWrite(t *testing.T) {
	var viaLogger, direct bytes.Buffer
	newLogger(&viaLogger, nil).Info("m", zap.Any("c", adaptertest.Customer(customerOf(0))), zap.Object("o", customerOf(0)))
	core := newLogger(&direct, nil).Core()
	for i := range 3 {
		c := customerOf(i)
		e := zapcore.Entry{Level: zapcore.InfoLevel, Message: "m"}
		fields := []zapcore.Field{zap.Any("c", adaptertest.Customer(c)), zap.Object("o", c)}
		if i%2 == 1 {
			if ce := core.Check(e, nil); ce != nil {
				ce.Write(fields...)
				continue
			}
			t.Fatal("the core takes no info line")
		}
		if err := core.Write(e, fields); err != nil {
			t.Fatal(err)
		}
	}
	var want string
	for i := range 3 {
		want += strings.NewReplacer(`"p0"`, fmt.Sprintf(`"p%d"`, i), `"c0"`, fmt.Sprintf(`"c%d"`, i)).Replace(viaLogger.String())
	}
	if diff := cmp.Diff(want, direct.String()); diff != "" {
		t.Errorf("lines written directly (-via a logger +direct):\n%s", diff)
	}
}

// TestLentLinesAreUnlentLinesConcurrently is TestLentLinesAreUnlentLines with the lines
// written from several goroutines at once (run with -race): the lent core writes the
// lines the unlent one writes, in some order.
func TestLentLinesAreUnlentLinesConcurrently(t *testing.T) {
	var msgs []*adaptertest.Message
	for _, m := range adaptertest.Messages(400) {
		msgs = append(msgs, m)
	}
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	var lentBuf, ownBuf adaptertest.LockedWriter
	lent := zap.New(piizap.NewCore(zapcore.NewCore(enc, zapcore.AddSync(&lentBuf), zapcore.DebugLevel), nil))
	own := zap.New(piizap.NewCore(otherCore{zapcore.NewCore(enc, zapcore.AddSync(&ownBuf), zapcore.DebugLevel)}, nil))
	const goroutines = 4
	for _, l := range []*zap.Logger{lent, own} {
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Go(func() {
				for i := g; i < len(msgs); i += goroutines {
					m := msgs[i]
					c := Customer{ID: m.SID, Name: m.Author, Phone: m.From, Plan: m.Body}
					l.Info("m", zap.Any("any", *m), zap.Object("obj", c), zap.Inline(c), zap.Any("meta", m.Meta), zap.Any("again", *m))
				}
			})
		}
		wg.Wait()
	}
	sorted := func(b *adaptertest.LockedWriter) []string {
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		slices.Sort(lines)
		return lines
	}
	if diff := cmp.Diff(sorted(&ownBuf), sorted(&lentBuf)); diff != "" {
		t.Errorf("lent lines differ (-unlent +lent):\n%s", diff)
	}
}
