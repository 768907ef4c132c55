package piisql

import (
	"errors"
	"time"

	"github.com/ef8f9424/pii"
)

// A verdict is what the sweep must do to one record at now.
type verdict struct {
	held      bool     // a hold covers the record: leave it alone
	cols      []colDue // the columns to clear, each once
	deleteRow bool     // delete the whole row (WithDeleteRows, request carried out)
	req       *RequestStatus
}

// colDue is a column to clear and the rule that requires it.
type colDue struct {
	col  int // index in Mapping.Columns
	rule string
}

// add records that column col is due under rule. A column due twice keeps its first
// rule, except that a deletion request overrides a TTL that would only anonymise it.
func (v *verdict) add(col int, rule string, anonymize bool) {
	for i, c := range v.cols {
		if c.col == col {
			if anonymize && rule == ruleRequest {
				v.cols[i].rule = rule
			}
			return
		}
	}
	v.cols = append(v.cols, colDue{col, rule})
}

// decide applies the pii retention rules to one record: the schedule its creation time
// gives, pushed back by its lifted holds; its TTLs; and its pending deletion request, if
// any. This is the only place the sweep asks package pii for deadlines.
func (s *Sweeper) decide(key string, created, now time.Time, holds []pii.Hold, req *request) (verdict, error) {
	sched, err := s.cfg.policy.ScheduleOf(s.typ, created)
	if err != nil {
		return verdict{}, err
	}
	for _, h := range holds {
		sched = sched.WithHold(h)
	}
	due, err := sched.PurgeDue(now)
	if errors.Is(err, pii.ErrOnHold) {
		return verdict{held: true}, nil
	}
	if err != nil {
		return verdict{}, err
	}
	var v verdict
	for _, path := range due {
		if i, ok := s.byField[path]; ok {
			v.add(i, ruleTTL, s.cfg.anonymize)
		}
	}
	if req == nil {
		return v, nil
	}
	at := req.at
	if at.Before(created) {
		// RequestDeletion refuses such a request; a creation time changed since then is
		// read as the request coming at creation, which deletes no later.
		at = created
	}
	plan, err := sched.DeletionPlan(at)
	if err != nil {
		return verdict{}, err
	}
	for _, fd := range plan.Fields {
		if i, ok := s.byField[fd.Path]; ok && !now.Before(fd.DeletedAt) {
			v.add(i, ruleRequest, s.cfg.anonymize)
		}
	}
	st := RequestStatus{Key: key, Requested: plan.Requested, DeletedAt: plan.DeletedAt, GoneBy: plan.GoneBy,
		Done: !now.Before(plan.DeletedAt), ids: req.ids}
	v.req = &st
	v.deleteRow = st.Done && s.cfg.deleteRows
	return v, nil
}
