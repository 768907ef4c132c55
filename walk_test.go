package pii_test

import (
	"bytes"
	"database/sql"
	"errors"
	"log/slog"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// Cases found in review: each was a crash, a leak or a write to the caller's value.

func TestSelfContainingValues(t *testing.T) {
	m := map[string]any{"p": Participant{Number: "+14155551234"}}
	m["self"] = m
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("x", "m", m)
	if strings.Contains(buf.String(), "+14155551234") {
		t.Errorf("log line leaks: %s", buf.String())
	}
	if err := pii.Redact(m); err != nil {
		t.Fatal(err)
	}
	if got := m["p"].(Participant).Number; got != "+1415555XXXX" {
		t.Errorf("Redact of a self-containing map: %q", got)
	}
	// A slice that contains itself is walked once, like a pointer cycle.
	s := []any{nil, Participant{Number: "+14155551234"}}
	s[0] = s
	if err := pii.Redact(s); err != nil || s[1].(Participant).Number != "+1415555XXXX" {
		t.Errorf("Redact of a slice that contains itself = %v, %+v", err, s[1])
	}
	buf.Reset()
	s[1] = Participant{Number: "+14155551234"}
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("x", "s", s)
	if strings.Contains(buf.String(), "+14155551234") {
		t.Errorf("log line leaks: %s", buf.String())
	}
	// A DAG of slices is walked once per slice, not once per path (2^40 here).
	dag := []any{Participant{Number: "+14155551234"}}
	for range 40 {
		dag = []any{dag, dag}
	}
	if _, err := pii.Redacted(nil, dag); err != nil {
		t.Fatal(err)
	}
}

// Session locks its fields: a copy of one held locked must not stay locked.
type Session struct {
	mu    sync.Mutex
	Email string `pii:"email"`
}

func (s *Session) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return "session of " + s.Email
}

func TestCopiesHoldNoLocks(t *testing.T) {
	s := &Session{Email: "jane.doe@example.com"}
	s.mu.Lock()
	r, err := pii.Redacted(nil, s)
	s.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if got := r.String(); got != "session of ***@example.com" {
		t.Errorf("the copy's String = %q", got)
	}
}

type PartyRecord struct {
	From   string `pii:"phone"`
	People map[string]Participant
	Age    *sql.NullInt64 `pii:"health"`
	Note   string         `pii:"body,redact=scan"`
}

func TestCollectingNeverWrites(t *testing.T) {
	p, err := pii.New(pii.WithPartyJurisdiction())
	if err != nil {
		t.Fatal(err)
	}
	age := &sql.NullInt64{Int64: 0, Valid: true}
	rec := &PartyRecord{From: "+4930123456", People: map[string]Participant{"a": {Number: "+14155551234"}}, Age: age, Note: "hi"}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var buf bytes.Buffer
			slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), p)).Info("x", "rec", rec)
		})
	}
	wg.Wait()
	if _, err := pii.Redacted(p, *rec); err != nil {
		t.Fatal(err)
	}
	if *age != (sql.NullInt64{Int64: 0, Valid: true}) || rec.People["a"].Number != "+14155551234" {
		t.Errorf("logging changed the caller's value: %+v, %+v", *age, rec.People)
	}
}

type Inner struct {
	First string `pii:"name"`
	SSN   string `pii:"govid"`
}

type Alias struct {
	Q *string `pii:"name"`
	P *Inner
}

func TestPointersToTheSameAddressAsOtherTypes(t *testing.T) {
	in := &Inner{First: "Jane", SSN: "123-45-6789"}
	cp, err := pii.Redacted(nil, Alias{Q: &in.First, P: in})
	if err != nil {
		t.Fatal(err)
	}
	if cp.P.SSN != "***-**-6789" || *cp.Q != "J." {
		t.Errorf("Redacted: SSN %q, Q %q", cp.P.SSN, *cp.Q)
	}
	o := Alias{Q: &in.First, P: in}
	if err := pii.Redact(&o); err != nil {
		t.Fatal(err)
	}
	if in.SSN != "***-**-6789" {
		t.Errorf("Redact left the SSN behind an aliased pointer: %q", in.SSN)
	}
}

