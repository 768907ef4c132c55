package pii_test

import (
	"crypto/hpke"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

// Subscriber is a record exported for statistics.
type Subscriber struct {
	ID       string    `pii:"no"`
	Phone    string    `pii:"phone"`
	Email    string    `pii:"email"`
	Name     string    `pii:"name"`
	IP       string    `pii:"ip"`
	Postal   string    `pii:"postal"`
	Born     time.Time `pii:"dob"`
	Card     string    `pii:"card"`
	Notes    string    `pii:"body"`
	Country  string    `pii:"phone,anon=generalize"`
	Voice    []byte    `pii:"biometric,anon=seal"`
	Password string    `pii:"secret"`
}

func newSubscriber() Subscriber {
	return Subscriber{
		ID: "S1", Phone: "+1 (415) 555-1234", Email: "Jane.Doe@Example.com", Name: "Jane Doe",
		IP: "203.0.113.42", Postal: "94105", Born: time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC),
		Card: "4111111111111111", Notes: "call me", Country: "+442079460958",
		Voice: []byte("RIFF....WAVE"), Password: "hunter2",
	}
}

// sealingPolicy returns a Policy with the test pseudonym key and a fresh seal key, and
// the private key that opens its envelopes.
func sealingPolicy(t *testing.T) (*pii.Policy, hpke.PrivateKey) {
	t.Helper()
	priv, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pii.New(pii.WithKey(testKey), pii.WithSealKey(priv.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	return p, priv
}

func TestAnonymize(t *testing.T) {
	p, priv := sealingPolicy(t)
	s := newSubscriber()
	if err := p.Anonymize(&s); err != nil {
		t.Fatal(err)
	}
	voice := s.Voice
	s.Voice = nil
	got := s
	want := Subscriber{
		ID: "S1", IP: "203.0.113.0/24", Postal: "941", Born: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		Card: "1111", Country: "+44",
	}
	// Pseudonyms: checked for shape and stability below, not spelled out here.
	for _, tok := range []*string{&got.Phone, &got.Email, &got.Name} {
		if !strings.Contains(*tok, ":k") {
			t.Errorf("pseudonym %q has no key identifier", *tok)
		}
		*tok = ""
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Anonymize (-want +got):\n%s", diff)
	}
	// The sealed recording opens with the private key, and only with it.
	sealed := Subscriber{Voice: voice}
	if strings.Contains(string(voice), "RIFF") {
		t.Fatalf("sealed value holds the original: %q", voice)
	}
	if err := pii.Unseal(&sealed, priv); err != nil {
		t.Fatal(err)
	}
	if string(sealed.Voice) != "RIFF....WAVE" {
		t.Errorf("Unseal gave %q", sealed.Voice)
	}
	other, _ := pii.GenerateSealKey()
	wrong := Subscriber{Voice: voice}
	if err := pii.Unseal(&wrong, other); !errors.Is(err, pii.ErrEnvelope) {
		t.Errorf("Unseal with another key = %v, want ErrEnvelope", err)
	}
	tampered := Subscriber{Voice: append([]byte(nil), voice...)}
	tampered.Voice[len(tampered.Voice)-3] ^= 1
	if err := pii.Unseal(&tampered, priv); !errors.Is(err, pii.ErrEnvelope) {
		t.Errorf("Unseal of a tampered envelope = %v, want ErrEnvelope", err)
	}
}

func TestPseudonymsStable(t *testing.T) {
	p1, _ := pii.New(pii.WithKey(testKey), pii.WithSealKey(testSealKey(t)))
	p2, _ := pii.New(pii.WithKey([]byte("another key of 16+ bytes")), pii.WithSealKey(testSealKey(t)))
	a, b, c := newSubscriber(), newSubscriber(), newSubscriber()
	b.Phone, b.Email, b.Name = "+14155551234", "jane.doe@example.com ", "JANE  DOE"
	for _, s := range []*Subscriber{&a, &b} {
		if err := p1.Anonymize(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := p2.Anonymize(&c); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{a.Phone, a.Email, a.Name}, []string{b.Phone, b.Email, b.Name}); diff != "" {
		t.Errorf("equal values after normalisation gave different pseudonyms (-a +b):\n%s", diff)
	}
	if a.Phone == c.Phone || a.Email == c.Email || a.Name == c.Name {
		t.Error("two keys gave the same pseudonym")
	}
}

func TestAnonymizeNeedsKey(t *testing.T) {
	type Row struct {
		Name string `pii:"name,anon=pseudonym"`
	}
	r := Row{Name: "Jane"}
	err := pii.Default().Anonymize(&r)
	if !errors.Is(err, pii.ErrNoKey) || !strings.Contains(err.Error(), "Row.Name") || strings.Contains(err.Error(), "Jane") {
		t.Errorf("Anonymize without a key = %v, want ErrNoKey naming Row.Name and not the value", err)
	}
	for _, key := range [][]byte{nil, []byte("short")} {
		if _, err := pii.New(pii.WithKey(key)); !errors.Is(err, pii.ErrOption) {
			t.Errorf("WithKey(%q) = %v, want an option error", key, err)
		}
	}
}

func TestAnonymizeConcurrent(t *testing.T) {
	p, _ := sealingPolicy(t)
	want := newSubscriber()
	if err := p.Anonymize(&want); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			s := newSubscriber()
			if err := p.Anonymize(&s); err != nil {
				t.Error(err)
				return
			}
			if s.Phone != want.Phone || s.Email != want.Email {
				t.Errorf("pseudonyms differ across goroutines: %q vs %q", s.Phone, want.Phone)
			}
		})
	}
	wg.Wait()
}

