package freetext

// scanObfuscatedWordAt returns the length of word ("at" or "dot") written in brackets
// at text[i] ("[at]", "(AT)", "{dot}"), with one space before and after it if there
// are, or 0.
func scanObfuscatedWordAt(text string, i int, word string) int {
	j := i
	if j < len(text) && text[j] == ' ' {
		j++
	}
	if j+len(word)+2 > len(text) {
		return 0
	}
	var closing byte
	switch text[j] {
	case '[':
		closing = ']'
	case '(':
		closing = ')'
	case '{':
		closing = '}'
	default:
		return 0
	}
	if !scanHasPrefixFold(text[j+1:], word) || text[j+1+len(word)] != closing {
		return 0
	}
	j += len(word) + 2
	if j < len(text) && text[j] == ' ' {
		j++
	}
	return j - i
}

// scanObfuscatedEmailAt appends the email address written with a bracketed "at" that
// starts at text[i] ("jane [at] example [dot] com", "jane(at)example.com"), if any: an
// ASCII local part just before it, then a domain of ASCII labels split by dots or
// bracketed "dot"s, at least two, the last one letters only. It returns how far it
// looked. A plain " at " is a word of prose, not counted.
func scanObfuscatedEmailAt(text string, i int, dst []Finding) ([]Finding, int) {
	n := scanObfuscatedWordAt(text, i, "at")
	if n == 0 {
		return dst, i + 1
	}
	lp := i // where the local part ends: before the space before the bracket, if any
	if lp > 0 && text[lp-1] == ' ' {
		lp--
	}
	start := lp
	for start > 0 && lp-start < 64 && scanIsLocalByte(text[start-1]) {
		start--
	}
	for start < lp && (text[start] == '.' || text[start] == '-') {
		start++
	}
	if start == lp {
		return dst, i + n
	}
	end, labels, alpha := i+n, 0, true
	for end-i < 254 {
		k := end
		alpha = true
		for k < len(text) && k-end < 63 && (scanIsASCIIAlnum(text[k]) || text[k] == '-') {
			alpha = alpha && !scanIsASCIIDigit(text[k]) && text[k] != '-'
			k++
		}
		if k == end {
			break
		}
		labels++
		end = k
		if d := scanObfuscatedWordAt(text, end, "dot"); d > 0 {
			if k := end + d; k < len(text) && scanIsASCIIAlnum(text[k]) {
				end = k
				continue
			}
		}
		if end+1 < len(text) && text[end] == '.' && scanIsASCIIAlnum(text[end+1]) {
			end++
			continue
		}
		break
	}
	if labels < 2 || !alpha || end-i-n < 4 {
		return dst, i + n
	}
	return append(dst, Finding{Kind: KindEmail, Start: start, End: end}), end
}
