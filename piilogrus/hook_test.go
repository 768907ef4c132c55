package piilogrus_test

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piilogrus"
	"github.com/sirupsen/logrus"
)

// The personal data of the tests: none of these may reach a log line.
const (
	phone = "+14155550123"
	email = "jane.doe@example.com"
	name  = "Jane Doe"
	plan  = "premium-plan" // Not PII: must reach the line
)

var markers = []string{phone, "4155550123", email, name}

type Customer struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
	Plan  string `pii:"no" json:"plan"`
}

func customer() Customer {
	return Customer{ID: "c1", Name: name, Email: email, Phone: phone, Plan: plan}
}

// Envelope holds a customer behind an interface and a pointer.
type Envelope struct {
	Kind    string `pii:"no"`
	Payload any
	Owner   *Customer
}

type BadTag struct {
	Phone float64 `pii:"phone"`
}

func newLogger(w io.Writer, f logrus.Formatter, opts ...piilogrus.Option) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(w)
	l.SetFormatter(f)
	l.AddHook(piilogrus.NewHook(nil, opts...))
	return l
}

var formatters = map[string]logrus.Formatter{
	"json": &logrus.JSONFormatter{DisableTimestamp: true},
	"text": &logrus.TextFormatter{DisableTimestamp: true, DisableColors: true},
}

// TestNoPIIReachesOutput logs tagged values through both formatters, directly, behind
// pointers, interfaces, slices and maps, and checks that no phone, email or name
// reaches the line while the Not PII plan does.
func TestNoPIIReachesOutput(t *testing.T) {
	c := customer()
	tests := []struct {
		name string
		log  func(*logrus.Logger)
	}{
		{"WithField", func(l *logrus.Logger) { l.WithField("c", c).Info("m") }},
		{"pointer", func(l *logrus.Logger) { l.WithField("c", &c).Info("m") }},
		{"slice", func(l *logrus.Logger) { l.WithField("c", []Customer{c, c}).Info("m") }},
		{"map", func(l *logrus.Logger) { l.WithField("c", map[string]Customer{"a": c}).Warn("m") }},
		{"interface", func(l *logrus.Logger) { l.WithField("e", Envelope{Kind: "k", Payload: c, Owner: &c}).Error("m") }},
		{"WithFields", func(l *logrus.Logger) { l.WithFields(logrus.Fields{"c": c, "n": 1}).Info("m") }},
		{"entry reused", func(l *logrus.Logger) {
			e := l.WithField("c", c)
			e.Info("m")
			e.WithField("d", &c).Info("m")
		}},
		{"Safe", func(l *logrus.Logger) { l.WithField("c", pii.Safe(c)).Info("m") }},
	}
	for fname, f := range formatters {
		for _, tt := range tests {
			t.Run(fname+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				tt.log(newLogger(&buf, f))
				out := buf.String()
				for _, m := range markers {
					if strings.Contains(out, m) {
						t.Errorf("output holds %q: %s", m, out)
					}
				}
				if !strings.Contains(out, plan) {
					t.Errorf("output lost the Not PII plan: %s", out)
				}
			})
		}
	}
	if c != customer() {
		t.Errorf("the caller's value changed: %+v", c)
	}
}

// TestJSONObject checks that the JSON formatter writes the redacted copy as an object
// with its field names, and leaves the caller's entry as it was.
func TestJSONObject(t *testing.T) {
	var buf bytes.Buffer
	l := newLogger(&buf, formatters["json"])
	c := customer()
	e := l.WithField("c", c)
	e.Info("m")
	var line struct {
		C map[string]string `json:"c"`
	}
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	if line.C["id"] != "c1" || line.C["plan"] != plan || line.C["phone"] == "" || line.C["phone"] == phone {
		t.Errorf("c = %v, want id and plan as they are and a redacted phone", line.C)
	}
	if e.Data["c"] != c {
		t.Errorf("the entry's Data changed: %v", e.Data["c"])
	}
}

// TestBadTagFailsClosed logs a value whose tag is wrong: the line says so, and never
// shows the value.
func TestBadTagFailsClosed(t *testing.T) {
	var buf bytes.Buffer
	newLogger(&buf, formatters["json"]).WithField("b", BadTag{Phone: 4155550123}).Info("m")
	out := buf.String()
	if !strings.Contains(out, "!PII-REDACTION-FAILED: pii: piilogrus_test.BadTag.Phone") || strings.Contains(out, "4155550123") ||
		strings.Contains(out, "4.155550123e+09") {
		t.Errorf("output = %s, want a redaction failure without the value", out)
	}
}

// TestScanStrings hides personal data found in the message and string values, only
// when asked.
func TestScanStrings(t *testing.T) {
	tests := []struct {
		opts     []piilogrus.Option
		wantSeen bool
	}{
		{nil, true},
		{[]piilogrus.Option{piilogrus.ScanStrings()}, false},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		newLogger(&buf, formatters["json"], tt.opts...).WithField("note", "call "+phone).WithField("plan", plan).Info("reply to " + email)
		out := buf.String()
		if got := strings.Contains(out, email) || strings.Contains(out, phone); got != tt.wantSeen {
			t.Errorf("scan %v: personal data seen = %v, want %v: %s", tt.opts != nil, got, tt.wantSeen, out)
		}
		if !strings.Contains(out, plan) {
			t.Errorf("output lost %q: %s", plan, out)
		}
	}
}
