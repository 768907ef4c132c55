package piivet_test

import (
	"database/sql"
	"fmt"
	"go/importer"
	"go/token"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ef8f9424/pii"
)

// goTypes are field types the agreement fuzz puts a tag on, with their reflect types.
var goTypes = []struct {
	src string
	typ reflect.Type
}{
	{"string", reflect.TypeFor[string]()},
	{"[]byte", reflect.TypeFor[[]byte]()},
	{"int64", reflect.TypeFor[int64]()},
	{"uint8", reflect.TypeFor[uint8]()},
	{"float64", reflect.TypeFor[float64]()},
	{"bool", reflect.TypeFor[bool]()},
	{"chan int", reflect.TypeFor[chan int]()},
	{"[]string", reflect.TypeFor[[]string]()},
	{"map[string]float32", reflect.TypeFor[map[string]float32]()},
	{"any", reflect.TypeFor[any]()},
	{"time.Time", reflect.TypeFor[time.Time]()},
	{"*time.Time", reflect.TypeFor[*time.Time]()},
	{"time.Duration", reflect.TypeFor[time.Duration]()},
	{"netip.Addr", reflect.TypeFor[netip.Addr]()},
	{"net.IP", reflect.TypeFor[net.IP]()},
	{"sql.NullString", reflect.TypeFor[sql.NullString]()},
	{"sql.NullInt64", reflect.TypeFor[sql.NullInt64]()},
	{"sql.NullTime", reflect.TypeFor[sql.NullTime]()},
	{"*string", reflect.TypeFor[*string]()},
	{"[4]byte", reflect.TypeFor[[4]byte]()},
	{"[]rune", reflect.TypeFor[[]rune]()},
	{"map[int]string", reflect.TypeFor[map[int]string]()},
	{"struct{ X string }", reflect.TypeFor[struct{ X string }]()},
	{"struct{ x string }", reflect.TypeFor[struct{ x string }]()},
	{"struct{ X int; Y bool }", reflect.TypeFor[struct {
		X int
		Y bool
	}]()},
	{"complex64", reflect.TypeFor[complex64]()},
	{"uintptr", reflect.TypeFor[uintptr]()},
	{"error", reflect.TypeFor[error]()},
	{"func()", reflect.TypeFor[func()]()},
	{"slog.Value", reflect.TypeFor[slog.Value]()},
	{"sql.Null[time.Time]", reflect.TypeFor[sql.Null[time.Time]]()},
	{"uint16", reflect.TypeFor[uint16]()},
	{"url.URL", reflect.TypeFor[url.URL]()},
	{"*url.URL", reflect.TypeFor[*url.URL]()},
	{"[]*url.URL", reflect.TypeFor[[]*url.URL]()},
	{"map[string]*url.URL", reflect.TypeFor[map[string]*url.URL]()},
	{"url.Userinfo", reflect.TypeFor[url.Userinfo]()},
	{"netip.Prefix", reflect.TypeFor[netip.Prefix]()},
	{"*netip.Prefix", reflect.TypeFor[*netip.Prefix]()},
	{"netip.AddrPort", reflect.TypeFor[netip.AddrPort]()},
	{"[]netip.AddrPort", reflect.TypeFor[[]netip.AddrPort]()},
}

// agreeHeader opens a source file of package p that can name every type of goTypes.
const agreeHeader = "package p\n\nimport (\n\t\"database/sql\"\n\t\"log/slog\"\n\t\"net\"\n\t\"net/netip\"\n\t\"net/url\"\n\t\"time\"\n)\n\n" +
	"var _ = sql.NullString{}\nvar _ net.IP\nvar _ netip.Addr\nvar _ url.URL\nvar _ time.Time\nvar _ slog.Value\n\n"

// agreeImports resolves the packages goTypes name, once for the whole fuzz.
var (
	agreeFset    = token.NewFileSet()
	agreeImports = importer.ForCompiler(agreeFset, "source", nil)
)

