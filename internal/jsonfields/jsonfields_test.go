package jsonfields

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type sample struct {
	Plain   string
	Renamed string `json:"renamed,omitempty"`
	hidden  string
	Skipped string `json:"-"`
	Options string `json:",omitempty"`
	Dash    string `json:"-,"`
}

// TestOf lists exported fields under their JSON names, skipping json:"-" (but not
// json:"-,", which names a field "-", as encoding/json reads it), and lists them again
// from the cache.
func TestOf(t *testing.T) {
	want := []Field{{0, "Plain"}, {1, "renamed"}, {4, "Options"}, {5, "-"}}
	typ := reflect.TypeFor[sample]()
	if diff := cmp.Diff(want, Of(typ)); diff != "" {
		t.Errorf("Of (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, Of(typ)); diff != "" {
		t.Errorf("Of, cached (-want +got):\n%s", diff)
	}
}

// TestOfManyTypes asks, from several goroutines, for the fields of more struct types than
// the cache of recent ones has slots: each type gets its own fields, whichever type held
// its slot before.
func TestOfManyTypes(t *testing.T) {
	types := make([]reflect.Type, 300)
	for i := range types {
		types[i] = reflect.StructOf([]reflect.StructField{
			{Name: "A", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(fmt.Sprintf(`json:"a%d"`, i))},
		})
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 20 {
				for i := range types {
					k := (i*7 + g + round) % len(types)
					want := []Field{{0, fmt.Sprintf("a%d", k)}}
					if diff := cmp.Diff(want, Of(types[k])); diff != "" {
						t.Errorf("Of(type %d) (-want +got):\n%s", k, diff)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestKindOf holds the one decision both adapters make per field: scalars by kind,
// time.Time (by value or pointer) as a time or left to reflection, structs and non-nil
// pointers to them as objects down to MaxDepth, and everything else to reflection.
func TestKindOf(t *testing.T) {
	type inner struct{ A string }
	type named string
	now := time.Now()
	for _, tt := range []struct {
		name  string
		v     any
		depth int
		want  Kind
	}{
		{"string", "x", 0, String},
		{"named string", named("x"), 0, String},
		{"bool", true, 0, Bool},
		{"int8", int8(1), 0, Int},
		{"uint", uint(1), 0, Uint},
		{"float32", float32(1), 0, Float},
		{"time", now, 0, Time},
		{"pointer to time", &now, 0, Other},
		{"struct", inner{}, 0, Object},
		{"pointer to struct", &inner{}, 0, Object},
		{"nil pointer", (*inner)(nil), 0, Other},
		{"struct at MaxDepth", inner{}, MaxDepth, Other},
		{"pointer at MaxDepth", &inner{}, MaxDepth, Other},
		{"struct that needs JSON", struct{ inner }{}, 0, Other},
		{"pointer to a struct that needs JSON", &struct{ inner }{}, 0, Other},
		{"struct that writes itself", netip.Addr{}, 0, Other},
		{"pointer to a struct that writes itself", &selfJSON{}, 0, Other},
		{"slice", []string{"a"}, 0, Other},
		{"map", map[string]int{}, 0, Other},
		{"string that writes itself as JSON", hiddenToken("tok"), 0, Other},
		{"number that writes itself as text", status(1), 0, Other},
		{"number that writes itself by pointer", ptrStatus(1), 0, Other},
		{"json.Number", json.Number("12.5"), 0, Other},
	} {
		kind, v := KindOf(reflect.ValueOf(tt.v), tt.depth)
		if kind != tt.want {
			t.Errorf("%s: KindOf = %d, want %d", tt.name, kind, tt.want)
		}
		if kind == Object && v.Kind() != reflect.Struct {
			t.Errorf("%s: KindOf gave a %v to write as an object, want the struct", tt.name, v.Kind())
		}
	}
}

// hiddenToken is a secret that hides itself in JSON.
type hiddenToken string

func (hiddenToken) MarshalJSON() ([]byte, error) { return []byte(`"[hidden]"`), nil }

// status writes its name as text.
type status int

func (s status) MarshalText() ([]byte, error) { return []byte([]string{"open", "closed"}[s]), nil }

// ptrStatus writes its name as text, through a pointer.
type ptrStatus int

func (s *ptrStatus) MarshalText() ([]byte, error) { return []byte([]string{"open", "closed"}[*s]), nil }

// TestInterface gives the encoder what encoding/json meets in the struct that holds
// the value: each field written through encoding/json alone reads as it does in the
// struct's own JSON, a method with a pointer receiver included when the struct is
// reached by address.
func TestInterface(t *testing.T) {
	type record struct {
		Token  hiddenToken
		Status status
		Ptr    ptrStatus
		Amount json.Number
		Name   string
	}
	r := &record{"tok_live_1", 1, 1, "12.5", "x"}
	for _, rv := range []reflect.Value{reflect.ValueOf(r).Elem(), reflect.ValueOf(*r)} {
		whole, err := json.Marshal(rv.Interface())
		if rv.CanAddr() {
			whole, err = json.Marshal(rv.Addr().Interface())
		}
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.WriteByte('{')
		for i, f := range Of(rv.Type()) {
			if i > 0 {
				b.WriteByte(',')
			}
			kind, v := KindOf(rv.Field(f.Index), 0)
			if kind != Other && kind != String {
				t.Fatalf("%s: KindOf = %d", f.Name, kind)
			}
			val, err := json.Marshal(Interface(v))
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%q:%s", f.Name, val)
		}
		b.WriteByte('}')
		if diff := cmp.Diff(string(whole), b.String()); diff != "" {
			t.Errorf("addressable %v: fields one by one (-encoding/json +got):\n%s", rv.CanAddr(), diff)
		}
	}
}

// TestNeedsJSON says which structs the field-by-field writers would write otherwise than
// encoding/json does: embedded fields and json tag options, not names alone.
func TestNeedsJSON(t *testing.T) {
	type inner struct{ A string }
	tests := []struct {
		name string
		typ  reflect.Type
		want bool
	}{
		{"plain fields", reflect.TypeFor[struct{ A, B string }](), false},
		{"renamed", reflect.TypeFor[struct {
			A string `json:"a"`
		}](), false},
		{"json:\"-\"", reflect.TypeFor[struct {
			A string `json:"-"`
		}](), false},
		{"embedded, unexported", reflect.TypeFor[struct{ inner }](), true},
		{"embedded pointer", reflect.TypeFor[struct{ *inner }](), true},
		{"omitempty", reflect.TypeFor[struct {
			A string `json:"a,omitempty"`
		}](), true},
		{"omitzero without a name", reflect.TypeFor[struct {
			A string `json:",omitzero"`
		}](), true},
		{"string", reflect.TypeFor[struct {
			N int `json:"n,string"`
		}](), true},
		{"an unknown option", reflect.TypeFor[struct {
			A string `json:"a,inline"`
		}](), false},
		{"MarshalText", reflect.TypeFor[netip.Addr](), true},
		{"MarshalJSON on the pointer", reflect.TypeFor[selfJSON](), true},
		{"time", reflect.TypeFor[time.Time](), true},
	}
	for _, tt := range tests {
		for range 2 { // computed, then cached
			if got := NeedsJSON(tt.typ); got != tt.want {
				t.Errorf("%s: NeedsJSON(%v) = %v, want %v", tt.name, tt.typ, got, tt.want)
			}
		}
	}
}

// TestShapeOf holds how both adapters write a whole redacted value: a struct (or a
// pointer to one) field by field, an error with no fields as its text, a struct that
// needs encoding/json through it, anything else through reflection.
func TestShapeOf(t *testing.T) {
	type inner struct{ A string }
	p := &inner{}
	tests := []struct {
		name string
		x    any
		want Shape
	}{
		{"struct", inner{}, Fields},
		{"pointer to pointer to struct", &p, Fields},
		{"error with no fields", errors.New("x"), ErrorText},
		{"error struct with fields", fieldError{Code: 1}, Fields},
		{"map", map[string]int{}, Value},
		{"nil pointer", (*inner)(nil), Value},
		{"embedded struct", struct{ inner }{}, JSON},
		{"struct that writes itself", netip.Addr{}, JSON},
	}
	for _, tt := range tests {
		shape, rv := ShapeOf(tt.x)
		if shape != tt.want {
			t.Errorf("%s: ShapeOf = %d, want %d", tt.name, shape, tt.want)
		}
		if shape == Fields && rv.Kind() != reflect.Struct {
			t.Errorf("%s: ShapeOf gave a %v to write field by field, want the struct", tt.name, rv.Kind())
		}
	}
}

// selfJSON writes itself, with a method on its pointer.
type selfJSON struct{ A string }

func (s *selfJSON) MarshalJSON() ([]byte, error) { return []byte(`"self"`), nil }

// fieldError is an error with a field to show.
type fieldError struct{ Code int }

func (e fieldError) Error() string { return "failed" }
