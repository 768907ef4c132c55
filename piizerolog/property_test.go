package piizerolog_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// TestProperty logs random nested values (pointers, slices, maps, interfaces, recursion)
// through Object and through Interface with pii.Safe, and checks that no personal value
// reaches the output and every Not PII one does.
func TestProperty(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(100) {
		g := &gen{r: rand.New(rand.NewPCG(seed, 15))}
		m := g.message(2)
		routes := []struct {
			name string
			log  func(*zerolog.Logger)
		}{
			{"Object", func(l *zerolog.Logger) { l.Info().Object("m", piizerolog.ObjectOf(p, m)).Send() }},
			{"Object slice", func(l *zerolog.Logger) { l.Info().Object("m", piizerolog.ObjectOf(p, []*Message{m})).Send() }},
			{"Interface Safe", func(l *zerolog.Logger) { l.Info().Interface("m", p.Safe(m)).Send() }},
		}
		for _, r := range routes {
			var buf bytes.Buffer
			l := zerolog.New(&buf)
			r.log(&l)
			g.check(t, seed, r.name, buf.String(), true)
		}
	}
}

// gen makes random nested values of the model below, remembering every personal value
// it puts in and every Not PII one, so that a test can look for them in the output.
type gen struct {
	r      *rand.Rand
	pii    []string
	public []string
}

type Message struct {
	SID       string   `pii:"no" json:"sid"`
	From      string   `pii:"phone" json:"from"`
	Body      string   `pii:"body" json:"body"`
	Author    string   `pii:"name" json:"author"`
	Media     []Media  `json:"media"`
	Forwarded *Message `json:"forwarded"`
	Meta      any      `json:"meta"`
}

type Media struct {
	SID string `pii:"no" json:"sid"`
	URL string `pii:"url" json:"url"`
}

type Contact struct {
	Name   string            `pii:"name" json:"name"`
	Email  string            `pii:"email" json:"email"`
	Phones map[string]string `pii:"phone" json:"phones"`
}

func (g *gen) word(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = "bcdfghjklmnpqrstvwz"[g.r.IntN(19)]
	}
	return string(b)
}

func (g *gen) secret(s string) string { g.pii = append(g.pii, s); return s }

func (g *gen) sid() string {
	s := fmt.Sprintf("SID%08x", g.r.Uint32())
	g.public = append(g.public, s)
	return s
}

func (g *gen) phone() string { return g.secret(fmt.Sprintf("+1415%07d", g.r.IntN(10_000_000))) }

func (g *gen) name() string {
	return g.secret(strings.ToUpper(g.word(1)) + g.word(6) + " " + strings.ToUpper(g.word(1)) + g.word(7))
}

func (g *gen) contact() Contact {
	c := Contact{Name: g.name(), Email: g.secret("mail" + g.word(8) + "@example.com"), Phones: map[string]string{}}
	for range g.r.IntN(3) {
		c.Phones[g.sid()] = g.phone()
	}
	return c
}

func (g *gen) message(depth int) *Message {
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

// check fails when a personal value (as it is, or as JSON escapes it) is in out, or a
// Not PII one is not (when wantPublic: a text format prints pointers as addresses).
func (g *gen) check(t *testing.T, seed uint64, route, out string, wantPublic bool) {
	t.Helper()
	for _, s := range g.pii {
		b, _ := json.Marshal(s)
		if strings.Contains(out, s) || strings.Contains(out, strings.Trim(string(b), `"`)) {
			t.Fatalf("seed %d, %s: %q reached the output: %s", seed, route, s, out)
		}
	}
	for _, s := range g.public {
		if !wantPublic {
			break
		}
		if !strings.Contains(out, s) {
			t.Fatalf("seed %d, %s: Not PII %q lost: %s", seed, route, s, out)
		}
	}
}
