package freetext

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanGovIDs checks each national identifier: found, as govid, where its check
// passes, in the ways it is written; not found with a wrong check digit, a wrong shape,
// or (for the weak checks) written bare with no label.
func TestScanGovIDs(t *testing.T) {
	tests := []struct {
		name, text, want string // want: the identifier found, "" for none
	}{
		{"ssn dashes", "SSN 123-45-6789 on file", "123-45-6789"},
		{"ssn spaces", "ssn 123 45 6789", "123 45 6789"},
		{"ssn dots", "my number is 123.45.6789", "123.45.6789"},
		{"ssn bare labelled", "SSN: 123456789", "123456789"},
		{"ssn bare unlabelled", "order 123456789", ""},
		{"ssn area 666", "SSN 666-45-6789", ""},
		{"ssn mixed separators", "ref 123-45.6789", ""},
		{"nino", "NI number AB123456C", "AB123456C"},
		{"nino spaced", "NINO: AB 12 34 56 C", "AB 12 34 56 C"},
		{"nino bad prefix", "code GB123456A", ""},
		{"nino bad suffix", "code AB123456E", ""},
		{"sin spaced", "SIN 046 454 286", "046 454 286"},
		{"sin dashed", "046-454-286", "046-454-286"},
		{"sin bare labelled", "social insurance number 046454286", "046454286"},
		{"sin bad luhn", "046 454 287", ""},
		{"cpf formatted", "CPF 529.982.247-25", "529.982.247-25"},
		{"cpf bare", "cpf 52998224725", "52998224725"},
		{"cpf bad check", "529.982.247-26", ""},
		{"cnpj formatted", "CNPJ 11.222.333/0001-81", "11.222.333/0001-81"},
		{"cnpj bare", "11222333000181", "11222333000181"},
		{"cnpj bad check", "11.222.333/0001-82", ""},
		{"aadhaar grouped", "Aadhaar 2341 2341 2346", "2341 2341 2346"},
		{"aadhaar bare labelled", "aadhaar no 499181012342", "499181012342"},
		{"aadhaar bare unlabelled", "id 499181012342", ""},
		{"aadhaar bad check", "2341 2341 2347", ""},
		{"pan", "PAN ABCPE1234F", "ABCPE1234F"},
		{"pan bad holder type", "ABCDE1234F", ""},
		{"dni", "DNI 12345678Z", "12345678Z"},
		{"dni dash", "12345678-Z", "12345678-Z"},
		{"dni bad letter", "12345678A", ""},
		{"nie", "NIE X1234567L", "X1234567L"},
		{"nie dashes", "X-1234567-L", "X-1234567-L"},
		{"nie bad letter", "X1234567A", ""},
		{"nir spaced", "n° 1 85 05 78 006 084 91", "1 85 05 78 006 084 91"},
		{"nir bare", "NIR 185057800608491", "185057800608491"},
		{"nir corsica", "NIR 1 85 05 2A 006 084 35", "1 85 05 2A 006 084 35"},
		{"nir bad key", "1 85 05 78 006 084 92", ""},
		{"codice fiscale", "CF RSSMRA85T10A562S", "RSSMRA85T10A562S"},
		{"codice fiscale bad check", "RSSMRA85T10A562T", ""},
		{"bsn labelled", "mijn BSN is 111222333", "111222333"},
		{"bsn dotted", "1112.22.333", "1112.22.333"},
		{"bsn unlabelled", "factuur 111222333", ""},
		{"bsn bad check", "BSN 111222334", ""},
		{"steuer-id spaced", "86 095 742 719", "86 095 742 719"},
		{"steuer-id labelled", "Steuer-ID: 65929970489", "65929970489"},
		{"steuer-id bad check", "Steuer-ID 65929970488", ""},
	}
	s := scanTestScanner(t, "", "valid")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range s.scan(tt.text, nil, nil) {
				if f.Kind == KindGovID {
					got = append(got, tt.text[f.Start:f.End])
				}
			}
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("govid in %q (-want +got):\n%s", tt.text, diff)
			}
			red := s.redact(tt.text, nil)
			if tt.want != "" && len(s.scan(red, nil, nil)) != 0 {
				t.Errorf("redact(%q) = %q is found again", tt.text, red)
			}
		})
	}
}

func TestScanVerhoeff(t *testing.T) {
	for _, tt := range []struct {
		d    string
		want bool
	}{{"2363", true}, {"2364", false}, {"234123412346", true}, {"234123412345", false}} {
		if got := scanVerhoeffOK([]byte(tt.d)); got != tt.want {
			t.Errorf("scanVerhoeffOK(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
}
