package benchmarks

import (
	"fmt"
	"strings"
	"unicode"
)

// A secret is one value of the workloads and what it is, for the correctness table:
// a kind of personal data, or "no" for a value that is not personal data and must come
// through unchanged, or "owned" for the business's own number.
type secret struct {
	label string
	kind  string
	value string
}

// assess says in a few words what out, the output a library made of in, still gives
// away. Counts are "k/n" of the input's characters, digits, letters or octets found at
// the same position in the output: a format-preserving mask keeps positions, so a kept
// character is a leaked one (deidentify's replacement digits can match by chance; one
// in ten does).
func assess(kind, in, out string) string {
	switch kind {
	case "no":
		if out == in {
			return "kept (right)"
		}
		return "changed (false positive)"
	case "owned":
		if out == in {
			return "kept (not personal data)"
		}
		return "changed"
	}
	if out == in {
		return "**whole value**"
	}
	switch kind {
	case "phone":
		return assessPhone(in, out)
	case "name":
		return assessName(in, out)
	case "email":
		return assessEmail(in, out)
	case "ip":
		return assessIP(in, out)
	case "body":
		return assessWords(in, out)
	default:
		return kept(in, out, func(r byte) bool { return r != ' ' }, "chars")
	}
}

// kept counts the bytes of in for which want holds that are unchanged at the same
// position of out.
func kept(in, out string, want func(byte) bool, unit string) string {
	k, n := 0, 0
	for i := 0; i < len(in); i++ {
		if !want(in[i]) {
			continue
		}
		n++
		if i < len(out) && out[i] == in[i] {
			k++
		}
	}
	if k == 0 {
		return "none"
	}
	return fmt.Sprintf("%d/%d %s", k, n, unit)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// assessPhone counts the national digits kept: the country calling code is public
// knowledge and not counted. The workloads use +1 and +44 numbers only.
func assessPhone(in, out string) string {
	cc := 0
	switch {
	case strings.HasPrefix(in, "+1"):
		cc = 2
	case strings.HasPrefix(in, "+44"):
		cc = 3
	}
	if len(out) < cc || out[:cc] != in[:cc] {
		return kept(in, out, isDigit, "digits")
	}
	return kept(in[cc:], out[cc:], isDigit, "digits")
}

// assessName reports a name part left whole, else the letters kept in place.
func assessName(in, out string) string {
	lower := strings.ToLower(out)
	var whole []string
	parts := strings.Fields(in)
	for i, p := range parts {
		if len(p) >= 2 && containsWord(lower, strings.ToLower(p)) {
			if i == len(parts)-1 && i > 0 {
				whole = append(whole, "**surname**")
			} else {
				whole = append(whole, "**first name**")
			}
		}
	}
	if len(whole) > 0 {
		return strings.Join(whole, " and ") + " left"
	}
	return kept(in, out, func(b byte) bool { return b != ' ' }, "letters")
}

// containsWord reports whether w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || !isLetter(s[start-1])) && (end == len(s) || !isLetter(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(b byte) bool { return unicode.IsLetter(rune(b)) }

func assessEmail(in, out string) string {
	at := strings.IndexByte(in, '@')
	if at < 0 {
		return kept(in, out, func(byte) bool { return true }, "chars")
	}
	local, domain := in[:at], in[at+1:]
	var parts []string
	if strings.Contains(out, local) {
		parts = append(parts, "**local part whole**")
	} else {
		outLocal := out
		if i := strings.IndexByte(out, '@'); i >= 0 {
			outLocal = out[:i]
		}
		if k := kept(local, outLocal, func(b byte) bool { return b != '.' }, "chars"); k != "none" {
			parts = append(parts, "local part "+k)
		}
	}
	if strings.Contains(out, domain) {
		parts = append(parts, "domain")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func assessIP(in, out string) string {
	a, b := strings.Split(in, "."), strings.Split(out, ".")
	k := 0
	for i := range a {
		if i < len(b) && a[i] == b[i] {
			k++
		}
	}
	if k == 0 {
		return "none"
	}
	return fmt.Sprintf("%d/%d octets", k, len(a))
}

// assessWords counts the input's words (three characters or more, punctuation
// trimmed) still found in the output.
func assessWords(in, out string) string {
	k, n := 0, 0
	for _, w := range strings.Fields(in) {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '+' })
		if len(w) < 3 {
			continue
		}
		n++
		if strings.Contains(out, w) {
			k++
		}
	}
	if k == 0 {
		return "none"
	}
	return fmt.Sprintf("%d/%d words", k, n)
}
