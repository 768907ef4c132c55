package pii

import (
	"errors"
	"reflect"
	"testing"

	"github.com/ef8f9424/pii/internal/guard"
)

// triedCard's Error holds on every real card and panics on a redacted copy, whose
// sensitive card is zeroed.
type triedCard struct {
	Card string `pii:"card,handling=sensitive"`
}

func (c triedCard) Error() string { return "declined: " + c.Card[len(c.Card)-4:] }

// TestTriedIsFailureNote checks that what the adapters put in place of a copy whose
// method panicked (guard.Tried) is this package's failure note: an error that
// errors.Is reports as ErrRedactionFailed, which the adapters write as the note, with
// the text every other copy that panicked gets.
func TestTriedIsFailureNote(t *testing.T) {
	x := guard.Tried(triedCard{})
	err, ok := x.(error)
	if !ok || !errors.Is(err, ErrRedactionFailed) {
		t.Fatalf("guard.Tried of a copy that panics = %#v, want an error wrapping ErrRedactionFailed", x)
	}
	if got, want := err.Error(), guard.Note(reflect.TypeFor[triedCard]()); got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	if got := guard.Tried(triedCard{Card: "4242424242424242"}); got != any(triedCard{Card: "4242424242424242"}) {
		t.Errorf("guard.Tried of a copy whose Error holds = %#v, want it as it was", got)
	}
}
