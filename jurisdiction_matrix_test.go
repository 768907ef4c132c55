package pii

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var profileUpdateReadme = flag.Bool("update-profile-matrix", false,
	"rewrite the profile matrix in README.md from Matrix()")

const (
	profileMatrixStart = "<!-- profile-matrix:start -->\n"
	profileMatrixEnd   = "<!-- profile-matrix:end -->"
)

// The README's kind-by-profile table must be the one the code computes. To refresh it:
// go test -run TestReadmeProfileMatrix -update-profile-matrix
func TestReadmeProfileMatrix(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatalf("reading README.md: %v", err)
	}
	readme := string(raw)
	start := strings.Index(readme, profileMatrixStart)
	end := strings.Index(readme, profileMatrixEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md has no %q ... %q section", strings.TrimSpace(profileMatrixStart), profileMatrixEnd)
	}
	body := readme[start+len(profileMatrixStart) : end]
	if *profileUpdateReadme {
		updated := readme[:start+len(profileMatrixStart)] + Matrix() + readme[end:]
		if err := os.WriteFile("README.md", []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(Matrix(), body); diff != "" {
		t.Errorf("README.md's profile matrix differs from Matrix() (-code +README); "+
			"run go test -run TestReadmeProfileMatrix -update-profile-matrix:\n%s", diff)
	}
}

func TestMatrixShape(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(Matrix(), "\n"), "\n")
	if diff := cmp.Diff(2+len(Kinds()), len(lines)); diff != "" {
		t.Errorf("line count (-want +got):\n%s", diff)
	}
	want := []string{
		"| kind | GDPR | UK-GDPR | CCPA | HIPAA | PCI-DSS | CalOPPA | Strict |",
		"|---|---|---|---|---|---|---|---|",
		"| ip | PII | PII | PII | PII | - | - | PII |",
		"| health | PII, sensitive | PII, sensitive | PII, sensitive | PII, sensitive | - | - | PII, sensitive |",
	}
	got := []string{lines[0], lines[1], lines[2+int(KindIP)-1], lines[2+int(KindHealth)-1]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
