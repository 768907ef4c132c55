package pii

import (
	"net/netip"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// maskCountDigits counts the decimal digits of any script in s.
func maskCountDigits(s string) int {
	return len(maskDigitSeq(s))
}

// maskDigitSeq returns the decimal digits of any script in s, in order.
func maskDigitSeq(s string) []rune {
	var d []rune
	for _, r := range s {
		if maskIsDigit(r) {
			d = append(d, r)
		}
	}
	return d
}

// maskLetterRuns returns the runs of letters in s that are not all 'X' or 'x'.
func maskLetterRuns(s string) []string {
	var runs []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.Trim(w, "Xx") != "" {
			runs = append(runs, w)
		}
	}
	return runs
}

func FuzzMaskString(f *testing.F) {
	for _, c := range maskCases {
		f.Add(uint8(c.k), uint8(c.st), c.in)
	}
	for _, c := range maskClosedCases {
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
		if b := appendMask([]byte("pre"), k, st, in, ""); string(b) != "pre"+out {
			t.Fatalf("%v/%d: appendMask(%q) = %q, maskString = %q", k, st, in, b[3:], out)
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
		maskCheckDefault(t, k, in, out)
	})
}

// maskCheckDefault checks what the default mask of kind k may keep of in.
func maskCheckDefault(t *testing.T, k Kind, in, out string) {
	dIn, dOut := maskDigitSeq(in), maskDigitSeq(out)
	switch k {
	case KindPhone:
		// The digits kept are the first ones of the value, never its last four slots; a
		// value with two '+' (two numbers) keeps none, and no number keeps more than
		// 13 ("00" and 15 digits, less four); the only
		// words kept are a prefix and an extension's.
		slotsIn := len(dIn) + strings.Count(in, "X") + strings.Count(in, "x") // a masked digit is a slot
		if len(dOut) > max(0, slotsIn-4) || string(dOut) != string(dIn[:len(dOut)]) {
			t.Fatalf("phone: %q gave %q: digits %q kept of %q", in, out, string(dOut), string(dIn))
		}
		if strings.Count(in, "+") > 1 && len(dOut) > 0 || len(dOut) > 13 {
			t.Fatalf("phone: %q gave %q: digits kept of more than one number", in, out)
		}
		for _, w := range maskLetterRuns(out) {
			// Masked digits ('X', or 'x' as given) may stand right before or after it.
			core := strings.TrimLeft(w, "Xx")
			for core != "" {
				n := maskPhoneWordLen(core)
				if n == 0 {
					break
				}
				core = strings.TrimLeft(core[n:], "Xx")
			}
			if core != "" {
				t.Fatalf("phone: %q gave %q: the word %q kept", in, out, w)
			}
		}
	case KindCard:
		// At most the first six and the last four digits; none of a value that is not
		// one card number of at most 19 digits; no letter.
		n := len(dOut)
		ok := n <= 10 && n <= len(dIn) && (n == 0 || len(dIn) <= 19)
		if ok && n > 0 {
			ok = false
			for head := max(0, n-4); head <= min(n, 6); head++ {
				tail := n - head
				ok = ok || string(dOut[:head]) == string(dIn[:head]) && string(dOut[head:]) == string(dIn[len(dIn)-tail:])
			}
		}
		if !ok || len(maskLetterRuns(out)) > 0 {
			t.Fatalf("card: %q gave %q: digits %q kept of %q", in, out, string(dOut), string(dIn))
		}
	case KindGovID, KindAccount:
		if len(dOut) > 4 || string(dOut) != string(dIn[len(dIn)-len(dOut):]) {
			t.Fatalf("%v: %q gave %q: digits %q kept", k, in, out, string(dOut))
		}
		if n := utf8.RuneCountInString(out) - strings.Count(out, "*"); maskCountAlnum(out) > 4 {
			t.Fatalf("%v: %q gave %q: %d letters and digits kept", k, in, out, n)
		}
	case KindPostal:
		if maskCountAlnum(out) > 3 {
			t.Fatalf("postal: %q gave %q: more than three letters and digits kept", in, out)
		}
	case KindEmail:
		if out != "" && out != maskEmailLocal+in[strings.LastIndexByte(in, '@'):] {
			t.Fatalf("email: %q gave %q", in, out)
		}
		if out != "" && strings.IndexByte(in, '@') == 0 {
			t.Fatalf("email: %q, without a local part, gave %q", in, out)
		}
	case KindDOB:
		if out != "" && (len(out) != 4 || maskCountDigits(out) != 4 || !strings.Contains(in, out)) {
			t.Fatalf("dob: %q gave %q", in, out)
		}
	case KindURL:
		if out == "" {
			break
		}
		if !strings.HasSuffix(out, "/") || strings.ContainsAny(out, "@?#") {
			t.Fatalf("url: %q gave %q", in, out)
		}
		// The host kept is the one after the user info: what follows the input's last
		// '@' (an address host is masked, so it is compared as an address).
		host := out[strings.Index(out, "://")+3 : len(out)-1]
		if at := strings.LastIndexByte(in, '@'); at >= 0 && !strings.HasPrefix(in[at+1:], host) && !strings.ContainsAny(host, ":[") {
			if _, err := netip.ParseAddr(host); err != nil {
				t.Fatalf("url: %q gave %q: the host is not the one after the user info", in, out)
			}
		}
	case KindIP:
		if out == "" {
			break
		}
		a, bits := maskParseIPOutput(t, in, out)
		if m := maskAddr(redactDefault, a); m != a.Unmap() || bits > maskAddrBits(a) {
			t.Fatalf("ip: %q gave %q, which keeps host bits", in, out)
		}
		if i, err := netip.ParseAddr(in); err == nil && maskAddr(redactDefault, i) != a {
			t.Fatalf("ip: %q gave %q, want %v", in, out, maskAddr(redactDefault, i))
		}
	case KindGeneric, KindBody, KindAddress, KindDevice, KindHealth, KindBiometric, KindNone:
		if out != "" {
			t.Fatalf("%v: %q gave %q, want empty", k, in, out)
		}
	}
}

// maskParseIPOutput reads the mask of an IP address: an address, an address and port,
// or a prefix; bits is what the prefix keeps (0 for the others).
func maskParseIPOutput(t *testing.T, in, out string) (netip.Addr, int) {
	if a, err := netip.ParseAddr(out); err == nil {
		return a, 0
	}
	if ap, err := netip.ParseAddrPort(out); err == nil {
		return ap.Addr(), 0
	}
	if p, err := netip.ParsePrefix(out); err == nil {
		if p.Masked() != p {
			t.Fatalf("ip: %q gave %q, a prefix with host bits", in, out)
		}
		return p.Addr(), p.Bits()
	}
	t.Fatalf("ip: %q gave unparsable %q", in, out)
	return netip.Addr{}, 0
}

// maskCountAlnum counts the letters and digits of any script in s, and its invalid
// bytes.
func maskCountAlnum(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError || maskIsAlnum(r) {
			n++
		}
	}
	return n
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
