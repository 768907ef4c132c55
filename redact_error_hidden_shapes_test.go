package pii_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
)

// hiddenPart holds, in exported fields, values that keep a record behind unexported
// fields: an error's key, a Stringer's value.
type hiddenPart struct {
	Err  *notFoundError
	Meta lazyJSON
}

// hiddenOrder is a tagged record with such parts, by pointer, in a slice and in a map.
type hiddenOrder struct {
	ID    string                `pii:"no"`
	Part  *hiddenPart           `pii:"no"`
	Parts []hiddenPart          `pii:"no"`
	ByKey map[string]hiddenPart `pii:"no"`
}

// valueCache keeps the slog.Value it logs behind an unexported field.
type valueCache struct {
	ID string `pii:"no"`
	v  slog.Value
}

// cacheKey is a context's key.
type cacheKey struct{}

// lazyLogValuer logs what it holds, when slog asks.
type lazyLogValuer struct{ v any }

func (l lazyLogValuer) LogValue() slog.Value { return slog.StringValue(fmt.Sprint(l.v)) }

// hiddenParts is a named slice of parts.
type hiddenParts []hiddenPart

// TestHiddenValuesInContainers logs values of every shape that lead, through pointers,
// slices, arrays, maps, map keys and interfaces, to a record kept behind an unexported
// field, tagged records that keep one among them, and holds every output to showing
// none of its data: what holds it is withheld (a map keyed by it is refused), whatever
// the container around it, with or without an audit.
func TestHiddenValuesInContainers(t *testing.T) {
	u := sendUser{ID: "u1", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
	meta := hiddenPart{Meta: lazyJSON{u}}
	errPart := hiddenPart{Err: &notFoundError{&u}}
	pp := &meta
	shapes := []struct {
		name string
		v    any
	}{
		{"a slice", []hiddenPart{meta}},
		{"an array", [2]hiddenPart{{}, errPart}},
		{"a map's values", map[string]hiddenPart{"a": meta}},
		{"a map's pointer values", map[string]*hiddenPart{"a": &errPart}},
		{"a pointer to a pointer", &pp},
		{"a pointer to a slice", &[]hiddenPart{meta}},
		{"a named slice", hiddenParts{errPart}},
		{"a slice of pointers", []*hiddenPart{nil, &meta}},
		{"a slice of slices", [][]hiddenPart{{meta}}},
		{"a map of slices", map[string][]hiddenPart{"a": {errPart}}},
		{"a slice of Stringers", []lazyJSON{{u}}},
		{"a map of Stringers", map[string]lazyJSON{"a": {u}}},
		{"a slice of errors", []*notFoundError{{u}}},
		{"interfaces", []any{1, meta}},
		{"a tagged record's pointer", hiddenOrder{ID: "o1", Part: &errPart}},
		{"a tagged record's slice", hiddenOrder{ID: "o1", Parts: []hiddenPart{meta}}},
		{"a tagged record's map", hiddenOrder{ID: "o1", ByKey: map[string]hiddenPart{"a": errPart}}},
		{"tagged records in a slice", []hiddenOrder{{ID: "o1", Part: &meta}}},
		{"a tagged record in an interface", map[string]any{"order": hiddenOrder{ID: "o1", Parts: []hiddenPart{errPart}}}},
		{"a tagged record in a struct's interface", struct{ A, B any }{1, &hiddenOrder{ID: "o1", Part: &meta}}},
		{"a tagged record's own hidden value", eventRecord{User: u, extra: u}},
		{"a tagged record's own hidden value, in interfaces", []any{eventRecord{User: u, extra: u}}},
		{"a tagged record's own hidden value, in a map of interfaces", map[string]any{"e": &eventRecord{User: u, extra: lazyJSON{u}}}},
		{"a tagged record's own hidden value, behind a struct's interface", struct{ A []any }{[]any{eventRecord{User: u, extra: u}}}},
		{"map keys that are Stringers", map[any]int{lazyJSON{u}: 1}},
		{"map keys that are errors", map[error]int{&notFoundError{u}: 1}},
		{"map keys of a type that keeps it", map[lazyJSON]int{{u}: 1}},
		{"map keys in interfaces", []any{map[fmt.Stringer]int{lazyJSON{u}: 1}}},
		{"a LogValuer", lazyLogValuer{u}},
		{"a LogValuer by pointer", &lazyLogValuer{&u}},
		{"a LogValuer in a group", slog.GroupValue(slog.Any("lv", lazyLogValuer{u}))},
		{"a LogValuer in interfaces", []any{lazyLogValuer{u}}},
		{"a slog.Value behind an unexported field", valueCache{ID: "c1", v: slog.AnyValue(u)}},
		{"a slog.Value behind one, by pointer", &valueCache{ID: "c1", v: slog.AnyValue(&u)}},
		{"a group behind one", valueCache{ID: "c1", v: slog.GroupValue(slog.Any("u", u))}},
		{"slog.Values behind one", struct{ vs []slog.Value }{[]slog.Value{slog.AnyValue(u)}}},
		{"a slog.Attr behind one", struct{ a slog.Attr }{slog.Any("u", u)}},
		{"a slog.Value as an error's key", &notFoundError{slog.AnyValue(u)}},
		{"a slog.Value as a context's value", context.WithValue(context.Background(), cacheKey{}, slog.AnyValue(u))},
		{"a slog.Record", func() slog.Record {
			r := slog.NewRecord(time.Time{}, slog.LevelInfo, "m", 0)
			r.AddAttrs(slog.Any("u", u))
			return r
		}()},
		{"an exported slog.Value", struct{ V slog.Value }{slog.AnyValue(u)}},
	}
	outputs := []struct {
		name  string
		print func(v any) string
	}{
		{"ForLog", func(v any) string { got, _ := pii.Default().ForLog(v); return fmt.Sprintf("%+v", got) }},
		{"Safe %v", func(v any) string { return fmt.Sprintf("%v", pii.Safe(v)) }},
		{"Safe %+v", func(v any) string { return fmt.Sprintf("%+v", pii.Safe(v)) }},
		{"Safe %#v", func(v any) string { return fmt.Sprintf("%#v", pii.Safe(v)) }},
		{"Safe as JSON", func(v any) string { b, err := json.Marshal(pii.Safe(v)); return string(b) + fmt.Sprint(err) }},
		{"Handler, JSON", func(v any) string { return logThrough(v, false, nil) }},
		{"Handler, text", func(v any) string { return logThrough(v, true, nil) }},
		{"Handler, text, ScanStrings", func(v any) string { return logThrough(v, true, []pii.HandlerOption{pii.ScanStrings()}) }},
		{"Handler, text, ReportMisplaced", func(v any) string {
			return logThrough(v, true, []pii.HandlerOption{pii.ReportMisplaced(func(context.Context, string, pii.Misplaced) {})})
		}},
		{"Handler, JSON, RedactMisplaced", func(v any) string { return logThrough(v, false, []pii.HandlerOption{pii.RedactMisplaced()}) }},
	}
	for _, s := range shapes {
		for _, o := range outputs {
			out := o.print(s.v)
			for _, raw := range []string{"okafor", "2671", "maria"} {
				if strings.Contains(strings.ToLower(out), raw) {
					t.Errorf("%s, %s: %q reached the output: %s", s.name, o.name, raw, out)
				}
			}
		}
	}
}

// logThrough logs v through a Handler over slog's text or JSON handler, with opts, and
// returns the line without its time (see withoutTime).
func logThrough(v any, text bool, opts []pii.HandlerOption) string {
	var buf bytes.Buffer
	var h slog.Handler = slog.NewJSONHandler(&buf, nil)
	if text {
		h = slog.NewTextHandler(&buf, nil)
	}
	slog.New(pii.NewHandler(h, nil, opts...)).Info("m", "v", v)
	return withoutTime(buf.String())
}

// linkedPart is a list whose links and values are exported: a walk reaches all of it.
type linkedPart struct {
	Next  *linkedPart
	Value any
}

// TestHiddenValuesInLongLists logs long lists whose links and values are exported: one
// of plain values is passed on as it is (nothing of it is behind an unexported field,
// however long), and in one with a value that keeps a record behind its unexported
// fields, that value is withheld where it stands.
func TestHiddenValuesInLongLists(t *testing.T) {
	u := sendUser{ID: "u1", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
	list := func(n int, at int, v any) *linkedPart {
		var l *linkedPart
		for i := range n {
			l = &linkedPart{Next: l, Value: i}
			if i == at {
				l.Value = v
			}
		}
		return l
	}
	for _, n := range []int{10, 20_000} {
		plain := list(n, -1, nil)
		got, _ := pii.Default().ForLog(plain)
		if s := fmt.Sprint(got); strings.Contains(s, "PII-REDACTED") {
			t.Errorf("%d plain values: ForLog = %s, want the list", n, s)
		}
		if l := logThrough(plain, true, nil); strings.Contains(l, "PII-REDACTED") {
			t.Errorf("%d plain values: the line withholds the list: %s", n, l)
		}
		got, _ = pii.Default().ForLog(list(n, 3, hiddenPart{Meta: lazyJSON{u}}))
		l, ok := got.(*linkedPart)
		for i := n - 1; ok && l != nil && i > 3; i-- {
			l = l.Next
		}
		if !ok || l == nil {
			t.Fatalf("%d values: ForLog = %T, want the list", n, got)
		}
		if s := fmt.Sprint(l.Value); !strings.Contains(s, "PII-REDACTED") || strings.Contains(s, "Okafor") {
			t.Errorf("%d values: the one holding a record is %s, want it withheld", n, s)
		}
	}
}

// TestHiddenLogValuerKept logs a LogValuer that keeps a plain value behind its
// unexported field: its LogValue runs, as slog runs it.
func TestHiddenLogValuerKept(t *testing.T) {
	for _, text := range []bool{false, true} {
		if l := logThrough(lazyLogValuer{[]any{"order", 42}}, text, nil); !strings.Contains(l, "[order 42]") {
			t.Errorf("text %v: line = %s, want the LogValue", text, l)
		}
	}
}
