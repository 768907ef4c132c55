package pii

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMapValuesRedactorsKeepTheirOwn checks that the values of a map that redact
// themselves (a Redactor by value) are each redacted in memory of their own: a RedactPII
// that keeps its receiver keeps one value, never one that the next entry overwrites,
// whether the map is copied (ForLog, Redacted) or redacted in place (Redact).
func TestMapValuesRedactorsKeepTheirOwn(t *testing.T) {
	type book struct {
		Phones map[string]keptPhone `pii:"phone"`
	}
	newBook := func() book {
		return book{Phones: map[string]keptPhone{"home": {"+14155552671"}, "work": {"+442079460958"}, "cell": {"+4930901820"}}}
	}
	for _, tc := range []struct {
		name string
		run  func(b book) error
	}{
		{"ForLog", func(b book) error { Default().ForLog(b); return nil }},
		{"Redacted", func(b book) error { _, err := Redacted(nil, b); return err }},
		{"Redact", func(b book) error { return Redact(&b) }},
	} {
		keptPhones = nil
		if err := tc.run(newBook()); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		distinct := map[*keptPhone]bool{}
		var numbers []string
		for _, k := range keptPhones {
			distinct[k] = true
			numbers = append(numbers, k.Number)
		}
		if len(keptPhones) != 3 || len(distinct) != 3 {
			t.Errorf("%s: RedactPII kept %d receivers, %d of them distinct: want 3 and 3", tc.name, len(keptPhones), len(distinct))
		}
		if diff := cmp.Diff([]string{"hidden", "hidden", "hidden"}, numbers); diff != "" {
			t.Errorf("%s: kept receivers (-want +got):\n%s", tc.name, diff)
		}
	}
}
