package pii

import (
	"errors"
	"fmt"
	"time"
)

// The errors of the retention functions. They are wrapped with context (which input, which
// field path) and are meant for errors.Is; no message ever contains a field's value.
var (
	// ErrOnHold is returned by every deadline method of a schedule that an active hold
	// (one not yet lifted) covers: while a legal or fraud hold is in force there is no
	// deadline to give, only "not before the hold is lifted".
	ErrOnHold = errors.New("record on hold")
	// ErrBeforeCreation is returned for a deletion request or account closure dated before
	// the record was created: such a date is a bug in the caller, not a request.
	ErrBeforeCreation = errors.New("time before the record's creation")
	// ErrZeroTime is returned for a zero time.Time where a creation, request or hold time
	// is needed: a zero time would silently put every deadline in year 1.
	ErrZeroTime = errors.New("zero time")
	// ErrNegativeDays is returned for a negative number of days (a backup window, grace
	// period, MTL or TTL) and for a hold lifted before it was placed.
	ErrNegativeDays = errors.New("negative number of days")
	// ErrTimeRange is returned for a time outside the years 1 to 9999 where a creation,
	// request, hold or purge time is needed. Near the ends of time.Time, adding an MTL
	// wraps a deadline into the past, so that a purge would delete a field inside its
	// minimum time to live; no record of a service is dated there.
	ErrTimeRange = errors.New("time outside the years 1 to 9999")
)

// mtlCheckTime checks a time given to retention (what names it in errors): not zero, and
// within the years 1 to 9999 (UTC), so that every deadline computed from it, holds and
// windows included, stays far inside time.Time's range. The error does not name the
// package: the caller wraps it.
func mtlCheckTime(t time.Time, what string) error {
	if t.IsZero() {
		return fmt.Errorf("%s: %w", what, ErrZeroTime)
	}
	if mtlOutOfRange(t) {
		return fmt.Errorf("%s: %w", what, ErrTimeRange)
	}
	return nil
}

// mtlOutOfRange reports whether t lies outside the years 1 to 9999 (UTC).
func mtlOutOfRange(t time.Time) bool {
	y := t.UTC().Year()
	return y < 1 || y > 9999
}

// The defaults of a retention configuration, in days.
const (
	// retentionDefaultBackupWindow is how long copies in backups and interconnected
	// systems may outlive a deletion: the seed's 30 days.
	retentionDefaultBackupWindow = 30
	// retentionDefaultGrace is how long after an account is closed its PII starts being
	// removed, so that the customer can change their mind. The seed gives no figure; 30
	// days is the usual reactivation period and is what WithGracePeriod defaults to.
	retentionDefaultGrace = 30
)

// retentionConfig is the part of a Policy that retention needs. Both fields are whole
// calendar days, never negative.
type retentionConfig struct {
	backupWindow int // how long backups may keep a deleted field
	grace        int // how long after an account closure removal starts
}

// retentionDefaultConfig returns the configuration a Policy has without options.
func retentionDefaultConfig() retentionConfig {
	return retentionConfig{backupWindow: retentionDefaultBackupWindow, grace: retentionDefaultGrace}
}

// newRetentionConfig validates a backup window and a grace period, both in days.
// Zero is allowed for both (no backups; removal starts at closure). Neither may exceed
// maxDays, the bound of mtl= and ttl=: a larger count is a mistake, and one near the
// range of int would wrap every deadline computed from it into the past.
func newRetentionConfig(backupWindow, grace int) (retentionConfig, error) {
	if err := retentionCheckDays("backup window", backupWindow); err != nil {
		return retentionConfig{}, err
	}
	if err := retentionCheckDays("grace period", grace); err != nil {
		return retentionConfig{}, err
	}
	return retentionConfig{backupWindow: backupWindow, grace: grace}, nil
}

// retentionCheckDays checks a configured number of days: ErrNegativeDays below 0,
// ErrBadDays above maxDays.
func retentionCheckDays(what string, days int) error {
	switch {
	case days < 0:
		return fmt.Errorf("%s of %d days: %w", what, days, ErrNegativeDays)
	case days > maxDays:
		return fmt.Errorf("%s of %d days: %w", what, days, ErrBadDays)
	}
	return nil
}

