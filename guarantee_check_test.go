package pii_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// The outputs of the guarantee test and their checks: every record goes through the
// Handler (over slog's JSON and text handlers and a lazy one), Safe (every fmt verb,
// JSON, LogValue), Redacted and Redact, and each output is searched for the record's
// markers.

// gtFamily says how an output writes values, and so which forms of a marker to look for.
type gtFamily uint8

const (
	gtJSON gtFamily = iota // encoding/json: []byte in base64
	gtFmt                  // fmt and slog's text handler: []byte as numbers
	gtHex                  // fmt's %x and %X
)

// A gtOut is one output of one record.
type gtOut struct {
	name   string
	text   string
	family gtFamily
	appear bool // Not PII markers must appear in it (where visible)
}

// A gtFailure is one thing one record did wrong.
type gtFailure struct {
	what   string // "leak", "missing", "changed after the call", ...
	out    string
	marker *gtMarker // nil for failures of a whole output
	found  string    // the search string found (leaks)
	detail string    // an excerpt of the output, or an error
}

// gtSafeHolder holds a SafeValue in an unexported field, which fmt prints field by field
// without calling its methods; GtSafeHolder in an exported one.
type gtSafeHolder struct {
	label string
	safe  pii.SafeValue
}

type GtSafeHolder struct {
	Label string
	Safe  pii.SafeValue
}

// gtPolicies makes the Policy of each profile in gtProfiles.
func gtPolicies() ([]*pii.Policy, error) {
	pols := make([]*pii.Policy, len(gtProfiles))
	for i, pr := range gtProfiles {
		p, err := pii.New(pii.WithProfile(pr))
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", pr, err)
		}
		pols[i] = p
	}
	return pols, nil
}

// gtRun is one record's trip through every output.
type gtRun struct {
	pols      []*pii.Policy
	knobs     *gtKnobs
	rec, twin *gtRecord
	outs      []gtOut
	fails     []gtFailure
}

// protect runs f, turning a panic into a failure of the named output.
func (run *gtRun) protect(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			run.fails = append(run.fails, gtFailure{what: "panic", out: name, detail: fmt.Sprint(r)})
		}
	}()
	f()
}

func (run *gtRun) out(name, text string, fam gtFamily, appear bool) {
	run.outs = append(run.outs, gtOut{name: name, text: text, family: fam, appear: appear})
}

// unchanged checks that the caller's value is as it was made.
func (run *gtRun) unchanged(after string) {
	if !reflect.DeepEqual(run.rec.root.Interface(), run.twin.root.Interface()) {
		d := cmp.Diff(run.twin.root.Interface(), run.rec.root.Interface(), cmp.Exporter(func(reflect.Type) bool { return true }))
		run.fails = append(run.fails, gtFailure{what: "caller's value changed", out: after, detail: gtCut(d, 600)})
		// Start again from an equal value, so that one change is reported once.
		run.twin = gtGenerateWith(run.rec.seed, run.pols, false, run.knobs)
	}
}

// gtCheck makes the record of seed and runs it through every output; knobs, when
// non-nil, override its random choices.
func gtCheck(seed uint64, pols []*pii.Policy, knobs *gtKnobs) *gtRun {
	rec := gtGenerateWith(seed, pols, true, knobs)
	twin := gtGenerateWith(seed, pols, false, knobs)
	run := &gtRun{pols: pols, knobs: knobs, rec: rec, twin: twin}
	x := rec.root.Interface()

	run.safe(x)
	run.unchanged("Safe")
	lazies := run.handlers(x)
	run.unchanged("Handler")
	redacted := run.redacted(x)
	run.unchanged("Redacted")
	run.late(lazies, redacted)
	run.redact()

	for _, o := range run.outs {
		run.search(o)
	}
	run.scanStrings()
	return run
}

