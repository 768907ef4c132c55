package pii

import "strings"

// profileMatrix is Matrix's table, built once from the profiles themselves.
var profileMatrix = func() string {
	var b strings.Builder
	b.WriteString("| kind |")
	for _, p := range profileBuiltins {
		b.WriteString(" " + p.Name() + " |")
	}
	b.WriteString("\n|---|")
	for range profileBuiltins {
		b.WriteString("---|")
	}
	b.WriteByte('\n')
	for k := KindGeneric; k < numKinds; k++ {
		b.WriteString("| " + k.String() + " |")
		for _, p := range profileBuiltins {
			switch {
			case p.Sensitive(k):
				b.WriteString(" PII, sensitive |")
			case p.Counts(k):
				b.WriteString(" PII |")
			default:
				b.WriteString(" - |")
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}()

// Matrix returns the kind-by-profile table as Markdown: a row for every kind (by its tag
// spelling), a column for every built-in profile, and in each cell "PII", "PII, sensitive"
// or "-" (not personal data under that profile). It is computed from the profiles, so
// documentation that embeds it (JURISDICTIONS.md does, between the markers
// <!-- profile-matrix:start --> and <!-- profile-matrix:end -->) can be checked against the
// code. The table ends with a newline.
func Matrix() string { return profileMatrix }