func TestKAnonymity(t *testing.T) {
	type Stat struct {
		Country string `pii:"no"`
		AgeBand string `pii:"no"`
	}
	rows := []Stat{{"US", "30-39"}, {"US", "30-39"}, {"US", "30-39"}, {"DE", "30-39"}, {"DE", "30-39"}}
	k, err := pii.KAnonymity(rows, "Country", "AgeBand")
	if err != nil || k != 2 {
		t.Errorf("KAnonymity = %d, %v; want 2", k, err)
	}
	if _, err := pii.KAnonymity(rows, "Nope"); err == nil {
		t.Error("KAnonymity with an unknown path: no error")
	}
}

func testSealKey(t *testing.T) hpke.PublicKey {
	t.Helper()
	priv, err := pii.GenerateSealKey()
	if err != nil {
		t.Fatal(err)
	}
	return priv.PublicKey()
}

func TestKAnonymityComposites(t *testing.T) {
	type Addr struct{ City, Street string }
	type Row struct {
		A    Addr
		Tags []string
		M    map[string]int
	}
	tests := []struct {
		name string
		rows []Row
		path string
		want int
	}{
		{"structs that print alike", []Row{{A: Addr{"a b", "c"}}, {A: Addr{"a", "b c"}}}, "A", 1},
		{"slices that print alike", []Row{{Tags: []string{"x y"}}, {Tags: []string{"x", "y"}}}, "Tags", 1},
		{"equal maps", []Row{{M: map[string]int{"a": 1, "b": 2}}, {M: map[string]int{"b": 2, "a": 1}}}, "M", 2},
	}
	for _, tt := range tests {
		if k, err := pii.KAnonymity(tt.rows, tt.path); err != nil || k != tt.want {
			t.Errorf("%s: KAnonymity = %d, %v; want %d", tt.name, k, err, tt.want)
		}
	}
}

func TestPseudonymsKeepExtensionsApart(t *testing.T) {
	type Line struct {
		Phone string `pii:"phone,anon=pseudonym"`
	}
	p, _ := pii.New(pii.WithKey(testKey), pii.WithRegion("US"))
	a, b := Line{"+1 415 555 2671 ext 101"}, Line{"+1 415 555 2671 ext 102"}
	if err := p.Anonymize(&a); err != nil {
		t.Fatal(err)
	}
	if err := p.Anonymize(&b); err != nil {
		t.Fatal(err)
	}
	if a.Phone == b.Phone {
		t.Errorf("two extensions share the pseudonym %q", a.Phone)
	}
}

// LateSealed holds its sealed field last, behind an interface, so that an in-place walk
// meets the missing seal key only after it has anonymised everything before it.
type LateSealed struct {
	Phone   string `pii:"phone"`
	Name    string `pii:"name"`
	Payload any
}

type SealedNote struct {
	Text string `pii:"body,anon=seal"`
}

