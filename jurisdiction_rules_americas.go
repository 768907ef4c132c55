package pii

// The built-in laws of the Americas other than the first six: Brazil, Canada and Quebec,
// and the US state laws, one profile per law. Every cell names its provision.

// profileLawLGPD is Brazil's Lei Geral de Proteção de Dados Pessoais, Lei nº 13.709/2018.
var profileLawLGPD = profileLaw{
	name:    "LGPD",
	aliases: []string{"lgpd"},
	rules: profileRulesFrom("Art. 5(I): information related to an identified or identifiable natural person",
		profileSame(profileSensitive, "Art. 5(II): health or sex life; Art. 11", KindHealth, KindSexuality),
		[]profileRule{
			{KindBiometric, profileSensitive, "Art. 5(II): biometric data; Art. 11"},
			{KindGenetic, profileSensitive, "Art. 5(II): genetic data; Art. 11"},
			{KindEthnicity, profileSensitive, "Art. 5(II): racial or ethnic origin"},
			{KindReligion, profileSensitive, "Art. 5(II): religious conviction, membership of a religious or philosophical organisation"},
			{KindPolitics, profileSensitive, "Art. 5(II): political opinion, membership of a political organisation"},
			{KindUnion, profileSensitive, "Art. 5(II): membership of a trade union"},
			{KindNeural, profileSensitive, "Art. 5(II): data on health, which neural data reveal; held sensitive to fail closed"},
			{KindChild, profileSensitive, "Art. 14: children's data only in their best interest, with a parent's specific consent"},
			{KindCriminal, profilePII, "Art. 5(I); not among the sensitive data of Art. 5(II)"},
		}),
}

// profileLawPIPEDA is Canada's Personal Information Protection and Electronic Documents
// Act, S.C. 2000, c. 5. It has no list of sensitive data; Schedule 1, clause 4.3.4 and the
// Privacy Commissioner's guidance name what is almost always sensitive.
var profileLawPIPEDA = profileLaw{
	name:    "PIPEDA",
	aliases: []string{"pipeda"},
	rules: profileRulesFrom("s. 2(1): information about an identifiable individual",
		[]profileRule{
			{KindHealth, profileSensitive, "Sch. 1, cl. 4.3.4: medical records are almost always sensitive"},
			{KindNeural, profileSensitive, "Sch. 1, cl. 4.3.4: health information, which neural data reveal"},
			{KindGenetic, profileSensitive, "Sch. 1, cl. 4.3.4; OPC Guidelines for obtaining meaningful consent (2018): genetic data"},
			{KindBiometric, profileSensitive, "Sch. 1, cl. 4.3.4; OPC Guidelines for obtaining meaningful consent (2018): biometric data"},
			{KindEthnicity, profileSensitive, "Sch. 1, cl. 4.3.4; OPC Guidelines for obtaining meaningful consent (2018): ethnic and racial origins"},
			{KindReligion, profileSensitive, "Sch. 1, cl. 4.3.4; OPC Guidelines for obtaining meaningful consent (2018): religious or philosophical beliefs"},
			{KindPolitics, profileSensitive, "Sch. 1, cl. 4.3.4; OPC Guidelines for obtaining meaningful consent (2018): political opinions"},
			{KindSexuality, profileSensitive, "Sch. 1, cl. 4.3.4; OPC Guidelines for obtaining meaningful consent (2018): sex life or sexual orientation"},
			{KindChild, profileSensitive, "Sch. 1, cl. 4.3.4; OPC: information about children is particularly sensitive"},
		}),
}

// profileLawQuebec is Quebec's Act respecting the protection of personal information in
// the private sector, CQLR c. P-39.1, as amended by Law 25 (S.Q. 2021, c. 25).
var profileLawQuebec = profileLaw{
	name:    "Quebec",
	aliases: []string{"quebec", "law25", "loi25"},
	rules: profileRulesFrom("s. 2: information which relates to a natural person and allows that person to be identified",
		profileSame(profileSensitive, "s. 12: sensitive by its medical nature", KindHealth, KindGenetic, KindNeural),
		profileSame(profileSensitive, "s. 12: sensitive by its otherwise intimate nature",
			KindEthnicity, KindReligion, KindPolitics, KindUnion, KindSexuality, KindCriminal),
		[]profileRule{
			{KindBiometric, profileSensitive, "s. 12: sensitive by its biometric nature"},
			{KindChild, profileSensitive, "s. 4.1: a minor under 14 consents through a parent; s. 12 by context"},
		}),
}

