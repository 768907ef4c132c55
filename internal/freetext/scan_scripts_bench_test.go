package freetext

import (
	"strings"
	"testing"
)

// BenchmarkScanScripts measures prose in scripts other than Latin, and Latin prose
// with typographic punctuation and emoji: each of their characters starts with a byte
// that may start a digit of another script, an invisible character or a separator, so
// the scan looks at it closer.
func BenchmarkScanScripts(b *testing.B) {
	for name, unit := range map[string]string{
		"hindi":    "नमस्ते, आज मौसम बहुत अच्छा है और हम बाज़ार जा रहे हैं। ",
		"japanese": "こんにちは、今日はとても良い天気ですね。明日また会いましょう。",
		"thai":     "สวัสดีครับ วันนี้อากาศดีมาก พรุ่งนี้เจอกันใหม่นะครับ ",
		"typo":     "It’s “quoted” — and so… 🙂 it’s fine – really. ",
	} {
		text := strings.Repeat(unit, (64<<10)/len(unit))
		b.Run(name, func(b *testing.B) { scanBenchText(b, scanTestScanner(b, "US", "valid"), text) })
	}
}
