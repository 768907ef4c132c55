package pii

import (
	"fmt"
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
			return fmt.Errorf("pii: WithBackupWindow: %w: %w", ErrOption, err)
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
			return fmt.Errorf("pii: WithGracePeriod: %w: %w", ErrOption, err)
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

// ScheduleOf returns the retention schedule of v, a record created at created, under the
// default Policy. See Policy.ScheduleOf.
func ScheduleOf(v any, created time.Time) (Schedule, error) {
	return defaultPolicy.ScheduleOf(v, created)
}

// ScheduleOf returns the retention schedule of v (a value, a pointer, or a reflect.Type:
// only its type matters), a record created at created: for each field that is PII under
// p's profile, when it may be deleted (its MTL) and when it must be (its TTL), and the
// record-level answers. Deletion requests, account closure and holds are asked of the
// Schedule.
func (p *Policy) ScheduleOf(v any, created time.Time) (Schedule, error) {
	p = p.orDefault()
	fields, err := p.classified(v)
	if err != nil {
		return Schedule{}, err
	}
	return retentionSchedule(fields, created, p.retention)
}

// classified returns the fields of v's type under p's profile, sharing the plan's slice
// (read only) when the profile changes nothing.
func (p *Policy) classified(v any) ([]Field, error) {
	if !p.profileNarrows() {
		t, err := typeOf(v)
		if err != nil {
			return nil, err
		}
		pl := planFor(t)
		return pl.fields, pl.err
	}
	return p.Classify(v)
}

// Purge zeroes the fields of v whose maximum retention has run out, under the default
// Policy. See Policy.Purge.
func Purge(v any, created, now time.Time, holds ...Hold) ([]string, error) {
	return defaultPolicy.Purge(v, created, now, holds...)
}

// Purge zeroes (or, with WithAnonymizeOnPurge, anonymises), in v (a non-nil pointer, or
// a slice or map of records), the PII fields whose maximum retention (ttl=) has run out at now for a record created at created, and
// returns the paths of those fields (fields reached through an interface are named by
// their declaring type and field, "api.Ticket.Notes", as the static type cannot name
// their path). holds are the legal or fraud holds placed on the
// record: an active one stops the purge with an error wrapping ErrOnHold, and a lifted one
// pushes the deadlines back by its length. Not PII and untagged fields are never touched.
func (p *Policy) Purge(v any, created, now time.Time, holds ...Hold) ([]string, error) {
	p = p.orDefault()
	// The schedule checks the inputs and the holds.
	s, err := p.ScheduleOf(v, created)
	if err != nil {
		return nil, err
	}
	for _, h := range holds {
		s = s.WithHold(h)
	}
	if err := s.retentionCheckAt(now); err != nil {
		return nil, err
	}
	w := walker{mode: modePurge, profile: p.profile,
		purge: &purgeState{created: created, now: now, holds: holds, cfg: p.retention}}
	if err := p.inPlace(v, &w, "Purge"); err != nil {
		return nil, err
	}
	// Report by the record's own profile, which its parties may have widened beyond
	// the Policy's: the walk zeroed by it.
	t, _ := typeOf(v)
	var due []string
	for _, f := range planFor(t).fields {
		if f.Class == PII && f.TTL > 0 && w.profile.Counts(f.Kind) && w.purge.due(f.MTL, f.TTL) {
			due = append(due, f.Path)
		}
	}
	for _, f := range w.purge.behindIfaces {
		if !slices.Contains(due, f) {
			due = append(due, f)
		}
	}
	return due, nil
}

// purgeState is what a purging walk needs: the record's times and holds, the
// decisions it has made (a field's deadline depends only on its MTL and TTL), and the
// fields it zeroed behind interfaces, which the static schedule cannot name.
type purgeState struct {
	created, now time.Time
	holds        []Hold
	cfg          retentionConfig
	decided      []purgeDecision
	behindIfaces []string
}

type purgeDecision struct {
	mtl, ttl int
	due      bool
}

// due reports whether a field with this MTL and TTL must be purged now, by the same
// schedule (holds included) that ScheduleOf gives.
func (s *purgeState) due(mtl, ttl int) bool {
	for _, d := range s.decided {
		if d.mtl == mtl && d.ttl == ttl {
			return d.due
		}
	}
	sched, err := retentionSchedule([]Field{{Class: PII, MTL: mtl, TTL: ttl}}, s.created, s.cfg)
	for _, h := range s.holds {
		sched = sched.WithHold(h)
	}
	due := err == nil && sched.retentionCheckAt(s.now) == nil && sched.Fields[0].purgeDue(s.now)
	s.decided = append(s.decided, purgeDecision{mtl, ttl, due})
	return due
}

// purgeLeaf zeroes (or anonymises) a leaf whose maximum retention has run out.
func (w *walker) purgeLeaf(ptr unsafe.Pointer, n *node) error {
	r := &n.rule
	if !r.pii() || !w.counts(r.tag.Kind) || r.tag.TTL == 0 || !w.purge.due(r.tag.MTL, r.tag.TTL) {
		return nil
	}
	if w.pol.purgeAnonymizes {
		if err := w.anonymizeLeaf(ptr, n); err != nil {
			return err
		}
	} else {
		reflect.NewAt(n.typ, ptr).Elem().SetZero()
	}
	if w.ifaces > 0 && !slices.Contains(w.purge.behindIfaces, w.field) {
		w.purge.behindIfaces = append(w.purge.behindIfaces, w.field)
	}
	return nil
}
