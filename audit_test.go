package pii_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Callback is a record whose Not PII fields people fill with personal data anyway.
type Callback struct {
	SID          string            `pii:"no"`
	FriendlyName string            `pii:"no"`
	URL          string            `pii:"no"`
	Caller       string            `pii:"phone"`
	Notes        []string          `pii:"no"`
	Meta         map[string]string `pii:"no"`
	Extra        any               `pii:"no"`
	Inner        *CallbackInner
	Raw          []byte `pii:"no"`
	Untagged     string
}

type CallbackInner struct {
	Reference string `pii:"no"`
}

func misplacedCallback() Callback {
	return Callback{
		SID:          "CA0123456789abcdef",
		FriendlyName: "Mum's phone +14155552671",
		URL:          "https://example.com/status?email=jane.doe@example.com",
		Caller:       "+14155552671",
		Notes:        []string{"fine", "card 4111 1111 1111 1111 on file"},
		Meta:         map[string]string{"k": "ok", "ip": "from 203.0.113.9"},
		Extra:        struct{ Who string }{"call +442079460958"},
		Inner:        &CallbackInner{Reference: "ssn 123-45-6789"},
		Raw:          []byte{0xff, 0xfe, 0x00},
		Untagged:     "nothing here",
	}
}

func TestAudit(t *testing.T) {
	p, err := pii.New(pii.WithRegion("US"))
	if err != nil {
		t.Fatal(err)
	}
	v := misplacedCallback()
	found, err := p.Audit(&v)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range found {
		got = append(got, m.String())
	}
	want := []string{
		"FriendlyName (Not PII): phone",
		"URL (Not PII): email",
		"Notes[] (Not PII): card",
		"Meta[] (Not PII): ip",
		"Extra.Who (Not PII): phone",
		"Inner.Reference (Not PII): govid",
		"Raw (Not PII): not fully scanned",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Audit (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(misplacedCallback(), v); diff != "" {
		t.Errorf("Audit changed the value (-want +got):\n%s", diff)
	}

	err = p.CheckNoPII(v)
	var me *pii.MisplacedError
	if !errors.As(err, &me) || len(me.Misplaced) != len(want)-1 {
		t.Fatalf("CheckNoPII = %v, want a *MisplacedError with %d fields (binary Raw proves nothing)", err, len(want)-1)
	}
	for _, secret := range []string{"2671", "jane.doe", "1111 1111", "203.0.113", "6789", "Mum"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("CheckNoPII's error holds a value (%q): %v", secret, err)
		}
	}
	if err := p.CheckNoPII(Callback{SID: "CA1", FriendlyName: "front desk"}); err != nil {
		t.Errorf("CheckNoPII of a clean record = %v", err)
	}
}

func TestAuditBudget(t *testing.T) {
	huge := strings.Repeat("lorem ipsum ", 6000) + " call +14155552671"
	found, err := pii.Audit(Callback{FriendlyName: huge})
	if err != nil {
		t.Fatal(err)
	}
	want := []pii.Misplaced{{Path: "FriendlyName", Field: "pii_test.Callback.FriendlyName", Class: pii.NotPII, Partial: true}}
	if diff := cmp.Diff(want, found); diff != "" {
		t.Errorf("Audit of a value past the budget (-want +got):\n%s", diff)
	}
}

func TestHandlerMisplaced(t *testing.T) {
	type report struct {
		Msg string
		pii.Misplaced
	}
	var reports []report
	hook := func(_ context.Context, msg string, m pii.Misplaced) { reports = append(reports, report{msg, m}) }
	huge := strings.Repeat("x", 70<<10)
	for _, redact := range []bool{false, true} {
		reports = nil
		var buf bytes.Buffer
		opts := []pii.HandlerOption{pii.ReportMisplaced(hook)}
		if redact {
			opts = append(opts, pii.RedactMisplaced())
		}
		logger := slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil, opts...))
		v := misplacedCallback()
		v.Untagged = huge
		logger.Info("callback", slog.Group("req", "cb", v))
		var got []string
		for _, r := range reports {
			got = append(got, r.Msg+": "+r.Misplaced.String())
		}
		want := []string{
			"callback: req.cb.FriendlyName (Not PII): phone",
			"callback: req.cb.URL (Not PII): email",
			"callback: req.cb.Notes[] (Not PII): card",
			"callback: req.cb.Meta[] (Not PII): ip",
			"callback: req.cb.Extra.Who (Not PII): phone",
			"callback: req.cb.Inner.Reference (Not PII): govid",
			"callback: req.cb.Raw (Not PII): not fully scanned",
			"callback: req.cb.Untagged (Untagged): not fully scanned",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("redact=%v: reports (-want +got):\n%s", redact, diff)
		}
		line := withoutTime(buf.String())
		leaked := strings.Contains(line, "52671") || strings.Contains(line, "jane.doe") || strings.Contains(line, huge)
		if redact && leaked {
			t.Errorf("RedactMisplaced left personal data in the line: %s", line)
		}
		if !redact && !leaked {
			t.Errorf("without RedactMisplaced, Not PII fields must be logged as they are: %s", line)
		}
		if !strings.Contains(line, "CA0123456789abcdef") {
			t.Errorf("the SID is gone: %s", line)
		}
	}
}