// A Schedule gives the retention deadlines of one record: one FieldSchedule per PII field,
// in the order Classify reports the fields. Not PII and Untagged fields have no deadlines
// and do not appear; they are never purged.
//
// Days are calendar days in the location of Created: a deadline n days after t is
// t.AddDate(0, 0, n) there, so it keeps t's wall-clock time. A field created at 10:00 in
// New York with an MTL of 30 days is held until 10:00 New York time 30 days later, even
// across a daylight-saving change (the span is then 29 days and 23 or 25 hours of elapsed
// time). Times given to the methods (a request, an account closure, "now") may be in any
// location; they are read in Created's, and every time returned is in Created's location.
//
// A Schedule is a value: WithHold returns a changed copy and never alters the receiver.
// Its deadline methods (GoneBy, DeletionPlan, AccountClosed, PurgeDue, EarliestPurge)
// return an error wrapping ErrOnHold while a hold that has not been lifted covers it.
type Schedule struct {
	// Created is the record's creation time, with its location: days are counted there.
	Created time.Time
	// Fields holds the deadlines of each PII field. After WithHold with a lifted hold, they
	// are the deadlines as the hold pushed them back; while a hold is active they are the
	// deadlines as they stood before it, suspended.
	Fields []FieldSchedule

	cfg     retentionConfig
	profile Profile         // the record's: the Policy's, widened by its parties
	holds   []Hold          // every hold given to WithHold, in order
	spans   []retentionSpan // the lifted holds, sorted and merged, in Created's location
	err     error           // an invalid hold: every deadline method returns it
}

// A FieldSchedule gives the deadlines of one PII field of a record.
type FieldSchedule struct {
	// Path names the field as Field.Path does.
	Path string
	// Kind is the field's kind of personal data.
	Kind Kind
	// MTL and TTL are the field's minimum time to live and maximum retention, in days, as
	// its tag gives them; 0 means none.
	MTL, TTL int
	// HeldUntil is the end of the minimum time to live: Created + MTL days, or Created when
	// the field has no MTL. A deletion requested before HeldUntil waits for it.
	HeldUntil time.Time
	// PurgeAfter is when the field's maximum retention runs out: Created + TTL days, from
	// which moment the field must be purged. It is zero when the field has no TTL. (Should
	// a TTL be shorter than the MTL, which Classify rejects, the MTL wins.)
	PurgeAfter time.Time
}

// purgeDue reports whether the field's maximum retention has run out at now, so that Purge
// must zero it. Holds are the schedule's business: call Schedule.retentionCheckAt(now)
// first (Schedule.PurgeDue does), and purge nothing when it fails.
func (fs FieldSchedule) purgeDue(now time.Time) bool {
	return !fs.PurgeAfter.IsZero() && !now.Before(fs.PurgeAfter)
}

// retentionSchedule computes the schedule of a record created at created whose fields
// Classify reported as fields. Only fields of Class PII appear in the result. It allocates
// the returned Fields slice and nothing else.
func retentionSchedule(fields []Field, created time.Time, cfg retentionConfig) (Schedule, error) {
	if err := mtlCheckTime(created, "creation time"); err != nil {
		return Schedule{}, errorf("pii: %w", err)
	}
	if cfg.backupWindow < 0 || cfg.grace < 0 {
		return Schedule{}, errorf("pii: retention configuration: %w", ErrNegativeDays)
	}
	n := 0
	for i := range fields {
		f := &fields[i]
		if f.Class != PII {
			continue
		}
		if f.MTL < 0 || f.TTL < 0 {
			return Schedule{}, errorf("pii: field %s: mtl or ttl: %w", f.Path, ErrNegativeDays)
		}
		n++
	}
	// Round(0) drops a monotonic clock reading, so that Created compares by wall time
	// like every deadline computed from it.
	s := Schedule{Created: created.Round(0), cfg: cfg}
	if n == 0 {
		return s, nil
	}
	s.Fields = make([]FieldSchedule, 0, n)
	for i := range fields {
		f := &fields[i]
		if f.Class != PII {
			continue
		}
		fs := FieldSchedule{Path: f.Path, Kind: f.Kind, MTL: f.MTL, TTL: f.TTL}
		s.fieldDeadlines(&fs)
		s.Fields = append(s.Fields, fs)
	}
	return s, nil
}

