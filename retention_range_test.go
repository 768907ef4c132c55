package pii

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// Times far outside any calendar a service keeps (years before 1 or after 9999) are refused
// with ErrTimeRange: near the limits of time.Time, adding an MTL wraps the deadline into the
// past, and a purge would then delete a field inside its minimum time to live.
func TestRetentionTimeRange(t *testing.T) {
	type rec struct {
		Phone string `pii:"phone,mtl=30,ttl=60"`
	}
	nearMax := time.Unix(1<<63-1-62135596800-10*86400, 0) // ten days before time.Time's last second
	farPast := time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC)
	ok := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
	typ := reflect.TypeOf(rec{})

	t.Run("ScheduleOf", func(t *testing.T) {
		for _, created := range []time.Time{nearMax, farPast, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
			if _, err := ScheduleOf(typ, created); !errors.Is(err, ErrTimeRange) {
				t.Errorf("ScheduleOf(created %v) error = %v, want ErrTimeRange", created, err)
			}
		}
		s, err := ScheduleOf(typ, last)
		if err != nil {
			t.Fatalf("ScheduleOf(created %v): %v", last, err)
		}
		if !s.Fields[0].HeldUntil.After(last) || !s.Fields[0].PurgeAfter.After(s.Fields[0].HeldUntil) {
			t.Errorf("created %v: held until %v, purge after %v: deadlines before creation", last,
				s.Fields[0].HeldUntil, s.Fields[0].PurgeAfter)
		}
	})
	t.Run("Purge", func(t *testing.T) {
		v := &rec{Phone: "+14155551234"}
		if _, err := Purge(v, nearMax, nearMax.Add(time.Hour)); !errors.Is(err, ErrTimeRange) {
			t.Errorf("Purge(created near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		if _, err := Purge(v, farPast, ok); !errors.Is(err, ErrTimeRange) {
			t.Errorf("Purge(created in year -5) error = %v, want ErrTimeRange", err)
		}
		if _, err := Purge(v, ok, nearMax); !errors.Is(err, ErrTimeRange) {
			t.Errorf("Purge(now near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		if v.Phone != "+14155551234" {
			t.Errorf("Purge changed the record on error")
		}
		type dated struct {
			Created time.Time `pii:"no,created"`
			Phone   string    `pii:"phone,mtl=30,ttl=60"`
		}
		batch := []dated{{Created: nearMax, Phone: "+14155551234"}}
		if _, err := Purge(&batch, time.Time{}, nearMax.Add(time.Hour)); !errors.Is(err, ErrTimeRange) {
			t.Errorf("Purge(record created near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		if batch[0].Phone == "" {
			t.Errorf("Purge zeroed a field inside its MTL")
		}
	})
	t.Run("requests and holds", func(t *testing.T) {
		s, err := ScheduleOf(typ, ok)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.GoneBy(nearMax); !errors.Is(err, ErrTimeRange) {
			t.Errorf("GoneBy(near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		if _, err := s.DeletionPlan(nearMax); !errors.Is(err, ErrTimeRange) {
			t.Errorf("DeletionPlan(near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		if _, err := s.AccountClosed(nearMax); !errors.Is(err, ErrTimeRange) {
			t.Errorf("AccountClosed(near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		if _, err := s.PurgeDue(nearMax); !errors.Is(err, ErrTimeRange) {
			t.Errorf("PurgeDue(near time.Time's end) error = %v, want ErrTimeRange", err)
		}
		h := s.WithHold(Hold{Placed: ok.AddDate(0, 0, 1), Lifted: nearMax})
		if _, err := h.EarliestPurge(); !errors.Is(err, ErrTimeRange) {
			t.Errorf("a hold lifted near time.Time's end: EarliestPurge error = %v, want ErrTimeRange", err)
		}
		h = s.WithHold(Hold{Placed: farPast})
		if _, err := h.GoneBy(ok); !errors.Is(err, ErrTimeRange) {
			t.Errorf("a hold placed in year -5: GoneBy error = %v, want ErrTimeRange", err)
		}
	})
}
