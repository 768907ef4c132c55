package guard

import (
	"encoding/json"
	"errors"
	"fmt"
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

func (k *textKey) MarshalText() ([]byte, error) { return []byte(k.K[:1]), nil }

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

func TestMarshals(t *testing.T) {
	for _, tt := range []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[card](), true},
		{reflect.TypeFor[*card](), true},
		{reflect.TypeFor[holder](), true},
		{reflect.TypeFor[keyed](), true}, // *textKey's MarshalText: a map key
		{reflect.TypeFor[textKey](), true},
		{reflect.TypeFor[plain](), false}, // time.Time and netip.Addr hold on every value
		{reflect.TypeFor[[]plain](), false},
		{reflect.TypeFor[string](), false},
	} {
		if got := Marshals(tt.typ); got != tt.want {
			t.Errorf("Marshals(%s) = %v, want %v", tt.typ, got, tt.want)
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

// TestJSON checks that a guarded value encodes and prints as the value does, HTML
// escaped or not as the outer encoder asks, and encodes as the note when a method
// panics; a value with no such method is not wrapped.
func TestJSON(t *testing.T) {
	v := holder{ID: "<h&>", Cards: []*card{{Card: "4242424242424242"}}}
	g := JSON(v)
	if _, wrapped := g.(guarded); !wrapped {
		t.Fatalf("JSON(%T) = %T, want it guarded", v, g)
	}
	want, _ := json.Marshal(v)
	got, err := json.Marshal(g)
	if err != nil || string(got) != string(want) {
		t.Errorf("json.Marshal(guarded) = %s, %v; want %s", got, err, want)
	}
	if got, want := fmt.Sprintf("%+v", g), fmt.Sprintf("%+v", v); got != want {
		t.Errorf("%%+v of guarded = %s, want %s", got, want)
	}
	got, err = json.Marshal(JSON(holder{Cards: []*card{{}}}))
	if want := `"` + Note(reflect.TypeFor[holder]()) + `"`; err != nil || string(got) != want {
		t.Errorf("json.Marshal of a guarded value that panics = %s, %v; want %s", got, err, want)
	}
	p := plain{Name: "n"}
	if got := JSON(p); !reflect.DeepEqual(got, any(p)) {
		t.Errorf("JSON(plain) = %#v, want the value itself", got)
	}
}

// TestErrorOf checks that a guarded error reads as the copy, unwraps to it, and reads
// as the note when its Error panics.
func TestErrorOf(t *testing.T) {
	c := card{Card: "4242424242424242"}
	g := ErrorOf(c)
	var found card
	if g.Error() != c.Error() || !errors.As(g, &found) || found != c {
		t.Errorf("ErrorOf(card) = %q, As found %v; want the card's text and the card", g, found)
	}
	if got, want := fmt.Sprint(ErrorOf(card{})), Note(reflect.TypeFor[card]()); got != want {
		t.Errorf("ErrorOf(zeroed card) prints %q, want %q", got, want)
	}
}
