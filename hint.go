package pii

import (
	"slices"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// didYouMean returns the accepted name closest to an unknown one, got, when it is close
// enough to be a likely slip, and "" otherwise; an error message then asks
// `did you mean "NAME"?`. Names are compared without regard to ASCII case, '-', '_' and
// spaces ("USCA" gives "US-CA"); close enough is an edit distance (insertions, deletions,
// substitutions and swaps of neighbours) of none for a name of two characters, one for a
// name of up to four and two beyond. A name of which got is a prefix, or that is a prefix
// of got, of at least two characters, is close enough too ("UK" gives "UK-GDPR", "US"
// gives "US-CA"), and an abbreviation of three characters or more ("pdpa" for "PDPA-SG")
// is preferred to an edit. Ties go to the name listed first. A got that is itself among
// names gives "".
func didYouMean(got string, names []string) string {
	g := hintFold(got)
	if g == "" {
		return ""
	}
	best, bestScore := "", 0
	for _, name := range names {
		if strings.EqualFold(got, name) {
			return "" // got is accepted: there is nothing to suggest
		}
		n := hintFold(name)
		limit := 2
		switch {
		case len(n) <= 2:
			limit = 0 // one edit turns any two-letter code into dozens of others
		case len(n) <= 4:
			limit = 1
		}
		// Scores: twice the distance for an edit. An abbreviation of three characters or
		// more ranks just behind an exact fold; a shorter one, or a name followed by
		// more, just behind the edits the name allows, so that a near miss wins.
		score := 2 * hintDistance(g, n)
		switch {
		case len(g) >= 3 && strings.HasPrefix(n, g):
			score = min(score, 1)
		case len(g) >= 2 && (strings.HasPrefix(n, g) || strings.HasPrefix(g, n) && len(n) >= 2):
			score = min(score, 2*limit+1)
		}
		if score <= 2*limit+1 && (best == "" || score < bestScore) {
			best, bestScore = name, score
		}
	}
	return best
}

// hintFold lower-cases ASCII letters and drops '-', '_' and white space, as ParseProfile
// does when it compares names.
func hintFold(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < 64; i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_' || c == ' ' || c == '\t':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// hintDistance is the optimal string alignment distance of a and b, bytes compared:
// the edits of didYouMean, each substring edited at most once.
func hintDistance(a, b string) int {
	// Three rows of the dynamic programme: i-2, i-1 and i.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// hint formats didYouMean's answer for an error message: ` (did you mean "GB"?)`, or ""
// when no name is close.
func hint(got string, names []string) string {
	// The grammars this package reads are case-sensitive: "No" is not "no", but is
	// surely meant as it.
	for _, name := range names {
		if name == got {
			return ""
		}
	}
	for _, name := range names {
		if strings.EqualFold(name, got) {
			return ` (did you mean "` + name + `"?)`
		}
	}
	if name := didYouMean(got, names); name != "" {
		return ` (did you mean "` + name + `"?)`
	}
	return ""
}

// regionAliases are codes people write for a region that ISO 3166 spells otherwise.
var regionAliases = map[string]string{
	"UK": "GB", // ISO 3166 reserves UK; the United Kingdom is GB
	"EL": "GR", // the EU's code for Greece
}

// regionHint is hint for a region code that phone numbers do not use.
func regionHint(got string) string {
	if alias, ok := regionAliases[strings.ToUpper(got)]; ok {
		return ` (did you mean "` + alias + `"?)`
	}
	return hint(got, supportedRegions())
}

// supportedRegions lists the region codes phone numbers are read in, sorted.
var supportedRegions = sync.OnceValue(func() []string {
	var out []string
	for r := range phonenumbers.GetSupportedRegions() {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
})
