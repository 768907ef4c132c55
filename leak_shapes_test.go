package pii_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
)

// shapeUser is the record every shape below carries.
func shapeUser() sendUser {
	return sendUser{ID: "u1", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
}

type leakOutput struct {
	name  string
	print func(v any) string
}

var shapeReport = pii.ReportMisplaced(func(context.Context, string, pii.Misplaced) {})

var leakOutputs = []leakOutput{
	{"ForLog %+v", func(v any) string { got, _ := pii.Default().ForLog(v); return fmt.Sprintf("%+v", got) }},
	{"ForLogScanned %+v", func(v any) string { got, _ := pii.Default().ForLogScanned(v); return fmt.Sprintf("%+v", got) }},
	{"Safe %v", func(v any) string { return fmt.Sprintf("%v", pii.Safe(v)) }},
	{"Safe %+v", func(v any) string { return fmt.Sprintf("%+v", pii.Safe(v)) }},
	{"Safe %#v", func(v any) string { return fmt.Sprintf("%#v", pii.Safe(v)) }},
	{"Safe %s", func(v any) string { return fmt.Sprintf("%s", pii.Safe(v)) }},
	{"Safe JSON", func(v any) string { b, err := json.Marshal(pii.Safe(v)); return string(b) + fmt.Sprint(err) }},
	{"Handler JSON", func(v any) string { return logThrough(v, false, nil) }},
	{"Handler text", func(v any) string { return logThrough(v, true, nil) }},
	{"Handler JSON scan", func(v any) string { return logThrough(v, false, []pii.HandlerOption{pii.ScanStrings()}) }},
	{"Handler text scan", func(v any) string { return logThrough(v, true, []pii.HandlerOption{pii.ScanStrings()}) }},
	{"Handler JSON report", func(v any) string { return logThrough(v, false, []pii.HandlerOption{shapeReport}) }},
	{"Handler text report", func(v any) string { return logThrough(v, true, []pii.HandlerOption{shapeReport}) }},
	{"Handler text ReplaceAttr (snapshot)", func(v any) string { return shapeLogSnapshot(v) }},
}

// shapeLogSnapshot logs v through a Handler over a text handler with a ReplaceAttr, which
// the Handler cannot lend copies to (formatsAtOnce): every line is a snapshot.
func shapeLogSnapshot(v any) string {
	var buf bytes.Buffer
	h := slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr { return a }})
	slog.New(pii.NewHandler(h, nil)).Info("m", "v", v)
	return buf.String()
}

type leakShape struct {
	name string
	v    any
}

// checkNoLeak sends every shape through every output and reports each raw datum seen.
func checkNoLeak(t *testing.T, shapes []leakShape) {
	t.Helper()
	for _, s := range shapes {
		for _, o := range leakOutputs {
			out := o.print(s.v)
			for _, raw := range []string{"okafor", "maria", "2671"} {
				if strings.Contains(strings.ToLower(out), raw) {
					t.Errorf("%s, %s: %q reached the output: %s", s.name, o.name, raw, strings.TrimSpace(out))
					break
				}
			}
		}
	}
}

// checkKept sends shapes that hold nothing personal through every output that prints
// with fmt (JSON does not call String) and wants want in each, nothing withheld.
func checkKept(t *testing.T, shapes []leakShape, want string) {
	t.Helper()
	for _, s := range shapes {
		for _, o := range leakOutputs {
			if strings.Contains(o.name, "JSON") {
				continue
			}
			out := o.print(s.v)
			if !strings.Contains(out, want) || strings.Contains(out, "!PII-") {
				t.Errorf("%s, %s: %q not kept: %s", s.name, o.name, want, strings.TrimSpace(out))
			}
		}
	}
}

