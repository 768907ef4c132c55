package pii

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maskAppendPhone appends the default redaction of a phone number: the last four digit
// slots of the number become 'X' and everything else is kept as written, so "+14155551234"
// gives "+1415555XXXX" and "+1 (415) 555-1234" gives "+1 (415) 555-XXXX".
//
// It first reads s as exactly one number (maskReadPhone):
//
//   - A digit slot is a decimal digit of any script, or an 'X'/'x', which counts as a
//     slot already masked: the second pass finds its last four slots masked and
//     changes nothing. A number with fewer than four digit slots has all of them
//     masked.
//   - The number is written with spaces, '-', '.', '(', ')', dashes of any script, a
//     '/' between two digits, and one leading '+'. It may follow one of the prefixes
//     "tel", "phone", "mobile", "mob", "cell", "fax", "ph" (any case, then ':' or '.').
//   - An extension is masked entirely: "ext. 12", ";ext=12", "#12", "x12", "доб. 12",
//     and DTMF digits after a pause (",12", ";12"). An 'X' never starts one.
//   - The number has the length of one: with '+' (or "00") its country code is one
//     that exists and its national number has a length possible for it
//     (phonenumbers' metadata); without, it has at most 15 digit slots.
//
// Fail closed: a value that is not one number (two numbers, digits or text after the
// number, an unknown word, a '+' inside) has every digit masked, and a value holding
// anything but digits, 'X'/'x', spaces and punctuation (letters, '@', symbols, invalid
// UTF-8), or no digit slot at all, gives "".
//
// The usual number, '+', digits and separators, is masked by maskFastPhone's own code,
// which gives the same bytes as maskAppendPhoneGeneral.
func maskAppendPhone(dst []byte, s string) []byte {
	out, _ := maskFastPhone(dst, s)
	return out
}

// maskAppendPhoneGeneral is maskAppendPhone for any value.
func maskAppendPhoneGeneral(dst []byte, s string) []byte {
	cut, ok := maskReadPhone(s)
	return maskAppendPhoneRead(dst, s, cut, ok)
}

// maskAppendPhoneRead appends the mask of s, which maskReadPhone read as (cut, ok).
func maskAppendPhoneRead(dst []byte, s string, cut int, ok bool) []byte {
	if !ok {
		return maskAppendDigitsHidden(dst, s, 'X')
	}
	if maskIsASCII(s[cut:]) {
		// Copy s, then mask the digits of its tail in place.
		start := len(dst)
		dst = append(dst, s...)
		for i := start + cut; i < len(dst); i++ {
			if c := dst[i]; '0' <= c && c <= '9' {
				dst[i] = 'X'
			}
		}
		return dst
	}
	dst = append(dst, s[:cut]...)
	for i := cut; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			c = 'X'
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if maskIsDigit(r) {
				dst = append(dst, 'X')
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size - 1
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// Where maskReadPhone is in a number.
const (
	maskPhLead   = iota // before the first digit slot: a prefix, '+', '('
	maskPhNumber        // in the number
	maskPhExt           // in its extension or after a pause
)

// Bits of maskPhoneClass, what an ASCII byte is to a phone number.
const (
	maskPhoneSep    = 1 << iota // ' ' and the separators "-.()"
	maskPhoneKeep               // kept by maskAppendPhoneClosed: spaces and punctuation but '@'
	maskPhoneLetter             // a letter
	maskPhoneDigit              // a digit
)

// maskPhoneClass classifies the bytes of a phone number: bits maskPhoneSep and the
// rest for ASCII, 0 for the bytes of other runes (which are decoded).
var maskPhoneClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			t[c] = maskPhoneKeep // white space, but not within a number: it splits a list
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
			t[c] = maskPhoneSep | maskPhoneKeep
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = maskPhoneLetter
		case '0' <= c && c <= '9':
			t[c] = maskPhoneDigit
		case c == '@' || c < ' ' || c == 0x7f:
		default:
			t[c] = maskPhoneKeep
		}
	}
	return t
}()

// maskReadPhone reads s as one phone number (see maskAppendPhone). cut is the byte offset of
// the fourth-last digit slot of the number (0 when it has four or fewer); from there on
// every digit is to be masked, the extension's included. ok is false when s is not one
// number.
func maskReadPhone(s string) (cut int, ok bool) {
	if cut, ok, done := maskReadPlainPhone(s); done {
		return cut, ok
	}
	return maskReadPhoneRunes(s)
}

