package pii

import (
	"crypto/rand"
	"net"
	"net/netip"
	"strings"
	"time"
	"unsafe"
)

// HIPAA Safe Harbor under Anonymize, 45 CFR 164.514(b)(2)(i). Redaction masks values for
// logs and claims nothing; Anonymize, under a profile that includes HIPAA, gives output
// that meets the Safe Harbor method for every kind that is one of its eighteen
// identifiers:
//
//   - dob: the year of birth, or "90 or older" when the year implies an age over 89 at
//     the time of anonymisation ((C)); a time.Time keeps 1 January of its year, or becomes
//     the zero time over 89, as a time cannot hold the category;
//   - date (admission, discharge, death, ...): the year ((C)); a time.Time keeps 1 January
//     of its year;
//   - age: up to 89 as it is, over 89 "90 or older" (an integer becomes 90, which then
//     stands for the category) ((C));
//   - postal: the first three digits of a US ZIP code, or "000" for the three-digit areas
//     of 20,000 people or fewer (RestrictedZIP3) and for anything that is no ZIP code ((B));
//   - every other identifier kind is removed: names, street addresses, coordinates (no
//     precision below a state is allowed, and a coordinate's state is no coordinate),
//     telephone and fax numbers, email addresses, government identifiers, account, card,
//     device and IP addresses, URLs, biometric and genetic data, free text, and generic
//     personal data, which may be any of them ((A), (B), (D)-(R)).
//
// The tag's anon= strategy cannot make Safe Harbor keep more: anon=drop removes what Safe
// Harbor would generalise, and anon=pseudonym gives a re-identification code that is
// random, not derived from the value (164.514(c)(1)): a keyed pseudonym of a name is
// computed from the name, which the rule forbids. The codes are consistent within one
// Anonymize call (equal values of a kind share a code there, so records of one person
// still link) and are forgotten when it returns. anon=seal gives the Safe Harbor form too:
// an envelope is the identifier, encrypted.
//
// Health data and the special categories are not identifiers: Safe Harbor does not decide
// them, and they are anonymised by their tag's strategy as under any other profile
// (dropped, by default). Safe Harbor also requires that the covered entity has no actual
// knowledge that what remains could identify someone (164.514(b)(2)(ii)); no library can
// vouch for that.

// safeHarborCodeTag marks a re-identification code: "name:rc:<26 base32 characters>".
const safeHarborCodeTag = "rc"

// A safeHarbor applies Safe Harbor to the leaves of one Anonymize call. It is not safe
// for concurrent use: make one per call with newSafeHarbor.
type safeHarbor struct {
	now    time.Time // ages and years of birth are judged at this time
	region string    // default region of phone numbers, for normalising before a code
	// codes holds the re-identification codes given in this call, by kind and
	// normalised value; it is made on first use and dropped with the safeHarbor.
	codes map[string]string
	buf   []byte
}

// newSafeHarbor returns the Safe Harbor state of one Anonymize call made at now, reading
// phone numbers without a country code in region.
func newSafeHarbor(now time.Time, region string) *safeHarbor {
	return &safeHarbor{now: now, region: region}
}

// safeHarborDecides reports whether Safe Harbor decides the anonymisation of kind k: every
// kind that holds one of the eighteen identifiers or a date, age or place of a person.
// Health data, neural data and the special categories other than genetic data (a genome
// identifies its owner, 164.514(b)(2)(i)(R)) are left to the tag's strategy.
func safeHarborDecides(k Kind) bool {
	switch k {
	case KindNone, KindHealth, KindNeural, KindEthnicity, KindReligion, KindPolitics, KindUnion,
		KindSexuality, KindCriminal, KindCitizenship, KindChild:
		return false
	}
	return true
}

