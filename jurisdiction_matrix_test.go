package pii

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var profileUpdateMatrix = flag.Bool("update-profile-matrix", false,
	"rewrite the profile matrix in "+profileMatrixFile+" from Matrix()")

const (
	profileMatrixFile  = "JURISDICTIONS.md"
	profileMatrixStart = "<!-- profile-matrix:start -->\n"
	profileMatrixEnd   = "<!-- profile-matrix:end -->"
)

// JURISDICTIONS.md's kind-by-profile table must be the one the code computes. To
// refresh it: go test -run TestDocProfileMatrix -update-profile-matrix
func TestDocProfileMatrix(t *testing.T) {
	raw, err := os.ReadFile(profileMatrixFile)
	if err != nil {
		t.Fatalf("reading %s: %v", profileMatrixFile, err)
	}
	doc := string(raw)
	start := strings.Index(doc, profileMatrixStart)
	end := strings.Index(doc, profileMatrixEnd)
	if start < 0 || end < start {
		t.Fatalf("%s has no %q ... %q section", profileMatrixFile, strings.TrimSpace(profileMatrixStart), profileMatrixEnd)
	}
	body := doc[start+len(profileMatrixStart) : end]
	if *profileUpdateMatrix {
		updated := doc[:start+len(profileMatrixStart)] + Matrix() + doc[end:]
		if err := os.WriteFile(profileMatrixFile, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(Matrix(), body); diff != "" {
		t.Errorf("%s's profile matrix differs from Matrix() (-code +doc); "+
			"run go test -run TestDocProfileMatrix -update-profile-matrix:\n%s", profileMatrixFile, diff)
	}
}

func TestMatrixShape(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(Matrix(), "\n"), "\n")
	if diff := cmp.Diff(2+len(Kinds()), len(lines)); diff != "" {
		t.Errorf("line count (-want +got):\n%s", diff)
	}
	s, p := "PII, sensitive", "PII"
	row := func(kind string, cells ...string) string {
		return "| " + kind + " | " + strings.Join(cells, " | ") + " |"
	}
	want := []string{
		"| kind | GDPR | UK-GDPR | CCPA | HIPAA | PCI-DSS | CalOPPA | LGPD | PIPEDA | Quebec | DPDP | PIPL | " +
			"APPI | FADP | POPIA | Privacy-Act-AU | PDPA-SG | VCDPA | CPA | TDPSA | Strict |",
		"|---|" + strings.Repeat("---|", len(profileBuiltins)),
		row("ip", p, p, p, p, "-", "-", p, p, p, p, p, p, p, p, p, p, p, p, p, p),
		row("health", s, s, s, s, "-", "-", s, s, s, p, s, s, s, s, s, s, s, s, s, s),
		row("neural", s, s, s, s, "-", "-", s, s, s, p, s, s, s, s, s, s, p, s, p, s),
		row("citizenship", p, p, s, p, "-", "-", p, p, p, p, p, p, p, p, p, p, s, s, s, s),
	}
	got := []string{lines[0], lines[1], lines[1+int(KindIP)], lines[1+int(KindHealth)],
		lines[1+int(KindNeural)], lines[1+int(KindCitizenship)]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