// safe prints x through Safe: every fmt verb, String, inside a struct, JSON and LogValue;
// and, in the -race run, prints and logs it from two goroutines at once, which must only
// read it.
func (run *gtRun) safe(x any) {
	pol := run.rec.pol
	sv := pii.Safe(x)
	if pol != nil {
		sv = pol.Safe(x)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%p"} {
		run.protect("Safe "+verb, func() {
			fam, appear := gtFmt, verb == "%v" || verb == "%+v" || verb == "%#v" || verb == "%s"
			if verb == "%x" || verb == "%X" {
				fam = gtHex
			}
			run.out("Safe "+verb, fmt.Sprintf(verb, sv), fam, appear)
		})
	}
	run.protect("Safe.String()", func() { run.out("Safe.String()", sv.String(), gtFmt, true) })
	run.protect("Safe in an unexported field %+v", func() {
		run.out("Safe in an unexported field %+v", fmt.Sprintf("%+v", gtSafeHolder{"h", sv}), gtFmt, false)
	})
	run.protect("Safe in an exported field %+v", func() {
		run.out("Safe in an exported field %+v", fmt.Sprintf("%+v", GtSafeHolder{"h", sv}), gtFmt, true)
	})
	run.protect("json.Marshal(Safe)", func() {
		b, err := json.Marshal(sv)
		run.out("json.Marshal(Safe)", gtJSONText(b, err), gtJSON, err == nil)
	})
	run.protect("Safe LogValue", func() {
		var jb, tb bytes.Buffer
		slog.New(slog.NewJSONHandler(&jb, gtLogOpts)).Info("m", "v", sv)
		slog.New(slog.NewTextHandler(&tb, gtLogOpts)).Info("m", "v", sv)
		run.out("Safe LogValue (JSON handler)", jb.String(), gtJSON, true)
		run.out("Safe LogValue (text handler)", tb.String(), gtFmt, true)
	})
	if !gtRaceBuild {
		return
	}
	run.protect("concurrent", func() {
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				_ = fmt.Sprintf("%+v", sv)
				var b bytes.Buffer
				slog.New(pii.NewHandler(slog.NewJSONHandler(&b, gtLogOpts), pol)).Info("m", "v", x)
			})
		}
		wg.Wait()
	})
}

// A gtLazyRun is what a lazy handler kept, and what the JSON handler beside it wrote at
// the call.
type gtLazyRun struct {
	name  string
	lazy  *gtLazy
	eager *bytes.Buffer
}

// handlers logs x through a Handler over the JSON and text handlers and a lazy one, in
// three of the modes, and through a Handler that also scans strings.
func (run *gtRun) handlers(x any) []gtLazyRun {
	rec, pol := run.rec, run.rec.pol
	var lazies []gtLazyRun
	for _, mi := range gtSeedRand(rec.seed, 3).Perm(len(gtModes))[:3] {
		mode := gtModes[mi]
		var jb, tb bytes.Buffer
		lazy := &gtLazy{store: new([]gtLazyRecord)}
		box := &gtBox{v: x}
		rec.hooks = append(rec.hooks, func(g *gtGen) {
			box.v = g.lateValue(gtCtx{path: "(valuer box)", shape: []string{"valuer"}}).Interface()
		})
		h := pii.NewHandler(gtTee{slog.NewJSONHandler(&jb, gtLogOpts), slog.NewTextHandler(&tb, gtLogOpts), lazy}, pol)
		run.protect("Handler/"+mode.name, func() { mode.log(slog.New(h), x, box) })
		run.out("Handler/json/"+mode.name, jb.String(), gtJSON, true)
		run.out("Handler/text/"+mode.name, tb.String(), gtFmt, true)
		lazies = append(lazies, gtLazyRun{mode.name, lazy, &jb})
	}
	// Tagged values are hidden as before, and nothing Not PII is taken for free-text PII.
	run.protect("Handler+ScanStrings", func() {
		var jb, tb bytes.Buffer
		h := pii.NewHandler(gtTee{slog.NewJSONHandler(&jb, gtLogOpts), slog.NewTextHandler(&tb, gtLogOpts)}, pol, pii.ScanStrings())
		slog.New(h).Info("m", slog.Any("v", x))
		run.out("Handler+ScanStrings/json", jb.String(), gtJSON, true)
		run.out("Handler+ScanStrings/text", tb.String(), gtFmt, true)
	})
	return lazies
}

// redacted prints the copy Redacted makes of x, and returns it (nil after an error).
func (run *gtRun) redacted(x any) any {
	var redacted any
	run.protect("Redacted", func() {
		cp, err := pii.Redacted(run.rec.pol, x)
		if err != nil {
			if !run.rec.refused(err) {
				run.fails = append(run.fails, gtFailure{what: "error", out: "Redacted", detail: err.Error()})
			}
			return
		}
		redacted = cp
		b, jerr := json.Marshal(cp)
		run.out("json.Marshal(Redacted)", gtJSONText(b, jerr), gtJSON, jerr == nil)
		run.out("Redacted %+v", fmt.Sprintf("%+v", cp), gtFmt, true)
	})
	return redacted
}

