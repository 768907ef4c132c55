package pii_test

import (
	"flag"
	"runtime"
	"sync"
	"testing"
)

// The guarantee (issue 11): for every value whose type carries pii tags, no leaf that is
// PII under the Policy reaches what NewHandler passes on, what Safe prints, encodes or
// logs, or what Redacted returns and Redact leaves, by any path; and every Not PII value
// (and every context kind the profile does not count) still shows where the output shows
// its field.
//
// TestGuarantee checks it on gtRecords random records from a fixed seed: 10,000 records in
// `go test ./...`, 1,000 under the race detector. Each record is a random type
// (reflect.StructOf, nested through pointers, slices, arrays, maps keyed by strings,
// interfaces and tagged structs, interfaces, embedded structs, no-tagged containers, the
// predeclared types with methods of guarantee_types_test.go, errors wrapping them) under a
// random profile, and a value whose every leaf holds a unique marker valid for its kind
// (guarantee_markers_test.go). Each value goes through about 35 outputs (gtCheck): the
// Handler over slog's JSON and text handlers and a lazy handler, in three of seven ways of
// passing a value (guarantee_handlers_test.go), and with ScanStrings; Safe under every fmt
// verb, String, inside a struct, JSON and LogValue; Redacted, printed and encoded, before
// and after the caller changes its value; Redact, printed and encoded. The caller's value
// must be unchanged by all but Redact. Free text goes through a ScanStrings Handler in three
// of fifteen places (guarantee_scan_test.go).
//
// Failures are grouped into classes by their cause (guarantee_report_test.go), each
// reported once with its smallest example. To look at one record: go test -run
// TestGuarantee -gt.seed=N -v (N as a failure reports it). For longer runs: go test -run
// TestGuarantee -gt.n=200000, or the fuzz target FuzzGuarantee.

// gtRecords is how many records TestGuarantee checks.
var gtRecords = func() int {
	if gtRaceBuild {
		return 1_000
	}
	return 10_000
}()

// gtFirstSeed is the fixed seed of the first record; record i has seed gtFirstSeed+i.
const gtFirstSeed = 0x9e3779b97f4a7c15

var (
	gtSeedFlag = flag.Uint64("gt.seed", 0, "check only the guarantee test's record of this seed, and log its outputs")
	gtNFlag    = flag.Int("gt.n", 0, "check this many records in the guarantee test instead of the default")
	gtClasses  = flag.Int("gt.classes", 60, "report at most this many classes of failure in the guarantee test")
)

func TestGuarantee(t *testing.T) {
	pols, err := gtPolicies()
	if err != nil {
		t.Fatal(err)
	}
	if *gtSeedFlag != 0 {
		run := gtCheck(*gtSeedFlag, pols, nil)
		gtLogRun(t, run)
		var agg gtAgg
		agg.add(run)
		agg.report(t.Errorf, 100)
		return
	}
	n := gtRecords
	if *gtNFlag > 0 {
		n = *gtNFlag
	}
	var agg gtAgg
	var wg sync.WaitGroup
	next := make(chan uint64)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for seed := range next {
				agg.add(gtCheck(seed, pols, nil))
			}
		})
	}
	for i := range n {
		next <- gtFirstSeed + uint64(i)
	}
	close(next)
	wg.Wait()
	agg.report(t.Errorf, *gtClasses)
	t.Logf("%d records checked", agg.records)
}

// gtLogRun logs a record and every output of it.
func gtLogRun(t *testing.T, run *gtRun) {
	t.Helper()
	rec := run.rec
	t.Logf("seed %d, profile %s, type %s", rec.seed, rec.profile, rec.root.Type())
	for _, m := range rec.markers {
		t.Logf("marker %s pii=%v appear=%v late=%v json=%v fmt=%v: %q search %q", m.path, m.pii, m.appear, m.late, m.visJSON, m.visFmt, m.raw, m.plain)
	}
	for _, o := range run.outs {
		t.Logf("%s:\n%s", o.name, o.text)
	}
}
