package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// hasBySet is maskOwned.has written without its byte-class table: each byte is looked up
// in the set of bytes has accepts, as the switch before the table did. It is the oracle
// the table is held to.
func hasBySet(o maskOwned, s string) bool {
	const separators = " \t-().\\/"
	key, digits, plus := uint64(1), 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits++; digits > maskOwnedMaxDigits {
				return false
			}
			key = 10*key + uint64(c-'0')
		case c == '+' && !plus && digits == 0:
			plus = true
		case strings.IndexByte(separators, c) >= 0:
		case strings.HasPrefix(s[i:], "\u00a0"):
			i++
		default:
			return false
		}
	}
	if len(o.digits) == 0 || digits == 0 {
		return false
	}
	how := o.lookup(key)
	return plus && how&maskOwnedIntl != 0 || !plus && how != 0
}

// maskPartOfByCompare is maskPartOf before its first-and-last-byte check.
func maskPartOfByCompare(s string, out []byte) (string, bool) {
	if len(out) <= len(s) && string(out) == s[:len(out)] {
		return s[:len(out)], true
	}
	return "", false
}

// ownedOracleInputs returns n strings built from the owned numbers and the bytes has
// treats apart (digits, separators, '+', the two bytes of a no-break space, 'X', every
// other byte), so that most are near misses of an owned number.
func ownedOracleInputs(seed uint64, n int, owned []string) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	pieces := []string{"0", "1", "4", "5", "9", "+", " ", "\t", "-", "(", ")", ".", "/", "\\",
		"\u00a0", "\xc2", "\xa0", "X", "x", "e", "\xff", "\x00", "ext", "00", "011"}
	var out []string
	for range n {
		var sb strings.Builder
		switch r.IntN(3) {
		case 0: // an owned number, changed at one byte
			b := []byte(owned[r.IntN(len(owned))])
			if len(b) > 0 {
				b[r.IntN(len(b))] = byte(r.IntN(256))
			}
			sb.Write(b)
		case 1: // an owned number, with pieces inserted
			s := owned[r.IntN(len(owned))]
			at := r.IntN(len(s) + 1)
			sb.WriteString(s[:at])
			for range 1 + r.IntN(3) {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			}
			sb.WriteString(s[at:])
		default: // pieces alone
			for range r.IntN(24) {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		out = append(out, sb.String())
	}
	return out
}

// TestMaskOwnedHasMatchesSet holds has's byte-class table to the byte set it stands for,
// over owned numbers in many formats and near misses of them, in three regions.
func TestMaskOwnedHasMatchesSet(t *testing.T) {
	owned := []string{"+1 415 555 0100", "(212) 555-0199", "+44 20 7946 0018", "020 7946 0018",
		"07700 900123", "0044 20 7946 0018", "+1\u00a0415\u00a0555\u00a00100", "415/555-0100",
		"+44 (0)20 7946 0018", "011 44 20 7946 0018", "14155550100"}
	for _, region := range []string{"US", "GB", ""} {
		o, err := newMaskOwned([]string{"+1 415 555 0100", "+1 212 555 0199", "+44 20 7946 0018", "+44 7700 900123"}, region)
		if err != nil {
			t.Fatal(err)
		}
		inputs := append(ownedOracleInputs(uint64(len(region)), 50_000, owned), owned...)
		for c := range 256 {
			inputs = append(inputs, string(rune(c)), "+1415555010"+string([]byte{byte(c)}))
		}
		hits := 0
		for _, s := range inputs {
			want := hasBySet(o, s)
			if got := o.has(s); got != want {
				t.Errorf("region %q: has(%q) = %v, the oracle says %v", region, s, got, want)
			}
			if want {
				hits++
			}
		}
		if hits < 100 {
			t.Errorf("region %q: only %d inputs are owned: the comparison checks little", region, hits)
		}
	}
}

// TestMaskPartOfMatchesCompare holds maskPartOf's first-and-last-byte check to the plain
// comparison it stands in front of, over every prefix and near prefix of some values.
func TestMaskPartOfMatchesCompare(t *testing.T) {
	values := []string{"", "a", "J. D. ", "+14155552671", "jane@example.com", "ab", "aba", "\xff\x00"}
	for _, s := range values {
		var outs [][]byte
		for n := 0; n <= len(s)+1; n++ {
			prefix := []byte((s + "z")[:n])
			outs = append(outs, prefix)
			for i := range prefix {
				changed := append([]byte(nil), prefix...)
				changed[i] ^= 1
				outs = append(outs, changed)
			}
		}
		outs = append(outs, nil, []byte("***"), []byte(s+s))
		for _, out := range outs {
			wantS, wantOK := maskPartOfByCompare(s, out)
			gotS, gotOK := maskPartOf(s, out)
			if gotS != wantS || gotOK != wantOK {
				t.Errorf("maskPartOf(%q, %q) = %q, %v; the comparison says %q, %v", s, out, gotS, gotOK, wantS, wantOK)
			}
		}
	}
}

// FuzzMaskOwnedTable holds has to the byte set it stands for, and maskPartOf to the comparison
// it stands in front of, on any input.
func FuzzMaskOwnedTable(f *testing.F) {
	o, err := newMaskOwned([]string{"+1 415 555 0100", "020 7946 0018", "0044 20 7946 0018"}, "GB")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"+1 415 555 0100", "020\u00a07946\u00a00018", "+44 (0)20 7946 0018", "\xc2", "++1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := o.has(s), hasBySet(o, s); got != want {
			t.Errorf("has(%q) = %v, the oracle says %v", s, got, want)
		}
		for _, k := range []Kind{KindPhone, KindName, KindEmail, KindCard} {
			out := appendMask(nil, k, redactDefault, s, "")
			gotS, gotOK := maskPartOf(s, out)
			if wantS, wantOK := maskPartOfByCompare(s, out); gotS != wantS || gotOK != wantOK {
				t.Errorf("maskPartOf(%q, %q) = %q, %v; the comparison says %q, %v", s, out, gotS, gotOK, wantS, wantOK)
			}
		}
	})
}
