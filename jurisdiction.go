package pii

import "strings"

// A Profile is the set of rules of one jurisdiction, or of several combined: which kinds
// count as personal data, which of those are sensitive, and which extra transforms apply
// (HIPAA Safe Harbor). Whether an IP address is personal data, for one, depends on the law:
// it is under GDPR and CCPA, it is not under CalOPPA.
//
// A Profile is a small immutable value: compare profiles with ==, copy them freely, use them
// as map keys. The built-in profiles are the package variables GDPR, UKGDPR, CCPA, HIPAA,
// PCIDSS, CalOPPA and Strict; Combine merges them and ParseProfile reads them from
// configuration. The zero Profile is Strict, so that a Policy whose profile was never set
// fails closed.
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
type profileKinds uint32

// The kind sets are uint32 bitsets: this fails to compile if there are ever more kinds.
var _ [32 - numKinds]struct{}

func (s profileKinds) has(k Kind) bool { return s&(1<<k) != 0 }

// profileFlags are the transforms a profile asks for beyond the kinds' defaults.
type profileFlags uint8

const (
	// profileSafeHarbor: HIPAA Safe Harbor generalisation, 45 CFR 164.514(b)(2): dates to
	// their year, ZIP codes to three digits, ages over 89 to "90 or older".
	profileSafeHarbor profileFlags = 1 << iota
)

// profileMembers is a set of built-in profiles, one bit each, in the order of profileLaws
// with Strict last. A combined profile's name and rules follow from its members alone,
// which makes Combine commutative and idempotent, and == meaningful.
type profileMembers uint8

const profileMemberStrict profileMembers = 1 << len(profileLaws)

// The built-in profiles. Each rule, kind by kind, and the article or section of the law
// that decides it, is in profileLaws (jurisdiction_rules.go); Matrix prints them as a table.
var (
	// GDPR is the EU General Data Protection Regulation, (EU) 2016/679, which applies in
	// the EU member states and, through the EEA Agreement, in Iceland, Liechtenstein and
	// Norway. Every kind is personal data (Art. 4(1)); health and biometric data are
	// special categories (Art. 9(1)) and are sensitive.
	GDPR = profileFromLaw(0)
	// UKGDPR is the UK GDPR, the GDPR as retained in UK law and read with the Data
	// Protection Act 2018. Its kinds and sensitive kinds are those of GDPR.
	UKGDPR = profileFromLaw(1)
	// CCPA is the California Consumer Privacy Act as amended by the CPRA (Cal. Civ. Code
	// 1798.100 ff.). Every kind is personal information (1798.140(v)); message contents,
	// precise geolocation, government identifiers, account credentials, health and
	// biometric data are sensitive personal information (1798.140(ae)).
	CCPA = profileFromLaw(2)
	// HIPAA is the HIPAA Privacy Rule's Safe Harbor de-identification method, 45 CFR
	// 164.514(b)(2): the eighteen identifiers count, and SafeHarbor reports that dates keep
	// only their year, ZIP codes their first three digits and ages over 89 become
	// "90 or older". Health information itself is protected health information and
	// sensitive (45 CFR 160.103).
	HIPAA = profileFromLaw(3)
	// PCIDSS is the Payment Card Industry Data Security Standard v4.0: account data only,
	// the card number (PAN) and the cardholder's name, plus the sensitive authentication
	// data (KindSecret) that must never be stored (Req. 3.3.1). A card number shows at most
	// its first six and last four digits (Req. 3.4.1) under every profile.
	PCIDSS = profileFromLaw(4)
	// CalOPPA is the California Online Privacy Protection Act (Cal. Bus. & Prof. Code
	// 22575-22579): only the identifiers of 22577(a) count, so IP addresses, device
	// identifiers and card numbers do not. It has no sensitive category of its own.
	CalOPPA = profileFromLaw(5)
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
var profileBuiltins = [...]Profile{GDPR, UKGDPR, CCPA, HIPAA, PCIDSS, CalOPPA, Strict}

// profileNames holds the name of every combination of built-in profiles, built once so
// that Name never allocates.
var profileNames = func() (names [2 * profileMemberStrict]string) {
	for m := range names {
		var parts []string
		for i, law := range profileLaws {
			if m&(1<<i) != 0 {
				parts = append(parts, law.name)
			}
		}
		if m&int(profileMemberStrict) != 0 || m == 0 {
			parts = append(parts, "Strict")
		}
		names[m] = strings.Join(parts, "+")
	}
	return names
}()

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
// built-in profiles it combines with '+', in the order GDPR, UK-GDPR, CCPA, HIPAA, PCI-DSS,
// CalOPPA, Strict: Combine(HIPAA, CCPA).Name() is "CCPA+HIPAA".
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

// Name returns the profile's name as ParseProfile reads it: "GDPR", "UK-GDPR", "CCPA",
// "HIPAA", "PCI-DSS", "CalOPPA", "Strict", or built-in names joined with '+' for a
// combination ("CCPA+HIPAA"). It is what Field.Profile reports.
func (p Profile) Name() string {
	if int(p.members) >= len(profileNames) {
		return "Profile(invalid)" // unreachable: members only ever holds known bits
	}
	return profileNames[p.members]
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

// SafeHarbor reports whether p applies the HIPAA Safe Harbor generalisations of 45 CFR
// 164.514(b)(2)(i): dates (birth dates among them) keep only their year, ZIP codes only
// their first three digits ("000" in the sparsely populated areas HHS lists), and ages over
// 89, with the dates that reveal them, become the single category "90 or older".
func (p Profile) SafeHarbor() bool { return p.jurisResolved().flags&profileSafeHarbor != 0 }

// profileAlwaysZeroed reports whether values of kind k are zeroed under every profile and
// every redact= or anon= strategy: card security codes, PINs, track data and passwords
// (KindSecret) are never kept (PCI DSS Req. 3.3.1), whatever the jurisdiction.
func profileAlwaysZeroed(k Kind) bool { return k == KindSecret }
