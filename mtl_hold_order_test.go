package pii

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// Holds given in any order give the same schedule and plans, and with several lifted holds
// no field leaves live systems, and no copy is gone, inside any of them; a deadline is
// never earlier than without the holds.
func TestHoldsOrderAndCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	day := func(n float64) time.Duration { return time.Duration(n * float64(24*time.Hour)) }
	for i := range 2000 {
		created := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Add(day(rng.Float64() * 365))
		mtl := rng.IntN(120)
		ttl := 0
		if rng.IntN(2) == 0 {
			ttl = mtl + rng.IntN(120)
		}
		cfg, err := newRetentionConfig(rng.IntN(40), rng.IntN(40))
		if err != nil {
			t.Fatal(err)
		}
		s, err := retentionSchedule([]Field{{Path: "F", Class: PII, Kind: KindPhone, MTL: mtl, TTL: ttl}}, created, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var holds []Hold
		for range 1 + rng.IntN(4) {
			placed := created.Add(day(rng.Float64()*300 - 30))
			holds = append(holds, Hold{Placed: placed, Lifted: placed.Add(day(rng.Float64() * 40))})
		}
		requested := created.Add(day(rng.Float64() * 200))
		type answer struct {
			Fields []FieldSchedule
			Plan   DeletionPlan
			Closed DeletionPlan
		}
		ask := func(order []int) answer {
			h := s
			for _, j := range order {
				h = h.WithHold(holds[j])
			}
			plan, err := h.DeletionPlan(requested)
			if err != nil {
				t.Fatal(err)
			}
			closed, err := h.AccountClosed(requested)
			if err != nil {
				t.Fatal(err)
			}
			return answer{h.Fields, plan, closed}
		}
		order := rng.Perm(len(holds))
		inOrder := make([]int, len(holds))
		for j := range inOrder {
			inOrder[j] = j
		}
		a, b := ask(inOrder), ask(order)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("case %d: holds %v in order %v differ (-given order +permuted):\n%s", i, holds, order, diff)
		}
		base, err := s.DeletionPlan(requested)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range []FieldDeletion{a.Plan.Fields[0], a.Closed.Fields[0]} {
			for _, h := range holds {
				for _, at := range []time.Time{fd.DeletedAt, fd.GoneBy, a.Fields[0].PurgeAfter} {
					if !at.Before(h.Placed) && at.Before(h.Lifted) {
						t.Fatalf("case %d: %v falls inside the hold %v..%v", i, at, h.Placed, h.Lifted)
					}
				}
			}
		}
		if a.Plan.Fields[0].DeletedAt.Before(base.Fields[0].DeletedAt) || a.Plan.GoneBy.Before(base.GoneBy) {
			t.Fatalf("case %d: holds brought a deadline forward: %v, was %v", i, a.Plan, base)
		}
	}
}