// leaf anonymises, under Safe Harbor, the PII leaf at p that n describes, and reports
// whether it did: false for a kind safeHarborDecides leaves to the tag's strategy, which
// the caller then applies as under any other profile. It never fails: Safe Harbor needs
// no key, and a value it cannot read is removed.
func (h *safeHarbor) leaf(p unsafe.Pointer, n *node) bool {
	k := n.rule.tag.Kind
	if !safeHarborDecides(k) {
		return false
	}
	st := n.rule.anon
	switch n.lk {
	case lkString:
		s := (*string)(p)
		*s = h.string(k, st, *s)
		return true
	case lkBytes:
		b := (*[]byte)(p)
		if out := h.string(k, st, string(*b)); out == "" {
			clear(*b) // an identifier read into a buffer must not linger in it
			*b = nil
		} else if out != string(*b) {
			*b = []byte(out)
		}
		return true
	case lkTime:
		t := (*time.Time)(p)
		*t = h.time(k, st, *t)
		return true
	case lkInt:
		v := getInt(p, n.size)
		setInt(p, n.size, 0)
		if k == KindAge && st != anonDrop && v >= 0 {
			setInt(p, n.size, int64(jurisSafeHarborAge(int(min(v, 1000)))))
		}
		return true
	case lkUint:
		v := getUint(p, n.size)
		setUint(p, n.size, 0)
		if k == KindAge && st != anonDrop {
			setUint(p, n.size, uint64(jurisSafeHarborAge(int(min(v, 1000)))))
		}
		return true
	case lkNetIP:
		*(*net.IP)(p) = nil
		return true
	case lkAddr:
		*(*netip.Addr)(p) = netip.Addr{}
		return true
	}
	// Floats (coordinates), bools, custom types: nothing of them may stay.
	n.valueAt(p).SetZero()
	return true
}

// string is the Safe Harbor form of a string value of kind k under the tag's strategy
// st. The empty string stays empty.
func (h *safeHarbor) string(k Kind, st anonStrategy, s string) string {
	if s == "" || st == anonDrop || k == KindSecret {
		return ""
	}
	if st == anonPseudonym {
		return h.code(k, s)
	}
	switch k {
	case KindDOB:
		return jurisSafeHarborBirthDateString(s, h.now)
	case KindDate:
		return jurisSafeHarborDateString(s)
	case KindAge:
		return jurisSafeHarborAgeString(s)
	case KindPostal:
		return jurisSafeHarborZIP(s)
	}
	return ""
}

// time is the Safe Harbor form of a time of kind k under the tag's strategy st: the
// year of a date, the year of birth unless it implies an age over 89, the zero time for
// everything else. The zero time stays the zero time.
func (h *safeHarbor) time(k Kind, st anonStrategy, t time.Time) time.Time {
	if t.IsZero() || st == anonDrop {
		return time.Time{}
	}
	switch k {
	case KindDOB:
		year, ok := jurisSafeHarborBirthDate(t, h.now)
		if !ok {
			return time.Time{}
		}
		return year
	case KindDate:
		return jurisSafeHarborDate(t)
	}
	return time.Time{}
}

// code returns the re-identification code of value, a value of kind k, for this call:
// "KIND:rc:" and 128 random bits in base32, the same for every spelling of the value that
// anonNormalize makes equal. A code already given in this call is returned unchanged, so
// anonymising twice is harmless.
func (h *safeHarbor) code(k Kind, value string) string {
	if h.isCode(k, value) {
		return value
	}
	h.buf = append(h.buf[:0], k.String()...)
	h.buf = append(h.buf, 0)
	h.buf = anonNormalize(h.buf, k, value, h.region)
	if c, ok := h.codes[string(h.buf)]; ok {
		return c
	}
	var raw [anonTokenBytes]byte
	rand.Read(raw[:]) // never fails: crypto/rand crashes the program rather than return an error
	var enc [32]byte
	anonB32.Encode(enc[:], raw[:])
	c := k.String() + ":" + safeHarborCodeTag + ":" + string(enc[:anonTokenLen])
	if h.codes == nil {
		h.codes = map[string]string{}
	}
	h.codes[string(h.buf)] = c
	h.codes[k.String()+"\x00"+c] = c
	return c
}

// isCode reports whether s is a code this call gave for kind k.
func (h *safeHarbor) isCode(k Kind, s string) bool {
	name := k.String()
	if !strings.HasPrefix(s, name+":"+safeHarborCodeTag+":") {
		return false
	}
	c, ok := h.codes[name+"\x00"+s]
	return ok && c == s
}