func TestNaNMapKeys(t *testing.T) {
	m := map[float64]Participant{math.NaN(): {Number: "+14155551234"}, 1: {Number: "+14155551234"}}
	if err := pii.Redact(m); err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 {
		t.Fatalf("map grew to %d entries", len(m))
	}
	for _, v := range m {
		if v.Number != "+1415555XXXX" {
			t.Errorf("value left as %q", v.Number)
		}
	}
}

func TestScanNamesBehindInterfaces(t *testing.T) {
	v := SMS{Author: "Jane Doe", Body: "this is Jane Doe speaking"}
	var buf bytes.Buffer
	slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("x", "sms", v)
	got := pii.Safe(v).String()
	anyCopy, err := pii.Redacted[any](nil, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{buf.String(), got, anyCopy.(SMS).Body} {
		if strings.Contains(out, "Jane") {
			t.Errorf("the author's name survived in %q", out)
		}
	}
}

// PIN redacts itself to its last two digits.
type PIN struct{ Digits string }

func (p *PIN) RedactPII(pii.Kind) { p.Digits = "**" + p.Digits[len(p.Digits)-2:] }

// ValueRedactor has a value receiver: it cannot change itself.
type ValueRedactor string

func (ValueRedactor) RedactPII(pii.Kind) {}

// SelfRedacting is untagged: its own fields' tags count.
type SelfRedacting struct {
	Phone string `pii:"phone"`
}

func (s *SelfRedacting) RedactPII(pii.Kind) { s.Phone = "gone" }

func TestRedactorRules(t *testing.T) {
	type Holder struct {
		Secret PIN           `pii:"secret"`
		Zero   PIN           `pii:"account,redact=zero"`
		Own    PIN           `pii:"account"`
		Value  ValueRedactor `pii:"name"`
		Plain  SelfRedacting
	}
	h := Holder{PIN{"123456"}, PIN{"123456"}, PIN{"123456"}, "Jane Doe", SelfRedacting{"+14155551234"}}
	if err := pii.Redact(&h); err != nil {
		t.Fatal(err)
	}
	want := Holder{PIN{}, PIN{}, PIN{"**56"}, "J. D.", SelfRedacting{"+1415555XXXX"}}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("Redactor rules (-want +got):\n%s", diff)
	}
}

type TTLRecord struct {
	Phone string `pii:"phone,ttl=1"`
}

func TestPurgeBehindInterfaces(t *testing.T) {
	type Envelope struct {
		ID      string `pii:"no"`
		Payload any
	}
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	e := Envelope{ID: "e1", Payload: TTLRecord{Phone: "+14155551234"}}
	due, err := pii.Default().Purge(&e, created, created.AddDate(0, 0, 10))
	if err != nil {
		t.Fatal(err)
	}
	if e.Payload.(TTLRecord).Phone != "" || !cmp.Equal(due, []string{"pii_test.TTLRecord.Phone"}) {
		t.Errorf("Purge behind an interface: %+v, due %q", e, due)
	}
}

func TestSealBoundToItsField(t *testing.T) {
	type Home struct {
		Street string
		City   string
	}
	type Card struct {
		Home Home `pii:"address,anon=seal"`
	}
	priv, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := pii.New(pii.WithSealKey(priv.PublicKey()))
	c := Card{Home{"1 Main St", "Springfield"}}
	if err := p.Anonymize(&c); err != nil {
		t.Fatal(err)
	}
	c.Home.Street, c.Home.City = c.Home.City, c.Home.Street
	if err := pii.Unseal(&c, priv); !errors.Is(err, pii.ErrEnvelope) {
		t.Errorf("Unseal of swapped envelopes = %v, want ErrEnvelope", err)
	}
}

// Contactable is a non-empty interface: its values carry an itab, not a bare type.
type Contactable interface{ Label() string }

type Reachable struct {
	Name  string `pii:"name"`
	Phone string `pii:"phone"`
}

func (r Reachable) Label() string { return "reachable" }

