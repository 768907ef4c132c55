package pii

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzLeafText holds rawLeafIn's helpers to the functions they stand in for:
// appendLower writes what strings.ToLower returns, and eachWord yields the fields
// strings.FieldsFunc finds between the runes that are neither letters nor digits, for
// any text, invalid UTF-8 included.
func FuzzLeafText(f *testing.F) {
	for _, s := range []string{"", "Maria Okafor", "MARIA.OKAFOR@Example.com", "İstanbul ǅ Σ", "a\xffb \xc3", "４１５-555 2671", "  x  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(strings.ToLower(s), string(appendLower([]byte("kept"), s)[4:])); diff != "" {
			t.Errorf("appendLower(%q) (-strings.ToLower +got):\n%s", s, diff)
		}
		want := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if diff := cmp.Diff(want, slices.Collect(eachWord(s)), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("eachWord(%q) (-FieldsFunc +got):\n%s", s, diff)
		}
	})
}
