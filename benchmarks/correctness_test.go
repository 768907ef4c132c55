package benchmarks

import (
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite CORRECTNESS.md from the libraries' current output")

// TestCorrectness keeps CORRECTNESS.md equal to what the libraries output today, so
// the published table cannot drift from the code: a change in ours or a peer's
// behaviour fails here until the file is regenerated with -update.
func TestCorrectness(t *testing.T) {
	got, err := CorrectnessReport()
	if err != nil {
		t.Fatal(err)
	}
	const golden = "CORRECTNESS.md"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestCorrectness -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("CORRECTNESS.md is out of date (-file +now); run go test -run TestCorrectness -update:\n%s", diff)
	}
}

// TestWorkloads checks the sizes the benchmarks and BENCHMARKS.md promise.
func TestWorkloads(t *testing.T) {
	got := map[string]int{"SMS": len(SMS), "Corpus": len(Corpus()), "Record fields": 8}
	want := map[string]int{"SMS": 130, "Corpus": 1 << 20, "Record fields": 8}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("workload sizes (-want +got):\n%s", diff)
	}
	if Corpus() != buildCorpus(CorpusSize) {
		t.Error("the corpus is not the same on every build")
	}
}

// TestAssess checks the leak measures the correctness table is made of.
func TestAssess(t *testing.T) {
	tests := []struct {
		kind, in, out, want string
	}{
		{"phone", "+14155552671", "+141***52671", "7/10 digits"},
		{"phone", "+14155552671", "+1415555XXXX", "6/10 digits"},
		{"phone", "+442079460958", "+4420794609XX", "8/10 digits"},
		{"phone", "+14155552671", "[REDACTED]", "none"},
		{"phone", "+14155552671", "+14155552671", "**whole value**"},
		{"name", "Maria Okafor", "M**ia O**for", "7/11 letters"},
		{"name", "Maria Okafor", "Taylor Okafor", "**surname** left"},
		{"name", "Maria Okafor", "M. O.", "1/11 letters"},
		{"email", "maria.okafor@example.com", "mar****@example.com", "local part 3/11 chars, domain"},
		{"ip", "203.0.113.42", "203.0.113.0", "3/4 octets"},
		{"body", "call +14155552671 now", "(empty)", "none"},
		{"no", "1098765432", "1098765432", "kept (right)"},
		{"no", "1098765432", "1098123432", "changed (false positive)"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, assess(tt.kind, tt.in, tt.out)); diff != "" {
			t.Errorf("assess(%q, %q, %q) (-want +got):\n%s", tt.kind, tt.in, tt.out, diff)
		}
	}
}
