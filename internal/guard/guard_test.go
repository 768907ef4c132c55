package guard

import (
	"encoding/json"
	"errors"
	"net/netip"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// card panics in every method on a value whose Card is shorter than four bytes, as a
// redacted copy's zeroed card is.
type card struct{ Card string }

func (c card) last4() string { return c.Card[len(c.Card)-4:] }

func (c card) MarshalJSON() ([]byte, error) { return json.Marshal("*" + c.last4()) }
func (c card) Error() string                { return "declined: " + c.last4() }

type textKey struct{ K string }

func (k textKey) MarshalText() ([]byte, error) { return []byte(k.K[:1]), nil }

type holder struct {
	ID    string
	Cards []*card
}

type keyed struct{ M map[textKey]int }

type plain struct {
	Name string
	When time.Time
	IP   netip.Addr
	Any  any // what an interface holds is not known from the type
	Next *plain
}

func TestMarshalsOf(t *testing.T) {
	for _, tt := range []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[card](), true},
		{reflect.TypeFor[*card](), true},
		{reflect.TypeFor[holder](), true},
		{reflect.TypeFor[keyed](), true}, // textKey's MarshalText: a map key
		{reflect.TypeFor[textKey](), true},
		{reflect.TypeFor[plain](), false}, // time.Time and netip.Addr hold on every value
		{reflect.TypeFor[[]plain](), false},
		{reflect.TypeFor[string](), false},
	} {
		if got := marshals(tt.typ); got != tt.want {
			t.Errorf("marshals(%s) = %v, want %v", tt.typ, got, tt.want)
		}
	}
}

func TestEncode(t *testing.T) {
	for _, tt := range []struct {
		name string
		v    any
		want string
		err  bool
	}{
		{"as zerolog and zap write it", map[string]string{"a": "<b>&"}, `{"a":"<b>&"}`, false},
		{"a method that holds", card{Card: "4242424242424242"}, `"*4242"`, false},
		{"a method that panics", holder{ID: "h", Cards: []*card{{Card: ""}}}, `"` + Note(reflect.TypeFor[holder]()) + `"`, false},
		{"the encoder's error", make(chan int), "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Encode(tt.v)
			if (err != nil) != tt.err {
				t.Fatalf("Encode: error %v, want one: %v", err, tt.err)
			}
			if diff := cmp.Diff(tt.want, string(b)); diff != "" {
				t.Errorf("Encode (-want +got):\n%s", diff)
			}
		})
	}
}

func TestError(t *testing.T) {
	if got := Error(card{Card: "4242424242424242"}); got != "declined: 4242" {
		t.Errorf("Error of a card = %q", got)
	}
	if got, want := Error(card{}), Note(reflect.TypeFor[card]()); got != want {
		t.Errorf("Error of a zeroed card = %q, want %q", got, want)
	}
	if got := Error(errors.New("plain")); got != "plain" {
		t.Errorf("Error = %q", got)
	}
}

// TestTry checks that Try runs the methods a logger calls without recover on a copy
// that has them, reports the note when one panics, and looks at nothing else.
func TestTry(t *testing.T) {
	for _, tt := range []struct {
		name string
		x    any
		ok   bool
	}{
		{"an error that holds", card{Card: "4242424242424242"}, true},
		{"an error that panics", card{}, false},
		{"a MarshalJSON deep down that panics", holder{Cards: []*card{{}}}, false},
		{"a map key's MarshalText that panics", keyed{M: map[textKey]int{{}: 1}}, false},
		{"no such method", plain{Name: "n"}, true},
		{"a nil pointer", (*card)(nil), true},
		{"nil", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			note, ok := Try(tt.x)
			if ok != tt.ok {
				t.Fatalf("Try(%#v) = %q, %v; want ok %v", tt.x, note, ok, tt.ok)
			}
			if !ok && note != Note(reflect.TypeOf(tt.x)) {
				t.Errorf("note %q, want %q", note, Note(reflect.TypeOf(tt.x)))
			}
		})
	}
}

// TestTried checks that Tried hands back a copy whose methods hold, and Failed's value
// for one whose method panics (here the package's own Failed, the note's text; package
// pii sets its failure note, see TestTriedIsFailureNote there).
func TestTried(t *testing.T) {
	ok := card{Card: "4242424242424242"}
	if diff := cmp.Diff(any(ok), Tried(ok)); diff != "" {
		t.Errorf("Tried of a copy that holds (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(any(Note(reflect.TypeFor[card]())), Tried(card{})); diff != "" {
		t.Errorf("Tried of a copy that panics (-want +got):\n%s", diff)
	}
}
