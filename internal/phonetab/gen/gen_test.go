package main

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"regexp"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestTablesUpToDate regenerates the tables and compares them with the
// checked-in file, which must be regenerated whenever the generator or the
// phonenumbers metadata changes.
func TestTablesUpToDate(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("internal/phonetab/tables.go is stale (%d bytes, %d when regenerated): run go generate in internal/phonetab", len(got), len(want))
	}
	again, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, again) {
		t.Error("two runs of the generator wrote different tables")
	}
}

// patterns returns every pattern of the metadata that the tables compile:
// the number descriptions, and the leading digits as prefix patterns.
func patterns(t *testing.T) (whole, prefix []string) {
	t.Helper()
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range coll.GetMetadata() {
		for _, d := range []*phonenumbers.PhoneNumberDesc{
			m.GetGeneralDesc(), m.GetFixedLine(), m.GetMobile(), m.GetTollFree(),
			m.GetPremiumRate(), m.GetSharedCost(), m.GetPersonalNumber(), m.GetVoip(),
			m.GetPager(), m.GetUan(), m.GetVoicemail(),
		} {
			whole = append(whole, d.GetNationalNumberPattern())
		}
		if m.GetLeadingDigits() != "" {
			prefix = append(prefix, m.GetLeadingDigits())
		}
	}
	return whole, prefix
}

// digits draws a digit string of 0 to 18 digits, most of them starting like
// example, so that the patterns' branches are reached.
func digits(rng *rand.Rand, example string) string {
	b := []byte(example)
	if len(b) == 0 || rng.IntN(4) == 0 {
		b = b[:0]
	} else {
		b = b[:rng.IntN(len(b)+1)]
	}
	for n := rng.IntN(19); len(b) < n; {
		b = append(b, byte('0'+rng.IntN(10)))
	}
	return string(b)
}

// example returns a digit string the pattern matches, found by walking the
// matcher at random, or "" if none was found quickly.
func example(rng *rand.Rand, m *matcher) string {
	set := m.start()
	var b []byte
	for len(b) < 18 && len(set) > 0 {
		if m.accepts(set) && rng.IntN(3) == 0 {
			return string(b)
		}
		var ok []byte
		for d := range byte(10) {
			if len(m.step(set, d)) > 0 {
				ok = append(ok, d)
			}
		}
		if len(ok) == 0 {
			break
		}
		d := ok[rng.IntN(len(ok))]
		set = m.step(set, d)
		b = append(b, '0'+d)
	}
	if m.accepts(set) {
		return string(b)
	}
	return ""
}

// TestMatcherAgreesWithRegexp checks the generator's pattern simulation
// against Go's regexp, as phonenumbers uses it, on every pattern.
func TestMatcherAgreesWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 2026))
	whole, _ := patterns(t)
	for _, p := range whole {
		m, err := newMatcher(p)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile("^(?:" + p + ")$")
		ex := example(rng, m)
		if ex != "" && !re.MatchString(ex) {
			t.Errorf("pattern %q: the matcher accepts %q, regexp does not", p, ex)
		}
		for range 30 {
			s := digits(rng, ex)
			set := m.start()
			for i := 0; i < len(s); i++ {
				set = m.step(set, s[i]-'0')
			}
			if got, want := m.accepts(set), re.MatchString(s); got != want {
				t.Errorf("pattern %q on %q: matcher %t, regexp %t", p, s, got, want)
			}
		}
	}
}

// TestLeadingAgreesWithRegexp checks the automaton built for each
// leading-digits pattern against the prefix match phonenumbers makes, on
// numbers of every length.
func TestLeadingAgreesWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 2026))
	_, prefix := patterns(t)
	a := newAutomaton()
	for _, p := range prefix {
		m, err := newMatcher(p)
		if err != nil {
			t.Fatal(err)
		}
		root, err := (&leading{a: a, m: m, memo: make(map[string]uint32)}).root()
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile("^(?:" + p + ")")
		ex := example(rng, m)
		for range 200 {
			s := digits(rng, ex)
			if got, want := a.accepts(root, s), re.MatchString(s); got != want {
				t.Errorf("leading digits %q on %q: automaton %t, regexp %t", p, s, got, want)
			}
		}
	}
}

// accepts runs the automaton from state s over the digit string in.
func (a *automaton) accepts(s uint32, in string) bool {
	for i := 0; i < len(in); i++ {
		s = a.nodes[s].next[in[i]-'0']
	}
	return a.nodes[s].accept
}

// TestRefusesWhatTablesCannotExpress checks that metadata the tables could
// not answer exactly stops the generator instead of producing tables that
// disagree with phonenumbers.
func TestRefusesWhatTablesCannotExpress(t *testing.T) {
	for _, p := range []string{`^1\d{3}`, `1\d{3}$`, `\b1\d{3}`} {
		if _, err := newMatcher(p); !errors.Is(err, errUnsupported) {
			t.Errorf("newMatcher(%q) = %v, want errUnsupported", p, err)
		}
	}
	if _, err := newMatcher(`1(`); err == nil {
		t.Error("newMatcher accepts a malformed pattern")
	}
	if _, err := lengthMask([]int32{7, 32}); !errors.Is(err, errUnsupported) {
		t.Errorf("lengthMask([7 32]) = %v, want errUnsupported", err)
	}
	m, err := newMatcher(`1\d{40}`)
	if err != nil {
		t.Fatal(err)
	}
	_, err = (&leading{a: newAutomaton(), m: m, memo: make(map[string]uint32)}).root()
	if !errors.Is(err, errUnsupported) {
		t.Errorf("leading digits of 41 digits: %v, want errUnsupported", err)
	}
}

func TestLengthMask(t *testing.T) {
	tests := []struct {
		lengths []int32
		want    uint32
	}{
		{nil, ^uint32(0)},
		{[]int32{-1}, 0},
		{[]int32{7, 9, 10}, 1<<7 | 1<<9 | 1<<10},
	}
	for _, tt := range tests {
		got, err := lengthMask(tt.lengths)
		if err != nil || got != tt.want {
			t.Errorf("lengthMask(%v) = %#x, %v; want %#x", tt.lengths, got, err, tt.want)
		}
	}
}
