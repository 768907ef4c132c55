package pii_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/loan"
	"github.com/google/go-cmp/cmp"
)

// The lent routes (internal/loan, a Handler over slog's own handlers, Safe's printing)
// must show what the routes that make copies of their own show, for every value. These
// tests compare them on the guarantee test's random records.

// lendDiffRecords is how many random records the comparisons check.
// (-gt.n sets it, as for the guarantee test).
func lendDiffRecords() int {
	if *gtNFlag > 0 {
		return *gtNFlag
	}
	if gtRaceBuild {
		return 300
	}
	return 3000
}

// lendAddr matches the addresses fmt prints for pointers, maps and the like, which differ
// between two copies of one value.
var lendAddr = regexp.MustCompile(`0x[0-9a-f]+`)

// lendFailed matches a redaction failure's note and the rest of its line. The note names
// the first failure a walk meets (a map refused for its keys, a kind a type cannot
// hold): with several, which is first depends on the order a map's entries are met in,
// on either route.
var lendFailed = regexp.MustCompile(`!PII-REDACTION-FAILED: [^\n]*`)

// lendCanon is text with what may differ between two walks of one value made alike.
func lendCanon(text string) string {
	return lendFailed.ReplaceAllString(lendAddr.ReplaceAllString(text, "0x?"), "!PII-REDACTION-FAILED: …")
}

// lendShow is what a logger would write of x: its JSON (or the error of encoding it),
// and fmt's %+v with addresses left out.
func lendShow(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		b = []byte("json error: " + err.Error())
	}
	return lendCanon(string(b) + "\n" + fmt.Sprintf("%+v", x))
}

// lendUnchanged fails the test when the caller's value of rec is not as seed made it.
func lendUnchanged(t *testing.T, rec *gtRecord, pols []*pii.Policy, route string) {
	t.Helper()
	twin := gtGenerateWith(rec.seed, pols, false, nil)
	if !reflect.DeepEqual(twin.root.Interface(), rec.root.Interface()) {
		t.Fatalf("seed %d, %s: the caller's value changed (-before +after):\n%s", rec.seed, route,
			cmp.Diff(twin.root.Interface(), rec.root.Interface(), cmp.Exporter(func(reflect.Type) bool { return true })))
	}
}

// lendValues returns the values of a record a line may be given: the value, and when it
// is a pointer to a struct, the struct itself, which is what is lent.
func lendValues(rec *gtRecord) []any {
	vs := []any{rec.root.Interface()}
	if rec.root.Kind() == reflect.Pointer && !rec.root.IsNil() && rec.root.Elem().Kind() == reflect.Struct {
		vs = append(vs, rec.root.Elem().Interface())
	}
	return vs
}

// lendPolicies are Policies whose walks first read the whole record: its parties'
// jurisdictions widen its profile.
func lendPolicies(t *testing.T) []*pii.Policy {
	t.Helper()
	var pols []*pii.Policy
	for _, opts := range [][]pii.Option{
		{pii.WithProfile(pii.CCPA), pii.WithPartyJurisdiction()},
		{pii.WithProfile(pii.CalOPPA), pii.WithPartyJurisdiction(), pii.WithRedactionLimitedToProfile()},
	} {
		p, err := pii.New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		pols = append(pols, p)
	}
	return pols
}

// TestLentCopiesAreForLogs compares loan.ForLog with ForLog and ForLogScanned on random
// records, each value logged twice in a row (the second time in the copy the first gave
// back), under the record's Policy and under Policies that read its parties.
func TestLentCopiesAreForLogs(t *testing.T) {
	pols, err := gtPolicies()
	if err != nil {
		t.Fatal(err)
	}
	parties := lendPolicies(t)
	lent := 0
	for i := range lendDiffRecords() {
		seed := gtFirstSeed + uint64(i)
		rec := gtGenerateWith(seed, pols, false, nil)
		for j, v := range lendValues(rec) {
			pol := rec.pol
			if i%2 == 1 {
				pol = parties[(i/2+j)%len(parties)]
			}
			for _, scan := range []bool{false, true} {
				forLog := pol.ForLog
				if scan {
					forLog = pol.ForLogScanned
				}
				want, wantChanged := forLog(v)
				wantShow := fmt.Sprint(wantChanged, "\n", lendShow(want))
				for range 2 {
					got, changed, l := loan.ForLog(pol, v, scan)
					if l != (loan.Copy{}) {
						lent++
					}
					gotShow := fmt.Sprint(changed, "\n", lendShow(got))
					l.Return()
					if diff := cmp.Diff(wantShow, gotShow); diff != "" {
						t.Fatalf("seed %d, %T, scan %v: lent copy differs from ForLog's (-ForLog +lent):\n%s", seed, v, scan, diff)
					}
				}
			}
		}
		lendUnchanged(t, rec, pols, "loan.ForLog")
	}
	if lent == 0 {
		t.Fatal("no record was lent a copy")
	}
	t.Logf("%d copies lent", lent)
}

// lendOther is a handler that is not slog's own, over one that is: a Handler lends it
// nothing, and it writes what the handler it wraps writes.
type lendOther struct{ slog.Handler }

func (h lendOther) WithAttrs(as []slog.Attr) slog.Handler {
	return lendOther{h.Handler.WithAttrs(as)}
}
func (h lendOther) WithGroup(name string) slog.Handler { return lendOther{h.Handler.WithGroup(name)} }

