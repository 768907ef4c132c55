package piivet_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piivet"
	"github.com/ef8f9424/pii/piivet/internal/invtest"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestInventoryMatchesLibrary reads the inventory of invtest from source and compares it,
// as Markdown and as JSON, with what pii.NewInventory says at run time of the same types.
func TestInventoryMatchesLibrary(t *testing.T) {
	got, err := piivet.LoadInventory(pii.Profile{}, "./internal/invtest")
	if err != nil {
		t.Fatal(err)
	}
	want, err := pii.NewInventory(invtest.Message{}, invtest.Media{}, invtest.Base{}, invtest.Account{},
		invtest.Address{}, invtest.Left{}, invtest.Right{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(markdown(t, want), markdown(t, got)); diff != "" {
		t.Errorf("Markdown (-NewInventory +piivet):\n%s", diff)
	}
	if diff := cmp.Diff(jsonOf(t, want), jsonOf(t, got)); diff != "" {
		t.Errorf("JSON (-NewInventory +piivet):\n%s", diff)
	}
	golden(t, "inventory.golden.md", markdown(t, got))
	golden(t, "inventory.golden.json", jsonOf(t, got))
}

// TestInventoryProfiles compares under profiles that leave kinds out or hold them
// sensitive.
func TestInventoryProfiles(t *testing.T) {
	for _, name := range []string{"caloppa", "gdpr", "ccpa+hipaa", "pci-dss"} {
		profile, err := pii.ParseProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := pii.New(pii.WithProfile(profile))
		if err != nil {
			t.Fatal(err)
		}
		got, err := piivet.LoadInventory(profile, "./internal/invtest")
		if err != nil {
			t.Fatal(err)
		}
		want, err := p.Inventory(invtest.Message{}, invtest.Media{}, invtest.Base{}, invtest.Account{},
			invtest.Address{}, invtest.Left{}, invtest.Right{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(jsonOf(t, want), jsonOf(t, got)); diff != "" {
			t.Errorf("%s (-Policy.Inventory +piivet):\n%s", name, diff)
		}
	}
}

// TestInventoryBadTag reports the library's own error for a malformed tag.
func TestInventoryBadTag(t *testing.T) {
	_, err := piivet.LoadInventory(pii.Profile{}, "./testdata/invbad")
	var te *pii.TagError
	if !errors.As(err, &te) || !errors.Is(err, pii.ErrKindType) || te.Type != "invbad.Bad" || te.Field != "Phone" {
		t.Fatalf("LoadInventory of a package with a float64 phone: %v, want a *pii.TagError for invbad.Bad.Phone wrapping ErrKindType", err)
	}
}

func markdown(t *testing.T, inv pii.Inventory) string {
	t.Helper()
	var b bytes.Buffer
	if err := inv.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func jsonOf(t *testing.T, inv pii.Inventory) string {
	t.Helper()
	b, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}