// TestShapesTaggedHiddenInInterface: a tagged record that also keeps personal data in
// an unexported interface (eventRecord), at the top, logged with ReportMisplaced, and
// held by an interface below the top (a []any, a map[string]any, an exported any
// field): withheld wherever it is (see node.hides).
func TestShapesTaggedHiddenInInterface(t *testing.T) {
	u := shapeUser()
	ev := eventRecord{User: u, extra: u}
	checkNoLeak(t, []leakShape{
		{"top level (control)", ev},
		{"[]eventRecord (control)", []eventRecord{ev}},
		{"**eventRecord (control)", func() any { p := &ev; return &p }()},
		{"map[string]*eventRecord (control)", map[string]*eventRecord{"e": &ev}},
		{"in struct{A []any}", struct{ A []any }{[]any{ev}}},
		{"[]any", []any{ev}},
		{"[1]any", [1]any{ev}},
		{"map[string]any", map[string]any{"e": ev}},
		{"struct{A any}", struct{ A any }{ev}},
		{"*struct{A any}", &struct{ A any }{ev}},
		{"[]any of pointer", []any{&ev}},
		{"slog group", slog.GroupValue(slog.Any("e", ev))},
	})
}

// TestShapesTaggedErrorHiddenInInterface: a tagged error that prints a value it keeps
// behind an unexported field, held by an interface.
func TestShapesTaggedErrorHiddenInInterface(t *testing.T) {
	u := shapeUser()
	e := &taggedKeyError{u.Email, u}
	checkNoLeak(t, []leakShape{
		{"top level (control)", e},
		{"[]any", []any{e}},
		{"[]error", []error{e}},
		{"map[string]any", map[string]any{"e": e}},
		{"struct{E error}", struct{ E error }{e}},
		{"struct{A any}", struct{ A any }{e}},
	})
}

// TestShapesHiddenInMapKeys: a map key of interface type holding a value that keeps the
// record behind an unexported field (a Stringer, an error), which fmt prints through
// its String or Error: the map is refused.
func TestShapesHiddenInMapKeys(t *testing.T) {
	u := shapeUser()
	checkNoLeak(t, []leakShape{
		{"struct{M map[any]int}", struct{ M map[any]int }{map[any]int{lazyJSON{u}: 1}}},
		{"map[any]int, Stringer key", map[any]int{lazyJSON{u}: 1}},
		{"map[fmt.Stringer]int", map[fmt.Stringer]int{lazyJSON{u}: 1}},
		{"map[error]int, error key", map[error]int{&notFoundError{u}: 1}},
		{"map[any]int, error key", map[any]int{&notFoundError{&u}: 1}},
		{"map[struct{K any}]int", map[struct{ K any }]int{{K: lazyJSON{u}}: 1}},
		{"[]map[any]int", []map[any]int{{lazyJSON{u}: 1}}},
		{"[]any{map[any]int}", []any{map[any]int{lazyJSON{u}: 1}}},
	})
}

// shapeLazyLogValuer logs what it holds, when slog asks.
type shapeLazyLogValuer struct{ v any }

func (l shapeLazyLogValuer) LogValue() slog.Value { return slog.StringValue(fmt.Sprint(l.v)) }

// TestShapesHiddenLogValuer: an untagged LogValuer that keeps the record behind an
// unexported field and formats it in its LogValue: withheld by every output.
func TestShapesHiddenLogValuer(t *testing.T) {
	u := shapeUser()
	lv := shapeLazyLogValuer{u}
	checkNoLeak(t, []leakShape{
		{"top level", lv},
		{"pointer", &lv},
		{"in a group", slog.GroupValue(slog.Any("lv", lv))},
		{"[]any", []any{lv}},
	})
}

// Errors that keep their text in unexported fields, held by a field tagged email: in
// their own struct, in an embedded base, or in an exported struct field (see
// errorHidesText).
type shapeDirectErr struct {
	Op  string
	msg string
}

func (e shapeDirectErr) Error() string { return e.Op + ": " + e.msg }

type shapeErrBase struct {
	Op  string
	msg string
}

type shapeEmbeddedErr struct{ shapeErrBase }

