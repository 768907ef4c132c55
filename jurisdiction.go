package pii

import (
	"maps"
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
)

// A Profile is the set of rules of one jurisdiction, or of several combined: which kinds
// count as personal data, which of those are sensitive, and which extra transforms apply
// (HIPAA Safe Harbor). Whether an IP address is personal data, for one, depends on the law:
// it is under GDPR and CCPA, it is not under PCI DSS.
//
// A Profile is a small immutable value: compare profiles with ==, copy them freely, use them
// as map keys. The built-in profiles are the package variables (GDPR, UKGDPR, CCPA, HIPAA,
// PCIDSS, CalOPPA, LGPD, PIPEDA, Quebec, DPDP, PIPL, APPI, FADP, POPIA, PrivacyActAU,
// PDPASG, VCDPA, CPA, TDPSA and Strict); Combine merges them, ParseProfile reads them from
// configuration and ProfileForRegion finds them by region. The zero Profile is Strict, so
// that a Policy whose profile was never set fails closed.
//
// Two rules hold under every profile, whatever the law says: a kind tagged generic
// (`pii:"true"`) always counts, as its author said it is personal data without saying which
// kind; and KindSecret (card security codes, PINs, track data, passwords) always counts, is
// always sensitive and is always zeroed, never kept.
type Profile struct {
	members   profileMembers // the built-in profiles this one combines; 0 means Strict
	counts    profileKinds   // kinds that are personal data
	sensitive profileKinds   // kinds that are sensitive; a subset of counts
	flags     profileFlags   // extra transforms
}

// profileKinds is a set of kinds: bit k stands for Kind k.
type profileKinds uint64

// The kind sets are uint64 bitsets: this fails to compile if there are ever more kinds.
var _ [64 - numKinds]struct{}

func (s profileKinds) has(k Kind) bool { return s&(1<<k) != 0 }

// profileFlags are the transforms a profile asks for beyond the kinds' defaults.
type profileFlags uint8

const (
	// profileSafeHarbor: HIPAA Safe Harbor de-identification, 45 CFR 164.514(b)(2), under
	// Anonymize (see safeHarbor).
	profileSafeHarbor profileFlags = 1 << iota
)

// profileMembers is a set of built-in profiles, one bit each, in the order of profileLaws
// with Strict last. A combined profile's name and rules follow from its members alone,
// which makes Combine commutative and idempotent, and == meaningful.
type profileMembers uint32

const profileMemberStrict profileMembers = 1 << len(profileLaws)

// The members fit their bitset: this fails to compile if there are ever too many laws.
var _ [31 - len(profileLaws)]struct{}

// The built-in profiles. Each rule, kind by kind, and the article or section of the law
// that decides it, is in profileLaws (jurisdiction_rules*.go); Matrix prints them as a
// table, and JURISDICTIONS.md embeds it.
var (
	// GDPR is the EU General Data Protection Regulation, (EU) 2016/679, which applies in
	// the EU member states and, through the EEA Agreement, in Iceland, Liechtenstein and
	// Norway. Every kind is personal data (Art. 4(1)); the special categories of Art. 9(1)
	// (health, biometric and genetic data, racial or ethnic origin, beliefs, political
	// opinions, union membership, sex life) and criminal records (Art. 10) are sensitive.
	GDPR = profileFromLaw(lawGDPR)
	// UKGDPR is the UK GDPR, the GDPR as retained in UK law and read with the Data
	// Protection Act 2018. Its kinds and sensitive kinds are those of GDPR.
	UKGDPR = profileFromLaw(lawUKGDPR)
	// CCPA is the California Consumer Privacy Act as amended by the CPRA (Cal. Civ. Code
	// 1798.100 ff.). Every kind is personal information (1798.140(v)); message contents,
	// precise geolocation, government identifiers, account credentials, health, biometric,
	// genetic and neural data, racial or ethnic origin, citizenship or immigration status,
	// beliefs, union membership and sex life are sensitive personal information
	// (1798.140(ae)).
	CCPA = profileFromLaw(lawCCPA)
	// HIPAA is the HIPAA Privacy Rule and its Safe Harbor de-identification method, 45 CFR
	// 164.514(b)(2): the eighteen identifiers count, and Anonymize removes or generalises
	// each of them as Safe Harbor requires (see Profile.SafeHarbor). Health and genetic
	// information is protected health information and sensitive (45 CFR 160.103).
	HIPAA = profileFromLaw(lawHIPAA)
	// PCIDSS is the Payment Card Industry Data Security Standard v4.0.1: account data
	// only, the card number (PAN) and the cardholder's name, plus the sensitive
	// authentication data (KindSecret) that must never be stored (Req. 3.3.1). When a PAN
	// is displayed, at most its BIN (the first six digits, or eight for an eight-digit BIN)
	// and its last four may show (Req. 3.4.1); this package shows no more than the first
	// six and the last four, under every profile.
	PCIDSS = profileFromLaw(lawPCIDSS)
	// CalOPPA is the California Online Privacy Protection Act (Cal. Bus. & Prof. Code
	// 22575-22579): only the identifiers of 22577(a)(1)-(6) count: names, physical
	// addresses, email addresses, telephone numbers, social security numbers, and any
	// other identifier that permits the physical or online contacting of a specific
	// individual (22577(a)(6): coordinates, and account names, handles and messaging
	// identifiers). IP addresses, device identifiers and URLs address a connection, a
	// device or a page, not a person: like card numbers, dates of birth and health data
	// they count only with such an identifier (22577(a)(7)), not on their own. It has no
	// sensitive category of its own.
	CalOPPA = profileFromLaw(lawCalOPPA)
	// Strict is the default and the zero Profile: every kind of personal data counts, and
	// a kind is sensitive if any built-in profile says it is. It asks for no extra
	// transform (no Safe Harbor generalisation); combine it with HIPAA for that.
	Strict = Profile{}
)

