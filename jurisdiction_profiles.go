package pii

// The built-in profiles beyond the first six. Their rules, kind by kind with the
// provision behind each, are in jurisdiction_rules_*.go.
var (
	// LGPD is Brazil's Lei Geral de Proteção de Dados Pessoais (Lei nº 13.709/2018). Every
	// kind is personal data (Art. 5(I)); the sensitive data of Art. 5(II) (racial or ethnic
	// origin, religious conviction, political opinion, union membership, health, sex life,
	// genetic and biometric data) and children's data (Art. 14) are sensitive.
	LGPD = profileFromLaw(lawLGPD)
	// PIPEDA is Canada's federal private-sector law (S.C. 2000, c. 5). Every kind is
	// personal information (s. 2(1)); what Schedule 1, cl. 4.3.4 and the Privacy
	// Commissioner's guidance call almost always sensitive (health, genetic, biometric
	// data, origins, beliefs, political opinions, sex life, children's data) is sensitive.
	PIPEDA = profileFromLaw(lawPIPEDA)
	// Quebec is Quebec's private-sector law (CQLR c. P-39.1) as amended by Law 25. Every
	// kind is personal information (s. 2); information of a medical, biometric or otherwise
	// intimate nature is sensitive (s. 12), and so are children's data (s. 4.1).
	Quebec = profileFromLaw(lawQuebec)
	// DPDP is India's Digital Personal Data Protection Act, 2023. Every kind is personal
	// data (s. 2(t)); the Act has no sensitive category, but children's data carries
	// duties of its own (s. 9) and is held sensitive.
	DPDP = profileFromLaw(lawDPDP)
	// PIPL is China's Personal Information Protection Law (2021). Every kind is personal
	// information (Art. 4); sensitive personal information (Art. 28) covers biometric,
	// religious, health, financial account, whereabouts and minors' data and, read with
	// GB/T 35273-2020, identity numbers, communications, browsing records and more.
	PIPL = profileFromLaw(lawPIPL)
	// APPI is Japan's Act on the Protection of Personal Information. Every kind counts
	// (Art. 2(1), identification codes Art. 2(2), personally referable information
	// Art. 2(7)); special care-required information (Art. 2(3): race, creed, medical
	// history, criminal record) is sensitive.
	APPI = profileFromLaw(lawAPPI)
	// FADP is Switzerland's revised Federal Act on Data Protection (in force since 1
	// September 2023). Every kind is personal data (Art. 5(a)); the sensitive personal
	// data of Art. 5(c) is sensitive.
	FADP = profileFromLaw(lawFADP)
	// POPIA is South Africa's Protection of Personal Information Act 4 of 2013. Every kind
	// is personal information (s. 1); special personal information (s. 26) and children's
	// personal information (s. 34) are sensitive.
	POPIA = profileFromLaw(lawPOPIA)
	// PrivacyActAU is Australia's Privacy Act 1988 (Cth). Every kind is personal
	// information (s. 6(1)); sensitive information (s. 6(1): origins, opinions, beliefs,
	// memberships, sexual orientation, criminal record, health, genetic and biometric
	// information) is sensitive.
	PrivacyActAU = profileFromLaw(lawPrivacyActAU)
	// PDPASG is Singapore's Personal Data Protection Act 2012. Every kind is personal data
	// (s. 2(1)); the Act lists no sensitive data, and what the PDPC's guidance and breach
	// notification schedule single out (medical data, national identification numbers,
	// children's data) is held sensitive.
	PDPASG = profileFromLaw(lawPDPASG)
	// VCDPA is the Virginia Consumer Data Protection Act (Va. Code 59.1-575 ff.). Every
	// kind is personal data; its sensitive data (origin, religion, health, sexual
	// orientation, citizenship or immigration status, genetic and biometric data, a known
	// child's data, precise geolocation) is sensitive.
	VCDPA = profileFromLaw(lawVCDPA)
	// CPA is the Colorado Privacy Act (C.R.S. 6-1-1301 ff.). Every kind is personal data
	// (6-1-1303); its sensitive data (6-1-1303: origin, religion, health, sex life,
	// citizenship, genetic, biometric and neural data, a known child's data) is sensitive.
	CPA = profileFromLaw(lawCPA)
	// TDPSA is the Texas Data Privacy and Security Act (Tex. Bus. & Com. Code ch. 541).
	// Every kind is personal data (541.001); its sensitive data (541.001: origin,
	// religion, health, sexuality, citizenship or immigration status, genetic and
	// biometric data, a known child's data, precise geolocation) is sensitive.
	TDPSA = profileFromLaw(lawTDPSA)
)