// TestLentLinesAreSnapshotLines compares the lines a Handler writes through slog's JSON
// and text handlers, lending, with those it writes through a handler of another type
// over the same, which makes its snapshots: random records as attributes, twice in one
// line and in a group, after WithAttrs and WithGroup, with and without ScanStrings,
// under the record's Policy and under Policies that read its parties.
func TestLentLinesAreSnapshotLines(t *testing.T) {
	pols, err := gtPolicies()
	if err != nil {
		t.Fatal(err)
	}
	type route struct {
		name string
		make func(*bytes.Buffer) slog.Handler
	}
	routes := []route{
		{"JSON", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }},
		{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }},
	}
	parties := lendPolicies(t)
	ctx := context.Background()
	for i := range lendDiffRecords() / 3 {
		seed := gtFirstSeed + uint64(i)
		rec := gtGenerateWith(seed, pols, false, nil)
		pol := rec.pol
		if i%2 == 1 {
			pol = parties[i/2%len(parties)]
		}
		for _, v := range lendValues(rec) {
			for _, rt := range routes {
				for _, scan := range []bool{false, true} {
					var opts []pii.HandlerOption
					if scan {
						opts = append(opts, pii.ScanStrings())
					}
					var lentBuf, ownBuf bytes.Buffer
					lentH := pii.NewHandler(rt.make(&lentBuf), pol, opts...).WithGroup("g").WithAttrs([]slog.Attr{slog.Any("with", v)})
					ownH := pii.NewHandler(lendOther{rt.make(&ownBuf)}, pol, opts...).WithGroup("g").WithAttrs([]slog.Attr{slog.Any("with", v)})
					for _, h := range []slog.Handler{lentH, ownH} {
						for range 2 {
							r := slog.NewRecord(time.Time{}, slog.LevelInfo, "msg", 0)
							r.AddAttrs(slog.Any("a", v), slog.Any("b", v), slog.Group("grp", slog.Any("c", v)))
							if err := h.Handle(ctx, r); err != nil {
								t.Fatal(err)
							}
						}
					}
					got, want := lendCanon(lentBuf.String()), lendCanon(ownBuf.String())
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("seed %d, %T, %s, scan %v: lent lines differ (-snapshot +lent):\n%s", seed, v, rt.name, scan, diff)
					}
				}
			}
		}
		lendUnchanged(t, rec, pols, "Handler")
	}
}

// TestSafeBorrowedIsSafe compares what Safe prints and encodes, borrowing its copies,
// with ForLog's copies printed and encoded.
func TestSafeBorrowedIsSafe(t *testing.T) {
	pols, err := gtPolicies()
	if err != nil {
		t.Fatal(err)
	}
	for i := range lendDiffRecords() {
		seed := gtFirstSeed + uint64(i)
		rec := gtGenerateWith(seed, pols, false, nil)
		for _, v := range lendValues(rec) {
			x, _ := rec.pol.ForLog(v)
			sv := rec.pol.Safe(v)
			for range 2 {
				want := lendShow(x) + "\n" + lendCanon(fmt.Sprint(x))
				b, err := json.Marshal(sv)
				if err != nil {
					// json names the method that failed, which ForLog's copy has not.
					b = []byte("json error: " + strings.TrimPrefix(err.Error(), "json: error calling MarshalJSON for type pii.SafeValue: "))
				}
				got := lendCanon(string(b)+"\n"+fmt.Sprintf("%+v", sv)) + "\n" + lendCanon(sv.String())
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("seed %d, %T: Safe differs from ForLog's copy (-ForLog +Safe):\n%s", seed, v, diff)
				}
			}
		}
		lendUnchanged(t, rec, pols, "Safe")
	}
}

// TestLentLinesAreSnapshotLinesConcurrently is TestLentLinesAreSnapshotLines with every
// record logged from several goroutines at once (run with -race), so that lines of one
// type borrow copies from one pool together: the lent Handler writes the lines the
// snapshot one writes, in some order.
func TestLentLinesAreSnapshotLinesConcurrently(t *testing.T) {
	pols, err := gtPolicies()
	if err != nil {
		t.Fatal(err)
	}
	var vals []any
	var recPols []*pii.Policy
	for i := range lendDiffRecords() / 10 {
		rec := gtGenerateWith(gtFirstSeed+uint64(i), pols, false, nil)
		for _, v := range lendValues(rec) {
			vals, recPols = append(vals, v), append(recPols, rec.pol)
		}
	}
	// slog's handlers write a line at a time to their writer, under a lock they share.
	var lentBuf, ownBuf bytes.Buffer
	lentNext, ownNext := slog.NewJSONHandler(&lentBuf, nil), lendOther{slog.NewJSONHandler(&ownBuf, nil)}
	ctx := context.Background()
	for _, next := range []slog.Handler{lentNext, ownNext} {
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for i, v := range vals {
					r := slog.NewRecord(time.Time{}, slog.LevelInfo, "msg", 0)
					r.AddAttrs(slog.Any("a", v), slog.Group("g", slog.Any("b", v)))
					if err := pii.NewHandler(next, recPols[i]).Handle(ctx, r); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
	}
	sorted := func(b *bytes.Buffer) []string {
		lines := strings.Split(lendCanon(b.String()), "\n")
		slices.Sort(lines)
		return lines
	}
	if diff := cmp.Diff(sorted(&ownBuf), sorted(&lentBuf)); diff != "" {
		t.Errorf("lent lines differ (-snapshot +lent):\n%s", diff)
	}
}
