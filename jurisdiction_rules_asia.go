package pii

// The built-in laws of Asia and the Pacific: India, China, Japan, Australia and
// Singapore. Every cell names its provision.

// profileLawDPDP is India's Digital Personal Data Protection Act, 2023 (No. 22 of 2023).
// It has no sensitive category: the Information Technology (SPDI) Rules, 2011, which had
// one, rest on section 43A of the IT Act, which s. 44(2) omits. Children's data alone
// carries duties of its own.
var profileLawDPDP = profileLaw{
	name:    "DPDP",
	aliases: []string{"dpdp"},
	rules: profileRulesFrom("s. 2(t): any data about an individual who is identifiable by or in relation to such data; the Act has no sensitive category",
		[]profileRule{
			{KindChild, profileSensitive, "s. 9: verifiable parental consent; no tracking, behavioural monitoring or targeted advertising of children"},
		}),
}

// profileLawPIPL is China's Personal Information Protection Law (2021). Art. 28 lists
// sensitive personal information and adds whatever, once leaked, easily harms a person's
// dignity; the national standard GB/T 35273-2020, Annex B, gives the accepted examples.
var profileLawPIPL = profileLaw{
	name:    "PIPL",
	aliases: []string{"pipl"},
	rules: profileRulesFrom("Art. 4: information related to identified or identifiable natural persons",
		profileSame(profileSensitive, "Art. 28: financial accounts", KindCard, KindAccount),
		profileSame(profileSensitive, "Art. 28: medical and health information", KindHealth, KindNeural),
		profileSame(profileSensitive, "Art. 28: specific identity; GB/T 35273-2020 Annex B", KindGovID, KindEthnicity, KindPolitics),
		[]profileRule{
			{KindBiometric, profileSensitive, "Art. 28: biometric identification"},
			{KindGenetic, profileSensitive, "Art. 28: biometric and medical information; GB/T 35273-2020 Annex B: genes"},
			{KindReligion, profileSensitive, "Art. 28: religious beliefs"},
			{KindGeo, profileSensitive, "Art. 28: whereabouts and tracks"},
			{KindChild, profileSensitive, "Art. 28, Art. 31: personal information of minors under 14"},
			{KindSexuality, profileSensitive, "Art. 28: easily harms dignity; GB/T 35273-2020 Annex B: sexual orientation"},
			{KindCriminal, profileSensitive, "Art. 28: easily harms dignity; GB/T 35273-2020 Annex B: criminal records"},
			{KindBody, profileSensitive, "Art. 28; GB/T 35273-2020 Annex B: communication records and contents"},
			{KindURL, profileSensitive, "Art. 28; GB/T 35273-2020 Annex B: web browsing records"},
			{KindSecret, profileSensitive, "Art. 28; GB/T 35273-2020 Annex B: passwords; " + profileLibSecret},
		}),
}

// profileLawAPPI is Japan's Act on the Protection of Personal Information (Act No. 57 of
// 2003, as amended in 2020 and 2021). "Special care-required personal information" is
// Art. 2(3) with Cabinet Order Art. 2.
var profileLawAPPI = profileLaw{
	name:    "APPI",
	aliases: []string{"appi"},
	rules: profileRulesFrom("Art. 2(1): information relating to a living individual that identifies a specific individual",
		[]profileRule{
			{KindEthnicity, profileSensitive, "Art. 2(3): race"},
			{KindReligion, profileSensitive, "Art. 2(3): creed"},
			{KindPolitics, profileSensitive, "Art. 2(3): creed, political beliefs among them (PPC Guidelines 2-3)"},
			{KindHealth, profileSensitive, "Art. 2(3): medical history; Cabinet Order Art. 2(i)-(iii)"},
			{KindGenetic, profileSensitive, "Cabinet Order Art. 2(ii): results of medical examinations, genetic tests among them"},
			{KindNeural, profileSensitive, "Art. 2(3): medical history; Cabinet Order Art. 2(i): mental disabilities"},
			{KindCriminal, profileSensitive, "Art. 2(3): criminal record, having been a victim of crime; Cabinet Order Art. 2(iv)"},
			{KindBiometric, profilePII, "Art. 2(2)(i): an individual identification code; not special care-required"},
			{KindGovID, profilePII, "Art. 2(2)(ii): an individual identification code (passport, My Number)"},
			{KindIP, profilePII, "Art. 2(7): personally referable information, personal information once collated (Art. 31)"},
			{KindDevice, profilePII, "Art. 2(7): personally referable information, personal information once collated (Art. 31)"},
			{KindURL, profilePII, "Art. 2(7): personally referable information (browsing history), personal information once collated"},
			{KindCitizenship, profilePII, "Art. 2(1); nationality alone is not race (PPC Guidelines 2-3)"},
		}),
}

// profileLawPrivacyActAU is Australia's Privacy Act 1988 (Cth), with the Australian
// Privacy Principles. Sensitive information is defined in s. 6(1).
var profileLawPrivacyActAU = profileLaw{
	name:    "Privacy-Act-AU",
	aliases: []string{"privacyactau", "auprivacyact"},
	rules: profileRulesFrom("s. 6(1): information or an opinion about an identified or reasonably identifiable individual",
		[]profileRule{
			{KindEthnicity, profileSensitive, "s. 6(1) sensitive information (a)(i): racial or ethnic origin"},
			{KindPolitics, profileSensitive, "s. 6(1) sensitive information (a)(ii)-(iii): political opinions, membership of a political association"},
			{KindReligion, profileSensitive, "s. 6(1) sensitive information (a)(iv)-(v): religious beliefs or affiliations, philosophical beliefs"},
			{KindUnion, profileSensitive, "s. 6(1) sensitive information (a)(vi)-(vii): membership of a trade union or professional association"},
			{KindSexuality, profileSensitive, "s. 6(1) sensitive information (a)(viii): sexual orientation or practices"},
			{KindCriminal, profileSensitive, "s. 6(1) sensitive information (a)(ix): criminal record"},
			{KindHealth, profileSensitive, "s. 6(1) sensitive information (b): health information, s. 6FA"},
			{KindNeural, profileSensitive, "s. 6(1) sensitive information (b): health information, s. 6FA (mental health)"},
			{KindGenetic, profileSensitive, "s. 6(1) sensitive information (c): genetic information"},
			{KindBiometric, profileSensitive, "s. 6(1) sensitive information (d)-(e): biometric information and templates"},
			{KindGovID, profilePII, "s. 6(1); government related identifiers, APP 9"},
			{KindChild, profilePII, "s. 6(1); a Children's Online Privacy Code is to follow (Privacy and Other Legislation Amendment Act 2024)"},
		}),
}

// profileLawPDPASG is Singapore's Personal Data Protection Act 2012. It has no list of
// sensitive data; the PDPC's advisory guidelines and the breach notification schedule
// name the data that needs more care.
var profileLawPDPASG = profileLaw{
	name:    "PDPA-SG",
	aliases: []string{"pdpasg", "sgpdpa"},
	rules: profileRulesFrom("s. 2(1): data about an individual who can be identified from that data, or with other information the organisation has or is likely to have access to",
		profileSame(profileSensitive, "PDP (Notification of Data Breaches) Regulations 2021, Sch. Part 1: medical conditions, assessed as causing significant harm",
			KindHealth, KindGenetic, KindNeural),
		[]profileRule{
			{KindGovID, profileSensitive, "PDPC Advisory Guidelines on NRIC and other National Identification Numbers (2018)"},
			{KindChild, profileSensitive, "PDPC Advisory Guidelines on the PDPA for Children's Personal Data in the Digital Environment (2024)"},
		}),
}