// maskReadPhoneRunes is maskReadPhone for any value, rune by rune: what maskReadPhone
// reads when maskReadPlainPhone cannot.
func maskReadPhoneRunes(s string) (cut int, ok bool) {
	state := maskPhLead
	plus, prefix, extWord := false, false, false
	slots, extSlots := 0, 0
	var last [4]int32 // offsets of the last four slots of the number, a ring
	var head [6]byte  // the first slots: '0'-'9', or 'X' for a mask or another script's digit
	for i := 0; i < len(s); {
		c := s[i]
		// Fast path: an ASCII digit, masked digit or separator, nearly every byte of a
		// number.
		cl := maskPhoneClass[c]
		if c == 'X' && (i+1 == len(s) || s[i+1] == 'X' || maskPhoneClass[s[i+1]]&maskPhoneLetter == 0) {
			cl = maskPhoneDigit // a masked digit, not the start of a word
		}
		if cl&(maskPhoneDigit|maskPhoneSep) != 0 {
			if cl&maskPhoneDigit != 0 {
				if state == maskPhExt {
					extSlots++
				} else {
					state = maskPhNumber
					if slots < len(head) {
						head[slots] = c
					}
					last[slots&3] = int32(i)
					slots++
				}
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		isX := r == 'X' || r == 'x'
		slot := '0' <= r && r <= '9' || r >= utf8.RuneSelf && maskIsDigit(r)
		if isX && !maskPhoneXIsMarker(s, i, state) {
			// A masked digit, unless it starts a word; a masked digit may come right
			// before one ("XXext. 12" is the mask of "12ext. 12").
			slot = !maskNextIsLetter(s, i+1) || r == 'X' && maskPhoneWordLen(s[i:maskWordEnd(s, i)]) == 0
		}
		switch {
		case slot:
			if state == maskPhExt {
				extSlots++
				break
			}
			state = maskPhNumber
			if slots < len(head) {
				head[slots] = 'X'
				if '0' <= r && r <= '9' {
					head[slots] = byte(r)
				}
			}
			last[slots&3] = int32(i)
			slots++
		case isX && state == maskPhNumber && maskPhoneXIsMarker(s, i, state):
			state, extWord = maskPhExt, true
		case r < utf8.RuneSelf && maskPhoneClass[r]&maskPhoneSep != 0, r >= utf8.RuneSelf && maskIsSepRune(r):
			// A separator, wherever it is.
		case r == '/':
			// Only between two digits of the number: " / " separates two numbers.
			if state != maskPhNumber || i == 0 || i+1 == len(s) || !maskIsASCIIDigit(s[i-1]) && s[i-1] != 'X' && s[i-1] != 'x' ||
				!maskIsASCIIDigit(s[i+1]) && s[i+1] != 'X' && s[i+1] != 'x' {
				return 0, false
			}
		case r == '+':
			if state != maskPhLead || plus {
				return 0, false
			}
			plus = true
		case r == ',' || r == ';':
			// A pause, then DTMF digits or an extension.
			if state == maskPhLead || i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '+' {
				return 0, false
			}
			state = maskPhExt
		case r == '#':
			if state == maskPhLead {
				return 0, false
			}
			state = maskPhExt
		case r == '*':
			if state != maskPhExt {
				return 0, false
			}
		case r == ':' || r == '=':
			// After a prefix ("tel:") or an extension's word (";ext=").
			if !(state == maskPhLead && prefix || state == maskPhExt && extWord && extSlots == 0) {
				return 0, false
			}
		case r < utf8.RuneSelf && maskPhoneClass[r]&maskPhoneLetter != 0 || r >= utf8.RuneSelf && unicode.IsLetter(r):
			end := maskWordEnd(s, i)
			w := s[i:end]
			if n := maskPhoneWordLen(w); n > 0 {
				w, end = w[:n], i+n // masked digits may follow the word: "extXX", "telXeXt"
			}
			switch {
			case state == maskPhLead && !prefix && !plus && maskIsPhonePrefix(w):
				prefix = true
			case state == maskPhNumber && maskIsPhoneExtWord(w):
				state, extWord = maskPhExt, true
			case state == maskPhExt && !extWord && extSlots == 0 && maskIsPhoneExtWord(w):
				extWord = true
			default:
				return 0, false
			}
			size = end - i
		default:
			return 0, false
		}
		i += size
	}
	if slots == 0 || !maskPhoneLengthOK(head, slots, plus) {
		return 0, false
	}
	if slots <= 4 {
		return 0, true
	}
	return int(last[slots&3]), true
}

// maskReadPlainPhone is maskReadPhone for the usual number: an optional leading '+',
// then only ASCII digits, 'X' and the separators " -.()". done is false for any other
// value, which maskReadPhone then reads rune by rune.
func maskReadPlainPhone(s string) (cut int, ok, done bool) {
	i, plus := 0, false
	if len(s) > 0 && s[0] == '+' {
		i, plus = 1, true
	}
	slots := 0
	var head [6]byte  // the first slots, for the country code
	var last [4]int32 // offsets of the last four slots, a ring
	for ; i < len(s); i++ {
		c := s[i]
		switch maskPhonePlain[c] {
		case 1:
			if slots < len(head) {
				head[slots] = c
			}
			last[slots&3] = int32(i)
			slots++
		case 0:
			return 0, false, false
		}
	}
	if slots == 0 || !maskPhoneLengthOK(head, slots, plus) {
		return 0, false, true
	}
	if slots <= 4 {
		return 0, true, true
	}
	return int(last[slots&3]), true, true
}

// maskPhonePlain is what maskReadPlainPhone makes of a byte: 1 for a digit or 'X', 2 for
// a separator, 0 for anything else.
var maskPhonePlain = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	t['X'] = 1
	for _, c := range " -.()" {
		t[c] = 2
	}
	return t
}()

// maskPhoneXIsMarker reports whether the 'x' at s[i] starts an extension: it follows a
// digit slot and is followed, spaces and dots aside, by a digit or an 'X' (the
// extension's digits already masked). An 'X' is always a masked digit: the mask writes
// 'X' for the digits after a marker too, so as a marker it would not survive masking.
func maskPhoneXIsMarker(s string, i int, state int) bool {
	if state != maskPhNumber || s[i] != 'x' {
		return false
	}
	for j := i + 1; j < len(s); {
		r, size := maskRuneAt(s, j)
		if r != ' ' && r != '.' {
			return r == 'X' || maskIsDigit(r)
		}
		j += size
	}
	return false
}

// maskNextIsLetter reports whether s[i:] starts with a letter other than 'X' and 'x',
// so that an 'x' before it begins a word ("xyz"), not a masked digit.
func maskNextIsLetter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := maskRuneAt(s, i)
	return r != 'X' && r != 'x' && (r < utf8.RuneSelf && maskPhoneClass[r]&maskPhoneLetter != 0 || r >= utf8.RuneSelf && unicode.IsLetter(r))
}

