package pii

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestProfileKinds(t *testing.T) {
	// For every built-in profile: the kinds it does not count, and the kinds it holds
	// sensitive, by their tag spellings. Every other kind is plain personal data.
	special := "ethnicity religion politics union sexuality genetic neural criminal citizenship child"
	tests := []struct {
		p          Profile
		not, sens  string
		safeHarbor bool
	}{
		{GDPR, "", "secret health biometric ethnicity religion politics union sexuality genetic neural criminal", false},
		{UKGDPR, "", "secret health biometric ethnicity religion politics union sexuality genetic neural criminal", false},
		{CCPA, "", "body secret geo govid health biometric ethnicity religion union sexuality genetic neural citizenship", false},
		{HIPAA, "", "secret health genetic neural", true},
		{PCIDSS, "phone email body ip address postal dob geo govid account device url health biometric date age " + special,
			"secret", false},
		{CalOPPA, "ip card postal dob device url health biometric date age " + special, "secret", false},
		{LGPD, "", "secret health biometric ethnicity religion politics union sexuality genetic neural child", false},
		{PIPEDA, "", "secret health biometric ethnicity religion politics sexuality genetic neural child", false},
		{Quebec, "", "secret health biometric ethnicity religion politics union sexuality genetic neural criminal child", false},
		{DPDP, "", "secret child", false},
		{PIPL, "", "body card secret geo govid account url health biometric ethnicity religion politics sexuality genetic neural criminal child", false},
		{APPI, "", "secret health ethnicity religion politics genetic neural criminal", false},
		{FADP, "", "secret health biometric ethnicity religion politics union sexuality genetic neural criminal", false},
		{POPIA, "", "secret health biometric ethnicity religion politics union sexuality genetic neural criminal child", false},
		{PrivacyActAU, "", "secret health biometric ethnicity religion politics union sexuality genetic neural criminal", false},
		{PDPASG, "", "secret govid health genetic neural child", false},
		{VCDPA, "", "secret geo health biometric ethnicity religion sexuality genetic citizenship child", false},
		{CPA, "", "secret health biometric ethnicity religion sexuality genetic neural citizenship child", false},
		{TDPSA, "", "secret geo health biometric ethnicity religion sexuality genetic citizenship child", false},
		{Strict, "", "body card secret geo govid account url health biometric " + special, false},
	}
	if len(tests) != len(profileBuiltins) {
		t.Fatalf("the table has %d profiles, want all %d built-ins", len(tests), len(profileBuiltins))
	}
	for _, tt := range tests {
		t.Run(tt.p.Name(), func(t *testing.T) {
			var not, sens []string
			for _, k := range Kinds() {
				switch {
				case !tt.p.Counts(k):
					not = append(not, k.String())
				case tt.p.Sensitive(k):
					sens = append(sens, k.String())
				}
			}
			if diff := cmp.Diff(strings.Fields(tt.not), not, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("kinds not counted (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(strings.Fields(tt.sens), sens, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("sensitive kinds (-want +got):\n%s", diff)
			}
			if got := tt.p.SafeHarbor(); got != tt.safeHarbor {
				t.Errorf("SafeHarbor() = %v, want %v", got, tt.safeHarbor)
			}
		})
	}
}

// The headline rule: IP addresses are personal data under GDPR, UK GDPR, CCPA
// and HIPAA, and not under CalOPPA or PCI DSS.
func TestProfileIPAddress(t *testing.T) {
	got := map[string]bool{}
	for _, p := range profileBuiltins {
		got[p.Name()] = p.Counts(KindIP)
	}
	want := map[string]bool{}
	for _, p := range profileBuiltins {
		want[p.Name()] = true // every other law counts IP addresses
	}
	want["PCI-DSS"], want["CalOPPA"] = false, false
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Counts(KindIP) by profile (-want +got):\n%s", diff)
	}
}

// Rules that hold in every profile, combined ones included.
func TestProfileInvariants(t *testing.T) {
	profiles := append(profileBuiltins[:], Combine(CCPA, HIPAA), Combine(PCIDSS, CalOPPA), Profile{})
	for _, p := range profiles {
		for k := KindGeneric; k < numKinds; k++ {
			if p.Sensitive(k) && !p.Counts(k) {
				t.Errorf("%v: %v sensitive but not counted", p, k)
			}
		}
		type row struct{ None, Generic, Secret, SecretSensitive, Unknown, UnknownSensitive bool }
		want := row{false, true, true, true, true, true}
		got := row{p.Counts(KindNone) || p.Sensitive(KindNone), p.Counts(KindGeneric), p.Counts(KindSecret),
			p.Sensitive(KindSecret), p.Counts(numKinds), p.Sensitive(Kind(200))}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", p, diff)
		}
	}
	if !profileAlwaysZeroed(KindSecret) || profileAlwaysZeroed(KindCard) {
		t.Error("profileAlwaysZeroed: want true for KindSecret only")
	}
}

// Every law rules on every kind exactly once, with its source.
func TestProfileLawsComplete(t *testing.T) {
	for _, law := range profileLaws {
		seen := map[Kind]int{}
		for _, r := range law.rules {
			seen[r.kind]++
			if r.source == "" {
				t.Errorf("%s: %v has no source", law.name, r.kind)
			}
		}
		for _, k := range Kinds() {
			if seen[k] != 1 {
				t.Errorf("%s: %v ruled on %d times, want 1", law.name, k, seen[k])
			}
		}
		if len(law.rules) != len(Kinds()) {
			t.Errorf("%s: %d rules, want %d", law.name, len(law.rules), len(Kinds()))
		}
	}
}

