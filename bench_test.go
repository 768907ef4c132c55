package pii_test

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"testing"

	"github.com/ef8f9424/pii"
)

// Wide is a 20-field type for the plan benchmarks.
type Wide struct {
	A, B, C, D, E string `pii:"no"`
	F, G, H, I, J string `pii:"phone,mtl=120"`
	K, L, M, N, O string `pii:"email,mtl=30"`
	P, Q, R, S, T string
}

func BenchmarkClassifyCached(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pii.Classify(Wide{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanBuild measures the first use of a type: every iteration makes a new one.
func BenchmarkPlanBuild(b *testing.B) {
	b.ReportAllocs()
	fields := make([]reflect.StructField, 20)
	for i := range fields {
		fields[i] = reflect.StructField{Type: reflect.TypeFor[string](), Tag: `pii:"phone,mtl=120"`}
	}
	i := 0
	for b.Loop() {
		i++
		for j := range fields {
			fields[j].Name = fmt.Sprintf("F%d_%d", i, j)
		}
		if _, err := pii.Classify(reflect.StructOf(fields)); err != nil {
			b.Fatal(err)
		}
	}
}

// Record is the 8-field struct of the redaction benchmarks (and of benchmarks/).
type Record struct {
	Name   string   `pii:"name"`
	Phone  string   `pii:"phone"`
	Email  string   `pii:"email"`
	Body   string   `pii:"body"`
	IP     string   `pii:"ip"`
	Phones []string `pii:"phone"`
	Home   *Home
	ID     string `pii:"no"`
}

type Home struct {
	Street string `pii:"address"`
	Postal string `pii:"postal"`
}

func newRecord() Record {
	return Record{
		Name: "Jane Doe", Phone: "+14155551234", Email: "jane.doe@example.com",
		Body: "See you at 5", IP: "203.0.113.42",
		Phones: []string{"+14155550000", "+442079460958"},
		Home:   &Home{Street: "1 Main St", Postal: "94105"}, ID: "RC123",
	}
}

func BenchmarkRedactInPlace(b *testing.B) {
	b.ReportAllocs()
	src := newRecord()
	r := src
	phones := make([]string, 2)
	home := *src.Home
	for b.Loop() {
		// Restore the fields by assignment (no allocation) so each pass has work to do.
		r = src
		copy(phones, src.Phones)
		r.Phones = phones
		home = *src.Home
		r.Home = &home
		if err := pii.Redact(&r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRedacted(b *testing.B) {
	b.ReportAllocs()
	r := newRecord()
	for b.Loop() {
		if _, err := pii.Redacted(nil, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogLine compares a JSON log line carrying the record without and with the
// handler, in one run.
func BenchmarkLogLine(b *testing.B) {
	r := newRecord()
	for _, bc := range []struct {
		name string
		h    slog.Handler
	}{
		{"slog", slog.NewJSONHandler(io.Discard, nil)},
		{"pii", pii.NewHandler(slog.NewJSONHandler(io.Discard, nil), nil)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			logger := slog.New(bc.h)
			for b.Loop() {
				logger.Info("sent", "record", r)
			}
		})
	}
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("sent", "record", r)
	if bytes.Contains(buf.Bytes(), []byte("Jane")) {
		b.Fatalf("benchmark line leaks: %s", buf.Bytes())
	}
}

// BenchmarkForLog is what the zap, logrus and zerolog adapters pay per tagged value: a
// five-field customer, two fields of it not personal data.
func BenchmarkForLog(b *testing.B) {
	type customer struct {
		ID    string `pii:"no"`
		Name  string `pii:"name"`
		Email string `pii:"email"`
		Phone string `pii:"phone"`
		Plan  string `pii:"no"`
	}
	c := customer{ID: "c1", Name: "Jane Doe", Email: "jane@example.com", Phone: "+14155552671", Plan: "pro"}
	p, err := pii.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, changed := p.ForLog(c); !changed {
			b.Fatal("nothing redacted")
		}
	}
}