func TestAnonymizeAllOrNothing(t *testing.T) {
	p, err := pii.New(pii.WithKey(testKey)) // a pseudonym key, no seal key
	if err != nil {
		t.Fatal(err)
	}
	newBatch := func() []LateSealed {
		return []LateSealed{
			{Phone: "+14155551234", Name: "Jane Doe", Payload: "plain"},
			{Phone: "+442079460958", Name: "John Roe", Payload: &SealedNote{Text: "secret plan"}},
		}
	}
	tests := map[string]func() (any, any){
		"slice, seal key met behind an interface pointer": func() (any, any) { b := newBatch(); return b, newBatch() },
		"pointer to a slice":                              func() (any, any) { b := newBatch(); return &b, ptr(newBatch()) },
		"map of values": func() (any, any) {
			mk := func() map[string]LateSealed {
				b := newBatch()
				return map[string]LateSealed{"a": b[0], "b": b[1], "c": {Payload: SealedNote{Text: "x"}}}
			}
			return mk(), mk()
		},
		"missing pseudonym key": func() (any, any) {
			type Late struct {
				IP    string `pii:"ip"`
				Label string `pii:"name,anon=pseudonym"`
			}
			return &[]Late{{IP: "203.0.113.4"}, {IP: "203.0.113.5", Label: "x"}}, &[]Late{{IP: "203.0.113.4"}, {IP: "203.0.113.5", Label: "x"}}
		},
	}
	for name, mk := range tests {
		t.Run(name, func(t *testing.T) {
			v, want := mk()
			pol := p
			if name == "missing pseudonym key" {
				pol = pii.Default()
			}
			if err := pol.Anonymize(v); !errors.Is(err, pii.ErrNoKey) {
				t.Fatalf("Anonymize = %v, want ErrNoKey", err)
			}
			if diff := cmp.Diff(want, v); diff != "" {
				t.Errorf("a failed Anonymize changed the value (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAnonymized(t *testing.T) {
	p, _ := sealingPolicy(t)
	orig := []*Subscriber{ptr(newSubscriber()), ptr(newSubscriber())}
	orig[1] = orig[0] // shared: copied once, and still never written
	keep := []*Subscriber{ptr(newSubscriber()), nil}
	keep[1] = keep[0]
	got, err := pii.Anonymized(p, orig)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(keep, orig); diff != "" {
		t.Errorf("Anonymized changed its argument (-want +got):\n%s", diff)
	}
	inPlace := newSubscriber()
	if err := p.Anonymize(&inPlace); err != nil {
		t.Fatal(err)
	}
	// Sealing is randomised: compare the rest, and that the voice is sealed.
	if got[0].Voice == nil || string(got[0].Voice) == string(orig[0].Voice) {
		t.Errorf("Anonymized left the voice as it was")
	}
	got[0].Voice, inPlace.Voice = nil, nil
	if diff := cmp.Diff(&inPlace, got[0]); diff != "" {
		t.Errorf("Anonymized differs from Anonymize (-Anonymize +Anonymized):\n%s", diff)
	}
	if got[0] != got[1] {
		t.Error("Anonymized split a shared pointer into two copies")
	}

	var nilPolicy *pii.Policy
	noKey := LateSealed{Phone: "+14155551234", Payload: &SealedNote{Text: "t"}}
	if z, err := pii.Anonymized(nilPolicy, noKey); !errors.Is(err, pii.ErrNoKey) || z.Phone != "" {
		t.Errorf("Anonymized without a seal key = %+v, %v; want the zero value and ErrNoKey", z, err)
	}
	if noKey.Payload.(*SealedNote).Text != "t" || noKey.Phone != "+14155551234" {
		t.Errorf("a failed Anonymized changed its argument: %+v", noKey)
	}
}

func TestAnonymizeBadTagBehindInterface(t *testing.T) {
	type BadTag struct {
		X string `pii:"phone,mtl=ninety"`
	}
	v := []any{&LateSealed{Phone: "+14155551234", Name: "Jane Doe"}, BadTag{X: "+14155551234"}}
	var te *pii.TagError
	if err := pii.Anonymize(v); !errors.As(err, &te) {
		t.Fatalf("Anonymize = %v, want a *TagError", err)
	}
	if s := v[0].(*LateSealed); s.Phone != "+14155551234" || s.Name != "Jane Doe" {
		t.Errorf("a failed Anonymize changed the record before the bad one: %+v", s)
	}
}
