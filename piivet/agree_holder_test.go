package piivet_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// agreeRec is a record that tags its fields; the source of TestAgreesOnHolders declares
// it as R.
type agreeRec struct {
	E string `pii:"email"`
}

// TestAgreesOnHolders checks that piivet reports an untagged field of a struct that
// has no pii tag of its own but holds a record (Holder{Rec R; B T}) exactly when
// pii.CheckTagged lists it, for every field type of goTypes and every way of holding
// the record that CheckTagged walks as data.
func TestAgreesOnHolders(t *testing.T) {
	rec := reflect.TypeFor[agreeRec]()
	holds := []struct {
		src string
		typ reflect.Type
	}{
		{"R", rec},
		{"*R", reflect.PointerTo(rec)},
		{"[]R", reflect.SliceOf(rec)},
		{"[2]R", reflect.ArrayOf(2, rec)},
		{"map[string]*R", reflect.MapOf(reflect.TypeFor[string](), reflect.PointerTo(rec))},
		{"struct{ In []R }", reflect.StructOf([]reflect.StructField{{Name: "In", Type: reflect.SliceOf(rec)}})},
	}
	var src strings.Builder
	src.WriteString(agreeHeader +
		"type R struct {\n\tE string `pii:\"email\"`\n}\n\n")
	want := map[string]bool{}
	for hi, h := range holds {
		for ti, gt := range goTypes {
			name := fmt.Sprintf("H%d_%d", hi, ti)
			fields := []reflect.StructField{
				{Name: "Rec", Type: h.typ},
				{Name: "B", Type: gt.typ},
			}
			want[name] = pii.CheckTagged(reflect.StructOf(fields)) != nil
			fmt.Fprintf(&src, "// %s is Holder{Rec %s; B %s}.\ntype %s struct {\n\tRec %s\n\tB %s\n}\n\n", name, h.src, gt.src, name, h.src, gt.src)
		}
	}
	got := typesReported(t, src.String(), "H")
	for name, listed := range want {
		if got[name] != listed {
			t.Errorf("%s: piivet reports %v, CheckTagged lists it %v", name, got[name], listed)
		}
	}
}
