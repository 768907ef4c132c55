package pii_test

import (
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// The spare room of a slice (what lies between its length and its capacity) is not part
// of the value, but it is memory the caller's array holds, and it often holds what the
// caller cut off (s = s[:0] after a batch). A copy that left such a slice sharing the
// caller's array would let its reader reslice it (c.Phones[:cap(c.Phones)]) and read
// data that was never redacted.

const ownedNumber = "+14155550100"

type spareContact struct {
	Phone string `pii:"phone"`
}

type spareRecord struct {
	Phones   []string       `pii:"phone"`
	Raw      []byte         `pii:"phone"`
	Owned    []byte         `pii:"phone"`
	Contacts []spareContact `pii:"no"`
}

// spareCut returns a record whose slices are all cut short of data they held, and that
// data: reslicing any field to its capacity would show it.
func spareCut() (spareRecord, []string) {
	secret := []string{"+14155552671", "+442079460958", "+14155559876"}
	phones := []string{secret[0]}
	raw := []byte(secret[1])
	owned := append([]byte(ownedNumber), " "+secret[2]...)
	contacts := []spareContact{{Phone: secret[0]}}
	return spareRecord{
		Phones:   phones[:0],
		Raw:      raw[:0],
		Owned:    owned[:len(ownedNumber)],
		Contacts: contacts[:0],
	}, secret
}

// spareView is what a reader of a copy can reach of its slices: every element up to
// each slice's capacity.
func spareView(r spareRecord) []string {
	var out []string
	out = append(out, r.Phones[:cap(r.Phones)]...)
	out = append(out, string(r.Raw[:cap(r.Raw)]), string(r.Owned[:cap(r.Owned)]))
	for _, c := range r.Contacts[:cap(r.Contacts)] {
		out = append(out, c.Phone)
	}
	return out
}

func TestCopiesDoNotReachSpareRoom(t *testing.T) {
	p, err := pii.New(pii.WithOwnedNumbers(ownedNumber))
	if err != nil {
		t.Fatal(err)
	}
	copies := []struct {
		name string
		copy func(spareRecord) (spareRecord, error)
	}{
		{"Redacted", func(r spareRecord) (spareRecord, error) { return pii.Redacted(p, r) }},
		{"ForLog", func(r spareRecord) (spareRecord, error) {
			v, _ := p.ForLog(&r)
			return *v.(*spareRecord), nil
		}},
	}
	for _, c := range copies {
		t.Run(c.name, func(t *testing.T) {
			in, secret := spareCut()
			before := spareView(in)
			got, err := c.copy(in)
			if err != nil {
				t.Fatal(err)
			}
			// The copy's values are the caller's (empty, or the service's own number).
			if diff := cmp.Diff([]string{ownedNumber}, []string{string(got.Owned)}); diff != "" {
				t.Errorf("owned number changed (-want +got):\n%s", diff)
			}
			if len(got.Phones)+len(got.Raw)+len(got.Contacts) != 0 {
				t.Errorf("empty slices are no longer empty: %+v", got)
			}
			view := spareView(got)
			for _, s := range secret {
				for _, seen := range view {
					if strings.Contains(seen, s) {
						t.Errorf("the copy reaches %q, cut off by the caller: %q", s, view)
					}
				}
			}
			if diff := cmp.Diff(before, spareView(in)); diff != "" {
				t.Errorf("the caller's value changed (-before +after):\n%s", diff)
			}
		})
	}
}
