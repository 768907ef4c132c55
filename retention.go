package pii

import (
	"reflect"
	"slices"
	"time"
	"unsafe"
)

// WithBackupWindow sets how many days copies in backups and interconnected systems may
// outlive a deletion (30 unless set). Zero means deletions reach every copy at once.
func WithBackupWindow(days int) Option {
	return func(p *Policy) error {
		cfg, err := newRetentionConfig(days, p.retention.grace)
		if err != nil {
			return errorf("pii: WithBackupWindow: %w: %w", ErrOption, err)
		}
		p.retention = cfg
		return nil
	}
}

// WithGracePeriod sets how many days after an account is closed its personal data starts
// being removed, so that the customer can change their mind (30 unless set).
func WithGracePeriod(days int) Option {
	return func(p *Policy) error {
		cfg, err := newRetentionConfig(p.retention.backupWindow, days)
		if err != nil {
			return errorf("pii: WithGracePeriod: %w: %w", ErrOption, err)
		}
		p.retention = cfg
		return nil
	}
}

// WithAnonymizeOnPurge makes Purge anonymise the fields whose time is up, as Anonymize
// would (keyed pseudonyms, generalisations), instead of zeroing them: the record keeps
// what statistics need, and nothing that identifies a person.
func WithAnonymizeOnPurge() Option {
	return func(p *Policy) error {
		p.purgeAnonymizes = true
		return nil
	}
}

// ScheduleOf returns the retention schedule of v, a record, under the default Policy. See
// Policy.ScheduleOf.
func ScheduleOf(v any, created time.Time) (Schedule, error) {
	return defaultPolicy.ScheduleOf(v, created)
}

// ScheduleOf returns the retention schedule of v, one record: for each field that is PII
// under the record's profile (p's, widened by the record's parties under
// WithPartyJurisdiction, as Purge reads it), when it may be deleted (its MTL) and when it must be (its TTL), and
// the record-level answers. Deletion requests, account closure and holds are asked of the
// Schedule.
//
// The record's creation time is read from v's created field (`pii:"no,created"`), so pass
// the zero time for created. created is for a record without such a field (or with it
// unset), and for v given as a reflect.Type or a nil pointer, of which only the type is
// known; a created that differs from the field's is an error wrapping ErrCreatedMismatch,
// no time at all one wrapping ErrZeroTime, and a time outside the years 1 to 9999 one
// wrapping ErrTimeRange. The fields of records nested in v
// (structs with a created field of their own) are not in v's schedule: they have their
// own. A reflect.Value is refused with ErrReflectValue. The fields that v's interfaces hold are in it, named as Classify names them
// ("Extra.Card"), when v is a value: Purge purges them by v's time. A slice, array or map
// is refused with ErrCollection: ask for each record's schedule.
//
// The schedule's deletion plans report the deadline that the record's profile (the
// Policy's, widened by the record's parties under WithPartyJurisdiction) sets for
// answering a deletion request.
func (p *Policy) ScheduleOf(v any, created time.Time) (Schedule, error) {
	p = p.orDefault()
	t, err := typeOfArg("ScheduleOf", v)
	if err != nil {
		return Schedule{}, err
	}
	pl := planFor(t)
	if pl.err != nil {
		return Schedule{}, pl.err
	}
	if isCollection(t) {
		return Schedule{}, errorf("pii: ScheduleOf: %s: %w", t, ErrCollection)
	}
	ri := recordOf(t)
	var rv unsafe.Pointer
	if ri != nil || p.party || pl.root.dynamic {
		rv = recordValue(v)
	}
	if ri != nil {
		own := time.Time{}
		if rv != nil {
			own = ri.created(rv)
		}
		if created, err = recordTime(own, created); err != nil {
			return Schedule{}, errorf("pii: ScheduleOf: %s.%s: %w", t, ri.field, err)
		}
	}
	// The record's profile decides which fields are personal data: the Policy's, widened
	// by the record's parties. The fields are those of the type (Classify's static
	// listing, so that a profile cannot change which fields are looked at) and those its
	// interfaces hold, records nested in it left out (they keep their own time), less
	// those the profile does not count.
	profile := p.profile
	if p.party && rv != nil {
		if profile, err = partyProfile(&walker{pol: p, profile: p.profile}, pl.root, rv); err != nil {
			return Schedule{}, err
		}
	}
	fields := recordOwnFields(t, pl.fields)
	if pl.root.dynamic && rv != nil {
		// What interfaces hold is listed from the value, as Purge finds it.
		held, err := scheduleIfaceFields(p, pl.root, rv)
		if err != nil {
			return Schedule{}, err
		}
		// A tagged interface that holds a leaf itself is in the static listing already,
		// under the same path: listed once, as Purge reports it once.
		held = slices.DeleteFunc(held, func(h Field) bool {
			return slices.ContainsFunc(fields, func(f Field) bool {
				return f.Path == h.Path && f.Kind == h.Kind && f.MTL == h.MTL && f.TTL == h.TTL
			})
		})
		fields = append(slices.Clip(fields), held...)
	}
	s, err := retentionSchedule(fields, created, p.retention)
	if err != nil {
		return Schedule{}, err
	}
	s.profile = profile
	s.Fields = slices.DeleteFunc(s.Fields, func(fs FieldSchedule) bool { return !profile.Counts(fs.Kind) })
	return s, nil
}

