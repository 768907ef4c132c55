package pii

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// The regions whose law is a built-in profile, as CLDR region codes. The lists are kept
// here rather than taken from golang.org/x/text/language, whose region tables still count
// GB among the EU's members.
const (
	// profileEURegions: the 27 EU member states (since 1 February 2020), with "EL", the
	// code the EU itself uses for Greece; then the parts of them that CLDR gives codes of
	// their own and that are inside the EU, where the GDPR applies (Art. 355(1) TFEU
	// outermost regions: Guadeloupe, Martinique, French Guiana, Réunion, Mayotte,
	// Saint-Martin, the Canary Islands; also Ceuta and Melilla and the Åland Islands), then
	// "EU" itself. Not here, because EU law does not apply there: Greenland, the Faroe
	// Islands, Svalbard, Saint-Barthélemy and the other overseas countries and
	// territories, and Switzerland, which is neither EU nor EEA (FADP).
	profileEURegions = "AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE " +
		"GP MQ GF RE YT MF IC EA AX EU"
	// profileEEARegions: the EEA states outside the EU, where the GDPR applies through the
	// EEA Agreement (Decision of the EEA Joint Committee No 154/2018).
	profileEEARegions = "IS LI NO"
	// profileUKRegions: the United Kingdom (GB, and "UK", the ISO 3166 exceptionally
	// reserved code some systems use for it), the Crown Dependencies Guernsey, Jersey and
	// the Isle of Man, and Gibraltar. Their laws are modelled on the GDPR as the UK
	// retained it (Data Protection (Bailiwick of Guernsey) Law 2017, Data Protection
	// (Jersey) Law 2018, the Isle of Man's GDPR and LED Implementing Regulations 2018, the
	// Gibraltar GDPR with the Data Protection Act 2004), with the same personal data and
	// special categories: UK GDPR stands for them.
	profileUKRegions = "GB UK GG JE IM GI"
)

// jurisRegionProfiles are the profiles jurisRegionTable's indexes stand for; 0 is no
// profile.
var jurisRegionProfiles = [...]Profile{Strict, GDPR, UKGDPR, LGPD, PIPEDA, DPDP, PIPL, APPI, FADP,
	POPIA, PrivacyActAU, PDPASG}

// jurisRegionTable maps a two-letter region code, as (first-'A')*26+(second-'A'), to an
// index into jurisRegionProfiles (0: no profile).
var jurisRegionTable = func() (t [26 * 26]uint8) {
	set := func(list string, p Profile) {
		idx := uint8(slices.Index(jurisRegionProfiles[:], p))
		for _, r := range strings.Fields(list) {
			t[int(r[0]-'A')*26+int(r[1]-'A')] = idx
		}
	}
	set(profileEURegions, GDPR)
	set(profileEEARegions, GDPR)
	set(profileUKRegions, UKGDPR)
	set("BR", LGPD)
	set("CA", PIPEDA)
	set("IN", DPDP)
	set("CN", PIPL) // mainland China: Hong Kong and Macao have laws of their own
	set("JP", APPI)
	set("CH", FADP)
	set("ZA", POPIA)
	set("AU", PrivacyActAU)
	set("SG", PDPASG)
	return t
}()

// jurisSubdivisions are the ISO 3166-2 subdivisions with a law of their own, and the
// profile a person there is under. A subdivision not listed has its country's profile.
var jurisSubdivisions = map[string]Profile{
	"US-CA": Combine(CCPA, CalOPPA),
	"US-VA": VCDPA,
	"US-CO": CPA,
	"US-TX": TDPSA,
	"CA-QC": Quebec,
}

// jurisRegionNames lists, for error messages and hints, every region code and
// subdivision ProfileForRegion gives a profile for, in alphabetical order.
var jurisRegionNames = func() []string {
	var names []string
	for i, idx := range jurisRegionTable {
		if idx != 0 {
			names = append(names, string([]byte{byte('A' + i/26), byte('A' + i%26)}))
		}
	}
	for sub := range jurisSubdivisions {
		names = append(names, sub)
	}
	slices.Sort(names)
	return names
}()

