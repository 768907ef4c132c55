// Package pii knows, from struct tags, which fields of a Go service's data hold personal
// data, and acts on that knowledge: it redacts the data in place or in a copy before it
// is logged, anonymises it for statistics, computes when each field may and must be
// deleted, and applies the rules of the jurisdiction a record falls under.
//
// A field is classified by its tag:
//
//	type Message struct {
//		SID  string `pii:"no"`               // Not PII
//		From string `pii:"phone,mtl=120"`    // a phone number, kept at least 120 days
//		Body string `pii:"body,mtl=30"`      // message content, kept at least 30 days
//	}
//
// The tag grammar is that of Tag. The first time the package meets a Go type it builds a
// plan for it, cached by reflect.Type like encoding/json caches its encoders: every later
// Classify, Redact, Redacted, Anonymize and log line of that type walks the cached plan
// and touches only the fields that hold personal data.
//
// A Policy, made by New from Options, holds everything that is not in the tags: the
// customer's own phone numbers, the jurisdiction profile, keys. The package-level
// functions use a default Policy. A Policy is immutable and safe for concurrent use.
package pii

import (
	"errors"
	"strings"
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
)

// Policy holds the settings that are not in the tags. Make one with New; a nil or zero
// Policy acts as the default one (see Default). A Policy is immutable after New and safe
// for concurrent use.
type Policy struct {
	placeholder string    // what redact=replace writes
	region      string    // default region for numbers written without a country code
	ownedRaw    []string  // WithOwnedNumbers, as given; owned is built from them in New
	owned       maskOwned // the customer's own numbers, never redacted
	retention   retentionConfig
	anon        anonEnv // pseudonym and seal keys, for Anonymize
	// purgeAnonymizes makes Purge anonymise what is due instead of zeroing it.
	purgeAnonymizes bool
	leniency        Leniency
	scanner         *textScanner // the free-text finder, built in New

	profile  Profile // the zero Profile is Strict
	party    bool    // WithPartyJurisdiction: widen the profile per record
	narrows  bool    // the profile leaves some kind out: Classify must consult it
	allKinds bool    // the profile counts every kind: redaction need not ask it
	// redactByProfile: WithRedactionLimitedToProfile, redaction asks the profile of
	// every kind, direct identifiers included.
	redactByProfile bool
	// maskOnly holds, for redactions under the Policy's own profile, the kinds whose
	// tagged strings take their kind's mask and nothing else (see maskOnlyKinds):
	// [0] for Redact and Redacted, [1] for log lines.
	maskOnly [2]profileKinds
}

// An Option configures a Policy in New. Options are checked when New runs, so a mistake
// in configuration is an error at start-up, never a surprise in a log call.
type Option func(*Policy) error

// ErrOption is wrapped by every error New returns for an invalid option.
var ErrOption = errors.New("invalid option")

// New returns a Policy configured by opts, or an error naming the first invalid option.
func New(opts ...Option) (*Policy, error) {
	p := &Policy{placeholder: "[REDACTED]", retention: retentionDefaultConfig()}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(p); err != nil {
			return nil, err
		}
	}
	if p.region != "" && !phonenumbers.GetSupportedRegions()[p.region] {
		return nil, errorf("pii: WithRegion(%q): %w: %w: not a region code that phone numbers use%s",
			p.region, ErrOption, ErrUnknownRegion, regionHint(p.region))
	}
	// What depends on several options is built once they are all known.
	owned, err := newMaskOwned(p.ownedRaw, p.region)
	if err != nil {
		return nil, errorf("pii: WithOwnedNumbers: %w: %w", ErrOption, err)
	}
	p.owned = owned
	if p.scanner, err = newTextScanner(p.region, p.leniency, owned); err != nil {
		return nil, errorf("pii: WithRegion: %w: %w", ErrOption, err)
	}
	p.anon.region = p.region
	if p.anon.sealer != nil && p.anon.keys != nil {
		p.anon.sealer.markFrom(p.anon.keys.key)
	}
	p.narrows = len(p.profile.Kinds()) < int(numKinds)-1
	p.allKinds = !p.narrows && !p.party
	p.maskOnly = [2]profileKinds{maskOnlyKinds(p, p.profile, false), maskOnlyKinds(p, p.profile, true)}
	return p, nil
}