func (e shapeEmbeddedErr) Error() string { return e.Op + ": " + e.msg }

type shapeEmbeddedPtrErr struct{ *shapeErrBase }

func (e shapeEmbeddedPtrErr) Error() string { return e.Op + ": " + e.msg }

type shapeErrInfo struct {
	Op   string
	note string
}

type shapeNestedErr struct{ Info shapeErrInfo }

func (e *shapeNestedErr) Error() string { return e.Info.Op + ": " + e.Info.note }

type shapeErrField struct {
	ID  string `pii:"no"`
	Err error  `pii:"email"`
}

type shapeErrsField struct {
	ID   string  `pii:"no"`
	Errs []error `pii:"email"`
}

type shapeAnyErrField struct {
	ID  string `pii:"no"`
	Err any    `pii:"email"`
}

// TestShapesTaggedErrorFieldHiddenText: an error held by a field tagged email whose
// text reads state behind unexported fields, its own, an embedded base's (by value or
// pointer) or an exported struct field's: written as its text masked.
func TestShapesTaggedErrorFieldHiddenText(t *testing.T) {
	const addr = "Maria.Okafor@example.com"
	checkNoLeak(t, []leakShape{
		{"direct unexported field (control)", shapeErrField{"r1", shapeDirectErr{"send", addr}}},
		{"embedded base", shapeErrField{"r1", shapeEmbeddedErr{shapeErrBase{"send", addr}}}},
		{"embedded base by pointer", shapeErrField{"r1", shapeEmbeddedPtrErr{&shapeErrBase{"send", addr}}}},
		{"exported struct field", shapeErrField{"r1", &shapeNestedErr{shapeErrInfo{"send", addr}}}},
		{"embedded base, []error", shapeErrsField{"r1", []error{shapeEmbeddedErr{shapeErrBase{"send", addr}}}}},
		{"embedded base, any", shapeAnyErrField{"r1", shapeEmbeddedErr{shapeErrBase{"send", addr}}}},
	})
}

// shapeValueHolder keeps a slog.Value behind an unexported field, as a record that caches
// its log value might.
type shapeValueHolder struct {
	ID string `pii:"no"`
	v  slog.Value
}

type shapeCtxKey struct{}

// TestShapesSlogValueHidden: a slog.Value keeps what it holds in an unexported
// interface. Exported, the walk redacts it; behind an unexported field, or held in an
// unexported interface, a look for hidden values reads what it holds.
func TestShapesSlogValueHidden(t *testing.T) {
	u := shapeUser()
	checkNoLeak(t, []leakShape{
		{"exported slog.Value (control)", struct{ V slog.Value }{slog.AnyValue(u)}},
		{"[]slog.Value (control)", []slog.Value{slog.AnyValue(u)}},
		{"unexported slog.Value", shapeValueHolder{"h1", slog.AnyValue(u)}},
		{"unexported slog.Value, pointer", &shapeValueHolder{"h1", slog.AnyValue(&u)}},
		{"unexported []slog.Value", struct{ vs []slog.Value }{[]slog.Value{slog.AnyValue(u)}}},
		{"unexported slog.Attr", struct{ a slog.Attr }{slog.Any("u", u)}},
		{"slog.Value in an error's key", &notFoundError{slog.AnyValue(u)}},
		{"slog.Value in a struct's hidden any", struct{ key any }{slog.AnyValue(u)}},
		{"group Value in an error's key", &notFoundError{slog.GroupValue(slog.Any("u", u))}},
		{"context value (control)", context.WithValue(context.Background(), shapeCtxKey{}, u)},
		{"slog.Value as a context value", context.WithValue(context.Background(), shapeCtxKey{}, slog.AnyValue(u))},
		{"slog.Record", func() any {
			r := slog.NewRecord(time.Time{}, slog.LevelInfo, "m", 0)
			r.AddAttrs(slog.Any("u", u))
			return r
		}()},
		{"struct{A slog.Attr} holding a hidden LogValuer", struct{ A slog.Attr }{slog.Any("lv", shapeLazyLogValuer{u})}},
	})
}

