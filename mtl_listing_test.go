package pii

import (
	"reflect"
	"testing"
	"time"
)

type listingBase struct {
	ID    string `pii:"no"`
	Phone string `pii:"phone"`
}

type listingShadow struct {
	ID string `pii:"email"`
}

type listingRecord struct {
	listingBase
	*listingShadow
	At   time.Time `pii:"no,created"`
	Body string    `pii:"body,ttl=3"`
	Kids []listingRecord
	Any  any
	Ch   chan int
	Card struct {
		Number, Holder string
	} `pii:"card"`
	Inner map[string]listingInner
}

type listingInner struct {
	At   *time.Time `pii:"no,created"`
	Note []byte     `pii:"body"`
}

// TestListingFollowsClassify checks that a record listing names, field for field, the
// leaves Classify lists, and marks those inside nested records.
func TestListingFollowsClassify(t *testing.T) {
	for _, v := range []any{listingRecord{}, []listingRecord{}, map[int]*listingInner{}, listingBase{}} {
		pl := planFor(reflect.TypeOf(v))
		l := listingOf(pl.root)
		if len(l.nodes) != len(pl.fields) {
			t.Fatalf("%T: listing has %d leaves, Classify %d", v, len(l.nodes), len(pl.fields))
		}
		for i, f := range pl.fields {
			if got := l.nodes[i].typ.String(); got != f.GoType {
				t.Errorf("%T: leaf %d (%s) is a %s, Classify says %s", v, i, f.Path, got, f.GoType)
			}
		}
	}
	pl := planFor(reflect.TypeFor[listingRecord]())
	l := listingOf(pl.root)
	var nested []string
	for i, in := range l.nested {
		if in {
			nested = append(nested, pl.fields[i].Path)
		}
	}
	if want := []string{"Inner[].At", "Inner[].Note"}; !reflect.DeepEqual(nested, want) {
		t.Errorf("nested fields = %q, want %q", nested, want)
	}
}
