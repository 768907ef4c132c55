package pii_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

func TestClassifyGolden(t *testing.T) {
	var all []pii.Field
	for _, v := range []any{Message{}, Call{}, Account{}} {
		fields, err := pii.Classify(v)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, fields...)
	}
	got, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "classify.golden.json", append(got, '\n'))
}

func TestInventoryGolden(t *testing.T) {
	inv, err := pii.NewInventory(Message{}, Call{}, &Account{})
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := inv.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	golden(t, "inventory.golden.md", md.Bytes())
	js, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "inventory.golden.json", append(js, '\n'))
}

// summary keeps what the structural tests check: path, class, kind.
func summary(fields []pii.Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Path + " " + f.Class.String()
		if f.Class == pii.PII {
			out[i] += " " + f.Kind.String()
		}
	}
	return out
}

type Base struct {
	ID   string `pii:"no"`
	Note string `pii:"true"`
}

type Other struct {
	Note string `pii:"name"`
}

type WithEmbedded struct {
	Base          // promoted: ID; Note is shared with Other at the same depth
	*Other        // promoted through a pointer, like encoding/json
	ID     string `pii:"email"` // shadows Base.ID
}

type Node struct {
	Value    string `pii:"name"`
	Next     *Node
	Children []Node
}

type Inherit struct {
	Home   Address            `pii:"address,mtl=7"` // own tags inside win
	Extras map[string][]Media // map and slice elements
	Arr    [2]Participant
	Any    any
	Ch     chan int
}

