package pii

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// retentionCaseDay is a time in a case file: days after creation (a JSON number) or
// "<days>d<hours>h" (a string) for a time inside a day.
type retentionCaseDay struct {
	days, hours int
}

func (d *retentionCaseDay) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &d.days); err == nil {
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if _, err := fmt.Sscanf(s, "%dd%dh", &d.days, &d.hours); err != nil {
		return fmt.Errorf("case time %q: %w", s, err)
	}
	return nil
}

// at returns the time d days (and hours) after created, days counted as the library does.
func (d *retentionCaseDay) at(created time.Time) time.Time {
	if d == nil {
		return time.Time{}
	}
	return created.AddDate(0, 0, d.days).Add(time.Duration(d.hours) * time.Hour)
}

type retentionCase struct {
	Name         string `json:"name"`
	Created      string `json:"created"`
	Location     string `json:"location"`
	BackupWindow *int   `json:"backup_window"`
	Grace        *int   `json:"grace"`
	Fields       []struct {
		Path  string `json:"path"`
		Kind  Kind   `json:"kind"`
		Class string `json:"class"`
		MTL   int    `json:"mtl"`
		TTL   int    `json:"ttl"`
	} `json:"fields"`
	Holds []struct {
		Reason string            `json:"reason"`
		Placed retentionCaseDay  `json:"placed"`
		Lifted *retentionCaseDay `json:"lifted"`
	} `json:"holds"`
	Op   string            `json:"op"`
	At   *retentionCaseDay `json:"at"`
	Err  string            `json:"err"`
	Want struct {
		Requested *retentionCaseDay `json:"requested"`
		Deleted   *retentionCaseDay `json:"deleted"`
		GoneBy    *retentionCaseDay `json:"gone_by"`
		Fields    []struct {
			Path        string            `json:"path"`
			Kind        Kind              `json:"kind"`
			MTL         int               `json:"mtl"`
			TTL         int               `json:"ttl"`
			HeldUntil   *retentionCaseDay `json:"held_until"`
			PurgeAfter  *retentionCaseDay `json:"purge_after"`
			Deleted     *retentionCaseDay `json:"deleted"`
			GoneBy      *retentionCaseDay `json:"gone_by"`
			WaitsForMTL bool              `json:"waits_for_mtl"`
			ByTTL       bool              `json:"by_ttl"`
		} `json:"fields"`
		PurgeDue      []string          `json:"purge_due"`
		EarliestPurge *retentionCaseDay `json:"earliest_purge"`
	} `json:"want"`
}

var retentionSentinels = map[string]error{
	"ErrOnHold":         ErrOnHold,
	"ErrBeforeCreation": ErrBeforeCreation,
	"ErrZeroTime":       ErrZeroTime,
	"ErrNegativeDays":   ErrNegativeDays,
}

func retentionLoadCases(t *testing.T) []retentionCase {
	t.Helper()
	b, err := os.ReadFile("testdata/retention/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []retentionCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) == 0 {
		t.Fatal("no cases")
	}
	return file.Cases
}

// build returns the case's schedule, with its holds, and its creation time.
func (c *retentionCase) build(t *testing.T) (Schedule, time.Time) {
	t.Helper()
	created, err := time.Parse(time.RFC3339, c.Created)
	if err != nil {
		t.Fatal(err)
	}
	if c.Location != "" {
		loc, err := time.LoadLocation(c.Location)
		if err != nil {
			t.Fatal(err)
		}
		created = created.In(loc)
	}
	window, grace := retentionDefaultBackupWindow, retentionDefaultGrace
	if c.BackupWindow != nil {
		window = *c.BackupWindow
	}
	if c.Grace != nil {
		grace = *c.Grace
	}
	cfg, err := newRetentionConfig(window, grace)
	if err != nil {
		t.Fatal(err)
	}
	fields := make([]Field, len(c.Fields))
	for i, f := range c.Fields {
		class := PII
		switch f.Class {
		case "Not PII":
			class = NotPII
		case "Untagged":
			class = Untagged
		}
		fields[i] = Field{Path: f.Path, Kind: f.Kind, Class: class, MTL: f.MTL, TTL: f.TTL}
	}
	s, err := retentionSchedule(fields, created, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range c.Holds {
		s = s.WithHold(Hold{Reason: h.Reason, Placed: h.Placed.at(created), Lifted: h.Lifted.at(created)})
	}
	return s, created
}

// TestRetentionCases runs testdata/retention/cases.json: the seed's examples and the edges
// of the deletion, closure, purge and hold rules.
func TestRetentionCases(t *testing.T) {
	for _, c := range retentionLoadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			s, created := c.build(t)
			at := c.At.at(created)
			var got, want any
			var err error
			switch c.Op {
			case "schedule":
				got = s.Fields
				var fs []FieldSchedule
				for _, f := range c.Want.Fields {
					fs = append(fs, FieldSchedule{Path: f.Path, Kind: f.Kind, MTL: f.MTL, TTL: f.TTL,
						HeldUntil: f.HeldUntil.at(created), PurgeAfter: f.PurgeAfter.at(created)})
				}
				want = fs
			case "delete", "close":
				var p DeletionPlan
				if c.Op == "delete" {
					p, err = s.DeletionPlan(at)
					if err == nil {
						// GoneBy is the plan's record-level answer, without the plan.
						gone, gerr := s.GoneBy(at)
						if gerr != nil || !gone.Equal(p.GoneBy) {
							t.Errorf("GoneBy = %v, %v; the plan says %v", gone, gerr, p.GoneBy)
						}
					}
				} else {
					p, err = s.AccountClosed(at)
				}
				w := DeletionPlan{Requested: c.Want.Requested.at(created),
					DeletedAt: c.Want.Deleted.at(created), GoneBy: c.Want.GoneBy.at(created)}
				for _, f := range c.Want.Fields {
					w.Fields = append(w.Fields, FieldDeletion{Path: f.Path, Kind: f.Kind,
						DeletedAt: f.Deleted.at(created), GoneBy: f.GoneBy.at(created),
						WaitsForMTL: f.WaitsForMTL, ByTTL: f.ByTTL})
				}
				if c.Want.Fields == nil {
					p.Fields = nil // the case checks the record-level answers only
				}
				got, want = p, w
			case "purge":
				type result struct {
					Due      []string
					Earliest time.Time
				}
				var r result
				r.Due, err = s.PurgeDue(at)
				if err == nil {
					r.Earliest, err = s.EarliestPurge()
				}
				got = r
				want = result{Due: c.Want.PurgeDue, Earliest: c.Want.EarliestPurge.at(created)}
			default:
				t.Fatalf("unknown op %q", c.Op)
			}
			if c.Err != "" {
				sentinel, ok := retentionSentinels[c.Err]
				if !ok {
					t.Fatalf("unknown error %q", c.Err)
				}
				if !errors.Is(err, sentinel) {
					t.Fatalf("error = %v, want %s", err, c.Err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, retentionIgnoreResponse); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// retentionIgnoreResponse leaves the response deadline out of comparisons of deletion plans
// that test the deletion rule; mtl_response_test.go tests it.
var retentionIgnoreResponse = cmpopts.IgnoreFields(DeletionPlan{}, "Response", "RespondBy")
