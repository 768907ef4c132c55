package freetext

// scanCPF is the Brazilian individual taxpayer number: eleven digits, the last two
// check digits computed mod 11, written 123.456.789-09 or bare.
var scanCPF = scanGovID{
	name:  "Brazilian CPF",
	shape: "ddd_ddd_ddd_dd",
	seps:  ".- ",
	mixed: true,
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		return scanMod11Digit(d[:9], 10) == d[9] && scanMod11Digit(d[:10], 11) == d[10] && !scanAllSame(d)
	},
}

// scanCNPJ is the Brazilian company number: fourteen digits, the last two check digits
// computed mod 11, written 12.345.678/0001-95 or bare.
var scanCNPJ = scanGovID{
	name:  "Brazilian CNPJ",
	shape: "dd_ddd_ddd_dddd_dd",
	seps:  "./- ",
	mixed: true,
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		return !scanAllSame(d) && scanCNPJDigit(d[:12]) == d[12] && scanCNPJDigit(d[:13]) == d[13]
	},
}

// scanMod11Digit is the CPF check digit of d, with weights from first down to 2.
func scanMod11Digit(d []byte, first int) byte {
	sum := 0
	for k, c := range d {
		sum += int(c-'0') * (first - k)
	}
	r := sum * 10 % 11
	if r == 10 {
		r = 0
	}
	return byte('0' + r)
}

// scanCNPJDigit is the CNPJ check digit of d: weights 2 to 9 from the right, repeating.
func scanCNPJDigit(d []byte) byte {
	sum, w := 0, 2
	for k := len(d) - 1; k >= 0; k-- {
		sum += int(d[k]-'0') * w
		if w++; w > 9 {
			w = 2
		}
	}
	r := sum % 11
	if r < 2 {
		return '0'
	}
	return byte('0' + 11 - r)
}