func TestInterfacesWithMethods(t *testing.T) {
	type Holder struct {
		C   Contactable
		Big any
		Int any `pii:"true"`
	}
	orig := Holder{C: Reachable{"Jane Doe", "+14155551234"}, Big: [3]Reachable{{Phone: "+14155551234"}}, Int: 42}
	cp, err := pii.Redacted(nil, orig)
	if err != nil {
		t.Fatal(err)
	}
	want := Holder{C: Reachable{"J. D.", "+1415555XXXX"}, Big: [3]Reachable{{Phone: "+1415555XXXX"}}, Int: 0}
	if diff := cmp.Diff(want, cp); diff != "" {
		t.Errorf("Redacted (-want +got):\n%s", diff)
	}
	if orig.C.(Reachable).Phone != "+14155551234" || orig.Int != 42 {
		t.Errorf("the original changed: %+v", orig)
	}
	if cp.C.Label() != "reachable" {
		t.Error("the copy's interface lost its methods")
	}
}

// Second review: each case was a leak, a blow-up or a wrong answer.

type RPhone struct{ Number string }

func (p *RPhone) RedactPII(pii.Kind) { p.Number = "XXX" }

func TestPromotedRedactorDoesNotHideFields(t *testing.T) {
	type Contact struct {
		RPhone
		Email string `pii:"email"`
		Name  string
	}
	type Rec struct {
		C Contact `pii:"name"`
	}
	got, err := pii.Redacted(nil, Rec{Contact{RPhone{"+14155551234"}, "alice@example.com", "Alice Smith"}})
	if err != nil {
		t.Fatal(err)
	}
	want := Rec{Contact{RPhone{"A."}, "***@example.com", "A. S."}}
	// RPhone.Number inherits the name tag; the record's fields are each redacted.
	want.C.RPhone.Number = got.C.RPhone.Number
	if diff := cmp.Diff(want, got); diff != "" || strings.Contains(got.C.RPhone.Number, "1234") {
		t.Errorf("Redacted (-want +got):\n%s", diff)
	}
}

type Link struct {
	Any  any
	Name string `pii:"name"`
	Note string `pii:"body,redact=scan"`
}

func TestDeepInterfaceChainsStayLinear(t *testing.T) {
	var a any
	for range 400 {
		a = &Link{Any: a, Name: "Alice Smith", Note: "hi Alice"}
	}
	cp, err := pii.Redacted(nil, a.(*Link))
	if err != nil {
		t.Fatal(err)
	}
	for l := cp; l != nil; {
		if strings.Contains(l.Note, "Alice") || l.Name != "A. S." {
			t.Fatalf("a link kept the name: %+v", *l)
		}
		next, _ := l.Any.(*Link)
		l = next
	}
}

func TestNamedPointerTypesInInterfaces(t *testing.T) {
	type NP *Participant
	p := Participant{Number: "+14155551234"}
	r, err := pii.Redacted(nil, struct{ X any }{NP(&p)})
	if err != nil {
		t.Fatal(err)
	}
	np, ok := r.X.(NP)
	if !ok || (*np).Number != "+1415555XXXX" || p.Number != "+14155551234" {
		t.Errorf("Redacted changed the dynamic type or the original: %T", r.X)
	}
}

func TestMapKeysWithPersonalDataAreRefused(t *testing.T) {
	type Key struct {
		Email string `pii:"email"`
	}
	m := map[Key]int{{"alice@example.com"}: 1}
	if err := pii.Redact(m); !errors.Is(err, pii.ErrMapKey) {
		t.Errorf("Redact of a map keyed by PII = %v, want ErrMapKey", err)
	}
	if s := pii.Safe(m).String(); strings.Contains(s, "alice") {
		t.Errorf("Safe printed the key: %s", s)
	}
}

func TestPurgeReportsByTheRecordsProfile(t *testing.T) {
	p, _ := pii.New(pii.WithProfile(pii.PCIDSS), pii.WithPartyJurisdiction())
	type R struct {
		Phone string `pii:"phone"`
		Email string `pii:"email,ttl=30"`
		Card  string `pii:"card,ttl=30"`
	}
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := R{"+442079460958", "a@example.com", "4111111111111111"}
	due, err := p.Purge(&r, created, created.AddDate(0, 0, 60))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Email", "Card"}, due); diff != "" || r.Email != "" || r.Card != "" {
		t.Errorf("Purge under a party's GDPR: %+v, due (-want +got):\n%s", r, diff)
	}
}

func TestNationalPrefixAfterCountryCode(t *testing.T) {
	if got := pii.RedactText("call +7 8 954 075 74 57 now"); strings.Contains(got, "74 57") {
		t.Errorf("RedactText = %q", got)
	}
}
