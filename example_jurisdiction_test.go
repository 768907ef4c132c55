package pii_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ef8f9424/pii"
)

func ExampleCombine() {
	p := pii.Combine(pii.CCPA, pii.HIPAA)
	fmt.Println(p.Name())
	fmt.Println("ip counts:", p.Counts(pii.KindIP))
	fmt.Println("body sensitive:", p.Sensitive(pii.KindBody)) // from CCPA
	fmt.Println("safe harbor:", p.SafeHarbor())               // from HIPAA
	fmt.Println("same either way:", p == pii.Combine(pii.HIPAA, pii.CCPA))
	// Output:
	// CCPA+HIPAA
	// ip counts: true
	// body sensitive: true
	// safe harbor: true
	// same either way: true
}

func ExampleParseProfile() {
	p, err := pii.ParseProfile("CalOPPA")
	fmt.Println(p, err, "ip counts:", p.Counts(pii.KindIP))

	p, err = pii.ParseProfile("uk-gdpr+pci")
	fmt.Println(p, err)

	p, err = pii.ParseProfile("lgpd+privacy-act-au")
	fmt.Println(p, err)

	_, err = pii.ParseProfile("hippa")
	fmt.Println(errors.Is(err, pii.ErrUnknownProfile))
	fmt.Println(err)
	// Output:
	// CalOPPA <nil> ip counts: false
	// UK-GDPR+PCI-DSS <nil>
	// LGPD+Privacy-Act-AU <nil>
	// true
	// pii: unknown profile "hippa" (part 1 of 1); did you mean "HIPAA"? known profiles: GDPR, UK-GDPR, CCPA, HIPAA, PCI-DSS, CalOPPA, LGPD, PIPEDA, Quebec, DPDP, PIPL, APPI, FADP, POPIA, Privacy-Act-AU, PDPA-SG, VCDPA, CPA, TDPSA, Strict, joined with '+'
}

func ExampleParseRegion() {
	p, err := pii.ParseRegion("US-TX")
	fmt.Println(p, err)

	_, err = pii.ParseRegion("USVA")
	fmt.Println(errors.Is(err, pii.ErrNoRegionProfile))
	msg, _, _ := strings.Cut(err.Error(), ";")
	fmt.Println(msg)
	fmt.Println(strings.Contains(err.Error(), `did you mean "US-VA"?`))
	// Output:
	// TDPSA <nil>
	// true
	// pii: no profile for region "USVA"
	// true
}

func ExampleProfileForRegion() {
	for _, region := range []string{"DE", "no", "GB", "CH", "US", "US-CA", "ca-qc"} {
		p, ok := pii.ProfileForRegion(region)
		if !ok {
			fmt.Println(region, "-")
			continue
		}
		fmt.Println(region, p)
	}
	// Output:
	// DE GDPR
	// no GDPR
	// GB UK-GDPR
	// CH FADP
	// US -
	// US-CA CCPA+CalOPPA
	// ca-qc Quebec
}

func ExampleProfile_Kinds() {
	fmt.Println(pii.PCIDSS.Kinds())
	// Output:
	// [generic name card secret]
}

func ExampleMatrix() {
	// The heading and first rows of the kind-by-profile table JURISDICTIONS.md embeds.
	lines := strings.Split(pii.Matrix(), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[2])
	fmt.Println(lines[3])
	// Output:
	// | kind | GDPR | UK-GDPR | CCPA | HIPAA | PCI-DSS | CalOPPA | LGPD | PIPEDA | Quebec | DPDP | PIPL | APPI | FADP | POPIA | Privacy-Act-AU | PDPA-SG | VCDPA | CPA | TDPSA | Strict |
	// | generic | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII |
	// | phone | PII | PII | PII | PII | - | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII | PII |
}
