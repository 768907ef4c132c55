package pii_test

import (
	"testing"
)

// FuzzGuarantee is TestGuarantee for longer runs: each input is a seed, which makes a
// random type and value as TestGuarantee's records are made, and knobs that force some of
// the record's choices (bits 0-3: the profile, 15 for the seed's choice; bit 4: write
// values in issue 11's hard ways; bit 5: make the root what an interface could hold).
// Every output of the record is checked as TestGuarantee checks it.
func FuzzGuarantee(f *testing.F) {
	pols, err := gtPolicies()
	if err != nil {
		f.Fatal(err)
	}
	for i := range uint64(16) {
		f.Add(gtFirstSeed+i, uint8(0x0f))
	}
	for _, k := range []uint8{0x10, 0x15, 0x16, 0x20, 0x31, 0x3a} {
		f.Add(uint64(k)*7919, k)
	}
	f.Fuzz(func(t *testing.T, seed uint64, knobs uint8) {
		k := &gtKnobs{profile: int(knobs & 0x0f), variants: int(knobs>>4) & 1, dynamic: int(knobs>>5) & 1}
		if knobs&0x0f == 0x0f {
			k.profile = -1
		}
		run := gtCheck(seed, pols, k)
		var agg gtAgg
		agg.add(run)
		agg.report(t.Errorf, 20)
	})
}