// FuzzAgreesWithLibrary checks that piivet refuses a tag on a field exactly when the
// library refuses it at run time, for any tag text and several Go types: one grammar,
// one set of rules.
func FuzzAgreesWithLibrary(f *testing.F) {
	for _, s := range []string{"phone", "no", "true", "no,created", "phone,mtl=30,ttl=10", "geo", "ip",
		"secret,redact=last4", "health,handling=sensitive", "body,redact=scan", "name,anon=seal", " email ,mtl=007",
		"phnoe", "", "dob,created", "card,mtl=36526"} {
		for i := range goTypes {
			f.Add(s, uint8(i))
		}
	}

	f.Fuzz(func(t *testing.T, tag string, which uint8) {
		gt := goTypes[int(which)%len(goTypes)]
		quoted := strconv.Quote(tag)
		if strings.ContainsAny(quoted, "`") {
			return // cannot be written in a raw string tag
		}
		sf := reflect.StructField{Name: "A", Type: gt.typ, Tag: reflect.StructTag("pii:" + quoted)}
		_, runErr := pii.Classify(reflect.StructOf([]reflect.StructField{sf}))
		src := fmt.Sprintf(agreeHeader+
			"type T struct {\n\tA %s `pii:%s`\n}\n", gt.src, quoted)
		diags, err := analyzeWith(agreeFset, agreeImports, src)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(diags) > 0, runErr != nil; got != want {
			t.Errorf("field %s with tag %q: piivet reports %v, the library says %v", gt.src, tag, diags, runErr)
		}
	})
}

// FuzzAgreesOnStructTag checks that piivet refuses a whole struct tag (with its other
// keys, and pii written in any form) exactly when the library refuses it.
func FuzzAgreesOnStructTag(f *testing.F) {
	for _, s := range []string{`pii:"phone"`, `json:"a" pii:"phnoe"`, `pii: "phone"`, `pii:phone`, `json:"pii:x"`,
		`json:"b",pii:"phone"`, `json:"c";pii:"phone"`, `pii:"phone" pii:"email"`, `json:"x\"pii:y"`, `xpii:"a"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		if strings.ContainsAny(tag, "`\r") || !utf8.ValidString(tag) {
			return // cannot be written in a raw string tag
		}
		sf := reflect.StructField{Name: "A", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(tag)}
		_, runErr := pii.Classify(reflect.StructOf([]reflect.StructField{sf}))
		src := fmt.Sprintf("package p\n\ntype T struct {\n\tA string `%s`\n}\n", tag)
		diags, err := analyze(src)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(diags) > 0, runErr != nil; got != want {
			t.Errorf("tag %q: piivet reports %v, the library says %v", tag, diags, runErr)
		}
	})
}

// TestAgreesOnUntagged checks that piivet reports an untagged field beside a tagged one
// exactly when pii.CheckTagged lists it, for every field type of goTypes.
func TestAgreesOnUntagged(t *testing.T) {
	for _, gt := range goTypes {
		for _, name := range []string{"B", "b"} {
			fields := []reflect.StructField{
				{Name: "A", Type: reflect.TypeFor[string](), Tag: `pii:"email"`},
				{Name: name, Type: gt.typ, PkgPath: map[bool]string{true: "p"}[name == "b"]},
			}
			runErr := pii.CheckTagged(reflect.StructOf(fields))
			src := fmt.Sprintf(agreeHeader+
				"type T struct {\n\tA string `pii:\"email\"`\n\t%s %s\n}\n", name, gt.src)
			diags, err := analyzeWith(agreeFset, agreeImports, src)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(diags) > 0, runErr != nil; got != want {
				t.Errorf("untagged field %s %s: piivet reports %v, the library says %v", name, gt.src, diags, runErr)
			}
		}
	}
}

// TestAgreesOnEveryKind checks every kind the library knows on every type of goTypes
// (a kind added to the library is checked here the day it is added): piivet refuses the
// field exactly when the library does. One source file holds them all.
func TestAgreesOnEveryKind(t *testing.T) {
	var src strings.Builder
	src.WriteString(agreeHeader)
	want := map[string]bool{}
	for ki, k := range pii.Kinds()[1:] {
		for ti, gt := range goTypes {
			name := fmt.Sprintf("T%d_%d", ki, ti)
			sf := reflect.StructField{Name: "A", Type: gt.typ, Tag: reflect.StructTag(`pii:"` + k.String() + `"`)}
			_, err := pii.Classify(reflect.StructOf([]reflect.StructField{sf}))
			want[name] = err != nil
			fmt.Fprintf(&src, "type %s struct {\n\tA %s `pii:%q`\n}\n\n", name, gt.src, k.String())
		}
	}
	got := typesReported(t, src.String(), "T")
	for name, refused := range want {
		if got[name] != refused {
			t.Errorf("%s: piivet reports %v, the library refuses %v", name, got[name], refused)
		}
	}
}

// typesReported analyzes src and returns the names of its types (named prefix and a
// number) that a report names: "p.T3_1.A: ...".
func typesReported(t *testing.T, src, prefix string) map[string]bool {
	t.Helper()
	diags, err := analyzeWith(agreeFset, agreeImports, src)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, d := range diags {
		if _, rest, ok := strings.Cut(d.Message, "p."+prefix); ok {
			name, _, _ := strings.Cut(rest, ".")
			got[prefix+name] = true
		}
	}
	return got
}