// late changes the caller's value (the record's hooks), then writes what the lazy
// handlers kept, which must be what was written at the call, and the copy Redacted
// returned, which is the caller's to keep and must not have gained personal data.
func (run *gtRun) late(lazies []gtLazyRun, redacted any) {
	lg := run.rec.lateGen()
	for _, hook := range run.rec.hooks {
		run.protect("late change", func() { hook(lg) })
	}
	if redacted != nil && len(run.rec.hooks) > 0 {
		run.protect("Redacted after the caller's change", func() {
			b, jerr := json.Marshal(redacted)
			run.out("json.Marshal(Redacted) after the caller's change", gtJSONText(b, jerr), gtJSON, false)
		})
	}
	for _, l := range lazies {
		run.protect("Handler/lazy/"+l.name, func() {
			text := l.lazy.replay()
			run.out("Handler/lazy/"+l.name, text, gtJSON, false)
			if text != l.eager.String() {
				run.fails = append(run.fails, gtFailure{what: "changed after the call", out: "Handler/lazy/" + l.name,
					detail: "at the call: " + gtCut(l.eager.String(), 400) + "\nlater:       " + gtCut(text, 400)})
			}
		})
	}
}

// redact redacts the twin in place and prints it.
func (run *gtRun) redact() {
	run.protect("Redact", func() {
		p := reflect.New(run.twin.root.Type())
		p.Elem().Set(run.twin.root)
		var err error
		if pol := run.rec.pol; pol != nil {
			err = pol.Redact(p.Interface())
		} else {
			err = pii.Redact(p.Interface())
		}
		if err != nil {
			if !run.rec.refused(err) {
				run.fails = append(run.fails, gtFailure{what: "error", out: "Redact", detail: err.Error()})
			}
			return
		}
		v := p.Elem().Interface()
		b, jerr := json.Marshal(v)
		run.out("json.Marshal after Redact", gtJSONText(b, jerr), gtJSON, jerr == nil)
		run.out("Redact then %+v", fmt.Sprintf("%+v", v), gtFmt, true)
	})
}

func gtJSONText(b []byte, err error) string {
	if err != nil {
		return "!ERROR " + err.Error()
	}
	return string(b)
}

// gtDecodeBase64 returns, a line each, the decoded JSON strings of s that are base64 (as
// encoding/json writes a []byte).
func gtDecodeBase64(s string) string {
	var b strings.Builder
	for rest := s; ; {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+1:], '"')
		if j < 0 {
			break
		}
		if q := rest[i+1 : i+1+j]; len(q) >= 8 && len(q)%4 == 0 {
			if d, err := base64.StdEncoding.DecodeString(q); err == nil {
				b.WriteByte('\n')
				b.Write(d)
			}
		}
		rest = rest[i+1+j+1:]
	}
	return b.String()
}

// search looks for every marker of the record in o.
func (run *gtRun) search(o gtOut) {
	run.searchIn(o, run.rec.markers, run.rec.hasBytes, run.rec.refuse)
}

// searchIn looks for markers in o. b64 decodes the base64 strings of a JSON output first
// (encoding/json writes a []byte so); refuse says the value may be replaced by a
// redaction failure, so that Not PII markers need not appear.
func (run *gtRun) searchIn(o gtOut, markers []*gtMarker, b64, refuse bool) {
	hay := o.text
	if o.family == gtJSON && b64 {
		hay += gtDecodeBase64(hay)
	}
	appear := o.appear && !refuse && !run.rec.hides && !strings.Contains(hay, "!ERROR")
	if strings.Contains(hay, "!PII-REDACTION-FAILED") && !refuse && !run.rec.failedAs(hay) {
		run.fails = append(run.fails, gtFailure{what: "redaction failed", out: o.name, detail: gtCut(o.text, 400)})
		appear = false
	}
	for _, m := range markers {
		forms := [][]string{m.plain}
		if o.family != gtJSON {
			forms = append(forms, m.bytes)
		}
		if o.family == gtHex {
			forms = append(forms, m.hex)
		}
		found := ""
	search:
		for i, fs := range forms {
			for _, s := range fs {
				// Not where a pointer's address spells it, nor, in hexadecimal output,
				// where other bytes' hexadecimal digits happen to spell a number.
				if gtContains(hay, s) && (o.family != gtHex || i != 0 || gtContainsApart(hay, s)) {
					found = s
					break search
				}
			}
		}
		switch {
		case m.pii && found != "":
			run.fails = append(run.fails, gtFailure{what: "leak", out: o.name, marker: m, found: found, detail: gtAround(hay, found)})
		case m.appear && appear && found == "" && (o.family == gtJSON && m.visJSON || o.family != gtJSON && m.visFmt):
			run.fails = append(run.fails, gtFailure{what: "missing (over-redaction)", out: o.name, marker: m, detail: gtCut(o.text, 400)})
		}
	}
}
