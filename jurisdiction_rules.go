package pii

import "slices"

// This file is the source of truth for the built-in profiles: for every law, every kind's
// treatment together with the article or section that decides it. Matrix prints the
// treatments; the sources stay here, next to the rules they justify. A test checks that
// every law rules on every kind exactly once.
//
// Two rules are the library's own and hold in every column: generic ("the author says this
// is personal data") always counts, because no law can clear a value whose kind is not
// known; and secret always counts and is sensitive, because security codes, PINs and
// passwords are never kept (PCI DSS Req. 3.3.1 for cards; a credential that opens a
// person's account everywhere else).

// profileCell is one law's treatment of one kind.
type profileCell uint8

const (
	profileNo        profileCell = iota // not personal data under this law
	profilePII                          // personal data
	profileSensitive                    // personal data of a sensitive or special category
)

// profileRule is one cell of the kind-by-profile matrix and the provision behind it.
type profileRule struct {
	kind   Kind
	cell   profileCell
	source string
}

// profileLaw is one built-in profile's definition.
type profileLaw struct {
	name    string // Name, as ParseProfile reads it
	aliases []string
	flags   profileFlags
	rules   []profileRule
}

const (
	profileLibGeneric = "library rule: the tag says personal data without naming a kind, so no law can clear it"
	profileLibSecret  = "library rule: never kept (PCI DSS Req. 3.3.1), a credential to a person's account"
)

// The built-in laws' positions in profileLaws, which are their member bits and Matrix's
// column order.
const (
	lawGDPR = iota
	lawUKGDPR
	lawCCPA
	lawHIPAA
	lawPCIDSS
	lawCalOPPA
	lawLGPD
	lawPIPEDA
	lawQuebec
	lawDPDP
	lawPIPL
	lawAPPI
	lawFADP
	lawPOPIA
	lawPrivacyActAU
	lawPDPASG
	lawVCDPA
	lawCPA
	lawTDPSA
)

