package freetext

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateFreetext = flag.Bool("update-freetext", false, "rewrite testdata/scan/labelled.golden")

// scanLabelled is one case of testdata/scan/labelled.json: a text, the region it is
// read in ("" for none), the record's names, and what is in it. Kind is the kind the
// case measures: for a negative, the kind it could be taken for; Category sorts the
// negatives of phones (prose, order, date, time, money, version).
type scanLabelled struct {
	Kind     string      `json:"kind"`
	Region   string      `json:"region"`
	Category string      `json:"category,omitempty"`
	Text     string      `json:"text"`
	Names    []string    `json:"names,omitempty"`
	Want     []scanFound `json:"want"`
	// Arguable are findings that are neither right nor wrong (digits with a wrong check
	// digit after an identifier's label, read as a phone number): counted apart.
	Arguable []scanFound `json:"arguable,omitempty"`
}

// scanTally counts the outcome of labelled cases.
type scanTally struct {
	positives, negatives int // cases with and without something to find
	found, missed, false int // expected findings found and missed; findings not expected
	arguable             int // findings that are neither right nor wrong
}

func (t scanTally) precision() float64 { return scanRatio(t.found, t.found+t.false) }
func (t scanTally) recall() float64    { return scanRatio(t.found, t.found+t.missed) }

func scanRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestScanLabelled measures the finder on the labelled cases of testdata/scan and
// checks the table of FREETEXT.md against the measure: precision and recall per kind
// and region, and the false positives that phones add on text that holds none.
// Run with -update-freetext to rewrite the table.
func TestScanLabelled(t *testing.T) {
	data, err := os.ReadFile("testdata/scan/labelled.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []scanLabelled
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	type key struct{ kind, region string }
	tallies := map[key]*scanTally{}
	type catKey struct{ category, region string }
	cats := map[catKey][2]int{} // cases, cases with a finding
	scanners := map[string]*textScanner{}
	for _, c := range cases {
		s := scanners[c.Region]
		if s == nil {
			s = scanTestScanner(t, c.Region, "valid")
			scanners[c.Region] = s
		}
		got := scanFoundIn(c.Text, s.scan(c.Text, c.Names, nil))
		k := key{c.Kind, c.Region}
		tl := tallies[k]
		if tl == nil {
			tl = &scanTally{}
			tallies[k] = tl
		}
		if len(c.Want) == 0 {
			tl.negatives++
		} else {
			tl.positives++
		}
		for _, w := range c.Want {
			if slices.Contains(got, w) {
				tl.found++
			} else {
				tl.missed++
			}
		}
		for _, g := range got {
			switch {
			case slices.Contains(c.Want, g):
			case slices.Contains(c.Arguable, g):
				tl.arguable++
			default:
				tl.false++
			}
		}
		if c.Category != "" {
			ck := catKey{c.Category, c.Region}
			n := cats[ck]
			n[0]++
			if len(got) > 0 {
				n[1]++
			}
			cats[ck] = n
		}
		if testing.Verbose() && os.Getenv("PII_LABELLED_FAILURES") != "" && !cmp.Equal(c.Want, got, cmp.Comparer(func(a, b []scanFound) bool {
			return len(a) == len(b) && (len(a) == 0 || cmp.Equal(a, b))
		})) {
			t.Logf("%s/%q: %q want %v got %v", c.Kind, c.Region, c.Text, c.Want, got)
		}
	}

	var b strings.Builder
	b.WriteString("| kind | region | positives | negatives | found | missed | false | arguable | precision | recall |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	keys := make([]key, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return strings.Compare(a.region, b.region)
	})
	totals := map[string]*scanTally{}
	for _, k := range keys {
		tl := tallies[k]
		region := k.region
		if region == "" {
			region = "none"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f |\n", k.kind, region,
			tl.positives, tl.negatives, tl.found, tl.missed, tl.false, tl.arguable, tl.precision(), tl.recall())
		if totals[k.kind] == nil {
			totals[k.kind] = &scanTally{}
		}
		tt := totals[k.kind]
		tt.positives += tl.positives
		tt.negatives += tl.negatives
		tt.found += tl.found
		tt.missed += tl.missed
		tt.false += tl.false
	}
	regions := []string{"", "US", "GB", "DE", "FR", "ES", "IT", "IN", "BR", "JP", "AU"}
	b.WriteString("\n| phone negatives: cases with a finding | cases |")
	for _, r := range regions[1:] {
		fmt.Fprintf(&b, " %s |", r)
	}
	b.WriteString(" no region |\n|---|--:|" + strings.Repeat("--:|", len(regions)) + "\n")
	for _, cat := range []string{"prose", "order", "date", "time", "money", "version"} {
		fmt.Fprintf(&b, "| %s | %d |", cat, cats[catKey{cat, ""}][0])
		for _, r := range append(regions[1:], "") {
			fmt.Fprintf(&b, " %d |", cats[catKey{cat, r}][1])
		}
		b.WriteString("\n")
	}
	table := b.String()

	// The floors sit just under the rates reached, so that a regression fails.
	floors := map[string][2]float64{ // precision, recall
		"phone": {0.98, 1}, "card": {1, 1}, "account": {1, 1}, "ip": {1, 1},
		"email": {1, 1}, "govid": {1, 1}, "name": {1, 1},
	}
	for kind, tt := range totals {
		f, ok := floors[kind]
		if !ok {
			t.Errorf("no floor for kind %s", kind)
			continue
		}
		if tt.precision() < f[0] || tt.recall() < f[1] {
			t.Errorf("%s: precision %.3f, recall %.3f; floors %.2f, %.2f", kind, tt.precision(), tt.recall(), f[0], f[1])
		}
	}

	const golden = "testdata/scan/labelled.golden"
	if *updateFreetext {
		if err := os.WriteFile(golden, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), table); diff != "" {
		t.Errorf("the measure differs from %s (run with -update-freetext) (-want +got):\n%s", golden, diff)
	}
	doc, err := os.ReadFile("../../FREETEXT.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), table) {
		t.Errorf("FREETEXT.md does not hold the table of %s", golden)
	}
}
