package pii

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nyaruka/phonenumbers"
)

// +1 is shared by the US, Canada and the Caribbean: a Canadian number widens a record's
// profile by PIPEDA (and Quebec for Quebec's area codes), where it used to count as a US one.
func TestProfileForPhoneNANP(t *testing.T) {
	none := noProfile
	tests := []struct {
		in   string
		want result
	}{
		{"+1 416 555 0100", result{"PIPEDA", true}},   // Toronto
		{"+16045550100", result{"PIPEDA", true}},      // Vancouver
		{"+1 (902) 555-0100", result{"PIPEDA", true}}, // Nova Scotia
		{"+1-867-555-0100", result{"PIPEDA", true}},   // the territories
		{"001 613 555 0100", result{"PIPEDA", true}},
		{"011 1 780 555 0100", result{"PIPEDA", true}},
		{"+1 514 555 0100", result{"PIPEDA+Quebec", true}}, // Montreal
		{"+1.418.555.0100", result{"PIPEDA+Quebec", true}}, // Quebec City
		{"+1 819 555 0100", result{"PIPEDA+Quebec", true}},
		{"+1 415 555 0100", none}, // San Francisco
		{"+1 212 555 0100", none},
		{"+1 787 555 0100", none}, // Puerto Rico
		{"+1 876 555 0100", none}, // Jamaica
		{"+1 41", none},           // no area code yet
		{"+1 4x6 555 0100", none},
		{"+1", none},
		// The prefix may be followed by a space, as the doc's own "011 44 20 ..." is.
		{"011 44 20 7946 0958", result{"UK-GDPR", true}},
		{"00 49 30 123456", result{"GDPR", true}},
		{"+ 33 1 23 45 67 89", result{"GDPR", true}},
	}
	for _, tt := range tests {
		p, ok := profileForPhone(tt.in)
		if diff := cmp.Diff(tt.want, result{p.Name(), ok}); diff != "" {
			t.Errorf("profileForPhone(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// The list of Canadian area codes is phonenumbers' own: every area code whose numbers it
// places in Canada is in the list, and no other.
func TestCanadaAreaCodesAgreeWithPhonenumbers(t *testing.T) {
	exchanges := []uint64{2012345, 2342345, 5552345, 3452345, 7892345, 9212345, 4412345, 6612345, 8812345}
	for area := 200; area <= 999; area++ {
		region := ""
		for _, ex := range exchanges {
			cc, nn := int32(1), uint64(area)*10000000+ex
			if region = phonenumbers.GetRegionCodeForNumber(&phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &nn}); region != "" {
				break
			}
		}
		_, ok := profileForPhone(fmt.Sprintf("+1%d5550100", area))
		if ok != (region == "CA") {
			t.Errorf("area code %d: phonenumbers places it in %q, profileForPhone gives a profile: %v", area, region, ok)
		}
	}
	for _, a := range []string{"263", "354", "367", "418", "438", "450", "468", "514", "579", "581", "819", "873"} {
		if p, _ := profileForPhone("+1" + a + "5550100"); p != jurisQuebecPhone {
			t.Errorf("Quebec's area code %s: %v", a, p)
		}
	}
}

// Other shared calling codes stand for their main region. Where the regions sharing a code
// have the same profile, that is exact (+44: GB, Jersey, Guernsey, the Isle of Man; +7:
// Russia and Kazakhstan, neither built in; +262: Réunion and Mayotte); where they do not,
// the main region's profile is the wider answer (+47 79: Svalbard, outside the EEA; +590
// 590 27: Saint-Barthélemy, outside the EU), never a narrower one.
func TestProfileForPhoneSharedCodes(t *testing.T) {
	for in, want := range map[string]string{
		"+44 1534 123456":   "UK-GDPR", // Jersey
		"+44 1481 123456":   "UK-GDPR", // Guernsey
		"+44 1624 123456":   "UK-GDPR", // Isle of Man
		"+7 727 123 4567":   "Strict",  // Kazakhstan: no profile
		"+7 495 123 4567":   "Strict",  // Russia: no profile
		"+262 269 61 23 45": "GDPR",    // Mayotte
		"+47 79 02 34 56":   "GDPR",    // Svalbard, read as Norway
		"+590 590 27 12 34": "GDPR",    // Saint-Barthélemy, read as Guadeloupe
	} {
		if p, _ := profileForPhone(in); p.Name() != want {
			t.Errorf("profileForPhone(%q) = %v, want %s", in, p, want)
		}
	}
}
