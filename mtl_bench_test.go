package pii

import (
	"fmt"
	"testing"
	"time"
)

// retentionFields20 returns the fields of a 20-field type: 14 PII fields with various MTLs
// and TTLs, 4 Not PII and 2 Untagged.
func retentionFields20() []Field {
	fields := make([]Field, 0, 20)
	for i := range 20 {
		f := Field{Path: fmt.Sprintf("F%02d", i), Class: PII, Kind: Kind(1 + i%int(numKinds-1)), MTL: 30 * (i % 5), TTL: 0}
		switch {
		case i%5 == 4:
			f.Class, f.Kind, f.MTL = NotPII, KindNone, 0
		case i%10 == 7:
			f.Class, f.Kind, f.MTL = Untagged, KindNone, 0
		case i%3 == 0:
			f.TTL = f.MTL + 365
		}
		fields = append(fields, f)
	}
	return fields
}

func BenchmarkRetentionSchedule20(b *testing.B) {
	fields := retentionFields20()
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	cfg := retentionDefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := retentionSchedule(fields, created, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRetentionGoneBy20(b *testing.B) {
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	s, err := retentionSchedule(retentionFields20(), created, retentionDefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	requested := created.AddDate(0, 0, 45)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.GoneBy(requested); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRetentionDeletionPlan20(b *testing.B) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		b.Skip(err)
	}
	created := time.Date(2026, time.March, 1, 10, 0, 0, 0, ny)
	s, err := retentionSchedule(retentionFields20(), created, retentionDefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	s = s.WithHold(Hold{Placed: created.AddDate(0, 0, 3), Lifted: created.AddDate(0, 0, 9)})
	requested := created.AddDate(0, 0, 45)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.DeletionPlan(requested); err != nil {
			b.Fatal(err)
		}
	}
}
