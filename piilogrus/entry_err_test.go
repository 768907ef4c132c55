package piilogrus

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
)

// TestEntryErrLearned fails when logrus's Entry changes its layout: the text of the
// fields it refuses (logrus_error) is then no longer scanned (see entry_err.go).
func TestEntryErrLearned(t *testing.T) {
	if !entryErrKnown {
		t.Fatal("logrus.Entry's err field was not found")
	}
}

// TestEntryErrScanned checks that with ScanStrings the key of a field logrus refuses,
// which it writes in logrus_error, is scanned as Data's keys are, by the hook and by the
// formatter; without ScanStrings the line is logrus's own.
func TestEntryErrScanned(t *testing.T) {
	const key = "jane.doe@example.com"
	setups := map[string]func(l *logrus.Logger, opts ...Option){
		"hook": func(l *logrus.Logger, opts ...Option) {
			l.AddHook(NewHook(nil, opts...))
			l.SetFormatter(&logrus.JSONFormatter{DisableTimestamp: true})
		},
		"formatter": func(l *logrus.Logger, opts ...Option) {
			l.SetFormatter(NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, nil, opts...))
		},
	}
	line := func(setup func(*logrus.Logger, ...Option), opts ...Option) string {
		var buf bytes.Buffer
		l := logrus.New()
		l.SetOutput(&buf)
		setup(l, opts...)
		l.WithField(key, func() {}).WithField("n", 1).Info("m")
		return buf.String()
	}
	for name, setup := range setups {
		t.Run(name, func(t *testing.T) {
			want := `{"level":"info","logrus_error":"can not add field \"***@example.com\"","msg":"m","n":1}` + "\n"
			if diff := cmp.Diff(want, line(setup, ScanStrings())); diff != "" {
				t.Errorf("with ScanStrings (-want +got):\n%s", diff)
			}
			want = `{"level":"info","logrus_error":"can not add field \"` + key + `\"","msg":"m","n":1}` + "\n"
			if diff := cmp.Diff(want, line(setup)); diff != "" {
				t.Errorf("without ScanStrings (-want +got):\n%s", diff)
			}
		})
	}
}
