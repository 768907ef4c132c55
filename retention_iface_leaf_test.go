package pii_test

import (
	"net/netip"
	"net/url"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// ifaceLeafRecord holds leaves directly in tagged interfaces: a URL, an address and
// port, a string.
type ifaceLeafRecord struct {
	Created time.Time `pii:"no,created"`
	Link    any       `pii:"url,ttl=1"`
	Peer    any       `pii:"ip,ttl=2"`
	Note    any       `pii:"email,ttl=3"`
}

// TestScheduleIfaceLeafOnce: a tagged interface holding a leaf itself (a *url.URL, a
// netip.AddrPort, a string) is one field of the schedule, as Purge reports one field; it
// was listed twice, once from the type and once from the value.
func TestScheduleIfaceLeafOnce(t *testing.T) {
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	u, err := url.Parse("https://jane:pw@example.com/?email=jane@example.com")
	if err != nil {
		t.Fatal(err)
	}
	v := ifaceLeafRecord{Created: created, Link: u, Peer: netip.MustParseAddrPort("203.0.113.7:443"), Note: "jane@example.com"}
	s, err := pii.ScheduleOf(v, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Path       string
		PurgeAfter time.Time
	}
	var got []row
	for _, f := range s.Fields {
		got = append(got, row{f.Path, f.PurgeAfter})
	}
	want := []row{{"Link", created.AddDate(0, 0, 1)}, {"Peer", created.AddDate(0, 0, 2)}, {"Note", created.AddDate(0, 0, 3)}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
	// Purge agrees day by day: one field more each day, each gone when the schedule says.
	for day, want := range map[int]int{0: 0, 1: 1, 2: 2, 3: 3} {
		c := v
		purged, err := pii.Purge(&c, time.Time{}, created.AddDate(0, 0, day))
		if err != nil {
			t.Fatal(err)
		}
		due, err := s.PurgeDue(created.AddDate(0, 0, day))
		if err != nil {
			t.Fatal(err)
		}
		if len(purged) != want || len(due) != want {
			t.Errorf("day %d: Purge = %q, PurgeDue = %q; want %d fields each", day, purged, due, want)
		}
	}
}

// TestPurgeIfaceLeafNamed: Purge names a leaf that a tagged interface holds itself by the
// field's path, as ScheduleOf and Classify do, not by the record's Go type.
func TestPurgeIfaceLeafNamed(t *testing.T) {
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v := ifaceLeafRecord{Created: created, Peer: netip.MustParseAddrPort("203.0.113.7:443"), Note: "jane@example.com"}
	purged, err := pii.Purge(&v, time.Time{}, created.AddDate(0, 0, 3))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Peer", "Note"}, purged); diff != "" {
		t.Errorf("Purge (-want +got):\n%s", diff)
	}
	if ap, _ := v.Peer.(netip.AddrPort); ap.IsValid() || v.Note != nil && v.Note != "" {
		t.Errorf("after Purge: Peer = %v, Note = %v; want them empty", v.Peer, v.Note)
	}
}
