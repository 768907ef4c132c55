package freetext

import (
	"strings"
	"testing"
)

// scanFuzzSpan fails the test when a finding is out of bounds or splits a rune (as a
// range loop sees runes: an invalid byte is a rune of its own).
func scanFuzzSpan(t *testing.T, text string, f Finding) {
	t.Helper()
	if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
		t.Fatalf("finding %+v out of bounds in %q", f, text)
	}
	boundary := func(i int) bool {
		if i == len(text) {
			return true
		}
		for j := range text {
			if j == i {
				return true
			}
			if j > i {
				break
			}
		}
		return false
	}
	if !boundary(f.Start) || !boundary(f.End) {
		t.Fatalf("finding %+v splits a rune in %q", f, text)
	}
}

// FuzzScanGovID runs every national-identifier detector at every digit: what it finds
// is in bounds, and its letters and digits pass the identifier's check again.
func FuzzScanGovID(f *testing.F) {
	for _, s := range []string{"SSN 123-45-6789", "AB 12 34 56 C", "529.982.247-25", "11.222.333/0001-81",
		"Aadhaar 2341 2341 2346", "ABCPE1234F", "X-1234567-L", "1 85 05 2A 006 084 35", "RSSMRA85T10A562S",
		"BSN 111222333", "86 095 742 719", "SIN 046454286",
		"\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023a\u023assn 123456789",
		"\u0130\u0130 SSN 123456789 \u212a\u212a\u212a\u212a\u212a\u212a SSNx 123456789"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i < len(text); i++ {
			if !scanIsASCIIDigit(text[i]) {
				continue
			}
			for _, g := range scanGovIDs {
				start, end, ok := g.at(text, i)
				if !ok {
					continue
				}
				scanFuzzSpan(t, text, Finding{Kind: KindGovID, Start: start, End: end})
				var id scanChars
				for k := start; k < end; k++ {
					if scanIsASCIIAlnum(text[k]) {
						id.b[id.n] = text[k]
						id.n++
					}
				}
				if !g.check(id) {
					t.Fatalf("%s %q found in %q fails its check", g.name, text[start:end], text)
				}
			}
		}
	})
}

// FuzzScanIBAN checks that every IBAN found has its country's length and passes mod 97.
func FuzzScanIBAN(f *testing.F) {
	for _, s := range []string{"NO 02 1503 7577 003", "ES72 2013-0692-81-0201150993", "de89370400440532013000",
		"GB29 NWBK 6016 1331 9268 19", "pay FR14 2004 1010 0505 0001 3M02 606 now"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i < len(text); i++ {
			if !scanIsASCIIDigit(text[i]) {
				continue
			}
			for _, fd := range scanIBANAt(text, i, nil) {
				scanFuzzSpan(t, text, fd)
				var iban []byte
				for _, c := range []byte(text[fd.Start:fd.End]) {
					if scanIsASCIIAlnum(c) {
						iban = append(iban, scanUpper(c))
					}
				}
				if len(iban) != scanIBANLength([2]byte{iban[0], iban[1]}) || !scanMod97OK(iban) {
					t.Fatalf("IBAN %q found in %q is not one", text[fd.Start:fd.End], text)
				}
			}
		}
	})
}

// FuzzScanCard checks that every card found is 13 to 19 digits with a known prefix and
// a valid Luhn check digit, and that the run reader always moves on.
func FuzzScanCard(f *testing.F) {
	for _, s := range []string{"4111111111111111,12/27", "４１１１ １１１１ １１１１ １１１１", "card-4111.1111-1111  1111",
		"415 555 2671 4111 1111 1111 1111", "3782 822463 10005 4111 1111 1111 1111"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i < len(text); {
			_, n := scanDigitAt(text, i)
			if n == 0 {
				i++
				continue
			}
			fs, end := scanCardRun(text, i, nil)
			if end <= i {
				t.Fatalf("scanCardRun(%q, %d) did not move on: %d", text, i, end)
			}
			for _, fd := range fs {
				scanFuzzSpan(t, text, fd)
				if !scanLooksLikeCard(scanAppendDigits(nil, text[fd.Start:fd.End])) {
					t.Fatalf("card %q found in %q is not one", text[fd.Start:fd.End], text)
				}
			}
			i = end
		}
	})
}

// FuzzScanNational checks the reading of national numbers in the default regions: it
// never panics, and stays within its budget.
func FuzzScanNational(f *testing.F) {
	for _, s := range []string{"0612345678", "4155552671", "0301234567", "612345678", "0039061234567"} {
		f.Add(s, true)
	}
	s, err := newTextScanner("", LeniencyValid)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, digits string, grouped bool) {
		if len(digits) > 17 || strings.Trim(digits, "0123456789") != "" || digits == "" {
			return
		}
		budget := 64
		s.scanNationalOK([]byte(digits), grouped, &budget)
		if budget < -1 {
			t.Fatalf("scanNationalOK(%q) overspent its budget: %d", digits, budget)
		}
	})
}

// FuzzScanEmailIP runs the email and IP detectors at every trigger: findings in bounds,
// and an email always holds an at sign with something on both sides.
func FuzzScanEmailIP(f *testing.F) {
	for _, s := range []string{"jane＠example.com", `"jane doe"@example.com`, "jane@[IPv6:2001:db8::1]", "to=jane%40example.com",
		"fe80::1%eth0", "src:2001:db8::1", "::ffff:192.0.2.1", "10.0.0.0/8",
		"jane @ example.com", "jane@ example.com", "jane@localhost.", "root@db react@latest", "a @ b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i < len(text); i++ {
			if n := scanAtSignAt(text, i); n > 0 {
				for _, fd := range scanEmailAt(text, i, n, nil) {
					scanFuzzSpan(t, text, fd)
					if at, an := scanLastAtSign(text[fd.Start:fd.End]); an == 0 || at == 0 || fd.Start+at+an >= fd.End {
						t.Fatalf("email %q found in %q has no local part or domain", text[fd.Start:fd.End], text)
					}
				}
			}
			if text[i] == ':' {
				fs, _ := scanIPv6At(text, i, nil)
				for _, fd := range fs {
					scanFuzzSpan(t, text, fd)
				}
			}
			if scanIsASCIIDigit(text[i]) {
				for _, fd := range scanIPv4At(text, i, nil) {
					scanFuzzSpan(t, text, fd)
				}
			}
		}
	})
}
