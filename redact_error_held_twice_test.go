package pii_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// heldBack is a detail whose field points back at the error that holds it.
type heldBack struct {
	Back *heldHolder
	err  error
}

func (b *heldBack) Error() string { return "back: " + b.err.Error() }
func (b *heldBack) Unwrap() error { return b.err }

// heldHolder holds a heldBack that points back at it.
type heldHolder struct {
	Detail *heldBack
	cause  error
}

func (h *heldHolder) Error() string { return "holder: " + h.Detail.Error() }
func (h *heldHolder) Unwrap() error { return h.cause }

// heldPair holds one error in two fields, level under level, and the last unwraps to
// what it wraps.
type heldPair struct {
	A, B  *heldPair
	inner error
}

func (h *heldPair) Error() string {
	if h.A == nil {
		return "pair: " + h.inner.Error()
	}
	return "pair: " + h.A.Error()
}
func (h *heldPair) Unwrap() error { return h.inner }

// TestErrorsHeldTwice checks errors met twice among those held: one whose field points
// back at the error that holds it, and a pair of fields holding one error, 20 levels
// deep (a million paths). Each is looked at once: met again at every path, both were
// past the bound of a chain and withheld, with nothing tagged as with a tagged value.
func TestErrorsHeldTwice(t *testing.T) {
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}
	back := func(inner error) error {
		h := &heldHolder{cause: errors.New("connection refused")}
		h.Detail = &heldBack{h, inner}
		return h
	}
	pairs := func(inner error) error {
		h := &heldPair{inner: inner}
		for range 20 {
			h = &heldPair{A: h, B: h}
		}
		return h
	}
	for name, build := range map[string]func(error) error{"pointing back": back, "a pair, 20 deep": pairs} {
		untagged := build(errors.New("timeout"))
		if got, changed := p.ForLog(untagged); changed || got != any(untagged) {
			t.Errorf("%s, nothing tagged: ForLog = %.100q, %v: want it as it is", name, fmt.Sprint(got), changed)
		}
		got, changed := p.ForLog(build(reviewErr{reviewEmail}))
		if text := fmt.Sprint(got); !changed || !strings.Contains(text, "bad user ***@example.com") {
			t.Errorf("%s: ForLog = %.100q, %v: want the email alone hidden", name, text, changed)
		}
	}
}
