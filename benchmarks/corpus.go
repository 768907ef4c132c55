package benchmarks

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
)

// CorpusSize is the size of the mixed free-text workload: 1 MiB.
const CorpusSize = 1 << 20

// Corpus returns the 1 MiB mixed free-text workload. It is generated, not read from a
// file, from a fixed seed, so every run and every machine times the same bytes: support
// messages in which about one line in four carries personal data (phone numbers in five
// national and international formats, email addresses, IPv4 addresses, card numbers,
// names) and the rest is prose sprinkled with numbers that are not personal data (order
// numbers, amounts, dates, times). It is built once.
func Corpus() string {
	corpusOnce.Do(func() { corpusText = buildCorpus(CorpusSize) })
	return corpusText
}

var (
	corpusOnce sync.Once
	corpusText string
)

var (
	corpusWords = strings.Fields(`the a your our order delivery was is will be
		arrived late tomorrow morning please thanks thank you for waiting driver package
		account update invoice refund support ticket opened closed resolved window store
		pickup shipped tracking number item items back again today when where what how
		can could would should I we they it this that there here not no yes ok sure
		great sorry about with from into over after before until`)
	corpusFirst   = []string{"Maria", "James", "Aiko", "Lars", "Priya", "Chen", "Fatima", "Diego", "Olga", "Samuel"}
	corpusLast    = []string{"Okafor", "Smith", "Tanaka", "Nilsson", "Patel", "Wei", "Haddad", "Ramos", "Ivanova", "Mensah"}
	corpusAreas   = []string{"415", "212", "646", "312", "617", "206", "303", "512"}
	corpusDomains = []string{"example.com", "example.org", "mail.example.net"}
)

func buildCorpus(size int) string {
	rng := rand.New(rand.NewPCG(20260101, 42))
	var sb strings.Builder
	sb.Grow(size + 256)
	for sb.Len() < size {
		writeCorpusLine(&sb, rng)
		sb.WriteByte('\n')
	}
	return sb.String()[:size]
}

func writeCorpusLine(sb *strings.Builder, rng *rand.Rand) {
	prose := func(n int) {
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(corpusWords[rng.IntN(len(corpusWords))])
		}
	}
	prose(4 + rng.IntN(8))
	sb.WriteByte(' ')
	switch rng.IntN(16) {
	case 0: // E.164
		fmt.Fprintf(sb, "+1%s%03d%04d", pick(rng, corpusAreas), 200+rng.IntN(800), rng.IntN(10000))
	case 1: // US national, parenthesised
		fmt.Fprintf(sb, "(%s) %03d-%04d", pick(rng, corpusAreas), 200+rng.IntN(800), rng.IntN(10000))
	case 2: // US national, dotted
		fmt.Fprintf(sb, "%s.%03d.%04d", pick(rng, corpusAreas), 200+rng.IntN(800), rng.IntN(10000))
	case 3: // UK, grouped
		fmt.Fprintf(sb, "+44 20 7946 %04d", rng.IntN(10000))
	case 4: // France, grouped
		fmt.Fprintf(sb, "+33 1 70 36 %02d %02d", rng.IntN(100), rng.IntN(100))
	case 5:
		fmt.Fprintf(sb, "%s.%s%d@%s", strings.ToLower(pick(rng, corpusFirst)),
			strings.ToLower(pick(rng, corpusLast)), rng.IntN(100), pick(rng, corpusDomains))
	case 6:
		fmt.Fprintf(sb, "from 198.51.100.%d", 1+rng.IntN(254))
	case 7:
		sb.WriteString("card 4111 1111 1111 1111")
	case 8:
		fmt.Fprintf(sb, "%s %s", pick(rng, corpusFirst), pick(rng, corpusLast))
	case 9, 10: // order numbers: ten digits, not a valid phone number
		fmt.Fprintf(sb, "order 1%09d", rng.IntN(1000000000))
	case 11:
		fmt.Fprintf(sb, "$%d.%02d", rng.IntN(500), rng.IntN(100))
	case 12:
		fmt.Fprintf(sb, "on 2026-%02d-%02d at %02d:%02d", 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60))
	default:
		prose(3 + rng.IntN(6))
	}
	sb.WriteByte(' ')
	prose(2 + rng.IntN(6))
	sb.WriteByte('.')
}

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }

// ProseSize is the size of the clean prose workload: 16 KiB.
const ProseSize = 16 << 10

// Prose returns the clean prose workload: the corpus's words in sentences, with no
// digit, no '@' and no name, so that nothing in it is personal data and the finder's
// time is that of reading past text. Generated from a fixed seed, once.
func Prose() string {
	proseOnce.Do(func() {
		rng := rand.New(rand.NewPCG(20260102, 7))
		var sb strings.Builder
		sb.Grow(ProseSize + 128)
		for sb.Len() < ProseSize {
			for i, n := 0, 6+rng.IntN(10); i < n; i++ {
				if i > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(corpusWords[rng.IntN(len(corpusWords))])
			}
			sb.WriteString(". ")
		}
		proseText = sb.String()[:ProseSize]
	})
	return proseText
}

var (
	proseOnce sync.Once
	proseText string
)
