package piizap_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// panicCore is a core whose Write panics while panics is set.
type panicCore struct {
	zapcore.Core
	panics *bool
}

func (p panicCore) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if p.Enabled(e.Level) {
		return ce.AddCore(e, p)
	}
	return ce
}

func (p panicCore) Write(e zapcore.Entry, fs []zapcore.Field) error {
	if *p.panics {
		panic("core failed")
	}
	return p.Core.Write(e, fs)
}

func jsonCore(buf *bytes.Buffer, lvl zapcore.Level) zapcore.Core {
	return zapcore.NewCore(zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"}), zapcore.AddSync(buf), lvl)
}

func recovered(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// TestCheckPaths logs through the cores Check hands out in the ways zap may use them.
func TestCheckPaths(t *testing.T) {
	c := adaptertest.NewCustomer()
	line := func(msg string) string { return `{"msg":"` + msg + `","c":` + redactedCustomer + "}\n" }
	tests := []struct {
		name string
		// run logs to buf and returns what else it has to show (another core's lines,
		// the error output) and what it recovered.
		run   func(buf *bytes.Buffer) (string, any)
		want  string
		extra string
		rec   any
	}{
		{"Panic then a line", func(buf *bytes.Buffer) (string, any) {
			l := zap.New(piizap.NewCore(zapcore.NewTee(jsonCore(buf, zapcore.DebugLevel)), nil))
			r := recovered(func() { l.Panic("p", zap.Any("c", c)) })
			l.Info("i", zap.Any("c", c))
			return "", r
		}, line("p") + line("i"), "", "p"},
		{"Fatal hook panics", func(buf *bytes.Buffer) (string, any) {
			l := zap.New(piizap.NewCore(zapcore.NewTee(jsonCore(buf, zapcore.DebugLevel)), nil), zap.WithFatalHook(zapcore.WriteThenPanic))
			r := recovered(func() { l.Fatal("f", zap.Any("c", c)) })
			l.Info("i", zap.Any("c", c))
			return "", r
		}, line("f") + line("i"), "", "f"},
		{"Fatal hook, direct core", func(buf *bytes.Buffer) (string, any) {
			l := zap.New(piizap.NewCore(jsonCore(buf, zapcore.DebugLevel), nil), zap.WithFatalHook(zapcore.WriteThenPanic))
			r := recovered(func() { l.Fatal("f", zap.Any("c", c)) })
			return "", r
		}, line("f"), "", "f"},
		{"core panics, then a line", func(buf *bytes.Buffer) (string, any) {
			panics := true
			l := zap.New(piizap.NewCore(panicCore{jsonCore(buf, zapcore.DebugLevel), &panics}, nil))
			r := recovered(func() { l.Info("lost", zap.Any("c", c)) })
			panics = false
			l.Info("i", zap.Any("c", c))
			return "", r
		}, line("i"), "", "core failed"},
		{"tee of a direct core and a sampler", func(buf *bytes.Buffer) (string, any) {
			var sampled bytes.Buffer
			l := zap.New(piizap.NewCore(zapcore.NewTee(
				jsonCore(buf, zapcore.DebugLevel),
				zapcore.NewSamplerWithOptions(jsonCore(&sampled, zapcore.DebugLevel), 1<<40, 1, 1<<30),
			), nil))
			l.Info("a", zap.Any("c", c))
			l.Info("a", zap.Any("c", c))
			return sampled.String(), nil
		}, line("a") + line("a"), line("a"), nil},
		{"nested", func(buf *bytes.Buffer) (string, any) {
			l := zap.New(piizap.NewCore(piizap.NewCore(jsonCore(buf, zapcore.DebugLevel), nil), nil))
			l.Info("a", zap.Any("c", c))
			l.With(zap.Any("c", c)).Info("w")
			return "", nil
		}, line("a") + line("w"), "", nil},
		{"With on a tee", func(buf *bytes.Buffer) (string, any) {
			var errs bytes.Buffer
			l := zap.New(piizap.NewCore(zapcore.NewTee(jsonCore(buf, zapcore.DebugLevel), jsonCore(&errs, zapcore.ErrorLevel)), nil))
			l = l.With(zap.Any("c", c))
			l.Info("i")
			l.Error("e")
			return errs.String(), nil
		}, line("i") + line("e"), line("e"), nil},
		{"checked, never written", func(buf *bytes.Buffer) (string, any) {
			l := zap.New(piizap.NewCore(zapcore.NewTee(jsonCore(buf, zapcore.DebugLevel)), nil))
			for range 100 {
				_ = l.Check(zap.InfoLevel, "dropped")
			}
			l.Info("i", zap.Any("c", c))
			return "", nil
		}, line("i"), "", nil},
		{"written twice", func(buf *bytes.Buffer) (string, any) {
			var errOut bytes.Buffer
			l := zap.New(piizap.NewCore(zapcore.NewTee(jsonCore(buf, zapcore.DebugLevel)), nil), zap.ErrorOutput(zapcore.AddSync(&errOut)))
			ce := l.Check(zap.InfoLevel, "once")
			ce.Write(zap.Any("c", c))
			ce.Write(zap.Any("c", c))
			l.Info("i", zap.Any("c", c))
			if strings.Count(errOut.String(), "Unsafe CheckedEntry re-use") == 1 {
				return "re-use reported", nil
			}
			return errOut.String(), nil
		}, line("once") + line("i"), "re-use reported", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			extra, rec := tt.run(&buf)
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.extra, extra); diff != "" {
				t.Errorf("other output (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.rec, rec); diff != "" {
				t.Errorf("recovered (-want +got):\n%s", diff)
			}
		})
	}
}

// errCore takes every entry and fails to write it with err.
type errCore struct {
	zapcore.Core
	err error
}

func (c errCore) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	return ce.AddCore(e, c)
}
func (c errCore) Write(zapcore.Entry, []zapcore.Field) error { return c.err }
func (errCore) Enabled(zapcore.Level) bool                   { return true }
func (c errCore) With([]zapcore.Field) zapcore.Core          { return c }

