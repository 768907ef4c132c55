package pii_test

import (
	"errors"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Ticket has fields with different maximum retentions.
type Ticket struct {
	ID      string    `pii:"no"`
	Caller  string    `pii:"phone,mtl=30,ttl=90"`
	Notes   string    `pii:"body,ttl=30"`
	Email   string    `pii:"email,mtl=30"`
	Opened  time.Time `pii:"no"`
	History []Entry
}

type Entry struct {
	Text string `pii:"body,ttl=30"`
}

func newTicket() Ticket {
	return Ticket{ID: "T1", Caller: "+14155551234", Notes: "called about bill", Email: "a@example.com",
		History: []Entry{{Text: "first"}, {Text: "second"}}}
}

func TestPurge(t *testing.T) {
	created := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	p, _ := pii.New()
	tests := []struct {
		name  string
		now   time.Time
		holds []pii.Hold
		want  Ticket
		paths []string
	}{
		{"nothing due", created.AddDate(0, 0, 29), nil, newTicket(), nil},
		{"30-day fields", created.AddDate(0, 0, 30), nil,
			Ticket{ID: "T1", Caller: "+14155551234", Email: "a@example.com", History: []Entry{{}, {}}},
			[]string{"Notes", "History[].Text"}},
		{"every ttl", created.AddDate(0, 0, 90), nil,
			Ticket{ID: "T1", Email: "a@example.com", History: []Entry{{}, {}}},
			[]string{"Caller", "Notes", "History[].Text"}},
		{"lifted hold pushes back", created.AddDate(0, 0, 40),
			[]pii.Hold{{Reason: "court", Placed: created.AddDate(0, 0, 10), Lifted: created.AddDate(0, 0, 25)}},
			newTicket(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newTicket()
			paths, err := p.Purge(&got, created, tt.now, tt.holds...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Purge (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.paths, paths); diff != "" {
				t.Errorf("Purge paths (-want +got):\n%s", diff)
			}
		})
	}
	tk := newTicket()
	_, err := p.Purge(&tk, created, created.AddDate(1, 0, 0), pii.Hold{Reason: "fraud", Placed: created.AddDate(0, 0, 5)})
	if !errors.Is(err, pii.ErrOnHold) || tk.Notes == "" {
		t.Errorf("Purge under an active hold = %v, notes %q; want ErrOnHold and nothing purged", err, tk.Notes)
	}
	if _, err := p.Purge(tk, created, created); !errors.Is(err, pii.ErrNotPointer) {
		t.Errorf("Purge of a value = %v, want ErrNotPointer", err)
	}
}

func TestScheduleOfSeedExamples(t *testing.T) {
	type Resource struct {
		Data string `pii:"true,mtl=90"`
	}
	created := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	s, err := pii.ScheduleOf(Resource{}, created)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ requested, gone int }{{1, 91}, {90, 120}} {
		got, err := s.GoneBy(created.AddDate(0, 0, c.requested))
		if err != nil {
			t.Fatal(err)
		}
		if want := created.AddDate(0, 0, c.gone); !got.Equal(want) {
			t.Errorf("requested on day %d: gone %v, want %v (day %d)", c.requested, got, want, c.gone)
		}
	}
	if _, err := pii.New(pii.WithBackupWindow(-1)); !errors.Is(err, pii.ErrNegativeDays) {
		t.Errorf("WithBackupWindow(-1) = %v", err)
	}
	if _, err := pii.New(pii.WithGracePeriod(-1)); !errors.Is(err, pii.ErrOption) {
		t.Errorf("WithGracePeriod(-1) = %v", err)
	}
}

func TestPurgeAnonymizes(t *testing.T) {
	type Visit struct {
		IP    string `pii:"ip,ttl=30"`
		Phone string `pii:"phone,ttl=30"`
	}
	p, err := pii.New(pii.WithAnonymizeOnPurge())
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v := Visit{IP: "203.0.113.42", Phone: "+442079460958"}
	if _, err := p.Purge(&v, created, created.AddDate(0, 0, 31)); err != nil {
		t.Fatal(err)
	}
	if want := (Visit{IP: "203.0.113.0/24", Phone: "+44"}); v != want {
		t.Errorf("Purge with WithAnonymizeOnPurge = %+v, want %+v", v, want)
	}
}