// fieldDeadlines sets fs.HeldUntil and fs.PurgeAfter from Created, the field's MTL and TTL
// and the schedule's lifted holds.
func (s Schedule) fieldDeadlines(fs *FieldSchedule) {
	held := s.Created.AddDate(0, 0, fs.MTL)
	fs.HeldUntil = s.mtlShift(s.Created, held)
	fs.PurgeAfter = time.Time{}
	if fs.TTL > 0 {
		purge := s.Created.AddDate(0, 0, fs.TTL)
		if purge.Before(held) {
			purge = held
		}
		fs.PurgeAfter = s.mtlShift(s.Created, purge)
	}
}

// retentionCheck returns the error every deadline method returns before computing: an
// invalid hold, an active hold, or a schedule that was never computed.
func (s Schedule) retentionCheck() error {
	if s.err != nil {
		return s.err
	}
	if err := mtlCheckTime(s.Created, "schedule creation time"); err != nil {
		return errorf("pii: %w", err)
	}
	for _, h := range s.holds {
		if h.Lifted.IsZero() {
			return errorf("pii: hold placed %s and not lifted: %w", h.Placed.Format(time.RFC3339), ErrOnHold)
		}
	}
	return nil
}

// retentionCheckAt returns the error a purge at now must stop at: retentionCheck's, a zero
// now, a now before Created, or a now inside a lifted hold (when nothing could be purged). Purge calls it once
// before asking each field's purgeDue or deletionDue.
func (s Schedule) retentionCheckAt(now time.Time) error {
	if err := s.retentionCheck(); err != nil {
		return err
	}
	if err := mtlCheckTime(now, "purge time"); err != nil {
		return errorf("pii: %w", err)
	}
	if now.Before(s.Created) {
		return errorf("pii: purge time: %w", ErrBeforeCreation)
	}
	for _, sp := range s.spans {
		if !now.Before(sp.placed) && now.Before(sp.lifted) {
			return errorf("pii: purge time inside the hold placed %s: %w", sp.placed.Format(time.RFC3339), ErrOnHold)
		}
	}
	return nil
}

// mtlLocal checks a time given to a deadline method (what names it in errors) and returns
// it in Created's location, where days are counted.
func (s Schedule) mtlLocal(t time.Time, what string) (time.Time, error) {
	if err := mtlCheckTime(t, what); err != nil {
		return time.Time{}, errorf("pii: %w", err)
	}
	if t.Before(s.Created) {
		return time.Time{}, errorf("pii: %s: %w", what, ErrBeforeCreation)
	}
	return t.In(s.Created.Location()), nil
}

// PurgeDue returns the paths of the fields whose maximum retention (TTL) has run out at
// now: the fields a purge at now must zero. It returns nil when none is due, an error
// wrapping ErrOnHold when a hold is active or when now falls inside a lifted hold (nothing
// could be purged then), and one wrapping ErrBeforeCreation when now is before Created.
func (s Schedule) PurgeDue(now time.Time) ([]string, error) {
	if err := s.retentionCheckAt(now); err != nil {
		return nil, err
	}
	var due []string
	for i := range s.Fields {
		if s.Fields[i].purgeDue(now) {
			due = append(due, s.Fields[i].Path)
		}
	}
	return due, nil
}

// EarliestPurge returns the earliest PurgeAfter of the record's fields: the first moment
// a purge has something to do. It returns the zero time (and no error) when no field has a
// TTL, as FieldSchedule.PurgeAfter does.
func (s Schedule) EarliestPurge() (time.Time, error) {
	if err := s.retentionCheck(); err != nil {
		return time.Time{}, err
	}
	var first time.Time
	for i := range s.Fields {
		p := s.Fields[i].PurgeAfter
		if !p.IsZero() && (first.IsZero() || p.Before(first)) {
			first = p
		}
	}
	return first, nil
}
