// Package phonetab answers the validity questions of
// github.com/nyaruka/phonenumbers from tables compiled out of that library's
// own metadata, without parsing and without regular expressions.
//
// phonenumbers decides whether a national significant number is valid by
// matching it against up to a dozen regular expressions of its region,
// building each pattern's string and looking it up in a locked cache on every
// call; that costs microseconds and about twenty allocations. The patterns only
// ever describe digit strings of bounded length, so the generator in ./gen
// compiles every region's rules, exactly, into one minimal state machine over
// the ten digits, shared by all regions. A check is then one table step per
// digit: about as long as reading the number, with no allocation and no
// start-up work (the tables are constant arrays).
//
// The answers are those of phonenumbers v1.8.1, the version the module
// requires; a test regenerates the tables and fails when they are stale.
//
// A national significant number is what phonenumbers.GetNationalSignificantNumber
// returns: one or more ASCII digits, without the calling code, the
// international or the national prefix. Anything else is neither valid nor
// possible, and has no region.
package phonetab

//go:generate go run ./gen -o tables.go

// maxCode is the largest calling code.
const maxCode = 999

// entity is a region, or the entity of a non-geographical calling code.
type entity struct {
	region   string
	code     uint16 // calling code
	valid    uint16 // state: the numbers valid for the entity
	lead     uint16 // state: the numbers the entity claims when it shares its calling code
	claims   bool   // lead is set: the entity has leading digits
	possible uint32 // bit n set: a number of n digits has a possible length
}

// span is a range of codeEntities.
type span struct{ from, to uint16 }

// Valid reports whether nsn is a valid national significant number for
// region, a two-letter region code in upper case ("US", "GB"): what
// phonenumbers.IsValidNumberForRegion says of a number with region's
// calling code and nsn as its national number. It is false for an unknown
// region and for "001"; ask ValidNumber about non-geographical numbers.
func Valid(region, nsn string) bool {
	e := lookup(region)
	return e != nil && run(e.valid, nsn)
}

// ValidNumber reports whether nsn is a valid national significant number for
// calling code countryCode, and of which region, as phonenumbers.IsValidNumber
// and phonenumbers.GetRegionCodeForNumber say. Non-geographical numbers
// (+800, ...) have region "001". The region is "" when ok is false.
func ValidNumber(countryCode int, nsn string) (region string, ok bool) {
	e, checked := assign(countryCode, nsn)
	if e == nil || !checked && !run(e.valid, nsn) {
		return "", false
	}
	return e.region, true
}

// Region returns the region that phonenumbers.GetRegionCodeForNumber gives a
// number of calling code countryCode with national significant number nsn,
// valid or not: the code's only region, or, of the regions that share the
// code, the first that claims the number by its leading digits or else the
// first for which it is valid ("" if none). Non-geographical codes have
// region "001"; an unknown code has "".
func Region(countryCode int, nsn string) string {
	if e, _ := assign(countryCode, nsn); e != nil && digits(nsn) {
		return e.region
	}
	return ""
}

// ValidDigits is ValidNumber for a national significant number held in bytes (a
// buffer on the caller's stack), without the region: a caller that reads
// digits out of text checks them without making a string.
func ValidDigits(countryCode int, nsn []byte) bool {
	e, checked := assign(countryCode, nsn)
	return e != nil && (checked || run(e.valid, nsn))
}

// nsnText is what an NSN is held in: a string, or bytes.
type nsnText interface{ ~string | ~[]byte }

// assign finds the entity of a number as getRegionCodeForNumberFromRegionList
// does; valid is true when it was found by checking that nsn is valid for it.
func assign[S nsnText](countryCode int, nsn S) (e *entity, valid bool) {
	if countryCode < 0 || countryCode > maxCode {
		return nil, false
	}
	sp := codes[countryCode]
	list := codeEntities[sp.from:sp.to]
	if len(list) == 1 {
		return &entities[list[0]], false
	}
	for _, i := range list {
		e := &entities[i]
		if e.claims {
			if run(e.lead, nsn) {
				return e, false
			}
		} else if run(e.valid, nsn) {
			return e, true
		}
	}
	return nil, false
}

// Possible reports whether nsn has a length that numbers of region can have,
// counting the lengths that can be dialled only locally: the check that
// phonenumbers.IsPossibleNumber makes, but with the region's own metadata
// where IsPossibleNumber takes that of its calling code's main region (see
// PossibleNumber). It is false for an unknown region and for "001".
func Possible(region, nsn string) bool {
	e := lookup(region)
	return e != nil && possible(e, nsn)
}

// PossibleNumber reports what phonenumbers.IsPossibleNumber says of a number
// with calling code countryCode and national significant number nsn: whether
// its length is possible under the metadata of the code's main region.
func PossibleNumber(countryCode int, nsn string) bool {
	if countryCode < 0 || countryCode > maxCode {
		return false
	}
	sp := codes[countryCode]
	if sp.from == sp.to {
		return false
	}
	return possible(&entities[codeEntities[sp.from]], nsn)
}

// CountryCode returns the calling code of region, or 0 when the region is
// unknown, as phonenumbers.GetCountryCodeForRegion does.
func CountryCode(region string) int {
	if e := lookup(region); e != nil {
		return int(e.code)
	}
	return 0
}

// lookup returns the entity of a two-letter region code, or nil.
func lookup(region string) *entity {
	if len(region) != 2 {
		return nil
	}
	a, b := region[0]-'A', region[1]-'A'
	if a >= 26 || b >= 26 {
		return nil
	}
	i := regions[int(a)*26+int(b)]
	if i == 0 {
		return nil
	}
	return &entities[i-1]
}

// possible checks nsn's length against e and that it holds only digits.
func possible(e *entity, nsn string) bool {
	return len(nsn) < 32 && e.possible&(1<<len(nsn)) != 0 && digits(nsn)
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'0' > 9 {
			return false
		}
	}
	return s != ""
}

// run reports whether the automaton accepts nsn from state s.
func run[S nsnText](s uint16, nsn S) bool {
	for i := 0; i < len(nsn); i++ {
		d := nsn[i] - '0'
		if d > 9 || s == 0 {
			return false
		}
		s = next[s][d]
	}
	return accepting[s/64]&(1<<(s%64)) != 0
}
