package pii_test

import (
	"testing"
)

// FuzzGuarantee is TestGuarantee for longer runs: each input is a seed, which makes a
// random type and value as TestGuarantee's records are made, and knobs that force some of
// the record's choices:
//
//   - bits 0-3: the profile, an index in gtProfiles, len(gtProfiles) for the default
//     Policy; larger values leave it to the seed;
//   - bits 4-5: 1 writes no value in issue 11's hard ways (two phone numbers, a card with
//     its CVV...), 2 may write them; 0 and 3 leave it to the seed;
//   - bits 6-7: 1 makes the root a random struct, 2 what an interface could hold (a type
//     with methods, an error chain, a []any...); 0 and 3 leave it to the seed.
//
// With knobs 0xff the record is exactly TestGuarantee's record of that seed, which is how
// the seed corpus in testdata/fuzz/FuzzGuarantee keeps one example of each class of leak
// TestGuarantee found. Every output of the record is checked as TestGuarantee checks it.
func FuzzGuarantee(f *testing.F) {
	pols, err := gtPolicies()
	if err != nil {
		f.Fatal(err)
	}
	for i := range uint64(8) {
		f.Add(gtFirstSeed+i, uint8(0xff))
	}
	for _, k := range []uint8{0x00, 0x25, 0x96, 0x1a, 0x63, 0xa7} {
		f.Add(uint64(k)*7919+1, k)
	}
	f.Fuzz(func(t *testing.T, seed uint64, knobs uint8) {
		run := gtCheck(seed, pols, gtKnobsOf(knobs))
		var agg gtAgg
		agg.add(run)
		agg.report(t.Errorf, 20)
	})
}

// gtKnobsOf reads FuzzGuarantee's knobs.
func gtKnobsOf(knobs uint8) *gtKnobs {
	k := &gtKnobs{profile: int(knobs & 0x0f), variants: -1, dynamic: -1}
	if k.profile > len(gtProfiles) {
		k.profile = -1
	}
	switch (knobs >> 4) & 3 {
	case 1:
		k.variants = 0
	case 2:
		k.variants = 1
	}
	switch (knobs >> 6) & 3 {
	case 1:
		k.dynamic = 0
	case 2:
		k.dynamic = 1
	}
	return k
}