// TestShapesReflectValue: a reflect.Value, which fmt prints as what it holds (nested,
// through its String method), in a slice, array, map or struct field: refused.
func TestShapesReflectValue(t *testing.T) {
	u := shapeUser()
	name := reflect.ValueOf(u).FieldByName("Name")
	checkNoLeak(t, []leakShape{
		{"reflect.Value (control)", name},
		{"[]any{reflect.Value} (control)", []any{name}},
		{"[]reflect.Value", []reflect.Value{name}},
		{"[1]reflect.Value", [1]reflect.Value{name}},
		{"map[string]reflect.Value", map[string]reflect.Value{"n": name}},
		{"struct{V reflect.Value}", struct{ V reflect.Value }{name}},
		{"**reflect.Value", func() any { p := &name; return &p }()},
	})
}

// Maps under an email tag keyed by addresses: string keys, and strings in interface
// keys, are scanned as free text (node.keyText); keys of other shapes that hold one are
// refused (node.keyHolds).
type shapeSeenString struct {
	Seen map[string]string `pii:"email"`
}

type shapeSeenAny struct {
	Seen map[any]string `pii:"email"`
}

type shapeSeenArray struct {
	Seen map[[1]string]string `pii:"email"`
}

type shapeAddrKey struct{ S string }

type shapeSeenStruct struct {
	Seen map[shapeAddrKey]string `pii:"email"`
}

// TestShapesTaggedMapKeys: maps under a PII tag keyed by strings, interfaces, arrays and
// structs holding an address: scanned or refused, never shown.
func TestShapesTaggedMapKeys(t *testing.T) {
	const addr = "Maria.Okafor@example.com"
	checkNoLeak(t, []leakShape{
		{"map[string]string (control)", shapeSeenString{map[string]string{addr: "home"}}},
		{"map[any]string", shapeSeenAny{map[any]string{addr: "home"}}},
		{"map[[1]string]string", shapeSeenArray{map[[1]string]string{{addr}: "home"}}},
		{"map[struct{S string}]string", shapeSeenStruct{map[shapeAddrKey]string{{addr}: "home"}}},
	})
}

// TestShapesPlainKept: the same shapes holding nothing personal are passed on.
func TestShapesPlainKept(t *testing.T) {
	plain := lazyJSON{map[string]int{"n": 41}}
	checkKept(t, []leakShape{
		{"Stringer", plain},
		{"[]any{Stringer}", []any{plain}},
		{"struct{A any}", struct{ A any }{plain}},
		{"map[any]int key", map[any]int{lazyJSON{41}: 1}},
		{"map[struct{K any}]int key", map[struct{ K any }]int{{K: lazyJSON{41}}: 1}},
		{"tagged record, plain hidden value, in []any", []any{eventRecord{User: sendUser{ID: "u1"}, extra: plain}}},
		{"tagged record, plain hidden value, in map[string]any", map[string]any{"e": eventRecord{User: sendUser{ID: "u1"}, extra: plain}}},
		{"unexported slog.Value", shapeValueHolder{"h1", slog.AnyValue(plain)}},
		{"LogValuer of a plain value", shapeLazyLogValuer{map[string]int{"n": 41}}},
		{"error key", map[error]int{causeHolder{state: struct{ detail any }{41}}: 1}},
	}, "41")
}

// Fields tagged email whose static type is the error type itself (not the error
// interface): no error of the package's can stand in for one, so a redaction empties
// it when its text reads state no walk reaches (see stepErrorText).
type shapeConcreteErrField struct {
	ID  string         `pii:"no"`
	Err shapeDirectErr `pii:"email"`
}

type shapeConcretePtrErrField struct {
	ID  string          `pii:"no"`
	Err *shapeDirectErr `pii:"email"`
}

