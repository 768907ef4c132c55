package pii_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

type hiddenKeyUser struct {
	Name string `pii:"name"`
}

// hiddenKeyIndex keeps users as the keys of a map in an unexported field, which fmt
// prints, keys and all.
type hiddenKeyIndex struct {
	ID     string `pii:"no"`
	byUser map[hiddenKeyUser]bool
}

// TestHiddenMapKeysRefused: a map keyed by a tagged type is refused (ErrMapKey) in an
// unexported field as in an exported one, so that neither a copy nor a log line shows
// its keys.
func TestHiddenMapKeysRefused(t *testing.T) {
	v := hiddenKeyIndex{ID: "idx-1", byUser: map[hiddenKeyUser]bool{{Name: "Ann Lee"}: true}}
	if s := fmt.Sprint(pii.Safe(v)); strings.Contains(s, "Ann") {
		t.Errorf("Safe prints %q", s)
	}
	if _, err := pii.Redacted(nil, v); !errors.Is(err, pii.ErrMapKey) {
		t.Errorf("Redacted: error %v, want ErrMapKey", err)
	}
	if err := pii.Redact(&v); !errors.Is(err, pii.ErrMapKey) {
		t.Errorf("Redact: error %v, want ErrMapKey", err)
	}
}

// TestTaggedMapKeysThatHoldText redacts maps under a PII tag whose keys are no strings
// but hold them. A string an interface key holds is scanned as a string key is (an
// address goes, a label stays); a key that holds text otherwise (an array, a struct,
// one in an interface), which no scan can change, makes the map refused (ErrMapKey).
// No output shows the address; keys that hold no text (numbers) pass.
func TestTaggedMapKeysThatHoldText(t *testing.T) {
	const addr = "Maria.Okafor@example.com"
	type keyed[K comparable] struct {
		ID     string       `pii:"no"`
		ByAddr map[K]string `pii:"email"`
	}
	refused := []any{
		keyed[[1]string]{"r1", map[[1]string]string{{addr}: "primary"}},
		keyed[struct{ S string }]{"r1", map[struct{ S string }]string{{addr}: "primary"}},
		keyed[any]{"r1", map[any]string{[1]string{addr}: "primary"}},
	}
	for _, v := range refused {
		if _, err := pii.Redacted(nil, v); !errors.Is(err, pii.ErrMapKey) {
			t.Errorf("%T: Redacted = %v, want ErrMapKey", v, err)
		}
	}
	scanned := keyed[any]{"r1", map[any]string{addr: "primary", "home": addr, 7: addr}}
	for _, v := range append(refused, scanned) {
		for _, out := range []string{logThrough(v, true, nil), logThrough(v, false, nil), fmt.Sprintf("%+v", pii.Safe(v))} {
			if strings.Contains(out, "Okafor") {
				t.Errorf("%T: the address reached the output: %s", v, out)
			}
		}
	}
	got, err := pii.Redacted(nil, scanned)
	if err != nil {
		t.Fatal(err)
	}
	if got.ByAddr["home"] != "***@example.com" || got.ByAddr[7] != "***@example.com" || len(got.ByAddr) != 3 {
		t.Errorf("Redacted = %v: want the label and the number kept, the address key scanned", got.ByAddr)
	}
	if _, ok := scanned.ByAddr[addr]; !ok {
		t.Errorf("Redacted changed the caller's map")
	}
}