// recordValue returns the memory of the struct v holds, through any pointers, or nil for a
// reflect.Type or a nil pointer.
func recordValue(v any) unsafe.Pointer {
	if _, ok := v.(reflect.Type); ok {
		return nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if !rv.CanAddr() {
		c := reflect.New(rv.Type())
		c.Elem().Set(rv)
		rv = c.Elem()
	}
	return rv.Addr().UnsafePointer()
}

// recordOwnFields returns the fields of t (as Classify lists them) that belong to t itself,
// leaving out those of records nested in it. It returns fields itself when none is nested.
func recordOwnFields(t reflect.Type, fields []Field) []Field {
	l := listingOf(planFor(t).root)
	if len(l.nested) != len(fields) {
		return fields // cannot happen: both follow the plan's listing order
	}
	var own []Field
	for i, in := range l.nested {
		if in && own == nil {
			own = append(make([]Field, 0, len(fields)), fields[:i]...)
		}
		if !in && own != nil {
			own = append(own, fields[i])
		}
	}
	if own == nil {
		return fields
	}
	return own
}

// Purge zeroes the fields of v whose maximum retention has run out, under the default
// Policy. See Policy.Purge.
func Purge(v any, created, now time.Time, holds ...Hold) ([]string, error) {
	return defaultPolicy.Purge(v, created, now, holds...)
}

// Purge zeroes (or, with WithAnonymizeOnPurge, anonymises), in v (a non-nil pointer, or
// a slice or map of records), the PII fields whose maximum retention (ttl=) has run out at
// now, and returns the paths of those fields (fields reached through an interface are
// named by their declaring type and field, "api.Ticket.Notes", as the static type cannot
// name their path). Not PII and untagged fields are never touched.
//
// Every record counts from its own creation time: a struct with a created field
// (`pii:"no,created"`) is a record, wherever it sits in v, and the fields under it are
// purged by its time, the innermost record's when records nest. So a slice or map of
// records is purged record by record, and a young record is never purged because an old
// one shares its batch. created is the time of a single record: of v when v points to a
// struct without a created field, or whose created field is unset (a different time in
// the field is an error wrapping ErrCreatedMismatch). A collection has no single time:
// created is not used for it, and a field with a ttl outside any record is an error
// wrapping ErrNoCreated; to purge structs without a created field, call Purge on each with
// its own time. A record whose time is unset is an error wrapping ErrZeroTime, a time
// outside the years 1 to 9999 one wrapping ErrTimeRange, and a now
// before a record's creation one wrapping ErrBeforeCreation.
//
// holds are the legal or fraud holds placed on the records: an active one stops the
// purge with an error wrapping ErrOnHold, and a lifted one pushes the deadlines back by its
// length.
//
// v that Purge cannot act on is an error, never a silent no-op: nil or a nil pointer
// wraps ErrNilValue, a struct or other value passed by value ErrNotPointer, a
// reflect.Type ErrTypeNotValue, a reflect.Value ErrReflectValue.
//
// Purge is all or nothing: every record's time, every hold, the tags of the types met
// behind interfaces and everything an anonymising purge needs are checked in a first pass
// that writes nothing, and on error v is unchanged.
func (p *Policy) Purge(v any, created, now time.Time, holds ...Hold) ([]string, error) {
	p = p.orDefault()
	if err := argError("Purge", v, true); err != nil {
		return nil, err
	}
	if err := mtlCheckTime(now, "purge time"); err != nil {
		return nil, errorf("pii: Purge: %w", err)
	}
	// A schedule checks the holds, which apply to every record alike.
	check := Schedule{Created: now}
	for _, h := range holds {
		check = check.WithHold(h)
	}
	if err := check.retentionCheckAt(now); err != nil {
		return nil, err
	}
	n, ptr, err := rootOf(v, "Purge")
	if err != nil || n == nil {
		return nil, err
	}
	single := !isCollection(n.typ)
	if single && !created.IsZero() && mtlOutOfRange(created) {
		return nil, errorf("pii: Purge: creation time passed: %w", ErrTimeRange)
	}
	if single && !created.IsZero() && now.Before(created) {
		return nil, errorf("pii: Purge: purge time before the creation time passed: %w", ErrBeforeCreation)
	}
	state := func() *purgeState {
		s := &purgeState{now: now, holds: holds, cfg: p.retention, root: recordPos{ptr, n}}
		if single {
			s.passed, s.created = created, created.Round(0)
		}
		return s
	}
	// First a pass that decides and checks everything and writes nothing, then the purge.
	if err := p.dryRun(n, ptr, &walker{act: purgeAction{state()}}); err != nil {
		return nil, err
	}
	s := state()
	w := walker{act: purgeAction{s}}
	if _, err := p.inPlace(v, &w, "Purge"); err != nil {
		return nil, err
	}
	return s.report(n), nil
}

// isCollection reports whether t is a slice, array or map.
func isCollection(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return true
	}
	return false
}

