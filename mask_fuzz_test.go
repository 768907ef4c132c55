package pii

import (
	"net/netip"
	"strings"
	"testing"
	"unicode/utf8"
)

// maskCountDigits counts the decimal digits of any script in s.
func maskCountDigits(s string) int {
	n := 0
	for _, r := range s {
		if maskIsDigit(r) {
			n++
		}
	}
	return n
}

func FuzzMaskString(f *testing.F) {
	for _, c := range maskCases {
		f.Add(uint8(c.k), uint8(c.st), c.in)
	}
	for _, s := range maskSamples {
		f.Add(uint8(KindPhone), uint8(redactDefault), s)
	}
	f.Fuzz(func(t *testing.T, kb, sb uint8, in string) {
		k := Kind(kb % uint8(numKinds+1))
		st := redactStrategy(sb % uint8(redactScan+2))
		out := maskString(k, st, in, "")
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("%v/%d: valid %q gave invalid %q", k, st, in, out)
		}
		if again := maskString(k, st, out, ""); again != out {
			t.Fatalf("%v/%d: mask(%q) = %q, but mask of that = %q", k, st, in, out, again)
		}
		if b := maskBytes(k, st, []byte(in), ""); string(b) != out {
			t.Fatalf("%v/%d: maskBytes(%q) = %q, maskString = %q", k, st, in, b, out)
		}
		if (k == KindSecret || st == redactZero || in == "") && out != "" {
			t.Fatalf("%v/%d: %q gave %q, want empty", k, st, in, out)
		}
		if st == redactLast4 && k != KindSecret {
			n := utf8.RuneCountInString(in)
			if utf8.RuneCountInString(out) != n {
				t.Fatalf("last4: %q gave %q: rune count changed", in, out)
			}
			hidden := n - 4
			if n <= 4 {
				hidden = n
			}
			if strings.Count(out, "*") < hidden {
				t.Fatalf("last4: %q gave %q: fewer than %d '*'", in, out, hidden)
			}
		}
		if st == redactInitials && maskCountDigits(out) != 0 {
			t.Fatalf("initials: %q gave digits in %q", in, out)
		}
		if st != redactDefault && st != redactScan {
			return
		}
		digitsIn, digitsOut := maskCountDigits(in), maskCountDigits(out)
		switch k {
		case KindPhone:
			// Never more digits than given; a number not yet masked loses at least
			// four (all it has when it has fewer).
			if digitsOut > digitsIn {
				t.Fatalf("phone: %q gave %q: more digits", in, out)
			}
			if !strings.ContainsAny(in, "Xx") && digitsOut > max(0, digitsIn-4) {
				t.Fatalf("phone: %q gave %q: %d of %d digits kept", in, out, digitsOut, digitsIn)
			}
		case KindCard:
			if digitsOut > 10 || digitsOut > digitsIn {
				t.Fatalf("card: %q gave %q: %d digits kept", in, out, digitsOut)
			}
		case KindGovID, KindAccount:
			if digitsOut > 4 {
				t.Fatalf("%v: %q gave %q: %d digits kept", k, in, out, digitsOut)
			}
		case KindEmail:
			if out != "" && !strings.HasPrefix(out, maskEmailLocal+"@") {
				t.Fatalf("email: %q gave %q", in, out)
			}
		case KindDOB:
			if out != "" && (len(out) != 4 || maskCountDigits(out) != 4) {
				t.Fatalf("dob: %q gave %q", in, out)
			}
		case KindURL:
			if out != "" && (!strings.HasSuffix(out, "/") || strings.ContainsAny(out, "@?#")) {
				t.Fatalf("url: %q gave %q", in, out)
			}
		case KindIP:
			if out == "" {
				break
			}
			a, err := netip.ParseAddr(out)
			if err != nil {
				ap, err2 := netip.ParseAddrPort(out)
				if err2 != nil {
					t.Fatalf("ip: %q gave unparsable %q", in, out)
				}
				a = ap.Addr()
			}
			if a != maskAddr(redactDefault, a) {
				t.Fatalf("ip: %q gave %q, which keeps host bits", in, out)
			}
		case KindGeneric, KindBody, KindAddress, KindDevice, KindHealth, KindBiometric, KindNone:
			if out != "" {
				t.Fatalf("%v: %q gave %q, want empty", k, in, out)
			}
		}
	})
}

func FuzzMaskOwnedHas(f *testing.F) {
	o, err := newMaskOwned([]string{"+1 415 555 0100", "020 7946 0018"}, "GB")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"+14155550100", "020 7946 0018", "+44 (0)20 7946 0018", "0014155550100", "+1415555XXXX", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := o.has(in)
		if got && strings.ContainsFunc(in, func(r rune) bool { return r == 'X' || r == 'x' || r > utf8.RuneSelf && r != '\u00a0' }) {
			t.Fatalf("has(%q) = true for a value with a mask or a letter", in)
		}
		// Formatting never matters: spaced out, the value is owned just the same.
		var sb strings.Builder
		for _, r := range in {
			sb.WriteRune(r)
			sb.WriteByte(' ')
		}
		if utf8.ValidString(in) && o.has(sb.String()) != got {
			t.Fatalf("has(%q) = %v, but spaced out %v", in, got, !got)
		}
	})
}
