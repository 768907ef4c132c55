package pii_test

import (
	"database/sql"
	"errors"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

func sampleMessage() Message {
	return Message{
		SID:      "SM0123456789abcdef",
		From:     "+14155551234",
		To:       "+1 (415) 555-0100",
		Body:     "Your code is 4412. Call Jane at +44 20 7946 0958.",
		Author:   "Jane Doe",
		ClientIP: "203.0.113.42",
		Segments: 2,
		Status:   "delivered",
		Created:  time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC),
		Media:    []Media{{SID: "ME1", ContentType: "image/png", URL: "https://media.example.com/u/jane/1.png?sig=abc"}},
	}
}

func TestRedactMessage(t *testing.T) {
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		t.Fatal(err)
	}
	m := sampleMessage()
	m.Forwarded = &Message{SID: "SM2", From: "+442079460958", Author: "José Álvarez"}
	if err := p.Redact(&m); err != nil {
		t.Fatal(err)
	}
	want := sampleMessage()
	want.From = "+1415555XXXX"
	want.To = "+1 (415) 555-0100" // the customer's own number, in another format
	want.Body = ""
	want.Author = "J. D."
	want.ClientIP = "203.0.113.0"
	want.Media[0].URL = "https://media.example.com/"
	want.Forwarded = &Message{SID: "SM2", From: "+44207946XXXX", Author: "J. Á."}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("Redact (-want +got):\n%s", diff)
	}
}

// Places: every kind of place a value can sit in.
type Places struct {
	Bytes    []byte            `pii:"body"`
	Ptr      *string           `pii:"phone"`
	NilPtr   *string           `pii:"phone"`
	Slice    []string          `pii:"phone"`
	Array    [2]string         `pii:"email"`
	Map      map[string]string `pii:"phone"`
	NilMap   map[string]string `pii:"phone"`
	MapPtrs  map[string]*Participant
	Iface    any
	IfacePtr any
	NilIface any
	Tagged   any            `pii:"name"`
	Addr     netip.Addr     `pii:"ip"`
	NetIP    net.IP         `pii:"ip"`
	Born     time.Time      `pii:"dob"`
	Age      int            `pii:"health"`
	Lat      float64        `pii:"geo"`
	Null     sql.NullString `pii:"name"`
	NullPIN  sql.NullInt64  `pii:"secret"`
	Custom   Handle         `pii:"name"`
	Ch       chan int
	Fn       func()
	Participant
}

// Handle is a custom type that redacts itself.
type Handle struct{ First, Last string }

func (h *Handle) RedactPII(k pii.Kind) { *h = Handle{First: h.First[:1] + "."} }

func TestRedactPlaces(t *testing.T) {
	ptr := "+14155551234"
	ch, fn := make(chan int), func() {}
	v := Places{
		Bytes:       []byte("meet me at 5"),
		Ptr:         &ptr,
		Slice:       []string{"+14155551234", "+442079460958"},
		Array:       [2]string{"jane@example.com", "bob@example.org"},
		Map:         map[string]string{"home": "+14155551234"},
		MapPtrs:     map[string]*Participant{"a": {Label: "mobile", Number: "+14155551234"}},
		Iface:       Participant{Label: "x", Number: "+14155551234"},
		IfacePtr:    &Participant{Label: "y", Number: "+14155551234"},
		Tagged:      "Jane Doe",
		Addr:        netip.MustParseAddr("2001:db8:85a3:8d3:1319:8a2e:370:7348"),
		NetIP:       net.ParseIP("198.51.100.7").To4(),
		Born:        time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC),
		Age:         47,
		Lat:         37.7749,
		Null:        sql.NullString{String: "Jane Doe", Valid: true},
		NullPIN:     sql.NullInt64{Int64: 1234, Valid: true},
		Custom:      Handle{"Jane", "Doe"},
		Ch:          ch,
		Fn:          fn,
		Participant: Participant{Label: "emb", Number: "+14155551234"},
	}
	if err := pii.Redact(&v); err != nil {
		t.Fatal(err)
	}
	masked := "+1415555XXXX"
	want := Places{
		Ptr:         &masked,
		Slice:       []string{"+1415555XXXX", "+44207946XXXX"},
		Array:       [2]string{"***@example.com", "***@example.org"},
		Map:         map[string]string{"home": "+1415555XXXX"},
		MapPtrs:     map[string]*Participant{"a": {Label: "mobile", Number: "+1415555XXXX"}},
		Iface:       Participant{Label: "x", Number: "+1415555XXXX"},
		IfacePtr:    &Participant{Label: "y", Number: "+1415555XXXX"},
		Tagged:      "J. D.",
		Addr:        netip.MustParseAddr("2001:db8:85a3::"),
		NetIP:       net.ParseIP("198.51.100.0").To4(),
		Born:        time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		Lat:         37.8,
		Null:        sql.NullString{String: "J. D.", Valid: true},
		Custom:      Handle{First: "J."},
		Participant: Participant{Label: "emb", Number: "+1415555XXXX"},
	}
	if v.Ch != ch || v.Fn == nil {
		t.Error("channel or func field changed")
	}
	v.Ch, v.Fn = nil, nil
	if len(v.Bytes) != 0 {
		t.Errorf("Bytes = %q, want empty", v.Bytes)
	}
	v.Bytes = nil
	if diff := cmp.Diff(want, v, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
		t.Errorf("Redact (-want +got):\n%s", diff)
	}
}

// Ring is a recursive type whose values form cycles.
type Ring struct {
	Name  Counted `pii:"name"`
	Next  *Ring
	Other *Ring
}

// Counted counts how often it is redacted.
type Counted struct {
	Value string
	N     int
}