// profileLaws are the built-in profiles other than Strict, in column order. Their
// positions are their member bits: GDPR is profileFromLaw(lawGDPR). The laws added after
// the first six are defined in jurisdiction_rules_*.go, one file per region.
var profileLaws = [...]profileLaw{
	lawLGPD:         profileLawLGPD,
	lawPIPEDA:       profileLawPIPEDA,
	lawQuebec:       profileLawQuebec,
	lawDPDP:         profileLawDPDP,
	lawPIPL:         profileLawPIPL,
	lawAPPI:         profileLawAPPI,
	lawFADP:         profileLawFADP,
	lawPOPIA:        profileLawPOPIA,
	lawPrivacyActAU: profileLawPrivacyActAU,
	lawPDPASG:       profileLawPDPASG,
	lawVCDPA:        profileLawVCDPA,
	lawCPA:          profileLawCPA,
	lawTDPSA:        profileLawTDPSA,
	lawGDPR: {
		// Regulation (EU) 2016/679.
		name:    "GDPR",
		aliases: []string{"gdpr", "eugdpr"},
		rules: slices.Concat([]profileRule{
			{KindGeneric, profilePII, "Art. 4(1): any information relating to an identifiable natural person; " + profileLibGeneric},
			{KindPhone, profilePII, "Art. 4(1): a contact number identifies its subscriber"},
			{KindEmail, profilePII, "Art. 4(1): an online identifier"},
			{KindName, profilePII, "Art. 4(1): \"a name\""},
			{KindBody, profilePII, "Art. 4(1): information relating to the persons who communicate"},
			{KindIP, profilePII, "Art. 4(1) \"online identifier\", Recital 30; CJEU C-582/14 Breyer"},
			{KindCard, profilePII, "Art. 4(1): \"an identification number\""},
			{KindSecret, profileSensitive, "Art. 4(1), Art. 32(1); " + profileLibSecret},
			{KindAddress, profilePII, "Art. 4(1): \"location data\""},
			{KindPostal, profilePII, "Art. 4(1): location data of the person it is kept for"},
			{KindDOB, profilePII, "Art. 4(1): a factor of physical identity"},
			{KindGeo, profilePII, "Art. 4(1): \"location data\""},
			{KindGovID, profilePII, "Art. 4(1) \"an identification number\"; Art. 87 national identification numbers"},
			{KindAccount, profilePII, "Art. 4(1): \"an identification number\""},
			{KindDevice, profilePII, "Art. 4(1) \"online identifier\", Recital 30: device identifiers"},
			{KindURL, profilePII, "Art. 4(1) \"online identifier\", Recital 30"},
			{KindHealth, profileSensitive, "Art. 4(15); special category, Art. 9(1)"},
			{KindBiometric, profileSensitive, "Art. 4(14); special category when it identifies, Art. 9(1)"},
		}, profileGDPRSpecial("")),
	},
	lawUKGDPR: {
		// The UK GDPR (retained Regulation (EU) 2016/679) with the Data Protection Act 2018.
		// The definitions relied on (Art. 4(1), 4(14), 4(15), 9(1)) are the same as GDPR's.
		name:    "UK-GDPR",
		aliases: []string{"ukgdpr"},
		rules: slices.Concat([]profileRule{
			{KindGeneric, profilePII, "UK GDPR Art. 4(1); " + profileLibGeneric},
			{KindPhone, profilePII, "UK GDPR Art. 4(1)"},
			{KindEmail, profilePII, "UK GDPR Art. 4(1): an online identifier"},
			{KindName, profilePII, "UK GDPR Art. 4(1): \"a name\""},
			{KindBody, profilePII, "UK GDPR Art. 4(1)"},
			{KindIP, profilePII, "UK GDPR Art. 4(1) \"online identifier\", Recital 30"},
			{KindCard, profilePII, "UK GDPR Art. 4(1): \"an identification number\""},
			{KindSecret, profileSensitive, "UK GDPR Art. 4(1), Art. 32(1); " + profileLibSecret},
			{KindAddress, profilePII, "UK GDPR Art. 4(1): \"location data\""},
			{KindPostal, profilePII, "UK GDPR Art. 4(1): location data"},
			{KindDOB, profilePII, "UK GDPR Art. 4(1)"},
			{KindGeo, profilePII, "UK GDPR Art. 4(1): \"location data\""},
			{KindGovID, profilePII, "UK GDPR Art. 4(1), Art. 87"},
			{KindAccount, profilePII, "UK GDPR Art. 4(1): \"an identification number\""},
			{KindDevice, profilePII, "UK GDPR Art. 4(1), Recital 30"},
			{KindURL, profilePII, "UK GDPR Art. 4(1), Recital 30"},
			{KindHealth, profileSensitive, "UK GDPR Art. 4(15), Art. 9(1); DPA 2018 Sch. 1"},
			{KindBiometric, profileSensitive, "UK GDPR Art. 4(14), Art. 9(1); DPA 2018 Sch. 1"},
		}, profileGDPRSpecial("UK GDPR ")),
	},
	lawCCPA: {
		// Cal. Civ. Code 1798.100 ff. as amended by the CPRA (Proposition 24, 2020).
		// Personal information: 1798.140(v); sensitive personal information: 1798.140(ae).
		name:    "CCPA",
		aliases: []string{"ccpa", "cpra"},
		rules: slices.Concat([]profileRule{
			{KindGeneric, profilePII, "1798.140(v)(1); " + profileLibGeneric},
			{KindPhone, profilePII, "1798.140(v)(1)(B), 1798.80(e): telephone number"},
			{KindEmail, profilePII, "1798.140(v)(1)(A): email address"},
			{KindName, profilePII, "1798.140(v)(1)(A): real name, alias"},
			{KindBody, profileSensitive, "1798.140(v)(1)(H); sensitive: contents of mail, email and text messages, 1798.140(ae)(1)(E)"},
			{KindIP, profilePII, "1798.140(v)(1)(A): Internet Protocol address"},
			{KindCard, profilePII, "1798.140(v)(1)(B), 1798.80(e): credit or debit card number; sensitive only with its access code (ae)(1)(B), which is kind secret"},
			{KindSecret, profileSensitive, "1798.140(ae)(1)(B): security or access code, password; " + profileLibSecret},
			{KindAddress, profilePII, "1798.140(v)(1)(A): postal address"},
			{KindPostal, profilePII, "1798.140(v)(1): reasonably capable of being associated with a consumer"},
			{KindDOB, profilePII, "1798.140(v)(1), (v)(1)(C): age, a protected classification"},
			{KindGeo, profileSensitive, "1798.140(v)(1)(G); sensitive: precise geolocation, 1798.140(ae)(1)(C), (w)"},
			{KindGovID, profileSensitive, "1798.140(v)(1)(A); sensitive: SSN, driver's license, state ID, passport, 1798.140(ae)(1)(A)"},
			{KindAccount, profilePII, "1798.140(v)(1)(A) account name, 1798.80(e) bank account number; sensitive only with its credentials (ae)(1)(B), which are kind secret"},
			{KindDevice, profilePII, "1798.140(v)(1)(A): unique personal identifier, 1798.140(aj) device identifier"},
			{KindURL, profilePII, "1798.140(v)(1)(F): browsing history, internet activity"},
			{KindHealth, profileSensitive, "1798.80(e) medical information; sensitive, 1798.140(ae)(2)(B)"},
			{KindBiometric, profileSensitive, "1798.140(v)(1)(E), (c); sensitive, 1798.140(ae)(2)(A)"},
		}, profileCCPASpecial),
	},
	lawHIPAA: {
		// HIPAA Privacy Rule, Safe Harbor: the eighteen identifiers of 45 CFR
		// 164.514(b)(2)(i)(A)-(R); protected health information: 45 CFR 160.103.
		name:    "HIPAA",
		aliases: []string{"hipaa"},
		flags:   profileSafeHarbor,
		rules: slices.Concat([]profileRule{
			{KindGeneric, profilePII, "164.514(b)(2)(i)(R): any other unique identifying number, characteristic or code; " + profileLibGeneric},
			{KindPhone, profilePII, "164.514(b)(2)(i)(D) telephone numbers, (E) fax numbers"},
			{KindEmail, profilePII, "164.514(b)(2)(i)(F): electronic mail addresses"},
			{KindName, profilePII, "164.514(b)(2)(i)(A): names"},
			{KindBody, profilePII, "160.103: free text carries identifiers, which Safe Harbor removes wherever they occur"},
			{KindIP, profilePII, "164.514(b)(2)(i)(O): IP address numbers"},
			{KindCard, profilePII, "164.514(b)(2)(i)(J): account numbers"},
			{KindSecret, profileSensitive, "164.312(d) person authentication; " + profileLibSecret},
			{KindAddress, profilePII, "164.514(b)(2)(i)(B): street address, city, county, precinct"},
			{KindPostal, profilePII, "164.514(b)(2)(i)(B): ZIP code, only its first three digits may stay"},
			{KindDOB, profilePII, "164.514(b)(2)(i)(C): all elements of dates except the year; ages over 89"},
			{KindGeo, profilePII, "164.514(b)(2)(i)(B): geographic subdivisions smaller than a state"},
			{KindGovID, profilePII, "164.514(b)(2)(i)(G) social security numbers, (K) certificate/license numbers"},
			{KindAccount, profilePII, "164.514(b)(2)(i)(J) account numbers, (H) medical record numbers, (I) health plan beneficiary numbers"},
			{KindDevice, profilePII, "164.514(b)(2)(i)(M): device identifiers and serial numbers"},
			{KindURL, profilePII, "164.514(b)(2)(i)(N): Web Universal Resource Locators"},
			{KindHealth, profileSensitive, "160.103: individually identifiable health information is PHI"},
			{KindBiometric, profilePII, "164.514(b)(2)(i)(P) biometric identifiers, (Q) full-face photographs"},
		}, profileHIPAASpecial),
	},
	lawPCIDSS: {
		// PCI DSS v4.0.1, account data: cardholder data (PAN, cardholder name, expiration
		// date, service code) and sensitive authentication data (Glossary; Req. 3).
		name:    "PCI-DSS",
		aliases: []string{"pcidss", "pci"},
		rules: slices.Concat([]profileRule{
			{KindGeneric, profilePII, profileLibGeneric},
			{KindPhone, profileNo, "not account data"},
			{KindEmail, profileNo, "not account data"},
			{KindName, profilePII, "cardholder name is cardholder data (Glossary: Account Data)"},
			{KindBody, profileNo, "not account data (card numbers inside text: redact=scan)"},
			{KindIP, profileNo, "not account data"},
			{KindCard, profilePII, "PAN: masked to at most the BIN (first six, or eight for an eight-digit BIN) and last four when displayed, Req. 3.4.1; unreadable when stored, Req. 3.5.1"},
			{KindSecret, profileSensitive, "sensitive authentication data, not stored after authorization, Req. 3.3.1"},
			{KindAddress, profileNo, "not account data"},
			{KindPostal, profileNo, "not account data"},
			{KindDOB, profileNo, "not account data"},
			{KindGeo, profileNo, "not account data"},
			{KindGovID, profileNo, "not account data"},
			{KindAccount, profileNo, "not account data (a bank account is not a payment card)"},
			{KindDevice, profileNo, "not account data"},
			{KindURL, profileNo, "not account data"},
			{KindHealth, profileNo, "not account data"},
			{KindBiometric, profileNo, "not account data"},
		}, profileSame(profileNo, "not account data", profileKindsAfterBiometric...)),
	},
	lawCalOPPA: {
		// Cal. Bus. & Prof. Code 22575-22579; personally identifiable information is
		// defined in 22577(a)(1)-(7). (a)(6) adds "any other identifier that permits the
		// physical or online contacting of a specific individual". Kinds that are PII only
		// under (a)(7), "in combination with an identifier", do not count on their own.
		name:    "CalOPPA",
		aliases: []string{"caloppa"},
		rules: slices.Concat([]profileRule{
			{KindGeneric, profilePII, "22577(a)(7); " + profileLibGeneric},
			{KindPhone, profilePII, "22577(a)(4): a telephone number"},
			{KindEmail, profilePII, "22577(a)(3): an e-mail address"},
			{KindName, profilePII, "22577(a)(1): a first and last name"},
			{KindBody, profilePII, "22577(a)(7): collected from the user and kept with the sender's identifier"},
			{KindIP, profileNo, "not an identifier that permits the online contacting of a specific individual (22577(a)(6)): it addresses a connection, often shared or reassigned; as COPPA (16 CFR 312.2) tells online contact information from persistent identifiers"},
			{KindCard, profileNo, "not among the identifiers of 22577(a)(1)-(6): a card number contacts no one"},
			{KindSecret, profileSensitive, profileLibSecret},
			{KindAddress, profilePII, "22577(a)(2): a home or other physical address"},
			{KindPostal, profileNo, "a ZIP code alone is not a physical address under 22577(a)(2)"},
			{KindDOB, profileNo, "only under 22577(a)(7), with an identifier"},
			{KindGeo, profilePII, "22577(a)(6): permits the physical contacting of a specific individual"},
			{KindGovID, profilePII, "22577(a)(5): a social security number"},
			{KindAccount, profilePII, "22577(a)(6): a user name, handle or messaging identifier permits online contacting (a bank account number alone does not, but the kind holds both: fail closed)"},
			{KindDevice, profileNo, "a persistent identifier, not one that permits contacting (22577(a)(6); cf. 16 CFR 312.2); only under 22577(a)(7), with an identifier"},
			{KindURL, profileNo, "a URL reaches a page, not a person (22577(a)(6)); only under 22577(a)(7), with an identifier"},
			{KindHealth, profileNo, "only under 22577(a)(7), with an identifier (see CMIA, Cal. Civ. Code 56)"},
			{KindBiometric, profileNo, "only under 22577(a)(7), with an identifier"},
		}, profileSame(profileNo, "only under 22577(a)(7), with an identifier", profileKindsAfterBiometric...)),
	},
}