// profileStrictRules is what Strict means: Strict itself is the zero Profile, and methods
// read its rules from here.
var profileStrictRules = func() Profile {
	p := Profile{members: profileMemberStrict}
	for k := KindGeneric; k < numKinds; k++ {
		p.counts |= 1 << k
	}
	for i := range profileLaws {
		p.sensitive |= profileFromLaw(i).sensitive
	}
	return p
}()

// profileBuiltins lists the built-in profiles in Matrix's column order, Strict last.
var profileBuiltins = func() []Profile {
	ps := make([]Profile, 0, len(profileLaws)+1)
	for i := range profileLaws {
		ps = append(ps, profileFromLaw(i))
	}
	return append(ps, Strict)
}()

// profileCombinedNames caches the names of combined profiles, so that Name allocates once
// per combination. The map is never changed once published: a new name is added to a
// copy, so that reads take no lock. The built-in profiles' own names are their laws' and
// need no cache.
var (
	profileCombinedNames   atomic.Pointer[map[profileMembers]string]
	profileCombinedNamesMu sync.Mutex // serialises the copies
)

// profileName builds the name of a set of members: the laws' names in profileLaws order
// joined with '+', then "Strict".
func profileName(m profileMembers) string {
	var parts []string
	for i := range profileLaws {
		if m&(1<<i) != 0 {
			parts = append(parts, profileLaws[i].name)
		}
	}
	if m&profileMemberStrict != 0 || m == 0 {
		parts = append(parts, "Strict")
	}
	return strings.Join(parts, "+")
}

// profileFromLaw builds the built-in profile of profileLaws[i] from its rule table.
func profileFromLaw(i int) Profile {
	law := &profileLaws[i]
	p := Profile{members: 1 << i, flags: law.flags}
	for _, r := range law.rules {
		switch r.cell {
		case profileSensitive:
			p.sensitive |= 1 << r.kind
			p.counts |= 1 << r.kind
		case profilePII:
			p.counts |= 1 << r.kind
		}
	}
	return p
}

// jurisResolved returns p with Strict's rules filled in when p is the zero Profile.
func (p Profile) jurisResolved() Profile {
	if p.members == 0 {
		return profileStrictRules
	}
	return p
}

// Combine returns the profile under which every one of ps applies: a kind is personal data
// if any of them says so, it is sensitive if any of them says so, and every extra transform
// any of them asks for applies (the stricter rule wins). Its name joins the names of the
// built-in profiles it combines with '+', in Matrix's column order (GDPR, UK-GDPR, CCPA,
// HIPAA, PCI-DSS, CalOPPA, LGPD, ..., TDPSA, Strict): Combine(HIPAA, CCPA).Name() is
// "CCPA+HIPAA".
//
// Combine is commutative and idempotent, so Combine(CCPA, HIPAA) == Combine(HIPAA, CCPA)
// and Combine(GDPR, GDPR) == GDPR. Combine() of nothing is Strict: a record with no known
// jurisdiction fails closed.
func Combine(ps ...Profile) Profile {
	if len(ps) == 0 {
		return Strict
	}
	var c Profile
	for _, p := range ps {
		p = p.jurisResolved()
		c.members |= p.members
		c.counts |= p.counts
		c.sensitive |= p.sensitive
		c.flags |= p.flags
	}
	if c.members == profileMemberStrict {
		return Strict
	}
	return c
}

