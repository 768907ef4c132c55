package adaptertest

import (
	"fmt"
	"strings"
	"testing"
)

// The values of the adapters' adversarial reviews (review_adversarial_test.go in each
// adapter): a card of which a method shows the last four digits.
const (
	ReviewEmail = Email
	ReviewName  = Name
	ReviewCard  = "4242 4242 4242 4242"
)

// ReviewErr is a tagged error that prints its email.
type ReviewErr struct {
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (e ReviewErr) Error() string { return "no account for " + e.Email }

// ReviewHidden is an untagged error that keeps a tagged value behind an unexported
// interface field and prints it.
type ReviewHidden struct{ v any }

// NewReviewHidden returns a ReviewHidden that keeps v.
func NewReviewHidden(v any) ReviewHidden { return ReviewHidden{v} }

func (e ReviewHidden) Error() string { return fmt.Sprint("op failed: ", e.v) }

// ReviewCardErr prints the last four digits of its card: correct on every real value;
// the redacted copy a log line gets has its sensitive card zeroed.
type ReviewCardErr struct {
	ID   string `pii:"no"`
	Card string `pii:"card,handling=sensitive"`
}

func (e ReviewCardErr) Error() string {
	return "card ending " + e.Card[len(e.Card)-4:] + " declined"
}

// ReviewCardJSON is ReviewCardErr's shape with a MarshalJSON of the same kind.
type ReviewCardJSON struct {
	ID   string `pii:"no"`
	Card string `pii:"card,handling=sensitive"`
}

func (c ReviewCardJSON) MarshalJSON() ([]byte, error) {
	return []byte(`{"id":"` + c.ID + `","last4":"` + c.Card[len(c.Card)-4:] + `"}`), nil
}

// NoRaw fails t when out is empty or holds one of the raw values.
func NoRaw(t testing.TB, out string, raw ...string) {
	t.Helper()
	if strings.TrimSpace(out) == "" {
		t.Errorf("nothing was written")
	}
	for _, r := range raw {
		if strings.Contains(out, r) {
			t.Errorf("output holds %q: %s", r, out)
		}
	}
}
