package pii_test

import (
	"fmt"
	"testing"

	"github.com/ef8f9424/pii"
)

// gtBatchMessage is issue 11 item 9's record: a name, and a body redacted with
// redact=scan, which looks in the body for the record's own names.
type gtBatchMessage struct {
	Author string `pii:"name"`
	Body   string `pii:"body,redact=scan"`
}

// BenchmarkRedactedBatch redacts batches of messages of growing size. Redaction must be
// linear in the batch: ns/op per message (reported as ns/msg) stays flat from 100 to 400
// messages when every body is matched against its own record's names only.
func BenchmarkRedactedBatch(b *testing.B) {
	for _, n := range []int{100, 200, 400} {
		batch := make([]gtBatchMessage, n)
		for i := range batch {
			name := fmt.Sprintf("Author%04d Surname%04d", i, i)
			batch[i] = gtBatchMessage{Author: name, Body: "Hi, " + name + " here, call me at +1 415 555 0" + fmt.Sprintf("%03d", i%1000)}
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pii.Redacted(nil, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/msg")
		})
	}
}
