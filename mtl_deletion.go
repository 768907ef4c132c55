package pii

import (
	"fmt"
	"time"
)

// The deletion rule. For a field held until H (Created + MTL days) and a deletion requested
// at R, with a backup window of W days:
//
//   - outside the MTL (R at or after H), the deletion applies at once: the field leaves
//     live systems at R and every copy, backups included, is gone by R + W days;
//   - inside the MTL (R before H), the deletion waits: the field leaves live systems at H,
//     and is gone everywhere by the later of H + 1 day and R + W days.
//
// The "+ 1 day" is the day in which a deletion that waited for its MTL is carried out. So
// read, this is the README's single rule, gone by = max(Created + MTL + 1 day, R + W days):
// outside the MTL, R + W is never earlier than H + 1 day when W >= 1, so the maximum is
// R + W, "at once, backups within the window". The two differ only with a backup window of
// 0, where the split rule keeps "at once" exact. The seed's examples, MTL 90, W 30:
// requested on day 1 -> max(day 91, day 31) = day 91; requested on day 90 -> outside the
// MTL (H is day 90), gone by day 90 + 30 = day 120.
//
// A TTL bounds all this: a field whose PurgeAfter comes before the deletion would apply is
// purged at PurgeAfter and gone by PurgeAfter + W days, which may be before R.

// A DeletionPlan says what a deletion request does to a record: when each PII field leaves
// live systems and when its last copy is gone, and the same for the record as a whole.
type DeletionPlan struct {
	// Requested is when the deletion was asked for, in Created's location. For an account
	// closure it is the end of the grace period, when removal starts.
	Requested time.Time
	// Fields holds one entry per PII field, in the schedule's order.
	Fields []FieldDeletion
	// DeletedAt is when the last field leaves live systems: the latest of the fields'
	// DeletedAt, or Requested for a record with no PII field.
	DeletedAt time.Time
	// GoneBy is when every copy of every PII field is gone, backups included: the latest of
	// the fields' GoneBy, or Requested for a record with no PII field.
	GoneBy time.Time
	// Response is the deadline that applies to the record for answering the request: the
	// earliest of those its profile's laws set (the Policy's profile, widened by the
	// record's parties under WithPartyJurisdiction). It is zero when no law of the profile
	// sets one. For an account closure it runs from the closure.
	Response ResponseDeadline
	// RespondBy is when the answer is due under Response (without its extension), in
	// Created's location; zero when Response is.
	RespondBy time.Time
}

// A FieldDeletion says what a deletion request does to one PII field.
type FieldDeletion struct {
	// Path and Kind name the field as FieldSchedule does.
	Path string
	Kind Kind
	// DeletedAt is when the field leaves live systems: the request itself, the end of its
	// MTL when the request came inside it, or its PurgeAfter when its TTL came first.
	DeletedAt time.Time
	// GoneBy is when every copy of the field is gone, backups and interconnected systems
	// included.
	GoneBy time.Time
	// WaitsForMTL is true when the request came inside the field's MTL, so that its
	// deletion waits until HeldUntil.
	WaitsForMTL bool
	// ByTTL is true when the field's TTL runs out before the deletion would apply: the
	// field is purged at PurgeAfter (possibly before the request) instead.
	ByTTL bool
}

// deletionDue reports whether, at now, the field must already be gone from live systems:
// the decision Purge needs for a field under a deletion request (after Schedule.retentionCheckAt).
func (fd FieldDeletion) deletionDue(now time.Time) bool {
	return !now.Before(fd.DeletedAt)
}

// GoneBy returns when every copy of every PII field of the record is gone, backups
// included, after a deletion requested at requested: the latest of the fields' GoneBy in
// DeletionPlan. A record with no PII field returns requested. It allocates nothing.
//
// Per field, with W the backup window (30 days unless the Policy says otherwise): a
// request at or after the end of the field's MTL applies at once, and the field is gone by
// requested + W days; a request inside the MTL waits for it, and the field is gone by the
// later of HeldUntil + 1 day and requested + W days. With W of a day or more this is
// max(Created + MTL + 1 day, requested + W days). So with an MTL of 90 days, a request on
// day 1 is gone on day 91 and a request on day 90 by day 120. A TTL that runs out first
// ends it sooner.
//
// The errors wrap ErrZeroTime (requested is zero), ErrBeforeCreation (requested is before
// Created) or ErrOnHold (a hold is active).
func (s Schedule) GoneBy(requested time.Time) (time.Time, error) {
	// A time before creation is wrong input, whatever holds there are: said first.
	r, err := s.mtlLocal(requested, "deletion request time")
	if err != nil {
		return time.Time{}, err
	}
	if err := s.retentionCheck(); err != nil {
		return time.Time{}, err
	}
	gone := r
	for i := range s.Fields {
		fd := s.fieldDeletion(&s.Fields[i], r)
		if i == 0 || fd.GoneBy.After(gone) {
			gone = fd.GoneBy
		}
	}
	return gone, nil
}

