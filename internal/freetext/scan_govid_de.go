package freetext

// scanSteuerID is the German tax identification number (Steuer-IdNr): eleven digits,
// the first not 0; among the first ten one digit occurs twice or three times and the
// others at most once; the last is an ISO 7064 MOD 11,10 check digit. Written 12 345 678
// 901 or bare (bare only after a label).
var scanSteuerID = scanGovID{
	name:   "German tax ID",
	shape:  "dd_ddd_ddd_ddd",
	seps:   " ",
	labels: []string{"steuer-id", "steuerid", "steuer-idnr", "idnr", "steueridentifikationsnummer", "identifikationsnummer", "tax id", "tin"},
	check: func(id scanChars) bool {
		d := id.b[:id.n]
		if d[0] == '0' {
			return false
		}
		// How often each digit occurs among the first ten, four bits per digit.
		var count uint64
		for _, c := range d[:10] {
			count += 1 << (4 * (c - '0'))
		}
		repeated := 0
		for ; count != 0; count >>= 4 {
			n := count & 0xF
			if n > 3 {
				return false
			}
			if n > 1 {
				repeated++
			}
		}
		if repeated != 1 {
			return false
		}
		product := 10
		for _, c := range d[:10] {
			sum := (int(c-'0') + product) % 10
			if sum == 0 {
				sum = 10
			}
			product = sum * 2 % 11
		}
		check := 11 - product
		if check == 10 {
			check = 0
		}
		return byte('0'+check) == d[10]
	},
}
