package pii_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// SMSThread is a record whose participants' names are hidden in every message of it.
type SMSThread struct {
	Owner    string `pii:"name"`
	Messages []SMS
}

// TestNamesPerRecord checks that a redact=scan body is matched against its own record's
// names and those of the records around it, never against its siblings' (which made a
// batch quadratic).
func TestNamesPerRecord(t *testing.T) {
	batch := []SMS{
		{Author: "Ada Byron", Body: "Ada here, Bob Stone says hi"},
		{Author: "Bob Stone", Body: "Bob here, Ada Byron says hi"},
	}
	got, err := pii.Redacted(nil, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A. here, Bob Stone says hi", "B. here, Ada Byron says hi"}
	var bodies []string
	for _, m := range got {
		bodies = append(bodies, m.Body)
	}
	if diff := cmp.Diff(want, bodies); diff != "" {
		t.Errorf("bodies (-want +got):\n%s", diff)
	}

	thread := SMSThread{Owner: "Cyd Charisse", Messages: []SMS{{Author: "Dan Dare", Body: "Cyd, Dan here"}}}
	rt, err := pii.Redacted(nil, thread)
	if err != nil {
		t.Fatal(err)
	}
	if body := rt.Messages[0].Body; strings.Contains(body, "Cyd") || strings.Contains(body, "Dan") {
		t.Errorf("a message did not hide its thread's and its own names: %q", body)
	}
}

func BenchmarkRedactedBatchNames(b *testing.B) {
	for _, n := range []int{100, 1000} {
		batch := make([]SMS, n)
		for i := range batch {
			batch[i] = SMS{Author: fmt.Sprintf("Name%d Surname%d", i, i), Body: "hello there, nothing much to say today"}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pii.Redacted(nil, batch); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
