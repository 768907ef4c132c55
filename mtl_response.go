package pii

import (
	"errors"
	"fmt"
	"time"
)

// A ResponseDeadline is how long a law gives a business to answer a person's request to
// delete their data: Months calendar months or Days days from receipt, and the extension
// the law allows (with notice to the person, where it is necessary), with the provision.
//
// A month is a calendar month clamped to the month's end: one month after 31 January is
// 28 February (29 in a leap year), not 3 March; one month after 15 March is 15 April.
type ResponseDeadline struct {
	// Law names the profile whose law sets the deadline, as Profile.Name does.
	Law string
	// Months and Days are the period: one of them is set.
	Months, Days int
	// ExtendMonths and ExtendDays are how much longer the law lets the answer take when
	// it is necessary and the person is told; zero when it allows no extension.
	ExtendMonths, ExtendDays int
	// Source cites the provision.
	Source string
	// LatestLaw, LatestMonths and LatestDays are set for a combined profile whose other
	// law ends sooner once extensions are counted: that law's name and its whole period
	// from receipt, extension included. Extended never goes past it. (CCPA's 45 + 45 days
	// end before GDPR's one month + two for a request received on 1 July; Quebec allows no
	// extension where PIPEDA allows 30 days.)
	LatestLaw                string
	LatestMonths, LatestDays int
}

// IsZero reports whether d is no deadline: the profile's laws set none for deletion.
func (d ResponseDeadline) IsZero() bool { return d.Months == 0 && d.Days == 0 }

// Due returns when the answer to a request received at received is due, in received's
// location, or the zero time for no deadline.
func (d ResponseDeadline) Due(received time.Time) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return responseAdd(received, d.Months, d.Days)
}

// Extended returns when the answer is due at the latest, with the extension the law allows;
// Due when it allows none.
func (d ResponseDeadline) Extended(received time.Time) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	ext := responseAdd(d.Due(received), d.ExtendMonths, d.ExtendDays)
	if d.LatestLaw != "" {
		if latest := responseAdd(received, d.LatestMonths, d.LatestDays); latest.Before(ext) {
			return latest
		}
	}
	return ext
}

// minDays is the fewest days the deadline can give: a month is at least 28 days.
func (d ResponseDeadline) minDays() int { return 28*d.Months + d.Days }

// extendMinDays is the fewest days the extension can add.
func (d ResponseDeadline) extendMinDays() int { return 28*d.ExtendMonths + d.ExtendDays }

// String describes the deadline: "GDPR: 1 month (extendable by 2 months), Art. 12(3)".
func (d ResponseDeadline) String() string {
	if d.IsZero() {
		return "no deadline"
	}
	s := d.Law + ": " + responsePeriod(d.Months, d.Days)
	if d.ExtendMonths != 0 || d.ExtendDays != 0 {
		s += " (extendable by " + responsePeriod(d.ExtendMonths, d.ExtendDays)
		if d.LatestLaw != "" {
			s += ", to no more than " + d.LatestLaw + "'s " + responsePeriod(d.LatestMonths, d.LatestDays)
		}
		s += ")"
	}
	return s + ", " + d.Source
}

func responsePeriod(months, days int) string {
	switch {
	case months == 1:
		return "1 month"
	case months > 1:
		return fmt.Sprintf("%d months", months)
	}
	return fmt.Sprintf("%d days", days)
}

// responseAdd adds calendar months, clamped to the end of the month they land in, then days.
func responseAdd(t time.Time, months, days int) time.Time {
	if months != 0 {
		y, m, d := t.Date()
		hh, mm, ss := t.Clock()
		last := time.Date(y, m+time.Month(months)+1, 0, 0, 0, 0, 0, t.Location()).Day()
		t = time.Date(y, m+time.Month(months), min(d, last), hh, mm, ss, t.Nanosecond(), t.Location())
	}
	return t.AddDate(0, 0, days)
}

// responseRule is a law's answer to "how long to answer a deletion request": a deadline,
// or none with the reason.
type responseRule struct {
	months, days             int
	extendMonths, extendDays int
	source                   string
}

// responseRules holds each law's deadline for answering a deletion request, keyed by the
// name ParseProfile reads for its profile (lower case, without '-', '_' or spaces). A law
// without a fixed period ("without undue delay", or no right to deletion) has an entry
// with no period and the reason in source. Laws whose profiles are not built in yet are
// here so that they take effect as soon as they are.
var responseRules = map[string]responseRule{
	"gdpr": {months: 1, extendMonths: 2,
		source: "GDPR Art. 12(3): without undue delay and within one month of receipt, extendable by two further months"},
	"ukgdpr": {months: 1, extendMonths: 2,
		source: "UK GDPR Art. 12(3): within one month of receipt, extendable by two further months"},
	"ccpa": {days: 45, extendDays: 45,
		source: "Cal. Civ. Code 1798.130(a)(2)(A): within 45 days of receipt, extendable once by 45 days with notice"},
	"hipaa":   {source: "HIPAA grants no right to deletion (amendment, 45 CFR 164.526, is not erasure)"},
	"pcidss":  {source: "PCI DSS is a security standard: it gives cardholders no request rights"},
	"caloppa": {source: "CalOPPA requires a posted privacy policy and gives no right to deletion"},
	"lgpd": {days: 15,
		source: "LGPD Art. 19, II: a complete answer within 15 days of the request (the Act's term for answering a data subject; Art. 18 sets none of its own)"},
	"quebec": {days: 30,
		source: "Quebec Private Sector Act (as amended by Law 25) s. 32: within 30 days of receipt"},
	"pipeda": {days: 30, extendDays: 30,
		source: "PIPEDA s. 8(3): within 30 days of receipt, extendable by up to 30 days under s. 8(4)"},
	"vcdpa": {days: 45, extendDays: 45,
		source: "Va. Code 59.1-577(B)(1): within 45 days of receipt, extendable once by 45 days"},
	"cpa": {days: 45, extendDays: 45,
		source: "C.R.S. 6-1-1306(4): within 45 days of receipt, extendable by 45 days"},
	"tdpsa": {days: 45, extendDays: 45,
		source: "Tex. Bus. & Com. Code 541.052(b): within 45 days of receipt, extendable once by 45 days"},
	"appi":         {source: "APPI Art. 35: without delay, no fixed number of days"},
	"popia":        {source: "POPIA s. 24: as soon as reasonably practicable, no fixed number of days"},
	"pipl":         {source: "PIPL Art. 50: promptly, no fixed number of days"},
	"dpdp":         {source: "DPDP Act 2023 s. 12: the period is left to rules, not fixed in the Act"},
	"fadp":         {source: "FADP: the 30 days of Ordinance Art. 18 are for access; deletion has no fixed period"},
	"privacyactau": {source: "Privacy Act 1988 (Cth): no right to deletion; APP 11.2 destruction has no request period"},
	"pdpasg":       {source: "PDPA (Singapore) gives no right to deletion; s. 25 cessation of retention has no request period"},
}

