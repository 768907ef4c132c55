package pii_test

import (
	"testing"
	"time"

	"github.com/ef8f9424/pii"
)

// BenchmarkPurgeRecords purges a batch of 1,000 messages of 1,000 different ages, each by
// its own creation time.
func BenchmarkPurgeRecords(b *testing.B) {
	src := make([]Msg, 1000)
	for i := range src {
		src[i] = msgAged("m", i%200)
	}
	batch := make([]Msg, len(src))
	b.ReportAllocs()
	for b.Loop() {
		copy(batch, src)
		if _, err := pii.Purge(batch, time.Time{}, recNow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnonymizeBatch anonymises 1,000 subscribers in place: a checking pass, then
// the writing one.
func BenchmarkAnonymizeBatch(b *testing.B) {
	p, err := pii.New(pii.WithKey(testKey))
	if err != nil {
		b.Fatal(err)
	}
	src := make([]LateSealed, 1000)
	for i := range src {
		src[i] = LateSealed{Phone: "+14155551234", Name: "Jane Doe", Payload: "x"}
	}
	batch := make([]LateSealed, len(src))
	b.ReportAllocs()
	for b.Loop() {
		copy(batch, src)
		if err := p.Anonymize(batch); err != nil {
			b.Fatal(err)
		}
	}
}