// maskWordEnd returns the offset of the end of the run of letters that starts at s[i].
func maskWordEnd(s string, i int) int {
	for i < len(s) {
		r, size := maskRuneAt(s, i)
		if !(r < utf8.RuneSelf && maskPhoneClass[r]&maskPhoneLetter != 0 || r >= utf8.RuneSelf && unicode.IsLetter(r)) {
			break
		}
		i += size
	}
	return i
}

// maskIsPhonePrefix reports whether w is a word that may come before a phone number.
func maskIsPhonePrefix(w string) bool {
	for _, p := range [...]string{"tel", "phone", "mobile", "mob", "cell", "fax", "ph"} {
		if strings.EqualFold(w, p) {
			return true
		}
	}
	return false
}

// maskIsPhoneWord reports whether w is a word a phone number may hold.
func maskIsPhoneWord(w string) bool { return maskIsPhonePrefix(w) || maskIsPhoneExtWord(w) }

// maskPhoneWordLen returns the length of the longest word a phone number may hold that
// starts the run of letters w and ends it or is followed by a masked digit ('X', 'x'):
// 3 for "extXX" and "telXeXt" (the rest is read on). It returns 0 when there is none.
func maskPhoneWordLen(w string) int {
	for n := len(w); n > 0; n-- {
		if (n == len(w) || w[n] == 'X' || w[n] == 'x') && maskIsPhoneWord(w[:n]) {
			return n
		}
	}
	return 0
}

// maskIsPhoneExtWord reports whether w is a word that starts an extension.
func maskIsPhoneExtWord(w string) bool {
	for _, p := range [...]string{"ext", "extn", "extension", "доб"} {
		if strings.EqualFold(w, p) {
			return true
		}
	}
	return false
}

// maskPhoneMaxNational is the most digit slots of a number written without a country
// code: E.164's fifteen.
const maskPhoneMaxNational = 15

// maskPhoneLengthOK reports whether a number of slots digit slots, whose first are
// head, has the length of one number. With plus, or after the international prefix
// "00", its country code must exist and its national number have a possible length
// (a trunk '0' after the country code, "+44 (0)20...", aside); otherwise it has at
// most maskPhoneMaxNational slots.
func maskPhoneLengthOK(head [6]byte, slots int, plus bool) bool {
	skip := 0
	switch {
	case plus:
	case slots > 2 && head[0] == '0' && head[1] == '0':
		skip = 2
	default:
		return slots <= maskPhoneMaxNational
	}
	if head[skip] == '0' {
		return false // no calling code starts with 0: "+001 415..." is not one number
	}
	lengths := maskCallingCodeLengths()
	cc := 0
	for n := 1; n <= 3; n++ {
		d := head[skip+n-1]
		if d < '0' || d > '9' {
			return false
		}
		cc = cc*10 + int(d-'0')
		ok := lengths[cc]
		if ok == 0 {
			continue
		}
		nsn := slots - skip - n
		if nsn < 5 || nsn > 17 {
			return false
		}
		if ok&(1<<nsn) != 0 {
			return true
		}
		// "+44 (0)20 7946 0018": the trunk prefix kept after the country code.
		return skip+n < len(head) && head[skip+n] == '0' && nsn > 5 && ok&(1<<(nsn-1)) != 0
	}
	return false
}