func TestInventorySamples(t *testing.T) {
	inv, err := pii.NewInventory(Callback{}, misplacedCallback())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string][]pii.Kind{}
	for _, f := range inv.Fields {
		if len(f.SeenPII) > 0 {
			seen[f.Path] = f.SeenPII
		}
	}
	want := map[string][]pii.Kind{
		"FriendlyName": {pii.KindPhone}, "URL": {pii.KindEmail}, "Notes[]": {pii.KindCard},
		"Meta[]": {pii.KindIP}, "Inner.Reference": {pii.KindGovID}, "Extra.Who": {pii.KindPhone},
	}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("SeenPII (-want +got):\n%s", diff)
	}
	var md bytes.Buffer
	if err := inv.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| FriendlyName | `string` | Not PII **but holds phone in samples** |") {
		t.Errorf("the Markdown does not mark the field:\n%s", md.String())
	}
}

func ExampleCheckNoPII() {
	type Callback struct {
		SID          string `pii:"no"`
		FriendlyName string `pii:"no"`
		Caller       string `pii:"phone"`
	}
	// In a service's own test, over its sample records:
	err := pii.CheckNoPII(Callback{SID: "CA1", FriendlyName: "Mum +1 415 555 2671", Caller: "+14155552671"})
	fmt.Println(err)
	// Output: pii: pii_test.Callback holds personal data in 1 field(s) marked not PII or untagged: FriendlyName (Not PII): phone
}

func BenchmarkLogLineAudit(b *testing.B) {
	for _, mode := range []string{"plain", "report", "redact"} {
		var opts []pii.HandlerOption
		switch mode {
		case "report":
			opts = append(opts, pii.ReportMisplaced(func(context.Context, string, pii.Misplaced) {}))
		case "redact":
			opts = append(opts, pii.ReportMisplaced(func(context.Context, string, pii.Misplaced) {}), pii.RedactMisplaced())
		}
		logger := slog.New(pii.NewHandler(slog.NewJSONHandler(io.Discard, nil), nil, opts...))
		v := misplacedCallback()
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				logger.Info("callback", "cb", v)
			}
		})
	}
}

// TestAuditNamesAndBudgets: a record's own name in a Not PII field is found; binary data
// does not fail CheckNoPII; a cut falls on a character boundary; one call has a budget.
func TestAuditNamesAndBudgets(t *testing.T) {
	type Rec struct {
		Name     string `pii:"name"`
		Callback string `pii:"no"`
		Digest   []byte `pii:"no"`
		Long     string `pii:"no"`
	}
	found, err := pii.Audit(Rec{Name: "Jane Doe", Callback: "https://x.example/cb?who=Jane Doe"})
	if err != nil || len(found) != 1 || found[0].Kind != pii.KindName {
		t.Errorf("the record's own name in a callback URL: %v, %v", found, err)
	}
	if err := pii.CheckNoPII(Rec{Digest: []byte{0xff, 0xfe, 0x00, 0x12}}); err != nil {
		t.Errorf("binary data failed CheckNoPII: %v", err)
	}
	long := "call +1 415 555 2671 " + strings.Repeat("é", 40<<10)
	found, err = pii.Audit(Rec{Long: long})
	if err != nil || len(found) != 1 || found[0].Kind != pii.KindPhone || !found[0].Partial {
		t.Errorf("a long value cut inside a character: %v, %v", found, err)
	}
	many := make([]Rec, 40)
	for i := range many {
		many[i].Long = strings.Repeat("lorem ipsum ", 5000)
	}
	many[39].Long += " call +1 415 555 2671"
	found, err = pii.Audit(many)
	if err != nil || len(found) == 0 || found[len(found)-1].Kind != pii.KindNone || !found[len(found)-1].Partial {
		t.Errorf("past the budget of a call: %v, %v", found, err)
	}
}