type shapeConcreteErrsField struct {
	ID   string           `pii:"no"`
	Errs []shapeDirectErr `pii:"email"`
}

// TestShapesTaggedConcreteErrorField: an error of a concrete type (a value, a pointer, a
// slice of them) under a PII tag whose text reads state no walk reaches: emptied.
func TestShapesTaggedConcreteErrorField(t *testing.T) {
	const addr = "Maria.Okafor@example.com"
	checkNoLeak(t, []leakShape{
		{"error interface (control)", shapeErrField{"r1", shapeDirectErr{"send", addr}}},
		{"concrete error", shapeConcreteErrField{"r1", shapeDirectErr{"send", addr}}},
		{"pointer to concrete error", shapeConcretePtrErrField{"r1", &shapeDirectErr{"send", addr}}},
		{"slice of concrete errors", shapeConcreteErrsField{"r1", []shapeDirectErr{{"send", addr}}}},
	})
}

// TestShapesQuietErrorGoSyntax: an error that keeps a record behind an unexported field
// but whose Error does not print it keeps its text (as documented), and is passed on
// as its text, so that fmt's %#v, which prints fields, not Error, shows none of it.
func TestShapesQuietErrorGoSyntax(t *testing.T) {
	u := shapeUser()
	q := &quietError{"batch import failed", u}
	checkNoLeak(t, []leakShape{
		{"quietError", q},
		{"[]any{quietError}", []any{q}},
		{"struct{E error}", struct{ E error }{q}},
		{"wrapped with %w", fmt.Errorf("import: %w", q)},
	})
}

// Generic instantiations of the shapes above.
type shapeBox[T any] struct {
	V    T
	note T
}

type shapeList[T any] []T

type shapeByKey[K comparable, V any] map[K]V

// TestShapesGeneric: generic instantiations around hidden and tagged values.
func TestShapesGeneric(t *testing.T) {
	u := shapeUser()
	ev := eventRecord{User: u, extra: u}
	checkNoLeak(t, []leakShape{
		{"shapeBox[any] hidden note", shapeBox[any]{V: 1, note: u}},
		{"shapeBox[sendUser]", shapeBox[sendUser]{V: u, note: u}},
		{"shapeList[lazyJSON]", shapeList[lazyJSON]{{u}}},
		{"shapeList[any]{eventRecord}", shapeList[any]{ev}},
		{"shapeByKey[any,int] hidden key", shapeByKey[any, int]{lazyJSON{u}: 1}},
		{"shapeByKey[string,eventRecord]", shapeByKey[string, eventRecord]{"e": ev}},
		{"shapeBox[*notFoundError]", shapeBox[*notFoundError]{V: &notFoundError{u}}},
	})
}

// shapeNote prints the text it keeps.
type shapeNote struct{ s string }

func (n shapeNote) String() string { return n.s }

// shapeFault prints the text it keeps, through a pointer.
type shapeFault struct{ s string }

func (f *shapeFault) Error() string { return f.s }

