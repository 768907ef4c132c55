//go:build !race

package pii

import (
	"testing"
	"time"
)

// TestRetentionAllocs checks the performance promise: a schedule allocates only its Fields
// slice, and GoneBy allocates nothing. (Not run under the race detector, which allocates.)
func TestRetentionAllocs(t *testing.T) {
	fields := retentionFields20()
	created := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	cfg := retentionDefaultConfig()
	s, err := retentionSchedule(fields, created, cfg)
	if err != nil {
		t.Fatal(err)
	}
	requested := created.AddDate(0, 0, 45)
	tests := []struct {
		name string
		max  float64
		f    func()
	}{
		{"schedule", 1, func() { _, _ = retentionSchedule(fields, created, cfg) }},
		{"GoneBy", 0, func() { _, _ = s.GoneBy(requested) }},
		{"DeletionPlan", 1, func() { _, _ = s.DeletionPlan(requested) }},
		{"EarliestPurge", 0, func() { _, _ = s.EarliestPurge() }},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, tt.f); got > tt.max {
			t.Errorf("%s: %v allocations, want at most %v", tt.name, got, tt.max)
		}
	}
}
