package pii

// The built-in laws of Europe outside the EU and of Africa: Switzerland and South Africa.
// Every cell names its provision.

// profileLawFADP is Switzerland's Federal Act on Data Protection (SR 235.1), revised in
// 2020 and in force since 1 September 2023. Sensitive personal data is Art. 5(c).
var profileLawFADP = profileLaw{
	name:    "FADP",
	aliases: []string{"fadp", "nfadp", "revfadp"},
	rules: profileRulesFrom("Art. 5(a): all information relating to an identified or identifiable natural person",
		profileSame(profileSensitive, "Art. 5(c)(1): religious, ideological, political or trade union-related views or activities",
			KindReligion, KindPolitics, KindUnion),
		profileSame(profileSensitive, "Art. 5(c)(2): health", KindHealth, KindNeural),
		[]profileRule{
			{KindSexuality, profileSensitive, "Art. 5(c)(2): the intimate sphere"},
			{KindEthnicity, profileSensitive, "Art. 5(c)(2): racial or ethnic origin"},
			{KindGenetic, profileSensitive, "Art. 5(c)(3): genetic data"},
			{KindBiometric, profileSensitive, "Art. 5(c)(4): biometric data that uniquely identifies a natural person"},
			{KindCriminal, profileSensitive, "Art. 5(c)(5): administrative and criminal proceedings or sanctions"},
		}),
}

// profileLawPOPIA is South Africa's Protection of Personal Information Act 4 of 2013.
// Special personal information is s. 26; children's personal information is s. 34.
var profileLawPOPIA = profileLaw{
	name:    "POPIA",
	aliases: []string{"popia", "popi"},
	rules: profileRulesFrom("s. 1 \"personal information\": information relating to an identifiable, living natural person",
		profileSame(profileSensitive, "s. 26(a): religious or philosophical beliefs, race or ethnic origin, trade union membership, political persuasion",
			KindReligion, KindEthnicity, KindUnion, KindPolitics),
		profileSame(profileSensitive, "s. 26(a): health or sex life", KindHealth, KindSexuality, KindNeural),
		[]profileRule{
			{KindBiometric, profileSensitive, "s. 26(a): biometric information"},
			{KindGenetic, profileSensitive, "s. 26(a): biometric information, which s. 1 defines to include DNA analysis"},
			{KindCriminal, profileSensitive, "s. 26(b): criminal behaviour, alleged offences and proceedings"},
			{KindChild, profileSensitive, "s. 34: processing a child's personal information is prohibited but under s. 35"},
			{KindIP, profilePII, "s. 1 \"personal information\" (c): an online identifier"},
			{KindCitizenship, profilePII, "s. 1 \"personal information\" (a): national origin; not special (s. 26)"},
		}),
}