// WithOwnedNumbers names the phone numbers that belong to the service itself (the numbers
// it rents and sends from). They are not personal data: redaction leaves them as they are,
// however they are formatted. Numbers without a country code are read in the WithRegion
// region; a number that cannot be read is an error from New (naming its position, not
// its digits).
func WithOwnedNumbers(numbers ...string) Option {
	return func(p *Policy) error {
		p.ownedRaw = append(p.ownedRaw, numbers...)
		return nil
	}
}

// WithRegion sets the default region (a CLDR code such as "US" or "GB") for phone numbers
// written without a country code, in owned numbers and in free text. Case does not matter
// ("us" is "US"); an unknown code is an error from New, with a hint ("UK": did you mean
// "GB"?). Without it, owned numbers must be written with + or an international prefix,
// and free text reads national numbers in a set of default regions (see FREETEXT.md).
func WithRegion(region string) Option {
	return func(p *Policy) error {
		p.region = strings.ToUpper(strings.TrimSpace(region))
		return nil
	}
}

// WithProfile sets the jurisdiction profile: which kinds count as personal data, which
// are sensitive, and which transforms apply (HIPAA Safe Harbor). A kind the profile does
// not count is reported as Not PII by Classify and left alone by Redact and Anonymize.
// The default is Strict, under which every tagged kind counts. Use Combine for several.
func WithProfile(pr Profile) Option {
	return func(p *Policy) error {
		p.profile = pr
		return nil
	}
}

// WithPartyJurisdiction widens each record's profile by the regions of the phone numbers
// it holds: a message to a number in the EU is under GDPR even when the service's own
// profile is not. The region is read from the country calling code, cheaply enough for
// every log line.
func WithPartyJurisdiction() Option {
	return func(p *Policy) error {
		p.party = true
		return nil
	}
}

// WithPlaceholder sets the text that the redact=replace strategy writes in place of a
// value. The default is "[REDACTED]". It must not be empty: an empty placeholder is what
// redact=zero is for.
func WithPlaceholder(s string) Option {
	return func(p *Policy) error {
		if s == "" {
			return errorf("pii: WithPlaceholder: %w: empty placeholder (use redact=zero)", ErrOption)
		}
		p.placeholder = s
		return nil
	}
}

// orDefault returns p, or the default Policy (see SetDefault) when p is nil or was not
// made by New.
func (p *Policy) orDefault() *Policy {
	if p == nil || p.scanner == nil {
		return current.Load()
	}
	return p
}

var (
	// builtin is the Policy of New() with no options: what Default returns until
	// SetDefault is called.
	builtin = mustNew()
	// current is the Policy that the package-level functions, Safe, and handlers made
	// with a nil Policy use.
	current atomic.Pointer[Policy]
	// defaultPolicy stands for "the default Policy at the time of use": it is the zero
	// Policy, which orDefault resolves to current on every call, so that SetDefault
	// reaches every package-level function.
	defaultPolicy = &Policy{}
)

func init() { current.Store(builtin) }

func mustNew() *Policy {
	p, err := New()
	if err != nil {
		panic("pii: the default Policy: " + err.Error()) // a bug in this package, never input
	}
	return p
}

// Default returns the Policy that the package-level functions use: the one given to
// SetDefault, or, until then, New() with no options (no owned numbers, the strict
// profile under which every tagged kind is personal data).
func Default() *Policy { return current.Load() }

// SetDefault makes p the Policy behind the package-level functions (Classify, Redact,
// Redacted with a nil Policy, Anonymize, Scan, RedactText, Purge...), Safe, and every
// Handler made with a nil Policy, as slog.SetDefault does for slog's functions. It is
// process-wide and safe for concurrent use: calls already running keep the Policy they
// started with. SetDefault(nil) restores the built-in default. Call it once at start-up,
// after New, so that a service's owned numbers and profile apply to every log line.
func SetDefault(p *Policy) {
	if p == nil || p.scanner == nil {
		p = builtin
	}
	current.Store(p)
}

// Profile returns the jurisdiction profile p was made with (WithProfile; Strict by
// default), so that tools that describe data (an inventory from source) can follow the
// Policy a service runs with.
func (p *Policy) Profile() Profile { return p.orDefault().profile }
