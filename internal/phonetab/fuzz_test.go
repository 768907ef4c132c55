package phonetab_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzAgainstPhonenumbers compares the tables with phonenumbers on any
// string in any region or non-geographical calling code: a national
// significant number of 1 to 18 digits must get phonenumbers' answers, a
// longer one (which a PhoneNumber cannot hold) must be neither valid nor
// possible, and anything else must get no answer at all.
func FuzzAgainstPhonenumbers(f *testing.F) {
	for _, p := range examples()[:200] {
		f.Add(uint(len(p.nsn)), p.nsn)
	}
	f.Add(uint(0), "")
	f.Add(uint(3), "12 34")
	f.Add(uint(7), "0000000000000000000")
	es := entities()
	f.Fuzz(func(t *testing.T, which uint, nsn string) {
		p := es[which%uint(len(es))]
		p.nsn = nsn
		got := tabled(p)
		want := verdict{}
		switch {
		case !digitsOnly(nsn):
		case len(nsn) <= 18:
			want = reference(p)
		default:
			want.RegionOf = got.RegionOf
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s +%d %q: (-phonenumbers +tables):\n%s", p.region, p.code, nsn, diff)
		}
	})
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
