package pii_test

import (
	"testing"

	"github.com/ef8f9424/pii"
)

// TestAnonymizeSpellingsOfOnePerson: through Anonymize, one person's phone number and
// address, however written, get one pseudonym, and a number one digit away another.
func TestAnonymizeSpellingsOfOnePerson(t *testing.T) {
	type Contact struct {
		Phone string `pii:"phone"`
		Email string `pii:"email"`
	}
	p, err := pii.New(pii.WithKey(testKey), pii.WithRegion("US"))
	if err != nil {
		t.Fatal(err)
	}
	spellings := []Contact{
		{"4155552671", "jane@example.com"},
		{"+1 415-555-2671", "mailto:jane@example.com"},
		{"tel:+1-415-555-2671", "Jane@Example.COM"},
		{" ＋１ ４１５ ５５５ ２６７１ ", " Jane Doe <jane@example.com> "},
		{"٤١٥\u200b٥٥٥\u200b٢٦٧١", "jane@example.com\u200b"},
	}
	var first Contact
	for i, c := range spellings {
		got, err := pii.Anonymized(p, c)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = got
			continue
		}
		if got != first {
			t.Errorf("%+q: pseudonyms %+v, want those of %+q: %+v", c, got, spellings[0], first)
		}
	}
	other, err := pii.Anonymized(p, Contact{"+1 415-555-2672", "jane.doe@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if other.Phone == first.Phone || other.Email == first.Email {
		t.Errorf("another person shares a pseudonym: %+v and %+v", other, first)
	}
}