// profileKindsAfterBiometric are the kinds added after the first table: dates, ages and
// the special categories. A law that rules them all alike lists them with profileSame.
var profileKindsAfterBiometric = func() (ks []Kind) {
	for k := KindBiometric + 1; k < numKinds; k++ {
		ks = append(ks, k)
	}
	return ks
}()

// profileSame rules every kind of kinds alike, on one source.
func profileSame(cell profileCell, source string, kinds ...Kind) []profileRule {
	rs := make([]profileRule, len(kinds))
	for i, k := range kinds {
		rs[i] = profileRule{k, cell, source}
	}
	return rs
}

// profileGDPRSpecial rules the dates, ages and special categories under the GDPR and the
// UK GDPR (prefix "UK GDPR "), whose articles are numbered alike.
func profileGDPRSpecial(prefix string) []profileRule {
	return []profileRule{
		{KindDate, profilePII, prefix + "Art. 4(1): a date of a person's life relates to that person"},
		{KindAge, profilePII, prefix + "Art. 4(1): a factor of physical identity"},
		{KindEthnicity, profileSensitive, prefix + "Art. 9(1): racial or ethnic origin"},
		{KindReligion, profileSensitive, prefix + "Art. 9(1): religious or philosophical beliefs"},
		{KindPolitics, profileSensitive, prefix + "Art. 9(1): political opinions"},
		{KindUnion, profileSensitive, prefix + "Art. 9(1): trade union membership"},
		{KindSexuality, profileSensitive, prefix + "Art. 9(1): sex life or sexual orientation"},
		{KindGenetic, profileSensitive, prefix + "Art. 4(13), Art. 9(1): genetic data"},
		{KindNeural, profileSensitive, prefix + "Art. 9(1) with Art. 4(15): neural data reveal mental health (EDPS TechDispatch 1/2024); held sensitive to fail closed"},
		{KindCriminal, profileSensitive, prefix + "Art. 10: criminal convictions and offences, processed only under official authority or where law authorises it"},
		{KindCitizenship, profilePII, prefix + "Art. 4(1); not an Art. 9(1) category unless it reveals ethnic origin"},
		{KindChild, profilePII, prefix + "Art. 4(1); Art. 8 parental consent, Recital 38: children merit specific protection"},
	}
}