// DeletionPlan returns, per PII field and for the record, when a deletion requested at
// requested removes it from live systems and when every copy is gone. Fields whose MTL has
// not run out wait for it; the others go at once. See GoneBy for the errors.
func (s Schedule) DeletionPlan(requested time.Time) (DeletionPlan, error) {
	// A time before creation is wrong input, whatever holds there are: said first.
	r, err := s.mtlLocal(requested, "deletion request time")
	if err != nil {
		return DeletionPlan{}, err
	}
	if err := s.retentionCheck(); err != nil {
		return DeletionPlan{}, err
	}
	return s.mtlPlan(r, r), nil
}

// AccountClosed returns what closing the account at closedAt does to the record: once the
// grace period has passed (30 days unless the Policy says otherwise), every PII field is
// removed, and gone within the backup window unless its MTL runs longer. It is a deletion
// request made at the end of the grace period, which the plan's Requested gives.
//
// The errors wrap ErrZeroTime, ErrBeforeCreation (closedAt is before Created) or ErrOnHold.
func (s Schedule) AccountClosed(closedAt time.Time) (DeletionPlan, error) {
	// A time before creation is wrong input, whatever holds there are: said first.
	c, err := s.mtlLocal(closedAt, "account closure time")
	if err != nil {
		return DeletionPlan{}, err
	}
	if err := s.retentionCheck(); err != nil {
		return DeletionPlan{}, err
	}
	// The grace period is a clock like any other: a hold during it pushes it back.
	return s.mtlPlan(s.mtlShift(c, c.AddDate(0, 0, s.cfg.grace)), c), nil
}

// mtlPlan builds the deletion plan for a request whose deletion starts at r and that was
// received at received, both already checked and in Created's location.
func (s Schedule) mtlPlan(r, received time.Time) DeletionPlan {
	p := DeletionPlan{Requested: r, DeletedAt: r, GoneBy: r, Response: s.profile.ResponseDeadline(received)}
	p.RespondBy = p.Response.Due(received)
	if len(s.Fields) == 0 {
		return p
	}
	p.Fields = make([]FieldDeletion, len(s.Fields))
	for i := range s.Fields {
		fd := s.fieldDeletion(&s.Fields[i], r)
		p.Fields[i] = fd
		if i == 0 || fd.DeletedAt.After(p.DeletedAt) {
			p.DeletedAt = fd.DeletedAt
		}
		if i == 0 || fd.GoneBy.After(p.GoneBy) {
			p.GoneBy = fd.GoneBy
		}
	}
	return p
}

// fieldDeletion applies the deletion rule (see the comment at the top of this file) to one
// field for a request at r. Every clock it starts is suspended by the lifted holds.
func (s Schedule) fieldDeletion(fs *FieldSchedule, r time.Time) FieldDeletion {
	fd := FieldDeletion{Path: fs.Path, Kind: fs.Kind}
	w := s.cfg.backupWindow
	live := s.mtlShift(r, r) // at once, unless a hold is in force at r
	gone := s.mtlShift(r, r.AddDate(0, 0, w))
	if live.Before(fs.HeldUntil) {
		fd.WaitsForMTL = true
		live = fs.HeldUntil
		if g := s.mtlShift(live, live.AddDate(0, 0, 1)); g.After(gone) {
			gone = g
		}
	}
	if !fs.PurgeAfter.IsZero() && fs.PurgeAfter.Before(live) {
		fd.ByTTL = true
		live = fs.PurgeAfter
		if g := s.mtlShift(live, live.AddDate(0, 0, w)); g.Before(gone) {
			gone = g
		}
	}
	fd.DeletedAt, fd.GoneBy = live, gone
	return fd
}

// String describes the plan without personal data, for logs and examples: one line for
// the record, one per field.
func (p DeletionPlan) String() string {
	const layout = "2006-01-02 15:04 MST"
	b := fmt.Appendf(nil, "requested %s: deleted by %s, gone by %s",
		p.Requested.Format(layout), p.DeletedAt.Format(layout), p.GoneBy.Format(layout))
	if !p.RespondBy.IsZero() {
		b = fmt.Appendf(b, "; answer due by %s (%s)", p.RespondBy.Format(layout), p.Response.Law)
	}
	for _, fd := range p.Fields {
		b = fmt.Appendf(b, "\n  %s (%s): deleted %s, gone by %s", fd.Path, fd.Kind,
			fd.DeletedAt.Format(layout), fd.GoneBy.Format(layout))
		if fd.WaitsForMTL {
			b = append(b, ", waits for MTL"...)
		}
		if fd.ByTTL {
			b = append(b, ", purged by TTL"...)
		}
	}
	return string(b)
}
