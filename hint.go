package pii

import (
	"slices"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// regionAliases are codes people write for a region that the standards spell otherwise.
var regionAliases = map[string]string{
	"UK": "GB", // ISO 3166 reserves UK; the United Kingdom is GB
	"EL": "GR", // the EU's code for Greece; ISO 3166 says GR
}

// didYouMean returns a hint naming the entry of names closest to got, as
// ` (did you mean "GB"?)`, or "" when none is close. A known alias, a difference of case
// alone, or a unique name within a small edit distance counts as close.
func didYouMean(got string, names []string) string {
	if alias, ok := regionAliases[strings.ToUpper(got)]; ok && slices.Contains(names, alias) {
		return ` (did you mean "` + alias + `"?)`
	}
	best, bestDist, ties := "", 0, 0
	for _, name := range names {
		if strings.EqualFold(name, got) {
			return ` (did you mean "` + name + `"?)`
		}
		d := editDistance(strings.ToLower(got), strings.ToLower(name))
		switch {
		case best == "" || d < bestDist:
			best, bestDist, ties = name, d, 1
		case d == bestDist:
			ties++
		}
	}
	if best == "" || ties > 1 || bestDist > max(1, len(got)/3) || len(got) <= 2 {
		return "" // short codes are a letter apart from many others: no guess
	}
	return ` (did you mean "` + best + `"?)`
}

// editDistance is the optimal string alignment distance between a and b, by bytes:
// insertions, deletions, substitutions and swaps of neighbours ("gpdr" for "gdpr") each
// count one.
func editDistance(a, b string) int {
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev2, prev, cur := rows[0], rows[1], rows[2]
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
		rows[0], rows[1], rows[2] = prev, cur, prev2
	}
	return rows[1][len(b)]
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
