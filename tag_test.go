package pii_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

func TestParseTag(t *testing.T) {
	tests := []struct {
		in   string
		want pii.Tag
	}{
		{"true", pii.Tag{Class: pii.PII, Kind: pii.KindGeneric}},
		{"generic", pii.Tag{Class: pii.PII, Kind: pii.KindGeneric}},
		{"no", pii.Tag{Class: pii.NotPII}},
		{"phone,mtl=120", pii.Tag{Class: pii.PII, Kind: pii.KindPhone, MTL: 120}},
		{"body, mtl=30, redact=scan", pii.Tag{Class: pii.PII, Kind: pii.KindBody, MTL: 30, Redact: "scan"}},
		{"email,mtl=0,ttl=365,handling=sensitive,anon=pseudonym", pii.Tag{Class: pii.PII, Kind: pii.KindEmail, TTL: 365, Handling: pii.Sensitive, Anon: "pseudonym"}},
		{"name,redact=initials,handling=standard", pii.Tag{Class: pii.PII, Kind: pii.KindName, Redact: "initials"}},
		{"secret,redact=zero", pii.Tag{Class: pii.PII, Kind: pii.KindSecret, Redact: "zero"}},
		{"card,ttl=400,mtl=400", pii.Tag{Class: pii.PII, Kind: pii.KindCard, MTL: 400, TTL: 400}},
	}
	for _, tt := range tests {
		got, err := pii.ParseTag(tt.in)
		if err != nil {
			t.Errorf("ParseTag(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseTag(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseTagErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"", pii.ErrEmptyTag},
		{",mtl=3", pii.ErrEmptyTag},
		{"Phone", pii.ErrUnknownKind},
		{"none", pii.ErrUnknownKind},
		{"yes", pii.ErrUnknownKind},
		{"phone,mtl", pii.ErrBadDays},
		{"phone,mtl=", pii.ErrBadDays},
		{"phone,mtl=ninety", pii.ErrBadDays},
		{"phone,mtl=-1", pii.ErrBadDays},
		{"phone,mtl=+5", pii.ErrBadDays},
		{"phone,mtl=36526", pii.ErrBadDays},
		{"phone,mtl=99999999999999999999", pii.ErrBadDays},
		{"phone,ttl=0", pii.ErrBadDays},
		{"phone,mtl=1,mtl=1", pii.ErrRepeatedKey},
		{"phone,redact=zero,redact=mask", pii.ErrRepeatedKey},
		{"phone,keep=1", pii.ErrUnknownKey},
		{"phone,", pii.ErrUnknownKey},
		{"no,mtl=30", pii.ErrNotPIIKeys},
		{"no,", pii.ErrNotPIIKeys},
		{"phone,mtl=90,ttl=89", pii.ErrTTLBelowMTL},
		{"phone,handling=secret", pii.ErrBadHandling},
		{"phone,redact=blur", pii.ErrBadStrategy},
		{"phone,anon=hash", pii.ErrBadStrategy},
		{"phone,redact=scan", pii.ErrBadStrategy},
		{"secret,redact=last4", pii.ErrSecretStrategy},
		{"secret,anon=pseudonym", pii.ErrSecretStrategy},
	}
	for _, tt := range tests {
		_, err := pii.ParseTag(tt.in)
		var te *pii.TagError
		if !errors.As(err, &te) || te.Tag != tt.in {
			t.Errorf("ParseTag(%q) error = %v, want a *TagError for the tag", tt.in, err)
			continue
		}
		if !errors.Is(err, tt.want) {
			t.Errorf("ParseTag(%q) error = %q, want it to wrap %q", tt.in, err, tt.want)
		}
	}
}

func TestTagStringRoundTrip(t *testing.T) {
	for _, in := range []string{"true", "no", "phone,mtl=120", "email,ttl=30,handling=sensitive,redact=replace,anon=seal"} {
		tag, err := pii.ParseTag(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := tag.String(); got != in {
			t.Errorf("ParseTag(%q).String() = %q", in, got)
		}
	}
}

func FuzzParseTag(f *testing.F) {
	for _, s := range []string{"true", "no", "phone,mtl=120", "body,mtl=30,redact=scan", "email,ttl=365,anon=pseudonym",
		"no,mtl=3", "phone,mtl=-1", "x,y=z", ",,,", "phone,mtl=1,ttl=1,handling=sensitive,redact=last4,anon=generalize"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag, err := pii.ParseTag(s)
		if err != nil {
			var te *pii.TagError
			if !errors.As(err, &te) || te.Tag != s {
				t.Fatalf("ParseTag(%q) error %v is not a *TagError naming the tag", s, err)
			}
			return
		}
		again, err := pii.ParseTag(tag.String())
		if err != nil {
			t.Fatalf("ParseTag(%q).String() = %q does not parse: %v", s, tag.String(), err)
		}
		// The canonical form drops default values: compare meaning, not spelling.
		norm := func(t pii.Tag) pii.Tag {
			if t.Redact == "mask" {
				t.Redact = ""
			}
			return t
		}
		if diff := cmp.Diff(norm(tag), norm(again)); diff != "" {
			t.Fatalf("round trip of %q through %q (-first +second):\n%s", s, tag.String(), diff)
		}
	})
}

func TestKinds(t *testing.T) {
	for _, k := range pii.Kinds() {
		got, err := pii.ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", k.String(), got, err, k)
		}
	}
	if len(pii.Kinds()) != 30 {
		t.Errorf("len(Kinds()) = %d, want the 18 first kinds, date, age and the 10 special categories", len(pii.Kinds()))
	}
	if _, err := pii.ParseKind("telephone"); !errors.Is(err, pii.ErrUnknownKind) {
		t.Errorf("ParseKind(telephone) error = %v", err)
	}
}

func TestTagCreated(t *testing.T) {
	type Record struct {
		ID      string    `pii:"no"`
		Created time.Time `pii:"no,created"`
		Phone   string    `pii:"phone,mtl=30"`
	}
	fields, err := pii.Classify(Record{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fields {
		if f.Created {
			got = append(got, f.Path)
		}
	}
	if diff := cmp.Diff([]string{"Created"}, got); diff != "" {
		t.Errorf("created fields (-want +got):\n%s", diff)
	}
	tag, err := pii.ParseTag("no,created")
	if err != nil || !tag.Created || tag.String() != "no,created" {
		t.Errorf(`ParseTag("no,created") = %+v, %v`, tag, err)
	}

	type TwoCreated struct {
		A time.Time `pii:"no,created"`
		B time.Time `pii:"no,created"`
	}
	type NotTime struct {
		A string `pii:"no,created"`
	}
	for _, v := range []any{TwoCreated{}, NotTime{}} {
		if _, err := pii.Classify(v); !errors.Is(err, pii.ErrCreatedField) {
			t.Errorf("Classify(%T) = %v, want ErrCreatedField", v, err)
		}
	}
	for _, s := range []string{"phone,created", "no,created,mtl=3", "true,created=1"} {
		if _, err := pii.ParseTag(s); err == nil {
			t.Errorf("ParseTag(%q) accepted", s)
		}
	}
}

func TestMalformedRawTag(t *testing.T) {
	// Built at run time: go vet rightly refuses such tags in source.
	withTag := func(tag string) any {
		return reflect.New(reflect.StructOf([]reflect.StructField{
			{Name: "Phone", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(tag)},
		})).Elem().Interface()
	}
	for _, tag := range []string{`pii: "phone"`, `json:"phone" pii:phone`, `pii :"phone"`, `json:"x",pii:"phone"`} {
		_, err := pii.Classify(withTag(tag))
		var te *pii.TagError
		if !errors.As(err, &te) || !errors.Is(err, pii.ErrMalformedTag) || te.Field != "Phone" {
			t.Errorf("Classify(struct with tag %s) = %v, want a *TagError wrapping ErrMalformedTag on Phone", tag, err)
		}
	}
	for _, tag := range []string{`json:"pii:note" pii:"no"`, `json:"copii"`, `pii:"no"`} {
		if _, err := pii.Classify(withTag(tag)); err != nil {
			t.Errorf("Classify(struct with tag %s) = %v, want no error", tag, err)
		}
	}
}

func TestCreatedPromoted(t *testing.T) {
	type Base struct {
		Created time.Time `pii:"no,created"`
	}
	type Own struct {
		Base
		Updated time.Time `pii:"no,created"`
	}
	type ByPointer struct {
		*Base
		Body string `pii:"body,ttl=10"`
	}
	type Fine struct {
		Base
		Body string `pii:"body,ttl=10"`
	}
	for _, v := range []any{Own{}, ByPointer{}} {
		if _, err := pii.Classify(v); !errors.Is(err, pii.ErrCreatedField) {
			t.Errorf("Classify(%T) = %v, want ErrCreatedField", v, err)
		}
	}
	if _, err := pii.Classify(Fine{}); err != nil {
		t.Errorf("Classify(Fine) = %v", err)
	}
}

// TestLookupTag reads struct tags as every operation reads them: the pii key's value, no
// key, or a key that reflect cannot read (an error, never an untagged field).
func TestLookupTag(t *testing.T) {
	type result struct {
		Value     string
		OK        bool
		Malformed bool
	}
	tests := []struct {
		tag  reflect.StructTag
		want result
	}{
		{`pii:"phone"`, result{Value: "phone", OK: true}},
		{`json:"from" pii:"phone,mtl=120"`, result{Value: "phone,mtl=120", OK: true}},
		{`pii:""`, result{Value: "", OK: true}}, // ParseTag refuses the empty value
		{``, result{}},
		{`json:"x"`, result{}},
		{`json:"pii:note"`, result{}}, // inside a quoted value: not a key
		{`json:"copii"`, result{}},
		{`pii: "phone"`, result{Malformed: true}},
		{`pii:phone`, result{Malformed: true}},
		{`pii :"phone"`, result{Malformed: true}},
		{`json:"x",pii:"phone"`, result{Malformed: true}},
		{`json:"x";pii="phone"`, result{Malformed: true}},
	}
	for _, tt := range tests {
		v, ok, err := pii.LookupTag(tt.tag)
		var te *pii.TagError
		if err != nil && (!errors.Is(err, pii.ErrMalformedTag) || !errors.As(err, &te) || te.Tag != string(tt.tag)) {
			t.Errorf("LookupTag(%s): error %v, want a *TagError wrapping ErrMalformedTag that quotes the tag", tt.tag, err)
		}
		if diff := cmp.Diff(tt.want, result{v, ok, err != nil}); diff != "" {
			t.Errorf("LookupTag(%s) (-want +got):\n%s", tt.tag, diff)
		}
	}
}
