package pii

import (
	"strings"
	"testing"
)

// BenchmarkRedactText measures RedactText under the default policy on a short message
// with two numbers, on prose with none, and on a long message dense with personal data.
func BenchmarkRedactText(b *testing.B) {
	for name, text := range map[string]string{
		"short": "Hi Jane, call me back at +1 415-666-7777 or mail jane.doe@example.com.",
		"prose": strings.Repeat("The meeting moved to Tuesday; bring the slides and the notes. ", 64),
		"dense": strings.Repeat("call 415-555-2671, card 4111 1111 1111 1111, ip 10.0.0.1, mail jane@example.com. ", 32),
	} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				RedactText(text)
			}
		})
	}
}
