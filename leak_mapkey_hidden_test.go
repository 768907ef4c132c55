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
