package pii

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// The regions whose law is a built-in profile, as CLDR region codes. The lists are kept
// here rather than taken from golang.org/x/text/language, whose region tables still count
// GB among the EU's members.
const (
	// profileEURegions: the 27 EU member states (since 1 February 2020), then the parts of
	// them that CLDR gives codes of their own and that are inside the EU, where the GDPR
	// applies (Art. 355(1) TFEU outermost regions: Guadeloupe, Martinique, French Guiana,
	// Réunion, Mayotte, Saint-Martin, the Canary Islands; also Ceuta and Melilla and the
	// Åland Islands), then "EU" itself. Not here, because EU law does not apply there:
	// Greenland, the Faroe Islands, Svalbard, Saint-Barthélemy and the other overseas
	// countries and territories, and Switzerland, which is neither EU nor EEA.
	profileEURegions = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE " +
		"GP MQ GF RE YT MF IC EA AX EU"
	// profileEEARegions: the EEA states outside the EU, where the GDPR applies through the
	// EEA Agreement (Decision of the EEA Joint Committee No 154/2018).
	profileEEARegions = "IS LI NO"
	// profileUKRegions: the United Kingdom (GB, and "UK", the ISO 3166 exceptionally
	// reserved code some systems use for it), and the Crown Dependencies Guernsey, Jersey
	// and the Isle of Man. The Crown Dependencies have laws of their own modelled on the
	// GDPR (Data Protection (Bailiwick of Guernsey) Law 2017, Data Protection (Jersey) Law
	// 2018, the Isle of Man's GDPR and LED Implementing Regulations 2018), with the same
	// personal data and special categories, and share +44 with GB: UK GDPR stands for
	// them. Gibraltar (GI) is not mapped.
	profileUKRegions = "GB UK GG JE IM"
)

// jurisRegionTable maps a two-letter region code, as (first-'A')*26+(second-'A'), to an
// index into jurisRegionProfiles (0: no profile).
var jurisRegionTable = func() (t [26 * 26]uint8) {
	set := func(list string, idx uint8) {
		for _, r := range strings.Fields(list) {
			t[int(r[0]-'A')*26+int(r[1]-'A')] = idx
		}
	}
	set(profileEURegions, 1)
	set(profileEEARegions, 1)
	set(profileUKRegions, 2)
	return t
}()

// jurisRegionProfiles are the profiles jurisRegionTable's indexes stand for.
var jurisRegionProfiles = [...]Profile{Strict, GDPR, UKGDPR}

// ProfileForRegion returns the profile of the law that protects people in a region, given
// as a CLDR region code ("DE", "gb"; case does not matter): GDPR for the EU member states,
// their outermost regions and the EEA states Iceland, Liechtenstein and Norway; UKGDPR for
// the United Kingdom and the Crown Dependencies Guernsey, Jersey and the Isle of Man. Any
// other region, Switzerland and the United States among them, gives false: the US has no
// federal privacy law that follows a person, and CCPA, HIPAA and the others apply by what
// a business is and does, not by where a party is. With false comes the zero Profile.
func ProfileForRegion(region string) (Profile, bool) {
	if idx := jurisRegionIndex(region); idx != 0 {
		return jurisRegionProfiles[idx], true
	}
	return Strict, false
}

// jurisRegionIndex looks region up in jurisRegionTable without allocating.
func jurisRegionIndex(region string) uint8 {
	if len(region) != 2 {
		return 0
	}
	a, b := region[0]|0x20, region[1]|0x20 // ASCII lower case; other bytes fail below
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return 0
	}
	return jurisRegionTable[int(a-'a')*26+int(b-'a')]
}

// jurisPhoneCodes maps a country calling code (1 to 999) to what profileForPhone needs:
// jurisCodeNone for a number that is no calling code, otherwise jurisCodeKnown plus the
// jurisRegionProfiles index of the code's main region. Built once from phonenumbers'
// metadata, so that profileForPhone needs no parse.
var jurisPhoneCodes = func() (t [1000]uint8) {
	for code := range phonenumbers.GetSupportedCallingCodes() {
		if code <= 0 || code >= len(t) {
			continue
		}
		// The main region of a shared code: US for +1, GB for +44, NO for +47.
		// Non-geographic codes (+800, +882) give "001", which has no profile.
		region := phonenumbers.GetRegionCodeForCountryCode(code)
		t[code] = jurisCodeKnown | jurisRegionIndex(region)
	}
	return t
}()

const (
	jurisCodeNone  = 0
	jurisCodeKnown = 0x80 // set for every calling code; the low bits index jurisRegionProfiles
)

// profileForPhone returns the region profile of the country a phone number belongs to,
// read from its country calling code alone: cheap enough for every log line, with no
// allocation and no full parse. The number must be written in international form, with
// '+' or the international call prefix "00" or "011" before the calling code ("+49 30 ...",
// "0049 30 ...", "011 44 20 ..."); leading spaces are skipped. A shared calling code stands
// for its main region (+1 for the US, +44 for GB, +7 for RU). A number without an
// international prefix, with an unknown calling code, or from a region with no profile
// (+1, +41) gives the zero Profile and false.
//
// National numbers that happen to begin with "00" or "011" (UK area codes 0113 to 0118)
// are read as international ones; the only effect is a wider profile, never a narrower
// one.
func profileForPhone(s string) (Profile, bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	switch {
	case i < len(s) && s[i] == '+':
		i++
	case strings.HasPrefix(s[i:], "00"):
		i += 2
	case strings.HasPrefix(s[i:], "011"):
		i += 3
	default:
		return Strict, false
	}
	// Calling codes are prefix-free (no code begins another), so the first known prefix
	// of one to three digits is the code.
	code := 0
	for n := 0; n < 3 && i < len(s); n, i = n+1, i+1 {
		c := s[i]
		if c < '0' || c > '9' || (n == 0 && c == '0') {
			return Strict, false
		}
		code = code*10 + int(c-'0')
		if e := jurisPhoneCodes[code]; e != jurisCodeNone {
			idx := e &^ jurisCodeKnown
			return jurisRegionProfiles[idx], idx != 0
		}
	}
	return Strict, false
}