// ProfileForRegion returns the profile of the law that protects people in a region,
// given as a CLDR region code ("DE", "gb"; case does not matter) or an ISO 3166-2
// subdivision ("US-CA", "ca-qc"):
//
//   - GDPR: the EU member states (Greece as "GR" or "EL"), their outermost regions, and
//     the EEA states Iceland, Liechtenstein and Norway;
//   - UKGDPR: the United Kingdom ("GB" or "UK"), Guernsey, Jersey, the Isle of Man and
//     Gibraltar;
//   - LGPD: Brazil; PIPEDA: Canada; DPDP: India; PIPL: mainland China; APPI: Japan;
//     FADP: Switzerland; POPIA: South Africa; PrivacyActAU: Australia; PDPASG: Singapore;
//   - subdivisions: "US-CA" gives Combine(CCPA, CalOPPA), "US-VA" VCDPA, "US-CO" CPA,
//     "US-TX" TDPSA and "CA-QC" Quebec (whose law displaces PIPEDA inside the province);
//     any other subdivision has its country's profile ("DE-BY" gives GDPR), except those
//     with a region code of their own outside their country's law, which have that
//     code's ("CN-HK" is Hong Kong's "HK", "FR-NC" New Caledonia's "NC": no profile).
//
// Any other region, the United States among them, gives false: the US has no federal
// privacy law that follows a person, and HIPAA, PCI DSS and the others apply by what a
// business is and does, not by where a party is. With false comes the zero Profile.
// ParseRegion is the same with an error that lists the regions it knows.
func ProfileForRegion(region string) (Profile, bool) {
	if len(region) > 2 {
		return jurisSubdivision(region)
	}
	if idx := jurisRegionIndex(region); idx != 0 {
		return jurisRegionProfiles[idx], true
	}
	return Strict, false
}

// jurisSubdivision looks up an ISO 3166-2 subdivision code: a region code, '-', and one
// to three ASCII letters or digits.
func jurisSubdivision(code string) (Profile, bool) {
	if len(code) < 4 || len(code) > 6 || code[2] != '-' {
		return Strict, false
	}
	var buf [6]byte
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case 'A' <= c && c <= 'Z', i > 2 && '0' <= c && c <= '9', i == 2:
		default:
			return Strict, false
		}
		buf[i] = c
	}
	if p, ok := jurisSubdivisions[string(buf[:len(code)])]; ok {
		return p, true
	}
	if region, ok := jurisSubdivisionRegions[string(buf[:len(code)])]; ok {
		return ProfileForRegion(region)
	}
	return ProfileForRegion(code[:2])
}

// jurisSubdivisionRegions are the ISO 3166-2 subdivisions that have a region code of
// their own and lie outside their country's law: Hong Kong, Macao and Taiwan, listed under
// CN, where the PIPL does not apply; the French overseas collectivities and the Dutch
// Caribbean, listed under FR and NL, which are overseas countries and territories outside
// the EU (Art. 355(2) TFEU and its Annex II), where the GDPR does not apply. Each is read
// as its own region code. (FR-MF, Saint-Martin, is an outermost region inside the EU: its
// code MF has GDPR, as FR does.)
var jurisSubdivisionRegions = map[string]string{
	"CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW",
	"FR-BL": "BL", "FR-CP": "CP", "FR-MF": "MF", "FR-NC": "NC", "FR-PF": "PF", "FR-PM": "PM",
	"FR-TF": "TF", "FR-WF": "WF",
	"NL-AW": "AW", "NL-BQ1": "BQ", "NL-BQ2": "BQ", "NL-BQ3": "BQ", "NL-CW": "CW", "NL-SX": "SX",
}

// ErrNoRegionProfile is returned, wrapped, by ParseRegion for a region with no built-in
// profile: a code that is no region, or a region whose law is not built in. The error's
// message lists the regions that have one.
var ErrNoRegionProfile = errors.New("no profile for region")