func TestCombine(t *testing.T) {
	tests := []struct {
		name       string
		got        Profile
		wantName   string
		wantIP     bool
		wantBody   bool // body sensitive
		safeHarbor bool
	}{
		{"none", Combine(), "Strict", true, true, false},
		{"one", Combine(CalOPPA), "CalOPPA", false, false, false},
		{"same twice", Combine(GDPR, GDPR), "GDPR", true, false, false},
		{"ccpa hipaa", Combine(CCPA, HIPAA), "CCPA+HIPAA", true, true, true},
		{"order does not matter", Combine(HIPAA, CCPA), "CCPA+HIPAA", true, true, true},
		{"narrow pair", Combine(PCIDSS, CalOPPA), "PCI-DSS+CalOPPA", false, false, false},
		{"strict wins", Combine(CalOPPA, Strict), "CalOPPA+Strict", true, true, false},
		{"strict alone", Combine(Strict, Strict), "Strict", true, true, false},
		{"nested", Combine(Combine(GDPR, CCPA), HIPAA), "GDPR+CCPA+HIPAA", true, true, true},
		{"zero is strict", Combine(Profile{}, HIPAA), "HIPAA+Strict", true, true, true},
		{"new laws", Combine(TDPSA, LGPD, CalOPPA), "CalOPPA+LGPD+TDPSA", true, false, false},
		{"every law", Combine(profileBuiltins...), strings.Join(strings.Fields(
			"GDPR UK-GDPR CCPA HIPAA PCI-DSS CalOPPA LGPD PIPEDA Quebec DPDP PIPL APPI FADP POPIA "+
				"Privacy-Act-AU PDPA-SG VCDPA CPA TDPSA Strict"), "+"), true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type view struct {
				Name, String       string
				IP, Body, SafeHarb bool
			}
			want := view{tt.wantName, tt.wantName, tt.wantIP, tt.wantBody, tt.safeHarbor}
			got := view{tt.got.Name(), tt.got.String(), tt.got.Counts(KindIP), tt.got.Sensitive(KindBody), tt.got.SafeHarbor()}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// A combination counts and marks sensitive exactly the union of its parts.
	c := Combine(PCIDSS, CalOPPA, HIPAA)
	for _, k := range Kinds() {
		if c.Counts(k) != (PCIDSS.Counts(k) || CalOPPA.Counts(k) || HIPAA.Counts(k)) {
			t.Errorf("Counts(%v) is not the union", k)
		}
		if c.Sensitive(k) != (PCIDSS.Sensitive(k) || CalOPPA.Sensitive(k) || HIPAA.Sensitive(k)) {
			t.Errorf("Sensitive(%v) is not the union", k)
		}
	}
}

func TestProfileComparable(t *testing.T) {
	type result struct{ Commutes, Idempotent, Associates, ZeroIsStrict, Distinct bool }
	want := result{true, true, true, true, true}
	got := result{
		Commutes:     Combine(CCPA, HIPAA) == Combine(HIPAA, CCPA),
		Idempotent:   Combine(HIPAA, HIPAA) == HIPAA && Combine(Strict) == Strict,
		Associates:   Combine(Combine(GDPR, CCPA), PCIDSS) == Combine(GDPR, Combine(CCPA, PCIDSS)),
		ZeroIsStrict: Profile{} == Strict && Combine() == Strict,
		Distinct:     GDPR != UKGDPR && CCPA != Combine(CCPA, Strict),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	m := map[Profile]string{GDPR: "eu", Combine(CCPA, HIPAA): "us"}
	if m[Combine(HIPAA, CCPA)] != "us" {
		t.Error("a combination does not find its map entry")
	}
}

func TestProfileNames(t *testing.T) {
	var got []string
	for _, p := range profileBuiltins {
		got = append(got, p.Name())
	}
	want := []string{"GDPR", "UK-GDPR", "CCPA", "HIPAA", "PCI-DSS", "CalOPPA", "LGPD", "PIPEDA",
		"Quebec", "DPDP", "PIPL", "APPI", "FADP", "POPIA", "Privacy-Act-AU", "PDPA-SG", "VCDPA", "CPA",
		"TDPSA", "Strict"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Name allocates only the first time a combination is named, whatever its members.
func TestProfileNameAllocs(t *testing.T) {
	c := Combine(CCPA, HIPAA, TDPSA, PIPL)
	want := "CCPA+HIPAA+PIPL+TDPSA"
	if got := c.Name(); got != want {
		t.Fatalf("Name() = %q, want %q", got, want)
	}
	n := testing.AllocsPerRun(100, func() {
		_ = c.Name()
		_ = PIPL.Name()
		_ = Strict.Name()
	})
	if n != 0 {
		t.Errorf("Name allocates %v times per call once cached, want 0", n)
	}
}

func BenchmarkProfileCounts(b *testing.B) {
	p := Combine(CCPA, HIPAA)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if p.Counts(KindIP) && !Strict.Sensitive(KindPhone) {
			n++
		}
	}
	_ = n
}

// A law that rules on a kind twice is a mistake in the rule tables, caught when the
// package is initialised.
func TestProfileRulesFromRefusesTwice(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("profileRulesFrom accepted a kind ruled twice")
		}
	}()
	profileRulesFrom("base", profileSame(profileSensitive, "a", KindHealth), profileSame(profilePII, "b", KindHealth))
}
