package adaptertest

import (
	"encoding/json"
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// Message is the root of the random values: a record with personal and Not PII fields,
// slices, a recursive pointer and an interface.
type Message struct {
	SID       string   `pii:"no" json:"sid"`
	From      string   `pii:"phone" json:"from"`
	Body      string   `pii:"body" json:"body"`
	Author    string   `pii:"name" json:"author"`
	Media     []Media  `json:"media"`
	Forwarded *Message `json:"forwarded"`
	Meta      any      `json:"meta"`
}

// Media is an attachment of a Message.
type Media struct {
	SID string `pii:"no" json:"sid"`
	URL string `pii:"url" json:"url"`
}

// Contact is what a Message's Meta may hold: directly, behind a pointer, or in a slice.
type Contact struct {
	Name   string            `pii:"name" json:"name"`
	Email  string            `pii:"email" json:"email"`
	Phones map[string]string `pii:"phone" json:"phones"`
}

// Gen makes random nested values of the model above, remembering every personal value
// it puts in and every Not PII one, so that a test can look for them in the output.
type Gen struct {
	seed   uint64
	r      *rand.Rand
	pii    []string
	public []string
}

// Messages yields n random messages (nesting up to two forwarded ones), made from seeds
// 0 to n-1, each with the Gen that made it.
func Messages(n uint64) iter.Seq2[*Gen, *Message] {
	return func(yield func(*Gen, *Message) bool) {
		for seed := range n {
			g := &Gen{seed: seed, r: rand.New(rand.NewPCG(seed, 15))}
			if !yield(g, g.message(2)) {
				return
			}
		}
	}
}

func (g *Gen) word(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = "bcdfghjklmnpqrstvwz"[g.r.IntN(19)]
	}
	return string(b)
}

func (g *Gen) secret(s string) string { g.pii = append(g.pii, s); return s }

func (g *Gen) sid() string {
	s := fmt.Sprintf("SID%08x", g.r.Uint32())
	g.public = append(g.public, s)
	return s
}

func (g *Gen) phone() string { return g.secret(fmt.Sprintf("+1415%07d", g.r.IntN(10_000_000))) }

func (g *Gen) name() string {
	return g.secret(strings.ToUpper(g.word(1)) + g.word(6) + " " + strings.ToUpper(g.word(1)) + g.word(7))
}

func (g *Gen) contact() Contact {
	c := Contact{Name: g.name(), Email: g.secret("mail" + g.word(8) + "@example.com"), Phones: map[string]string{}}
	for range g.r.IntN(3) {
		c.Phones[g.sid()] = g.phone()
	}
	return c
}

func (g *Gen) message(depth int) *Message {
	m := &Message{SID: g.sid(), From: g.phone(), Body: g.secret("body " + g.word(12)), Author: g.name()}
	for range g.r.IntN(3) {
		m.Media = append(m.Media, Media{SID: g.sid(), URL: g.secret("https://m.example.com/" + g.word(10))})
	}
	switch g.r.IntN(4) {
	case 0:
		m.Meta = g.contact()
	case 1:
		c := g.contact()
		m.Meta = &c
	case 2:
		m.Meta = []Contact{g.contact(), g.contact()}
	}
	if depth > 0 && g.r.IntN(2) == 0 {
		m.Forwarded = g.message(depth - 1)
	}
	return m
}

// Check fails when a personal value (as it is, or as JSON escapes it) is in out, or a
// Not PII one is not (when wantPublic: a text format prints pointers as addresses).
// route names the way out was logged.
func (g *Gen) Check(t testing.TB, route, out string, wantPublic bool) {
	t.Helper()
	for _, s := range g.pii {
		b, _ := json.Marshal(s)
		if strings.Contains(out, s) || strings.Contains(out, strings.Trim(string(b), `"`)) {
			t.Fatalf("seed %d, %s: %q reached the output: %s", g.seed, route, s, out)
		}
	}
	for _, s := range g.public {
		if !wantPublic {
			break
		}
		if !strings.Contains(out, s) {
			t.Fatalf("seed %d, %s: Not PII %q lost: %s", g.seed, route, s, out)
		}
	}
}

// Property calls check with the default Policy and each of 100 random messages (see
// Messages), with the Gen that made it; check logs the message each way its logger
// takes it and calls Gen.Check on each output.
func Property(t *testing.T, check func(p *pii.Policy, g *Gen, m *Message)) {
	t.Helper()
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	for g, m := range Messages(100) {
		check(p, g, m)
	}
}