// profileCCPASpecial rules the dates, ages and special categories under the CCPA as
// amended by the CPRA, AB 947 (2023) and SB 1223 (2024).
var profileCCPASpecial = []profileRule{
	{KindDate, profilePII, "1798.140(v)(1): reasonably capable of being associated with a consumer"},
	{KindAge, profilePII, "1798.140(v)(1)(C): age, a characteristic of protected classifications"},
	{KindEthnicity, profileSensitive, "1798.140(ae)(1)(D): racial or ethnic origin"},
	{KindReligion, profileSensitive, "1798.140(ae)(1)(D): religious or philosophical beliefs"},
	{KindPolitics, profilePII, "1798.140(v)(1); not among the sensitive categories of 1798.140(ae)"},
	{KindUnion, profileSensitive, "1798.140(ae)(1)(D): union membership"},
	{KindSexuality, profileSensitive, "1798.140(ae)(2)(C): sex life or sexual orientation"},
	{KindGenetic, profileSensitive, "1798.140(ae)(1)(F): genetic data"},
	{KindNeural, profileSensitive, "1798.140(ae)(1)(G): neural data (SB 1223, 2024)"},
	{KindCriminal, profilePII, "1798.140(v)(1); not among the sensitive categories of 1798.140(ae)"},
	{KindCitizenship, profileSensitive, "1798.140(ae)(1)(D): citizenship or immigration status (AB 947, 2023)"},
	{KindChild, profilePII, "1798.140(v)(1); selling or sharing a known child's data needs opt-in consent, 1798.120(c)"},
}