// purgeState is what a purging walk needs: the time and holds of the purge, the creation
// time of the record being walked, the decisions it has made for that record (a field's
// deadline depends only on its MTL and TTL), and what it zeroed.
type purgeState struct {
	// anon anonymises what is due under WithAnonymizeOnPurge.
	anon  anonymizeAction
	now   time.Time
	holds []Hold
	cfg   retentionConfig
	// passed is the creation time the caller passed for the root record; root is where
	// that record is.
	passed time.Time
	root   recordPos
	// created is the creation time of the record being walked, cur that record; zero
	// outside any record (passed, for a single record without a created field).
	created time.Time
	cur     recordPos
	// dry makes the walk decide and check without writing: the first pass.
	dry          bool
	decided      []purgeDecision
	zeroed       []*node  // the leaves zeroed, by node
	behindIfaces []string // the fields zeroed behind interfaces, which the static listing cannot name
}

type purgeDecision struct {
	mtl, ttl int
	due      bool
}

// due reports whether a field with this MTL and TTL of the current record must be purged
// now, by the same schedule (holds included) that ScheduleOf gives.
func (s *purgeState) due(mtl, ttl int) bool {
	for _, d := range s.decided {
		if d.mtl == mtl && d.ttl == ttl {
			return d.due
		}
	}
	sched := Schedule{Created: s.created, cfg: s.cfg}
	for _, h := range s.holds {
		sched = sched.WithHold(h)
	}
	fs := FieldSchedule{MTL: mtl, TTL: ttl}
	sched.fieldDeadlines(&fs)
	due := sched.retentionCheckAt(s.now) == nil && fs.purgeDue(s.now)
	s.decided = append(s.decided, purgeDecision{mtl, ttl, due})
	return due
}

// report returns the paths of the fields the purge zeroed: those of root's listing whose
// leaf node was zeroed, then those behind interfaces.
func (s *purgeState) report(root *node) []string {
	var due []string
	l := listingOf(root)
	fields := planOfNode(root)
	for i, f := range fields {
		if i < len(l.nodes) && slices.Contains(s.zeroed, l.nodes[i]) {
			due = append(due, f.Path)
		}
	}
	rt := root.typ
	for rt.Kind() == reflect.Pointer {
		rt = rt.Elem()
	}
	for _, f := range s.behindIfaces {
		// A leaf that a tagged interface of root holds itself is named by the walk as
		// root's type and field ("pkg.Rec.Link"): it is the listing's field, named as
		// ScheduleOf names it.
		if i := slices.IndexFunc(fields, func(g Field) bool { return rt.String()+"."+g.Path == f }); i >= 0 {
			f = fields[i].Path
		}
		if !slices.Contains(due, f) {
			due = append(due, f)
		}
	}
	return due
}

// planOfNode returns the fields Classify lists for the root node's type.
func planOfNode(root *node) []Field { return planFor(root.typ).fields }