// responseLaw returns the rule of the built-in law i, found by its names, and whether the
// table knows the law.
func responseLaw(i int) (responseRule, bool) {
	for _, alias := range profileLaws[i].aliases {
		if r, ok := responseRules[alias]; ok {
			return r, true
		}
	}
	return responseRule{}, false
}

// ResponseDeadline returns the deadline that p's laws set for answering a deletion request
// received at received: of the laws p combines (every built-in law, for Strict), the one
// whose answer is due first. It returns the zero ResponseDeadline when none of them sets a
// period (HIPAA, PCI DSS and CalOPPA give no right to deletion).
//
// Of laws due on the same day, the one allowing the shorter extension is given; and when
// another of the laws ends sooner once extensions are counted, the deadline's Latest
// fields name it, so that Extended is the earliest latest date of them all: the stricter
// rule on both counts.
func (p Profile) ResponseDeadline(received time.Time) ResponseDeadline {
	best := p.responseBest(func(d, best ResponseDeadline) bool {
		due, bestDue := d.Due(received), best.Due(received)
		return due.Before(bestDue) || due.Equal(bestDue) && d.Extended(received).Before(best.Extended(received))
	})
	if best.IsZero() {
		return best
	}
	ext := best.Extended(received)
	for i := range profileLaws {
		d, ok := p.responseOfLaw(i)
		if !ok {
			continue
		}
		months, days := d.Months+d.ExtendMonths, d.Days+d.ExtendDays
		if latest := responseAdd(received, months, days); latest.Before(ext) {
			ext = latest
			best.LatestLaw, best.LatestMonths, best.LatestDays = d.Law, months, days
		}
	}
	return best
}

// responseShortest returns p's deadline that gives the fewest days whatever the date of
// the request, for Warnings.
func (p Profile) responseShortest() ResponseDeadline {
	return p.responseBest(func(d, best ResponseDeadline) bool {
		return d.minDays() < best.minDays() || d.minDays() == best.minDays() && d.extendMinDays() < best.extendMinDays()
	})
}

// responseBest returns, of the deadlines of p's laws, the one no other is better than.
func (p Profile) responseBest(better func(d, best ResponseDeadline) bool) ResponseDeadline {
	var best ResponseDeadline
	for i := range profileLaws {
		if d, ok := p.responseOfLaw(i); ok && (best.IsZero() || better(d, best)) {
			best = d
		}
	}
	return best
}

// responseOfLaw returns the deadline of the built-in law i when p includes the law (Strict
// includes every one) and the law sets a period.
func (p Profile) responseOfLaw(i int) (ResponseDeadline, bool) {
	if p.members != 0 && p.members&profileMemberStrict == 0 && p.members&(1<<i) == 0 {
		return ResponseDeadline{}, false
	}
	r, _ := responseLaw(i)
	d := ResponseDeadline{Law: profileLaws[i].name, Months: r.months, Days: r.days,
		ExtendMonths: r.extendMonths, ExtendDays: r.extendDays, Source: r.source}
	return d, !d.IsZero()
}

// ErrDeadlineUnmet is wrapped by the warnings of Policy.Warnings for a grace period and
// backup window that together outlast the profile's deadline for answering a deletion
// request.
var ErrDeadlineUnmet = errors.New("grace period plus backup window outlast the deadline for answering a deletion request")

// Warnings returns what is legal but doubtful in p's configuration; nil when nothing is.
// New does not fail for these, since the defaults (a 30-day grace period and a 30-day
// backup window under Strict, which includes GDPR's one month) would: they are for a
// service's start-up log or its own test.
//
// Today it reports, wrapping ErrDeadlineUnmet, a grace period plus backup window longer
// than the shortest deadline that p's profile sets for answering a deletion request (a
// month counted as its shortest, 28 days): an account closed today would then still have
// copies of its data after the law's deadline.
func (p *Policy) Warnings() []error {
	p = p.orDefault()
	d := p.profile.responseShortest()
	total := p.retention.grace + p.retention.backupWindow
	if d.IsZero() || total <= d.minDays() {
		return nil
	}
	return []error{errorf("pii: grace period %d days + backup window %d days = %d days, but %s: %w",
		p.retention.grace, p.retention.backupWindow, total, d, ErrDeadlineUnmet)}
}
