package main

import (
	"fmt"
	"slices"
	"sort"

	"github.com/nyaruka/phonenumbers"
)

// nonGeo is the region code phonenumbers gives the entities of
// non-geographical calling codes (800, 808, 870, ...).
const nonGeo = "001"

// entity is one region, or one non-geographical calling code, with the roots
// of its languages in the shared automaton.
type entity struct {
	region   string
	cc       int
	valid    uint32 // root: the numbers valid for the entity
	lead     uint32 // root: the numbers the entity claims within its calling code
	hasLead  bool   // lead is set: the entity has leading digits
	possible uint32 // bit n set: a number of n digits is possible
}

// tables is everything the generator emits.
type tables struct {
	a        *automaton
	entities []entity      // geographical regions by code, then non-geographical entities by calling code
	codes    map[int][]int // calling code to entity indexes, in phonenumbers' order
}

// build compiles phonenumbers' embedded metadata into tables.
func build() (*tables, error) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil, fmt.Errorf("phonetab/gen: metadata: %w", err)
	}
	// A copy: the collection is phonenumbers' own cached one.
	metas := slices.Clone(coll.GetMetadata())
	sort.Slice(metas, func(i, j int) bool {
		mi, mj := metas[i], metas[j]
		if (mi.GetId() == nonGeo) != (mj.GetId() == nonGeo) {
			return mj.GetId() == nonGeo
		}
		if mi.GetId() != mj.GetId() {
			return mi.GetId() < mj.GetId()
		}
		return mi.GetCountryCode() < mj.GetCountryCode()
	})
	t := &tables{a: newAutomaton(), codes: make(map[int][]int)}
	byRegion := make(map[string]int)
	byCode := make(map[int]int)
	for _, m := range metas {
		e, err := t.entity(m)
		if err != nil {
			return nil, fmt.Errorf("phonetab/gen: region %s (+%d): %w", m.GetId(), m.GetCountryCode(), err)
		}
		if e.region == nonGeo {
			byCode[e.cc] = len(t.entities)
		} else {
			byRegion[e.region] = len(t.entities)
		}
		t.entities = append(t.entities, e)
	}
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		for _, r := range phonenumbers.GetRegionCodesForCountryCode(cc) {
			i, ok := byRegion[r]
			if r == nonGeo {
				i, ok = byCode[cc]
			}
			if !ok {
				return nil, fmt.Errorf("phonetab/gen: calling code %d: region %s has no metadata", cc, r)
			}
			t.codes[cc] = append(t.codes[cc], i)
		}
	}
	for i, m := range metas {
		e := &t.entities[i]
		if len(t.codes[e.cc]) < 2 || m.GetLeadingDigits() == "" {
			continue
		}
		lm, err := newMatcher(m.GetLeadingDigits())
		if err != nil {
			return nil, fmt.Errorf("phonetab/gen: region %s leading digits: %w", e.region, err)
		}
		l := &leading{a: t.a, m: lm, memo: make(map[string]uint32)}
		if e.lead, err = l.root(); err != nil {
			return nil, fmt.Errorf("phonetab/gen: region %s leading digits: %w", e.region, err)
		}
		e.hasLead = true
	}
	return t, nil
}

// entity compiles one region's metadata.
func (t *tables) entity(m *phonenumbers.PhoneMetadata) (entity, error) {
	e := entity{region: m.GetId(), cc: int(m.GetCountryCode())}
	gd := m.GetGeneralDesc()
	if gd.GetNationalNumberPattern() == "" {
		// IsPossibleNumberWithReason: no metadata, any length from 2 to 17.
		e.possible = (1<<18 - 1) &^ 3
		return e, nil
	}
	general, err := newDesc(gd)
	if err != nil {
		return e, err
	}
	if len(gd.GetPossibleLength()) == 0 {
		return e, fmt.Errorf("general description lists no possible length: %w", errUnsupported)
	}
	// testNumberLength with UNKNOWN: the general lengths (none if they
	// start with -1) and the local-only ones.
	if gd.GetPossibleLength()[0] != -1 {
		e.possible = general.lengths
		local, err := lengthMask(gd.GetPossibleLengthLocalOnly())
		if err != nil {
			return e, err
		}
		if len(gd.GetPossibleLengthLocalOnly()) > 0 {
			e.possible |= local
		}
	}
	typeDescs := []*phonenumbers.PhoneNumberDesc{
		m.GetPremiumRate(), m.GetTollFree(), m.GetSharedCost(), m.GetVoip(),
		m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail(),
		m.GetFixedLine(),
	}
	if !m.GetSameMobileAndFixedLinePattern() {
		typeDescs = append(typeDescs, m.GetMobile())
	}
	v := &validity{a: t.a, general: general, maxLen: maxLength(general.lengths), memo: make(map[string]uint32)}
	for _, d := range typeDescs {
		if d == nil {
			return e, fmt.Errorf("a number description is missing: %w", errUnsupported)
		}
		td, err := newDesc(d)
		if err != nil {
			return e, err
		}
		v.types = append(v.types, td)
	}
	if e.valid, err = v.root(); err != nil {
		return e, err
	}
	return e, nil
}

func newDesc(d *phonenumbers.PhoneNumberDesc) (desc, error) {
	m, err := newMatcher(d.GetNationalNumberPattern())
	if err != nil {
		return desc{}, err
	}
	lengths, err := lengthMask(d.GetPossibleLength())
	if err != nil {
		return desc{}, err
	}
	return desc{m: m, lengths: lengths}, nil
}
