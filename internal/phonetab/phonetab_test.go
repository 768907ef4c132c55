package phonetab_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ef8f9424/pii/internal/phonetab"
)

func TestExampleNumbers(t *testing.T) {
	ps := examples()
	valid := agree(t, ps)
	t.Logf("%d of %d numbers valid", valid, len(ps))
	// phonenumbers' own examples are valid (agree has checked that the tables
	// say the same); a sample of mostly invalid numbers would test little.
	if len(ps) < 1000 || valid < len(ps)*95/100 {
		t.Errorf("%d of %d example numbers valid: the sample is not what this test expects", valid, len(ps))
	}
}

// TestNearRealNumbers checks numbers made from the example numbers by
// changing, dropping or adding digits: the neighbourhood where the rules of
// a region are decided.
func TestNearRealNumbers(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	ex := examples()
	ps := make([]probe, 0, sampleSize)
	for range cap(ps) {
		p := ex[rng.IntN(len(ex))]
		p.nsn = mutate(rng, p.nsn)
		ps = append(ps, p)
	}
	valid := agree(t, ps)
	t.Logf("%d of %d numbers valid", valid, len(ps))
	if valid < len(ps)/10 || valid > len(ps)*9/10 {
		t.Errorf("%d of %d near-real numbers valid: the sample is not what this test expects", valid, len(ps))
	}
}

// mutate changes a number a little, as a typo or a neighbouring range would.
func mutate(rng *rand.Rand, nsn string) string {
	b := []byte(nsn)
	switch rng.IntN(5) {
	case 0: // change one to three digits
		for range 1 + rng.IntN(3) {
			b[rng.IntN(len(b))] = byte('0' + rng.IntN(10))
		}
	case 1: // drop the last digit
		if len(b) > 1 {
			b = b[:len(b)-1]
		}
	case 2: // add a digit
		b = append(b, byte('0'+rng.IntN(10)))
	case 3: // keep a prefix, draw the rest
		for i := 1 + rng.IntN(len(b)); i < len(b); i++ {
			b[i] = byte('0' + rng.IntN(10))
		}
	case 4: // change one digit of the leading ones
		b[rng.IntN(min(len(b), 4))] = byte('0' + rng.IntN(10))
	}
	return string(b)
}

// TestRandomDigits checks random digit strings of every length from 1 to
// 18 in every region and non-geographical calling code.
func TestRandomDigits(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 2026))
	var ps []probe
	for _, e := range entities() {
		for length := 1; length <= 18; length++ {
			for range 4 {
				b := make([]byte, length)
				for i := range b {
					b[i] = byte('0' + rng.IntN(10))
				}
				e.nsn = string(b)
				ps = append(ps, e)
			}
		}
	}
	valid := agree(t, ps)
	t.Logf("%d of %d numbers valid", valid, len(ps))
	if valid == 0 {
		t.Error("no random number is valid: the sample is not what this test expects")
	}
}

func TestEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		probe probe
		want  verdict
	}{
		{"valid US", probe{"US", 1, "2015550123"}, verdict{Valid: true, Region: "US", OK: true, RegionOf: "US", Possible: true, PossibleNumber: true}},
		{"Canadian number is not valid for the US", probe{"US", 1, "6135550123"}, verdict{Region: "CA", OK: true, RegionOf: "CA", Possible: true, PossibleNumber: true}},
		{"Italian leading zero", probe{"IT", 39, "0212345678"}, verdict{Valid: true, Region: "IT", OK: true, RegionOf: "IT", Possible: true, PossibleNumber: true}},
		{"empty", probe{"US", 1, ""}, verdict{}},
		{"empty, calling code of one region", probe{"DE", 49, ""}, verdict{}},
		{"non-digit, calling code of one region", probe{"DE", 49, "3012345٦"}, verdict{}},
		{"non-digit", probe{"US", 1, "201555012X"}, verdict{}},
		{"lower-case region", probe{"us", 1, "2015550123"}, verdict{Region: "US", OK: true, RegionOf: "US", PossibleNumber: true}},
		{"unknown region", probe{"ZZ", 0, "2015550123"}, verdict{}},
		{"region 001", probe{"001", 800, "12345678"}, verdict{Region: "001", OK: true, RegionOf: "001", PossibleNumber: true}},
		{"unknown calling code", probe{"", 999, "12345678"}, verdict{}},
		{"negative calling code", probe{"", -1, "12345678"}, verdict{}},
		{"too long", probe{"US", 1, strings.Repeat("2", 40)}, verdict{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tabled(tt.probe)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCountryCode(t *testing.T) {
	for _, e := range entities() {
		if e.region == "001" {
			continue
		}
		if got := phonetab.CountryCode(e.region); got != e.code {
			t.Errorf("CountryCode(%q) = %d, want %d", e.region, got, e.code)
		}
	}
	for _, r := range []string{"", "ZZ", "001", "us", "USA"} {
		if got := phonetab.CountryCode(r); got != 0 {
			t.Errorf("CountryCode(%q) = %d, want 0", r, got)
		}
	}
}

func TestNoAllocations(t *testing.T) {
	checks := map[string]func(){
		"Valid":       func() { phonetab.Valid("GB", "7400123456") },
		"ValidNumber": func() { phonetab.ValidNumber(1, "2425551234") },
		"ValidDigits": func() {
			nsn := [...]byte{'2', '0', '1', '5', '5', '5', '0', '1', '2', '3'}
			if !phonetab.ValidDigits(1, nsn[:]) {
				panic("not valid")
			}
		},
		"Possible":       func() { phonetab.Possible("DE", "30123456") },
		"PossibleNumber": func() { phonetab.PossibleNumber(49, "30123456") },
		"Region":         func() { phonetab.Region(44, "7624123456") },
		"SplitCallingCode": func() {
			if code, _ := phonetab.SplitCallingCode("35312345678"); code != 353 {
				panic("wrong code")
			}
		},
	}
	for name, f := range checks {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times per call, want 0", name, n)
		}
	}
}
