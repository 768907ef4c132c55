package benchmarks

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// ColdSMSCount is how many different SMS texts the cold SMS workload cycles through.
// Each carries a phone number and an order number found in no other, so a pass through
// them asks the finder about some 130,000 numbers it has not seen in the last
// 130,000: a cache of recent verdicts smaller than that cannot answer, and every
// number is validated afresh, as in a service that receives messages from many people.
const ColdSMSCount = 1 << 16

// ColdSMS returns the texts of the cold SMS workload: the SMS with its phone number and
// order number replaced by ones of the same length, all different. They are generated
// once, from a fixed sequence, so every run times the same texts.
func ColdSMS() []string {
	coldOnce.Do(func() { coldTexts = buildColdSMS(ColdSMSCount) })
	return coldTexts
}

var (
	coldOnce  sync.Once
	coldTexts []string
)

// coldAreas are US area codes in service; with an exchange of 200 to 999 and any line
// number, the numbers are valid ones.
var coldAreas = []string{"415", "212", "646", "312", "617", "206", "303", "512"}

func buildColdSMS(n int) []string {
	out := make([]string, n)
	for i := range out {
		// Multiplying by a constant prime to the modulus visits every residue once: the
		// numbers are all different and spread over exchanges and line numbers.
		u := uint64(i)
		local := u * 2654435761 % 7_000_000 // exchange 300..999 and line, 7 digits
		area := coldAreas[i%len(coldAreas)]
		order := 1_000_000_000 + u*40503%1_000_000_000
		out[i] = fmt.Sprintf("Maria Okafor here, call +1%s%03d%04d or mail maria.okafor@example.com re: order %d. Reply STOP to %s to opt out.",
			area, 300+local/10000, local%10000, order, OwnedNumber)
	}
	return out
}

// coldNext is the index of the next cold SMS, shared by every benchmark and goroutine,
// so that no two operations redact the same text while it could still be cached.
var coldNext atomic.Uint64

// nextColdSMS returns the next text of the cold SMS workload.
func nextColdSMS() string {
	texts := ColdSMS()
	return texts[coldNext.Add(1)%uint64(len(texts))]
}