// ParseRegion returns the profile ProfileForRegion gives a region that configuration
// names, spaces around it ignored. A region it gives none for (a code that is no region, or the code of one whose
// law is not built in, such as "US") is an error wrapping ErrNoRegionProfile that lists the
// regions with a profile and, when one is close, asks "did you mean" it; the profile
// returned with it is Strict, so a caller that ignores the error fails closed.
func ParseRegion(region string) (Profile, error) {
	region = strings.TrimSpace(region) // configuration: "DE\n" from a file is "DE"
	if p, ok := ProfileForRegion(region); ok {
		return p, nil
	}
	hint := ""
	if name := didYouMean(region, jurisRegionNames); name != "" {
		hint = fmt.Sprintf(" did you mean %q?", name)
	}
	return Strict, errorf("pii: %w %s;%s regions with a profile: %s",
		ErrNoRegionProfile, profileEcho(region), hint, strings.Join(jurisRegionNames, ", "))
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
// read from its country calling code (and, for +1, its area code): cheap enough for every
// log line, with no allocation and no full parse. The number must be written in
// international form, with '+' or the international call prefix "00" or "011" before the
// calling code ("+49 30 ...", "0049 30 ...", "011 44 20 ..."); spaces before and after the
// prefix are skipped. A shared calling code stands for its main region (+44 for GB, +7 for
// RU), except +1, where the area code tells Canada (PIPEDA; with Quebec for Quebec's area
// codes) from the US and the Caribbean. A number without an international prefix, with an
// unknown calling code, or from a region with no profile (+1 of the US, +7) gives the zero
// Profile and false.
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
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++ // "011 44 20 ...", "00 49 30 ...": a space may follow the prefix
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
		if code == 1 {
			return profileForNANP(s[i+1:])
		}
		if e := jurisPhoneCodes[code]; e != jurisCodeNone {
			idx := e &^ jurisCodeKnown
			return jurisRegionProfiles[idx], idx != 0
		}
	}
	return Strict, false
}

// jurisCanadaAreaCodes are the area codes of the North American Numbering Plan (+1) that
// belong to Canada, as phonenumbers v1.8.1's metadata gives them (a test holds the list to
// it); jurisQuebecAreaCodes are those of them that serve Quebec. +1 is shared by the US,
// Canada and Caribbean countries, and only the area code tells them apart.
const (
	jurisCanadaAreaCodes = "204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 403 416 418 428 " +
		"431 437 438 450 468 474 506 514 519 548 579 581 584 587 600 604 613 622 633 639 647 672 683 " +
		"705 709 742 753 778 780 782 807 819 825 867 873 879 902 905 942"
	jurisQuebecAreaCodes = "263 354 367 418 438 450 468 514 579 581 819 873"
)

// jurisQuebecPhone is the profile of a number with a Quebec area code. The area code says
// where the line was taken, not where its holder lives or does business: Quebec's law and
// Canada's both stand, the stricter rule of each winning.
var jurisQuebecPhone = Combine(PIPEDA, Quebec)

// jurisNANPTable maps a +1 area code to its profile: 0 none (the US, the Caribbean), 1
// PIPEDA, 2 jurisQuebecPhone.
var jurisNANPTable = func() (t [1000]uint8) {
	for _, a := range strings.Fields(jurisCanadaAreaCodes) {
		t[jurisAreaCode(a)] = 1
	}
	for _, a := range strings.Fields(jurisQuebecAreaCodes) {
		t[jurisAreaCode(a)] = 2
	}
	return t
}()

func jurisAreaCode(a string) int { return int(a[0]-'0')*100 + int(a[1]-'0')*10 + int(a[2]-'0') }

// profileForNANP returns the profile of a +1 number from its area code, the first three
// digits of s (spaces, '-', '.' and parentheses around them skipped): PIPEDA for a Canadian
// one, PIPEDA with Quebec for one of Quebec, none for the US and the Caribbean.
func profileForNANP(s string) (Profile, bool) {
	area, n := 0, 0
	for i := 0; i < len(s) && n < 3; i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			area, n = area*10+int(c-'0'), n+1
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return Strict, false
		}
	}
	if n < 3 {
		return Strict, false
	}
	switch jurisNANPTable[area] {
	case 1:
		return PIPEDA, true
	case 2:
		return jurisQuebecPhone, true
	}
	return Strict, false
}