// The US state laws below share a shape: personal data is information linked or
// reasonably linkable to an identified or identifiable individual, and a closed list of
// sensitive data needs opt-in consent. Neural data is sensitive only where the list says
// so (Colorado), unlike the broad "data concerning health" of GDPR-style laws.

// profileLawVCDPA is the Virginia Consumer Data Protection Act, Va. Code 59.1-575 ff.
var profileLawVCDPA = profileLaw{
	name:    "VCDPA",
	aliases: []string{"vcdpa"},
	rules: profileRulesFrom("59.1-575 \"personal data\": linked or reasonably linkable to an identified or identifiable natural person",
		profileUSStateSensitive("59.1-575 \"sensitive data\"", "(1)", "(2)", "(3)", "(4)"),
		[]profileRule{
			{KindNeural, profilePII, "59.1-575 \"personal data\"; not among its sensitive data"},
		}),
}

// profileLawCPA is the Colorado Privacy Act, C.R.S. 6-1-1301 ff., as amended by HB 24-1058
// (biological and neural data).
var profileLawCPA = profileLaw{
	name:    "CPA",
	aliases: []string{"cpa"},
	rules: profileRulesFrom("6-1-1303 \"personal data\": linked or reasonably linkable to an identified or identifiable individual",
		profileUSStateSensitive("6-1-1303 \"sensitive data\"", "(a)", "(b)", "(c)", ""),
		[]profileRule{
			{KindNeural, profileSensitive, "6-1-1303 \"sensitive data\": biological data, neural data among them (HB 24-1058)"},
			{KindGeo, profilePII, "6-1-1303 \"personal data\"; precise geolocation is not among its sensitive data"},
		}),
}

// profileLawTDPSA is the Texas Data Privacy and Security Act, Tex. Bus. & Com. Code
// ch. 541.
var profileLawTDPSA = profileLaw{
	name:    "TDPSA",
	aliases: []string{"tdpsa"},
	rules: profileRulesFrom("541.001 \"personal data\": linked or reasonably linkable to an identified or identifiable individual",
		profileUSStateSensitive("541.001 \"sensitive data\"", "(A)", "(B)", "(C)", "(D)"),
		[]profileRule{
			{KindNeural, profilePII, "541.001 \"personal data\"; not among its sensitive data"},
		}),
}

// profileUSStateSensitive rules the sensitive data that the Virginia, Colorado and Texas
// laws list alike: (demo) racial or ethnic origin, religious beliefs, mental or physical
// health, sexual orientation or sex life, citizenship or immigration status; (bio) genetic
// or biometric data processed to identify; (child) a known child's data; (geo) precise
// geolocation, where the law lists it (geo ""). def names the definition; the rest of
// the kinds are the law's to rule on.
func profileUSStateSensitive(def, demo, bio, child, geo string) []profileRule {
	rs := []profileRule{
		{KindEthnicity, profileSensitive, def + demo + ": racial or ethnic origin"},
		{KindReligion, profileSensitive, def + demo + ": religious beliefs"},
		{KindHealth, profileSensitive, def + demo + ": mental or physical health condition or diagnosis"},
		{KindSexuality, profileSensitive, def + demo + ": sexual orientation, sex life"},
		{KindCitizenship, profileSensitive, def + demo + ": citizenship or immigration status"},
		{KindGenetic, profileSensitive, def + bio + ": genetic data processed to identify"},
		{KindBiometric, profileSensitive, def + bio + ": biometric data processed to identify"},
		{KindChild, profileSensitive, def + child + ": personal data collected from a known child"},
	}
	if geo != "" {
		rs = append(rs, profileRule{KindGeo, profileSensitive, def + geo + ": precise geolocation data"})
	}
	return rs
}
