package pii

import (
	"errors"
	"testing"
	"time"
)

// retentionFuzzZones are locations with unusual calendars: DST, half-hour DST, a skipped
// day (Apia, 2011-12-30).
var retentionFuzzZones = []string{"UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Europe/London"}

// FuzzRetentionDeletion checks the invariants of a deletion plan for arbitrary creation
// times, zones, MTLs, TTLs, windows, requests and holds:
//   - a request before creation is ErrBeforeCreation, anything else succeeds;
//   - GoneBy agrees with the plan, and no copy is gone before the field leaves live systems;
//   - a field never leaves live systems before its MTL ends, nor before the request unless
//     its TTL came first;
//   - nothing is deleted while a hold is in force, and a hold never brings a deadline
//     forward.
func FuzzRetentionDeletion(f *testing.F) {
	f.Add(int64(0), uint8(0), uint16(90), uint16(0), int64(86400), uint8(30), int64(-1), uint16(0))
	f.Add(int64(5e6), uint8(1), uint16(30), uint16(60), int64(100*86400), uint8(0), int64(40*86400), uint16(20))
	f.Add(int64(1.4e9), uint8(3), uint16(1), uint16(1), int64(3600), uint8(1), int64(0), uint16(1))
	f.Fuzz(func(t *testing.T, createdSec int64, zone uint8, mtl, ttl uint16, reqSec int64, window uint8, holdSec int64, holdDays uint16) {
		loc, err := time.LoadLocation(retentionFuzzZones[int(zone)%len(retentionFuzzZones)])
		if err != nil {
			t.Skip(err)
		}
		const span = 400 * 365 * 86400 // creation times from 1800 to 2200
		created := time.Unix(-5364662400+retentionMod(createdSec, span), 0).In(loc)
		m, l := int(mtl%800), int(ttl%800)
		if l != 0 && l < m {
			l = m // Classify rejects ttl < mtl
		}
		cfg, err := newRetentionConfig(int(window%60), 30)
		if err != nil {
			t.Fatal(err)
		}
		s, err := retentionSchedule([]Field{{Path: "F", Class: PII, Kind: KindBody, MTL: m, TTL: l}}, created, cfg)
		if err != nil {
			t.Fatal(err)
		}
		requested := created.Add(time.Duration(reqSec%(3*365*86400)) * time.Second)
		base, baseErr := s.DeletionPlan(requested)
		if requested.Before(created) {
			if !errors.Is(baseErr, ErrBeforeCreation) {
				t.Fatalf("request before creation: %v", baseErr)
			}
			return
		}
		if baseErr != nil {
			t.Fatal(baseErr)
		}
		var hold Hold
		if holdSec >= 0 {
			hold = Hold{Placed: created.Add(time.Duration(holdSec%(3*365*86400)) * time.Second)}
			hold.Lifted = hold.Placed.Add(time.Duration(holdDays) * time.Hour * 5)
			s = s.WithHold(hold)
		}
		p, err := s.DeletionPlan(requested)
		if err != nil {
			t.Fatal(err)
		}
		gone, err := s.GoneBy(requested)
		if err != nil || !gone.Equal(p.GoneBy) {
			t.Fatalf("GoneBy = %v, %v; plan says %v", gone, err, p.GoneBy)
		}
		fs, fd := s.Fields[0], p.Fields[0]
		if fd.GoneBy.Before(fd.DeletedAt) {
			t.Fatalf("gone by %v before deleted at %v", fd.GoneBy, fd.DeletedAt)
		}
		if fd.DeletedAt.Before(fs.HeldUntil) {
			t.Fatalf("deleted at %v before held until %v", fd.DeletedAt, fs.HeldUntil)
		}
		if !fd.ByTTL && fd.DeletedAt.Before(requested) {
			t.Fatalf("deleted at %v before the request %v", fd.DeletedAt, requested)
		}
		if fd.ByTTL && !fd.DeletedAt.Equal(fs.PurgeAfter) {
			t.Fatalf("purged by TTL at %v, PurgeAfter %v", fd.DeletedAt, fs.PurgeAfter)
		}
		if hold.Placed.IsZero() {
			return
		}
		for _, at := range []time.Time{fd.DeletedAt, fd.GoneBy, fs.HeldUntil, fs.PurgeAfter} {
			if !at.Before(hold.Placed) && at.Before(hold.Lifted) {
				t.Fatalf("deadline %v inside the hold [%v, %v)", at, hold.Placed, hold.Lifted)
			}
		}
		b := base.Fields[0]
		if fd.DeletedAt.Before(b.DeletedAt) || fd.GoneBy.Before(b.GoneBy) {
			t.Fatalf("the hold brought a deadline forward: %+v, without it %+v", fd, b)
		}
	})
}

func retentionMod(a, n int64) int64 {
	if a %= n; a < 0 {
		a += n
	}
	return a
}