func TestClassifyStructure(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want []string
	}{
		{"embedded promotion", WithEmbedded{}, []string{
			"Base.ID Not PII", "Base.Note PII generic", "Other.Note PII name", "ID PII email",
		}},
		{"recursive type expanded once", Node{}, []string{"Value PII name"}},
		{"pointer to a value", &Node{}, []string{"Value PII name"}},
		{"reflect.Type", reflect.TypeFor[Participant](), []string{"Label Not PII", "Number PII phone"}},
		{"inheritance and containers", Inherit{}, []string{
			"Home.Street PII address", "Home.City PII address", "Home.Region Not PII",
			"Home.PostalCode PII postal", "Home.Country Not PII",
			"Extras[][].SID Not PII", "Extras[][].ContentType Not PII", "Extras[][].URL PII url",
			"Arr[].Label Not PII", "Arr[].Number PII phone",
			"Any Untagged",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, err := pii.Classify(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summary(fields)); diff != "" {
				t.Errorf("Classify (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClassifyInheritedTag(t *testing.T) {
	type Box struct {
		Billing Address `pii:"address,mtl=90"`
	}
	type Plain struct{ Line1, Line2 string }
	type Outer struct {
		P Plain `pii:"address,mtl=90,ttl=400"`
	}
	fields, err := pii.Classify(Outer{})
	if err != nil {
		t.Fatal(err)
	}
	want := []pii.Field{
		{Type: "pii_test.Outer", Path: "P.Line1", GoType: "string", Class: pii.PII, Kind: pii.KindAddress, MTL: 90, TTL: 400},
		{Type: "pii_test.Outer", Path: "P.Line2", GoType: "string", Class: pii.PII, Kind: pii.KindAddress, MTL: 90, TTL: 400},
	}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("inherited tag (-want +got):\n%s", diff)
	}
	// Address's own tags win over the enclosing one.
	fields, err = pii.Classify(Box{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fields[0].MTL; got != 30 {
		t.Errorf("Billing.Street MTL = %d, want its own 30", got)
	}
}

type (
	badUnknownKind struct {
		F string `pii:"phone_number"`
	}
	badUnknownKey struct {
		F string `pii:"phone,keep=30"`
	}
	badDaysWord struct {
		F string `pii:"phone,mtl=ninety"`
	}
	badDaysNegative struct {
		F string `pii:"phone,mtl=-1"`
	}
	badRepeated struct {
		F string `pii:"phone,mtl=30,mtl=60"`
	}
	badNoWithKeys struct {
		F string `pii:"no,mtl=30"`
	}
	badKindType struct {
		F float64 `pii:"phone"`
	}
	badUnexported struct {
		f string `pii:"phone"`
	}
	badTTL struct {
		F string `pii:"phone,mtl=90,ttl=30"`
	}
	badStrategy struct {
		F string `pii:"phone,redact=blur"`
	}
	badInherited struct {
		P Participant2 `pii:"phone"`
	}
	Participant2 struct {
		Number string
		Count  float64
	}
)

func TestTagErrors(t *testing.T) {
	tests := []struct {
		v               any
		typ, field, tag string
		want            error
	}{
		{badUnknownKind{}, "pii_test.badUnknownKind", "F", "phone_number", pii.ErrUnknownKind},
		{badUnknownKey{}, "pii_test.badUnknownKey", "F", "phone,keep=30", pii.ErrUnknownKey},
		{badDaysWord{}, "pii_test.badDaysWord", "F", "phone,mtl=ninety", pii.ErrBadDays},
		{badDaysNegative{}, "pii_test.badDaysNegative", "F", "phone,mtl=-1", pii.ErrBadDays},
		{badRepeated{}, "pii_test.badRepeated", "F", "phone,mtl=30,mtl=60", pii.ErrRepeatedKey},
		{badNoWithKeys{}, "pii_test.badNoWithKeys", "F", "no,mtl=30", pii.ErrNotPIIKeys},
		{badKindType{}, "pii_test.badKindType", "F", "phone", pii.ErrKindType},
		{badUnexported{}, "pii_test.badUnexported", "f", "phone", pii.ErrUnexportedPII},
		{badTTL{}, "pii_test.badTTL", "F", "phone,mtl=90,ttl=30", pii.ErrTTLBelowMTL},
		{badStrategy{}, "pii_test.badStrategy", "F", "phone,redact=blur", pii.ErrBadStrategy},
		{badInherited{}, "pii_test.badInherited", "P", "phone", pii.ErrKindType},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			for _, call := range []func() error{
				func() error { _, err := pii.Classify(tt.v); return err },
				func() error { return pii.Redact(reflect.New(reflect.TypeOf(tt.v)).Interface()) },
				func() error { return pii.CheckTagged(tt.v) },
			} {
				err := call()
				var te *pii.TagError
				if !errors.As(err, &te) {
					t.Fatalf("error %v is not a *TagError", err)
				}
				got := [3]string{te.Type, te.Field, te.Tag}
				if diff := cmp.Diff([3]string{tt.typ, tt.field, tt.tag}, got); diff != "" {
					t.Errorf("TagError type, field, tag (-want +got):\n%s", diff)
				}
				if !errors.Is(err, tt.want) {
					t.Errorf("error %q does not wrap %q", err, tt.want)
				}
			}
		})
	}
	_ = badUnexported{}.f
}

func TestClassifyNil(t *testing.T) {
	if _, err := pii.Classify(nil); !errors.Is(err, pii.ErrNilValue) {
		t.Errorf("Classify(nil) error = %v, want ErrNilValue", err)
	}
}

func TestCheckTagged(t *testing.T) {
	type Half struct {
		A string `pii:"no"`
		B string
		C struct{ D int }
		E any
	}
	err := pii.CheckTagged(Half{})
	var ue *pii.UntaggedError
	if !errors.As(err, &ue) {
		t.Fatalf("CheckTagged = %v, want *UntaggedError", err)
	}
	if diff := cmp.Diff([]string{"B", "C.D"}, ue.Fields); diff != "" {
		t.Errorf("untagged fields (-want +got):\n%s", diff)
	}
	if err := pii.CheckTagged(Message{}); err != nil {
		t.Errorf("CheckTagged(Message) = %v, want nil", err)
	}
}

// TestConcurrentFirstUse classifies types that no goroutine has seen before, from 1,000
// goroutines at once: run under -race.
func TestConcurrentFirstUse(t *testing.T) {
	const n = 1000
	types := make([]reflect.Type, n)
	for i := range types {
		types[i] = reflect.StructOf([]reflect.StructField{
			{Name: fmt.Sprintf("Phone%d", i), Type: reflect.TypeFor[string](), Tag: `pii:"phone,mtl=120"`},
			{Name: "Shared", Type: reflect.TypeFor[Address]()},
			{Name: "Next", Type: reflect.TypeFor[*Node]()},
		})
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	counts := make([]int, n)
	for i := range n {
		wg.Go(func() {
			fields, err := pii.Classify(types[i%len(types)])
			errs[i], counts[i] = err, len(fields)
			v := reflect.New(types[i])
			v.Elem().Field(0).SetString("+14155551234")
			if err == nil {
				err = pii.Redact(v.Interface())
			}
			if err == nil && v.Elem().Field(0).String() != "+1415555XXXX" {
				err = fmt.Errorf("redacted to %q", v.Elem().Field(0).String())
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || counts[i] != 7 {
			t.Fatalf("goroutine %d: %d fields, error %v; want 7 fields", i, counts[i], errs[i])
		}
	}
}

func TestCheckTaggedSkipsInterfaces(t *testing.T) {
	type WithErr struct {
		ID  string `pii:"no"`
		Err error
		Any fmt.Stringer
	}
	if err := pii.CheckTagged(WithErr{}); err != nil {
		t.Errorf("CheckTagged = %v, want nil: interfaces are classified by what they hold", err)
	}
}
