package pii_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// gen makes random values of the model types, remembering every personal value it puts
// in, so that a test can look for them afterwards.
type gen struct {
	r   *rand.Rand
	pii []string
}

func (g *gen) phone() string {
	s := fmt.Sprintf("+1415%07d", g.r.IntN(10_000_000))
	g.pii = append(g.pii, s)
	return s
}

func (g *gen) word(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = "bcdfghjklmnpqrstvwz"[g.r.IntN(19)]
	}
	return string(b)
}

func (g *gen) name() string {
	s := strings.ToUpper(g.word(1)) + g.word(6) + " " + strings.ToUpper(g.word(1)) + g.word(7)
	g.pii = append(g.pii, s)
	return s
}

func (g *gen) secret(prefix string) string {
	s := prefix + g.word(10)
	g.pii = append(g.pii, s)
	return s
}

func (g *gen) sid() string { return fmt.Sprintf("SID%08x", g.r.Uint32()) }

func (g *gen) message(depth int) *Message {
	m := &Message{
		SID: g.sid(), From: g.phone(), To: g.phone(), Body: g.secret("body "), Author: g.name(),
		ClientIP: fmt.Sprintf("198.51.%d.%d", g.r.IntN(256), 1+g.r.IntN(254)), Segments: g.r.IntN(9),
		Status: "queued", Created: time.Unix(g.r.Int64N(1e9), 0).UTC(),
	}
	g.pii = append(g.pii, m.ClientIP)
	for range g.r.IntN(3) {
		m.Media = append(m.Media, Media{SID: g.sid(), ContentType: "image/png", URL: "https://m.example.com/" + g.secret("u")})
	}
	if depth > 0 && g.r.IntN(2) == 0 {
		m.Forwarded = g.message(depth - 1)
	}
	return m
}

func (g *gen) account() *Account {
	a := &Account{
		SID: g.sid(), FriendlyName: "acct " + g.sid(), Owner: g.name(),
		Address: Address{Street: g.secret("street "), City: g.secret("city "), Region: "CA", PostalCode: "94105", Country: "US"},
		Card:    "4111111111111111",
	}
	if g.r.IntN(2) == 0 {
		a.Billing = &PostalAddress{Line1: g.secret("line "), Locality: g.secret("loc ")}
	}
	for range g.r.IntN(4) {
		c := Contact{Name: g.name(), Email: g.secret("mail") + "@example.com", Phones: map[string]string{}}
		for range g.r.IntN(3) {
			c.Phones[g.sid()] = g.phone()
		}
		a.Contacts = append(a.Contacts, c)
	}
	return a
}

// ignorePII makes cmp skip every field that is PII by its own tag or an enclosing one, so
// that a comparison checks exactly the Not PII and untagged fields.
var ignorePII = cmp.FilterPath(func(p cmp.Path) bool {
	for _, step := range p {
		sf, ok := step.(cmp.StructField)
		if !ok {
			continue
		}
		f, _ := fieldOf(p, sf)
		if tag, ok := f.Tag.Lookup("pii"); ok && tag != "no" {
			return true
		}
	}
	return false
}, cmp.Ignore())

func fieldOf(p cmp.Path, sf cmp.StructField) (reflect.StructField, bool) {
	for i := range p {
		if p[i] == sf && i > 0 {
			t := p[i-1].Type()
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			return t.FieldByName(sf.Name())
		}
	}
	return reflect.StructField{}, false
}

func TestRedactProperties(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(200) {
		g := &gen{r: rand.New(rand.NewPCG(seed, 7))}
		values := []any{g.message(2), g.account()}
		for _, v := range values {
			// A deep copy through JSON: the model has no unexported state.
			orig := reflect.New(reflect.TypeOf(v).Elem())
			if b, err := json.Marshal(v); err != nil || json.Unmarshal(b, orig.Interface()) != nil {
				t.Fatalf("deep copy: %v", err)
			}
			// The copy, made first, must leave v as it was.
			before := fmt.Sprintf("%#v", deref(v))
			cp, err := pii.Redacted(p, v)
			if err != nil {
				t.Fatal(err)
			}
			if after := fmt.Sprintf("%#v", deref(v)); after != before {
				t.Fatalf("seed %d: Redacted changed its input", seed)
			}
			var buf bytes.Buffer
			slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), p)).Info("x", "v", v)
			if err := p.Redact(v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(deref(cp), deref(v)); diff != "" {
				t.Fatalf("seed %d: Redacted and Redact disagree (-copy +in place):\n%s", seed, diff)
			}
			dump := spew(v) + buf.String()
			for _, s := range g.pii {
				if strings.Contains(dump, s) || strings.Contains(dump, jsonString(s)) {
					t.Fatalf("seed %d: %q survived redaction", seed, s)
				}
			}
			if diff := cmp.Diff(deref(orig.Interface()), deref(v), ignorePII); diff != "" {
				t.Fatalf("seed %d: Not PII or untagged fields changed:\n%s", seed, diff)
			}
			twice := spew(v)
			if err := p.Redact(v); err != nil || spew(v) != twice {
				t.Fatalf("seed %d: Redact is not idempotent (%v)", seed, err)
			}
		}
	}
}

func TestRedactConcurrent(t *testing.T) {
	p, _ := pii.New(pii.WithOwnedNumbers("+14155550100"))
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			g := &gen{r: rand.New(rand.NewPCG(uint64(i), 9))}
			for range 50 {
				m := g.message(3)
				if err := p.Redact(m); err != nil {
					t.Error(err)
					return
				}
				if strings.Contains(spew(m), g.pii[0]) {
					t.Errorf("goroutine %d: %q survived", i, g.pii[0])
					return
				}
			}
		})
	}
	wg.Wait()
}

func deref(v any) any { return reflect.ValueOf(v).Elem().Interface() }

func spew(v any) string {
	b, _ := json.Marshal(v)
	return fmt.Sprintf("%#v %s", deref(v), b)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

func TestAnonymizeProperties(t *testing.T) {
	p, _ := sealingPolicy(t)
	for seed := range uint64(50) {
		g := &gen{r: rand.New(rand.NewPCG(seed, 11))}
		for _, v := range []any{g.message(2), g.account()} {
			if err := p.Anonymize(v); err != nil {
				t.Fatal(err)
			}
			dump := spew(v)
			for _, s := range g.pii {
				if strings.Contains(dump, s) || strings.Contains(dump, jsonString(s)) {
					t.Fatalf("seed %d: %q survived anonymisation", seed, s)
				}
			}
		}
	}
}
