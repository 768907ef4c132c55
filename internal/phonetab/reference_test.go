package phonetab_test

import (
	"sort"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nyaruka/phonenumbers"

	"github.com/ef8f9424/pii/internal/phonetab"
)

// verdict is every answer the package gives about one number.
type verdict struct {
	Valid          bool   // Valid(region, nsn)
	Region         string // ValidNumber(code, nsn)
	OK             bool
	RegionOf       string // Region(code, nsn)
	Possible       bool   // Possible(region, nsn)
	PossibleNumber bool   // PossibleNumber(code, nsn)
}

// probe is a number to check: a region (or "001") and its calling code.
type probe struct {
	region string
	code   int
	nsn    string
}

// tabled asks the tables.
func tabled(p probe) verdict {
	region, ok := phonetab.ValidNumber(p.code, p.nsn)
	return verdict{
		Valid:          phonetab.Valid(p.region, p.nsn),
		Region:         region,
		OK:             ok,
		RegionOf:       phonetab.Region(p.code, p.nsn),
		Possible:       phonetab.Possible(p.region, p.nsn),
		PossibleNumber: phonetab.PossibleNumber(p.code, p.nsn),
	}
}

// reference asks phonenumbers about the number it would hold for p.
func reference(p probe) verdict {
	n := number(p.code, p.nsn)
	var v verdict
	if phonenumbers.IsValidNumber(n) {
		v.Region, v.OK = phonenumbers.GetRegionCodeForNumber(n), true
	}
	v.RegionOf = phonenumbers.GetRegionCodeForNumber(n)
	v.PossibleNumber = phonenumbers.IsPossibleNumber(n)
	if p.region != "001" {
		v.Valid = phonenumbers.IsValidNumberForRegion(n, p.region)
		v.Possible = possibleForRegion(p.region, len(p.nsn))
	}
	return v
}

// number builds the PhoneNumber that phonenumbers holds for a calling code
// and a national significant number: leading zeros are "Italian" zeros.
func number(code int, nsn string) *phonenumbers.PhoneNumber {
	zeros := 0
	for zeros < len(nsn)-1 && nsn[zeros] == '0' {
		zeros++
	}
	national, err := strconv.ParseUint(nsn[zeros:], 10, 64)
	if err != nil {
		panic("test number " + nsn + ": " + err.Error())
	}
	n := &phonenumbers.PhoneNumber{
		CountryCode:    ptr(int32(code)),
		NationalNumber: ptr(national),
	}
	if zeros > 0 {
		n.ItalianLeadingZero = ptr(true)
		n.NumberOfLeadingZeros = ptr(int32(zeros))
	}
	return n
}

func ptr[T any](v T) *T { return &v }

// possibleForRegion is the length check of phonenumbers' testNumberLength
// for the UNKNOWN type, read from the region's own metadata (phonenumbers
// exports it only for the main region of a calling code, through
// IsPossibleNumber).
func possibleForRegion(region string, length int) bool {
	gd := metadata()[region].GetGeneralDesc()
	lengths := gd.GetPossibleLength()
	if len(lengths) == 0 || lengths[0] == -1 {
		return false
	}
	for _, l := range append(lengths, gd.GetPossibleLengthLocalOnly()...) {
		if int(l) == length {
			return true
		}
	}
	return false
}

// metadata indexes the geographical regions' metadata.
func metadata() map[string]*phonenumbers.PhoneMetadata {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		panic(err)
	}
	m := make(map[string]*phonenumbers.PhoneMetadata)
	for _, md := range coll.GetMetadata() {
		if md.GetId() != "001" {
			m[md.GetId()] = md
		}
	}
	return m
}

// entities lists every region with its calling code, and every
// non-geographical calling code as region "001", in a fixed order.
func entities() []probe {
	var es []probe
	for r := range phonenumbers.GetSupportedRegions() {
		es = append(es, probe{region: r, code: phonenumbers.GetCountryCodeForRegion(r)})
	}
	for code := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		es = append(es, probe{region: "001", code: code})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].code != es[j].code {
			return es[i].code < es[j].code
		}
		return es[i].region < es[j].region
	})
	return es
}

// examples returns the example numbers of every type of every entity.
func examples() []probe {
	types := []phonenumbers.PhoneNumberType{
		phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP,
		phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER, phonenumbers.UAN,
		phonenumbers.VOICEMAIL,
	}
	var ps []probe
	for _, e := range entities() {
		if e.region == "001" {
			if n := phonenumbers.GetExampleNumberForNonGeoEntity(e.code); n != nil {
				ps = append(ps, probe{region: e.region, code: e.code, nsn: phonenumbers.GetNationalSignificantNumber(n)})
			}
			continue
		}
		for _, typ := range types {
			if n := phonenumbers.GetExampleNumberForType(e.region, typ); n != nil {
				ps = append(ps, probe{region: e.region, code: e.code, nsn: phonenumbers.GetNationalSignificantNumber(n)})
			}
		}
	}
	return ps
}

// agree checks the tables against phonenumbers on every probe and returns
// how many numbers phonenumbers found valid, so that a caller can check
// that its sample is not all invalid.
func agree(t *testing.T, ps []probe) (valid int) {
	t.Helper()
	failures := 0
	for _, p := range ps {
		want := reference(p)
		if want.OK {
			valid++
		}
		if got := phonetab.ValidDigits(p.code, []byte(p.nsn)); got != want.OK {
			t.Errorf("%s +%d %s: ValidDigits = %t, phonenumbers.IsValidNumber = %t", p.region, p.code, p.nsn, got, want.OK)
		}
		if diff := cmp.Diff(want, tabled(p)); diff != "" {
			t.Errorf("%s +%d %s: tables disagree with phonenumbers (-phonenumbers +tables):\n%s", p.region, p.code, p.nsn, diff)
			if failures++; failures == 20 {
				t.Fatal("too many disagreements")
			}
		}
	}
	return valid
}
