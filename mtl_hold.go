package pii

import (
	"slices"
	"time"
)

// A Hold is a legal or fraud hold on a record: while it is in force, nothing of the record
// may be deleted or purged, whatever its MTL, TTL or a deletion request says.
//
// The rule: a hold stops every retention clock that is running while it is in force, and
// the clock resumes where it stopped when the hold is lifted. Concretely, a deadline that
// had not yet come when the hold was placed is pushed back by the time its clock spent under
// the hold: the whole hold for the MTL and TTL of a record created before it, and from the
// request to the lift for a deletion requested during it (which then applies when the hold
// is lifted). A deadline that came before the hold was placed does not move. The time under
// the hold is added as calendar days in Created's location plus the remaining hours, so a
// hold of whole days keeps every deadline's wall-clock time across a daylight-saving change.
// Overlapping holds count once.
type Hold struct {
	// Reason says why the hold was placed ("litigation", "fraud investigation"). It is
	// kept for the caller and never put into an error message.
	Reason string
	// Placed is when the hold was put in force. It must not be zero.
	Placed time.Time
	// Lifted is when the hold was (or will be) lifted; zero means it is still in force, and
	// then every deadline method returns an error wrapping ErrOnHold.
	Lifted time.Time
}

// retentionSpan is a lifted hold, or several overlapping ones merged: clocks stop in
// [placed, lifted).
type retentionSpan struct {
	placed, lifted time.Time
}

// WithHold returns a copy of the schedule that the hold h covers, in addition to any hold
// already given. With a lifted hold, the copy's Fields and every deadline it computes are
// pushed back as Hold describes; with an active hold, its deadline methods return an error
// wrapping ErrOnHold until a schedule is built with the hold lifted. An invalid hold (zero
// Placed, Lifted before Placed) makes every deadline method return an error wrapping
// ErrZeroTime, ErrTimeRange or ErrNegativeDays: a schedule never guesses around a hold.
func (s Schedule) WithHold(h Hold) Schedule {
	c := s
	c.holds = append(slices.Clip(s.holds), h)
	c.Fields = slices.Clone(s.Fields)
	c.err = nil
	c.spans = nil
	for i, hh := range c.holds {
		var lifted error
		if !hh.Lifted.IsZero() {
			lifted = mtlCheckTime(hh.Lifted, "lifted")
		}
		switch placed := mtlCheckTime(hh.Placed, "placed"); {
		case placed != nil:
			c.err = errorf("pii: hold %d: %w", i, placed)
		case lifted != nil:
			c.err = errorf("pii: hold %d: %w", i, lifted)
		case !hh.Lifted.IsZero() && hh.Lifted.Before(hh.Placed):
			c.err = errorf("pii: hold %d: lifted before it was placed: %w", i, ErrNegativeDays)
		case !hh.Lifted.IsZero():
			loc := c.Created.Location()
			c.spans = append(c.spans, retentionSpan{hh.Placed.In(loc), hh.Lifted.In(loc)})
		}
		if c.err != nil {
			return c
		}
	}
	c.spans = mtlMergeSpans(c.spans)
	for i := range c.Fields {
		c.fieldDeadlines(&c.Fields[i])
	}
	return c
}

// mtlMergeSpans sorts spans by start and merges those that overlap or touch, in place.
func mtlMergeSpans(spans []retentionSpan) []retentionSpan {
	slices.SortFunc(spans, func(a, b retentionSpan) int { return a.placed.Compare(b.placed) })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && !sp.placed.After(out[n-1].lifted) {
			if sp.lifted.After(out[n-1].lifted) {
				out[n-1].lifted = sp.lifted
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// mtlShift returns deadline d of a clock started at start, pushed back by the lifted holds:
// each span that begins at or before d and ends after start stops the clock from the later
// of start and its beginning until its end. Spans are visited in order, so a deadline pushed
// into a later span is pushed by that one too.
func (s Schedule) mtlShift(start, d time.Time) time.Time {
	for _, sp := range s.spans {
		if d.Before(sp.placed) || !start.Before(sp.lifted) {
			continue
		}
		from := start
		if from.Before(sp.placed) {
			from = sp.placed
		}
		d = mtlAddElapsed(d, from, sp.lifted)
	}
	return d
}

// mtlAddElapsed adds to d the time from from to to (to >= from), as whole calendar days in
// from's location plus what remains: a span from 10:00 to 10:00 five days later adds five
// calendar days, whatever daylight saving does in between.
func mtlAddElapsed(d, from, to time.Time) time.Time {
	n := mtlDayNumber(to) - mtlDayNumber(from.In(to.Location()))
	// The estimate from the dates is exact or one too many (to's clock is earlier than
	// from's); step back until from + n days is not after to.
	for n > 0 && from.AddDate(0, 0, int(n)).After(to) {
		n--
	}
	mid := from.AddDate(0, 0, int(n))
	return d.AddDate(0, 0, int(n)).Add(to.Sub(mid))
}

// mtlDayNumber numbers t's calendar date in t's location: consecutive dates get
// consecutive numbers.
func mtlDayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}
