package pii_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"

	"github.com/ef8f9424/pii"
)

// The ScanStrings part of the guarantee test (issue 11 item 6): a Handler made with
// ScanStrings hides the personal data it finds in free text wherever the text is in the
// record, not only in attribute values of kind String: the message, error values,
// []byte, named string types, *string, fmt.Stringer values, strings inside []any,
// []string, maps, groups and With attributes.

// gtText is an untagged fmt.Stringer that returns free text.
type gtText struct{ s string }

func (t gtText) String() string { return t.s }

// gtScanShapes are the places free text can sit in a log call.
// hidden names the output that cannot show the text even before redaction: the JSON
// handler writes a Stringer with no exported fields as {}, the text handler a *string as
// an address.
var gtScanShapes = []struct {
	name   string
	log    func(l *slog.Logger, text string)
	hidden string
}{
	{"message", func(l *slog.Logger, s string) { l.Info(s) }, ""},
	{"String attr", func(l *slog.Logger, s string) { l.Info("m", slog.String("k", s)) }, ""},
	{"error", func(l *slog.Logger, s string) { l.Info("m", slog.Any("err", errors.New(s))) }, ""},
	{"[]byte", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", []byte(s))) }, ""},
	{"named string type", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", GtStr(s))) }, ""},
	{"*string", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", &s)) }, "text"},
	{"fmt.Stringer", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", gtText{s})) }, "json"},
	{"[]any", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", []any{"x", s})) }, ""},
	{"[]string", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", []string{"x", s})) }, ""},
	{"map[string]string", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", map[string]string{"a": s})) }, ""},
	{"map[string]any", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", map[string]any{"a": s})) }, ""},
	{"group", func(l *slog.Logger, s string) { l.Info("m", slog.Group("g", slog.String("k", s))) }, ""},
	{"With", func(l *slog.Logger, s string) { l.With("k", s).Info("m") }, ""},
	{"WithGroup+With", func(l *slog.Logger, s string) { l.WithGroup("g").With("k", s).Info("m") }, ""},
	{"Any of a string", func(l *slog.Logger, s string) { l.Info("m", slog.Any("k", s)) }, ""},
}

// scanText makes free text holding a phone number, an email address and a card number,
// written as the scanner reads them, and a Not PII word that must stay.
func (g *gtGen) scanText() (string, []*gtMarker) {
	phone, ps := g.phone()
	for strings.HasPrefix(phone, "+1.") { // the dotted form is L8b of leaks.md, checked with redact=scan
		phone, ps = g.phone()
	}
	email, es := g.email()
	card, cs := g.card()
	keep := "np" + g.tok(10)
	text := "reach me at " + phone + " or " + email + ", card " + card + " ref " + keep
	mk := func(pii bool, kind pii.Kind, search []string, raw string) *gtMarker {
		m := &gtMarker{pii: pii, appear: !pii, kind: kind, plain: search, raw: raw,
			path: "free text", visJSON: true, visFmt: true}
		m.bytes = byteForms(search)
		return m
	}
	return text, []*gtMarker{
		mk(true, pii.KindPhone, ps, phone),
		mk(true, pii.KindEmail, es, email),
		mk(true, pii.KindCard, cs, card),
		mk(false, pii.KindNone, []string{keep}, keep),
	}
}

// scanStrings logs free text in three of the shapes through a ScanStrings Handler over
// the JSON and text handlers, and checks each output for the text's markers.
func (run *gtRun) scanStrings() {
	g := &gtGen{r: gtSeedRand(run.rec.seed, 4), rec: &gtRecord{}}
	for _, si := range g.r.Perm(len(gtScanShapes))[:3] {
		shape := gtScanShapes[si]
		text, markers := g.scanText()
		for _, m := range markers {
			m.causes, m.shape = []string{"ScanStrings: " + shape.name}, "ScanStrings>"+shape.name
		}
		var jb, tb bytes.Buffer
		h := pii.NewHandler(gtTee{slog.NewJSONHandler(&jb, gtLogOpts), slog.NewTextHandler(&tb, gtLogOpts)},
			run.rec.pol, pii.ScanStrings())
		run.protect("ScanStrings/"+shape.name, func() { shape.log(slog.New(h), text) })
		run.searchIn(gtOut{name: "ScanStrings/json/" + shape.name, text: jb.String(), family: gtJSON, appear: shape.hidden != "json"}, markers, true, false)
		run.searchIn(gtOut{name: "ScanStrings/text/" + shape.name, text: tb.String(), family: gtFmt, appear: shape.hidden != "text"}, markers, false, false)
	}
}