// TestShapesScanStringsPrinted logs, with ScanStrings, untagged values that print
// themselves (String, Error) from text they keep in unexported fields, in slices,
// arrays, maps and struct fields: what fmt prints of them is scanned as it is at the
// top, and a value whose text shows a phone number or an address is emptied. The same
// values printing plain text are kept.
func TestShapesScanStringsPrinted(t *testing.T) {
	const text = "call Maria on +1 415 555 2671 or Maria.Okafor@example.com"
	note, fault := shapeNote{text}, &shapeFault{text}
	shapes := []any{
		[]shapeNote{note},
		[1]shapeNote{note},
		map[string]shapeNote{"n": note},
		struct{ S shapeNote }{note},
		[]*shapeFault{fault},
		struct{ E *shapeFault }{fault},
		map[string][]*shapeFault{"f": {fault}},
	}
	scan := []pii.HandlerOption{pii.ScanStrings()}
	for _, v := range shapes {
		for _, out := range []string{logThrough(v, true, scan), logThrough(v, false, scan), func() string {
			got, _ := pii.Default().ForLogScanned(v)
			return fmt.Sprintf("%+v", got)
		}()} {
			if strings.Contains(out, "2671") || strings.Contains(out, "Okafor@") {
				t.Errorf("%T: the text reached the output: %s", v, out)
			}
		}
		if out := logThrough(v, true, nil); !strings.Contains(out, "2671") {
			t.Errorf("%T: without ScanStrings, the line changed: %s", v, out)
		}
	}
	for _, v := range []any{[]shapeNote{{"all good"}}, struct{ E *shapeFault }{&shapeFault{"timeout"}}} {
		if out := logThrough(v, true, scan); !strings.Contains(out, "all good") && !strings.Contains(out, "timeout") {
			t.Errorf("%T: plain text not kept: %s", v, out)
		}
	}
	if note.s != text || fault.s != text {
		t.Errorf("the caller's values changed")
	}
}

// shapePair prints its exported fields: a walk reaches them.
type shapePair struct{ Label, Number string }

func (p shapePair) String() string { return p.Label + "=" + p.Number }

// TestShapesScanStringsExported logs, with ScanStrings, a Stringer whose text is made
// of exported fields: they are scanned where they are (the number masked, the label
// kept), not the value emptied for its text.
func TestShapesScanStringsExported(t *testing.T) {
	v := []shapePair{{"mobile", "+1 415 555 2671"}}
	for _, text := range []bool{true, false} {
		line := logThrough(v, text, []pii.HandlerOption{pii.ScanStrings()})
		if strings.Contains(line, "2671") || !strings.Contains(line, "mobile") {
			t.Errorf("text %v: line = %s, want the label kept and the number hidden", text, line)
		}
	}
}

// TestShapesScanStringsURL logs, with ScanStrings, URLs in a struct: the strings the
// walk reaches are scanned where they are (the query's number masked) and the URL kept,
// its user's name scanned on its own (url.Userinfo prints itself from unexported
// fields).
func TestShapesScanStringsURL(t *testing.T) {
	u, err := url.Parse("https://maria.okafor%40example.com@api.example.com/v1/users?phone=%2B14155552671")
	if err != nil {
		t.Fatal(err)
	}
	v := struct {
		U url.URL
		P *url.URL
	}{*u, u}
	for _, text := range []bool{true, false} {
		line := logThrough(v, text, []pii.HandlerOption{pii.ScanStrings()})
		if strings.Contains(line, "2671") || strings.Contains(strings.ToLower(line), "okafor") {
			t.Errorf("text %v: the line shows the data: %s", text, line)
		}
		if !strings.Contains(line, "api.example.com") {
			t.Errorf("text %v: the URL is gone: %s", text, line)
		}
	}
}

// shapeContact prints the number it keeps in an unexported field.
type shapeContact struct{ number string }

func (c shapeContact) String() string { return "call " + c.number }

// shapeTicket prints its contact and its note, both exported fields.
type shapeTicket struct {
	Contact shapeContact
	Note    string
}

func (t shapeTicket) String() string { return t.Contact.String() + ": " + t.Note }

// TestShapesScanStringsNested logs, with ScanStrings, a Stringer of exported fields one
// of which prints itself from hidden state: that field is looked at on its own (its
// number hidden), the rest scanned where it is (the note kept), not the whole value
// emptied for its text.
func TestShapesScanStringsNested(t *testing.T) {
	v := []shapeTicket{{shapeContact{"+1 415 555 2671"}, "ticket 42"}}
	for _, text := range []bool{true, false} {
		line := logThrough(v, text, []pii.HandlerOption{pii.ScanStrings()})
		if strings.Contains(line, "2671") || !strings.Contains(line, "ticket 42") {
			t.Errorf("text %v: line = %s, want the note kept and the number hidden", text, line)
		}
	}
}