// TestWriteErrors writes to cores that fail, alone and teed, with errors of several
// lines or that quote zap's own words: the logger's error output says what they said,
// once, as without the redacting core.
func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		errs []error
	}{
		{"none", nil},
		{"one", []error{errors.New("disk full")}},
		{"two", []error{errors.New("disk full"), errors.New("pipe closed")}},
		{"lines", []error{errors.New("disk\nfull\n")}},
		{"zap's words", []error{errors.New("2026 write error: x write error: y")}},
		{"empty text", []error{errors.New("")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outputs := make([]string, 2)
			for i, redact := range []bool{false, true} {
				var cores []zapcore.Core
				for _, err := range tt.errs {
					cores = append(cores, errCore{zapcore.NewNopCore(), err})
				}
				var core zapcore.Core = zapcore.NewTee(cores...)
				if redact {
					core = piizap.NewCore(core, nil)
				}
				var errOut bytes.Buffer
				l := zap.New(core, zap.ErrorOutput(zapcore.AddSync(&errOut)), zap.WithClock(fixedClock{}))
				l.Info("m")
				outputs[i] = errOut.String()
			}
			if diff := cmp.Diff(outputs[0], outputs[1]); diff != "" {
				t.Errorf("error output (-zap +piizap):\n%s", diff)
			}
		})
	}
}

// fixedClock is a zapcore.Clock that always says the same time.
type fixedClock struct{}

func (fixedClock) Now() time.Time                         { return time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC) }
func (fixedClock) NewTicker(d time.Duration) *time.Ticker { return time.NewTicker(d) }

// TestConcurrentThroughCheck logs from many goroutines through a tee of a core, a
// sampler and a core that fails (run with -race): the writers Check hands out, and the
// errors they collect, are each one line's own; every line is redacted and whole, and
// every failure reported.
func TestConcurrentThroughCheck(t *testing.T) {
	var buf, errOut adaptertest.LockedWriter
	enc := zapcore.NewJSONEncoder(zapcore.EncoderConfig{MessageKey: "msg"})
	tee := zapcore.NewTee(
		zapcore.NewCore(enc, zapcore.AddSync(&buf), zapcore.DebugLevel),
		zapcore.NewSamplerWithOptions(zapcore.NewCore(enc, zapcore.AddSync(&buf), zapcore.DebugLevel), 1<<40, 1<<40, 1),
		errCore{zapcore.NewNopCore(), errors.New("disk full")},
	)
	l := zap.New(piizap.NewCore(tee, nil, piizap.ScanStrings()), zap.ErrorOutput(zapcore.AddSync(&errOut)))
	c := adaptertest.NewCustomer()
	w := l.With(zap.Any("owner", &c))
	inParallel(func() {
		w.Info("m", zap.Any("c", c), zap.Object("id", customerID(1)))
	})
	adaptertest.WholeLines(t, buf.String(), parallelLines*2)
	if got, want := strings.Count(errOut.String(), " write error: disk full\n"), parallelLines; got != want {
		t.Errorf("%d write errors reported, want %d", got, want)
	}
}

// TestNilValueReceiverAsZap logs a nil *Customer, whose MarshalLogObject has a value
// receiver, through zap alone and through NewCore: zap panics on it, and the core panics
// the same way (it neither hides the mistake nor makes another).
func TestNilValueReceiverAsZap(t *testing.T) {
	for _, f := range []zapcore.Field{zap.Object("n", (*Customer)(nil)), zap.Inline((*Customer)(nil))} {
		var got [2]string
		for i, redact := range []bool{false, true} {
			var buf bytes.Buffer
			var core zapcore.Core = jsonCore(&buf, zapcore.DebugLevel)
			if redact {
				core = piizap.NewCore(core, nil)
			}
			got[i] = fmt.Sprint(recovered(func() { zap.New(core).Info("m", f) }))
		}
		if got[0] == "<nil>" {
			t.Fatalf("zap did not panic on %v", f.Type)
		}
		if diff := cmp.Diff(got[0], got[1]); diff != "" {
			t.Errorf("%v: panic (-zap +piizap):\n%s", f.Type, diff)
		}
	}
}

// goroutines and lines are how many goroutines the concurrency tests log from, and how
// many lines each logs; parallelLines is the lines they log in all.
const goroutines, lines, parallelLines = 8, 50, 8 * 50

// inParallel runs logLine lines times in each of goroutines goroutines at once.
func inParallel(logLine func()) {
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range lines {
				logLine()
			}
		})
	}
	wg.Wait()
}