func (c *Counted) RedactPII(pii.Kind) { c.Value, c.N = "", c.N+1 }

func TestRedactCycles(t *testing.T) {
	a := &Ring{Name: Counted{Value: "a"}}
	b := &Ring{Name: Counted{Value: "b"}, Next: a, Other: a}
	a.Next, a.Other = b, a
	if err := pii.Redact(a); err != nil {
		t.Fatal(err)
	}
	if a.Name.N != 1 || b.Name.N != 1 {
		t.Errorf("pointees redacted %d and %d times, want once each", a.Name.N, b.Name.N)
	}
	cp, err := pii.Redacted(nil, b)
	if err != nil {
		t.Fatal(err)
	}
	if cp == b || cp.Next == a || cp.Next.Next != cp || cp.Next.Other != cp.Next {
		t.Error("the redacted copy of a cycle does not keep its shape in new memory")
	}
}

func TestRedactedLeavesOriginal(t *testing.T) {
	account := func() Account {
		return Account{
			Owner:    "Jane Doe",
			Address:  Address{Street: "1 Main St", City: "Springfield", PostalCode: "94105", Country: "US"},
			Billing:  &PostalAddress{Line1: "PO Box 7", Locality: "Springfield"},
			Contacts: []Contact{{Name: "Bob Roe", Email: "bob@example.com", Phones: map[string]string{"m": "+14155551234"}}},
			Card:     "4111 1111 1111 1111",
		}
	}
	orig, before := account(), account()
	cp, err := pii.Redacted(nil, orig)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, orig); diff != "" {
		t.Errorf("Redacted changed its input (-before +after):\n%s", diff)
	}
	want := Account{
		Owner:    "J. D.",
		Address:  Address{PostalCode: "941**", Country: "US"},
		Billing:  &PostalAddress{},
		Contacts: []Contact{{Name: "B. R.", Email: "***@example.com", Phones: map[string]string{"m": "+1415555XXXX"}}},
		Card:     "4111 11** **** 1111",
	}
	if diff := cmp.Diff(want, cp); diff != "" {
		t.Errorf("Redacted (-want +got):\n%s", diff)
	}
	// A copy of a pointer leaves the pointee alone too.
	pm := &Message{From: "+14155551234"}
	cpm, err := pii.Redacted(nil, pm)
	if err != nil {
		t.Fatal(err)
	}
	if pm.From != "+14155551234" || cpm.From != "+1415555XXXX" || cpm == pm {
		t.Errorf("Redacted(*Message): original %q, copy %q", pm.From, cpm.From)
	}
}

func TestRedactBadInput(t *testing.T) {
	var nilMsg *Message
	tests := []struct {
		name string
		v    any
		want error
	}{
		{"nil", nil, pii.ErrNilValue},
		{"nil pointer", nilMsg, pii.ErrNilValue},
		{"struct by value", Message{}, pii.ErrNotPointer},
		{"string", "+14155551234", pii.ErrNotPointer},
	}
	for _, tt := range tests {
		if err := pii.Redact(tt.v); !errors.Is(err, tt.want) {
			t.Errorf("Redact(%s) = %v, want %v", tt.name, err, tt.want)
		}
	}
	// Slices and maps of records are changed through what they share.
	msgs := []Message{{From: "+14155551234"}}
	byID := map[string]Message{"a": {From: "+14155551234"}}
	if err := pii.Redact(msgs); err != nil {
		t.Fatal(err)
	}
	if err := pii.Redact(byID); err != nil {
		t.Fatal(err)
	}
	if msgs[0].From != "+1415555XXXX" || byID["a"].From != "+1415555XXXX" {
		t.Errorf("slice/map of records: %q, %q", msgs[0].From, byID["a"].From)
	}
}

func TestRedactIdempotent(t *testing.T) {
	once := sampleMessage()
	if err := pii.Redact(&once); err != nil {
		t.Fatal(err)
	}
	twice := once
	twice.Media = append([]Media(nil), once.Media...)
	if err := pii.Redact(&twice); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(once, twice); diff != "" {
		t.Errorf("Redact twice differs from once (-once +twice):\n%s", diff)
	}
	if strings.Contains(once.From, "1234") {
		t.Errorf("From still holds its last digits: %q", once.From)
	}
}

func TestRedactStrategies(t *testing.T) {
	type Strategies struct {
		Replace  string `pii:"email,redact=replace"`
		Zero     string `pii:"name,redact=zero"`
		Initials string `pii:"true,redact=initials"`
		Last4    string `pii:"account,redact=last4"`
		Mask     string `pii:"phone,redact=mask"`
		Secret   string `pii:"secret"`
	}
	p, err := pii.New(pii.WithPlaceholder("<hidden>"))
	if err != nil {
		t.Fatal(err)
	}
	v := Strategies{"jane@example.com", "Jane", "Jane Doe", "GB29NWBK60161331926819", "+14155551234", "hunter2"}
	if err := p.Redact(&v); err != nil {
		t.Fatal(err)
	}
	want := Strategies{"<hidden>", "", "J. D.", "******************6819", "+1415555XXXX", ""}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("strategies (-want +got):\n%s", diff)
	}
	if _, err := pii.New(pii.WithPlaceholder("")); !errors.Is(err, pii.ErrOption) {
		t.Errorf("WithPlaceholder(\"\") = %v, want ErrOption", err)
	}
	// A zero Policy acts as the default one instead of failing.
	var zero pii.Policy
	m := Message{From: "+14155551234"}
	if err := zero.Redact(&m); err != nil || m.From != "+1415555XXXX" {
		t.Errorf("zero Policy: %q, %v", m.From, err)
	}
}
