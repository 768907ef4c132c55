package freetext

import (
	"fmt"
	"strings"
	"testing"
)

// scanProse returns about n bytes of English prose with no personal data, built
// deterministically from a word list with ordinary numbers sprinkled in: years,
// prices, times, counts and percentages.
func scanProse(n int) string {
	words := strings.Fields(`the of and to in is was for on that with as by at from his her
		they we this which be or an are not have had but were all their one been has more
		when who will would there can its so about if into than other some what time only
		new could these two may first then do any like my now over such our man me even
		most made after also did many before must through back years where much your way
		well down should because each just those people how too little state good very make
		world still own see men work long get here between both life being under never day
		same another know while last might us great old year off come since against go came
		right used take three company report meeting market quarter results growth customer`)
	numbers := []string{"1999", "2024", "$12.99", "10:30", "3 pm", "42", "7.5%", "$1,250",
		"14:45", "1.2 million", "No. 5", "12", "2,000", "v2", "3.14"}
	var b strings.Builder
	b.Grow(n + 64)
	x := uint32(12345)
	for k := 0; b.Len() < n; k++ {
		x = x*1664525 + 1013904223 // a fixed LCG: the same text on every run
		if x>>28 == 0 {
			b.WriteString(numbers[int(x>>8)%len(numbers)])
		} else {
			b.WriteString(words[int(x>>8)%len(words)])
		}
		if k%17 == 16 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// scanDenseSMS returns about n bytes of SMS-like messages with roughly one item of
// personal data per 200 bytes.
func scanDenseSMS(n int) string {
	items := []string{
		"call me at (415) 666-7777", "mail jane.doe@example.com", "card 4111 1111 1111 1111",
		"from 203.0.113.45", "my SSN 123-45-6789", "IBAN DE89 3704 0044 0532 0130 00",
		"text +44 20 3346 1234", "or +1 650-253-0000 ext. 12", "addr 2001:db8::8a2e:370:7334",
	}
	fillers := []string{
		"Hey, running late for the meeting at 10:30, traffic is awful today. ",
		"Thanks for the order, your total was $42.50 and it ships in 2 days. ",
		"Reminder: the team lunch moved to Friday, bring the 2024 budget notes. ",
	}
	var b strings.Builder
	b.Grow(n + 256)
	for k := 0; b.Len() < n; k++ {
		b.WriteString(fillers[k%len(fillers)])
		b.WriteString(fillers[(k+1)%len(fillers)])
		b.WriteString(items[k%len(items)])
		b.WriteString(". ")
	}
	return b.String()
}

// scanDenseUniqueSMS is scanDenseSMS with every phone number different, so that no
// validity verdict is remembered from an earlier message: the cold-cache cost.
func scanDenseUniqueSMS(n int) string {
	var b strings.Builder
	b.Grow(n + 256)
	for k := 0; b.Len() < n; k++ {
		b.WriteString("Hey, running late for the meeting at 10:30, traffic is awful today. ")
		b.WriteString("Thanks for the order, your total was $42.50 and it ships in 2 days. ")
		switch u := k / 3; k % 3 {
		case 0:
			fmt.Fprintf(&b, "call me at (415) %03d-%04d. ", 200+u/10000%800, u%10000)
		case 1:
			fmt.Fprintf(&b, "or text +44 20 %04d %04d. ", 3000+u/10000%7000, u%10000)
		default:
			b.WriteString("mail jane.doe@example.com. ")
		}
	}
	return b.String()
}

func BenchmarkScanProse(b *testing.B) {
	text := scanProse(1 << 20)
	s := scanTestScanner(b, "US", "valid")
	if fs := s.scan(text, nil, nil); len(fs) != 0 {
		b.Fatalf("prose has %d findings, first %v", len(fs), scanFoundIn(text, fs[:1]))
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.scan(text, nil, nil)
	}
}

func BenchmarkScanDense(b *testing.B) {
	text := scanDenseSMS(1 << 20)
	for _, l := range []string{"valid", "possible"} {
		b.Run(l, func(b *testing.B) { scanBenchText(b, scanTestScanner(b, "US", l), text) })
	}
}

// BenchmarkScanDenseUnique measures dense text whose phone numbers are all different,
// so that every one of them is validated afresh.
func BenchmarkScanDenseUnique(b *testing.B) {
	scanBenchText(b, scanTestScanner(b, "US", "valid"), scanDenseUniqueSMS(1<<20))
}

// scanBenchText times scans of text, reporting throughput and density.
func scanBenchText(b *testing.B, s *textScanner, text string) {
	fs := s.scan(text, nil, nil)
	b.ReportMetric(float64(len(text))/float64(len(fs)), "bytes/finding")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = s.scan(text, nil, dst[:0])
	}
}

func BenchmarkScanRedactDense(b *testing.B) {
	text := scanDenseSMS(64 << 10)
	s := scanTestScanner(b, "US", "valid")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.redact(text, []string{"Jane Doe"})
	}
}

func BenchmarkScanShortMessage(b *testing.B) {
	for _, text := range []string{
		"Your code is 123456. Reply STOP to opt out.",
		"Hi Jane, call me back at +1 415-666-7777 when you can.",
	} {
		b.Run(fmt.Sprint(len(text)), func(b *testing.B) {
			s := scanTestScanner(b, "US", "valid")
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				s.redact(text, nil)
			}
		})
	}
}

// scanColdSMS returns n SMS texts, each with a phone number and an order number found
// in no other (the benchmarks module's cold SMS workload, in small).
func scanColdSMS(n int) []string {
	areas := []string{"415", "212", "646", "312", "617", "206", "303", "512"}
	out := make([]string, n)
	for i := range out {
		u := uint64(i)
		local := u * 2654435761 % 7_000_000
		out[i] = fmt.Sprintf("Maria Okafor here, call +1%s%03d%04d or mail maria.okafor@example.com re: order %d. Reply STOP to +14155550100 to opt out.",
			areas[i%len(areas)], 300+local/10000, local%10000, 1_000_000_000+u*40503%1_000_000_000)
	}
	return out
}

// BenchmarkScanColdSMS redacts SMS texts whose numbers are all new, with and without a
// region, with one of their numbers owned.
func BenchmarkScanColdSMS(b *testing.B) {
	texts := scanColdSMS(1 << 12)
	owned := func(number string) bool { return number == "+14155550100" }
	for _, region := range []string{"", "US"} {
		b.Run("region="+region, func(b *testing.B) {
			p, err := New(region, LeniencyValid, owned)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(texts[0])))
			b.ReportAllocs()
			k := 0
			for b.Loop() {
				p.Redact(texts[k%len(texts)], nil)
				k++
			}
		})
	}
}

// BenchmarkScanRedactMarkup redacts 64 KB of prose holding one number split by a tag,
// which makes the whole text be read a second time, as a reader sees it.
func BenchmarkScanRedactMarkup(b *testing.B) {
	text := scanProse(32<<10) + " call <b>415</b>-555-2671 " + scanProse(32<<10)
	s := scanTestScanner(b, "US", "valid")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.redact(text, nil)
	}
}