// Name returns the profile's name as ParseProfile reads it: a built-in profile's name
// ("GDPR", "UK-GDPR", "CCPA", "HIPAA", "PCI-DSS", "CalOPPA", "LGPD", "PIPEDA", "Quebec",
// "DPDP", "PIPL", "APPI", "FADP", "POPIA", "Privacy-Act-AU", "PDPA-SG", "VCDPA", "CPA",
// "TDPSA", "Strict"), or built-in names joined with '+' for a combination ("CCPA+HIPAA").
// It is what Field.Profile reports.
func (p Profile) Name() string {
	m := p.members
	switch {
	case m == 0 || m == profileMemberStrict:
		return "Strict"
	case m&(m-1) == 0: // one law
		return profileLaws[bits.TrailingZeros32(uint32(m))].name
	}
	if names := profileCombinedNames.Load(); names != nil {
		if name, ok := (*names)[m]; ok {
			return name
		}
	}
	profileCombinedNamesMu.Lock()
	defer profileCombinedNamesMu.Unlock()
	old := profileCombinedNames.Load()
	if old != nil {
		if name, ok := (*old)[m]; ok {
			return name
		}
	}
	names := make(map[profileMembers]string, 1)
	if old != nil {
		maps.Copy(names, *old)
	}
	name := profileName(m)
	names[m] = name
	profileCombinedNames.Store(&names)
	return name
}

// String returns Name, so that profiles print by name.
func (p Profile) String() string { return p.Name() }

// Counts reports whether a value of kind k is personal data under p, and so is redacted,
// anonymised and purged as such. KindNone never counts; a Kind this package does not
// define always counts (fail closed).
func (p Profile) Counts(k Kind) bool {
	if k == KindNone {
		return false
	}
	if k >= numKinds {
		return true
	}
	return p.jurisResolved().counts.has(k)
}

// Sensitive reports whether kind k is sensitive under p (GDPR Art. 9 special categories,
// CCPA sensitive personal information, ...): such values never reach a log line, even
// redacted. A sensitive kind always counts. KindNone is never sensitive; a Kind this
// package does not define always is (fail closed).
func (p Profile) Sensitive(k Kind) bool {
	if k == KindNone {
		return false
	}
	if k >= numKinds {
		return true
	}
	return p.jurisResolved().sensitive.has(k)
}

// Kinds returns the kinds that are personal data under p, in Kind order, in a fresh slice.
func (p Profile) Kinds() []Kind {
	r := p.jurisResolved()
	var ks []Kind
	for k := KindGeneric; k < numKinds; k++ {
		if r.counts.has(k) {
			ks = append(ks, k)
		}
	}
	return ks
}

// SafeHarbor reports whether p includes HIPAA, and so whether Anonymize gives output that
// meets the Safe Harbor de-identification method of 45 CFR 164.514(b)(2): every element
// of a date but its year (dob, date), ages over 89 and the years of birth that imply them
// as the single category "90 or older" (age, dob), ZIP codes cut to three digits with the
// restricted areas of RestrictedZIP3 written "000" (postal), and every other identifier
// kind removed or, with anon=pseudonym, replaced by a random re-identification code that
// is not derived from the value (164.514(c)). Only Anonymize claims Safe Harbor. Redact,
// Redacted, log lines and RedactText mask for logs: under HIPAA they write ZIP codes and
// dates of birth as above, and mask the other kinds as under any profile (a phone number
// keeps all but its last four digits), which is no de-identification.
func (p Profile) SafeHarbor() bool { return p.jurisResolved().flags&profileSafeHarbor != 0 }

// profileAlwaysZeroed reports whether values of kind k are zeroed under every profile and
// every redact= or anon= strategy: card security codes, PINs, track data and passwords
// (KindSecret) are never kept (PCI DSS Req. 3.3.1), whatever the jurisdiction.
func profileAlwaysZeroed(k Kind) bool { return k == KindSecret }