// profileHIPAASpecial rules the dates, ages and special categories under the HIPAA
// Privacy Rule. The special categories are not among the eighteen identifiers, but in a
// covered entity's record they are individually identifiable health information.
var profileHIPAASpecial = slices.Concat([]profileRule{
	{KindDate, profilePII, "164.514(b)(2)(i)(C): all elements of dates directly related to an individual (admission, discharge, death) but the year"},
	{KindAge, profilePII, "164.514(b)(2)(i)(C): ages over 89 and the dates that imply them, aggregated to 90 or older"},
	{KindGenetic, profileSensitive, "160.103: health information includes genetic information (GINA; 2013 Omnibus Rule)"},
	{KindNeural, profileSensitive, "160.103: health information, the individual's past, present or future mental condition"},
	{KindChild, profilePII, "160.103; 164.502(g)(3): a minor's PHI, with the parent as personal representative"},
}, profileSame(profilePII, "160.103: individually identifiable health information includes demographic information in the record",
	KindEthnicity, KindReligion, KindPolitics, KindUnion, KindSexuality, KindCriminal, KindCitizenship))

// profileRulesFrom builds the rules of a law under which every kind is personal data on
// the provision base, except the kinds that overrides rule on (each at most once): the
// law's sensitive categories and its exceptions. Generic counts and secret is sensitive,
// as in every law (the library's rules). It panics, when the package is initialised, on a
// kind overridden twice: that is a mistake in this file, never in input.
func profileRulesFrom(base string, overrides ...[]profileRule) []profileRule {
	var rs [numKinds]profileRule
	for k := KindGeneric; k < numKinds; k++ {
		rs[k] = profileRule{k, profilePII, base}
	}
	rs[KindGeneric].source = base + "; " + profileLibGeneric
	rs[KindSecret] = profileRule{KindSecret, profileSensitive, profileLibSecret}
	seen := map[Kind]bool{}
	for _, group := range overrides {
		for _, r := range group {
			if seen[r.kind] || r.kind == KindNone || r.kind >= numKinds {
				panic("pii: profile rules: kind " + r.kind.String() + " ruled twice")
			}
			seen[r.kind] = true
			rs[r.kind] = r
		}
	}
	return slices.Clone(rs[KindGeneric:])
}
