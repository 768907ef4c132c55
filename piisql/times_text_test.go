package piisql

import (
	"strconv"
	"testing"
)

// numericText reads the text of a number as numericTime reads the number, and any other
// text as no time.
func FuzzNumericText(f *testing.F) {
	for _, s := range []string{"1780308000", "1780308000.000", "2461192.5", "1.78e+18", "20260601", "-1780308000", "0", "Inf", "NaN", "0x1p30", "1_780_308_000", "", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := numericText(s)
		if !ok {
			return
		}
		if y := got.Year(); y < 1 || y > 9999 {
			t.Fatalf("numericText(%q) = %v, outside the years 1 to 9999", s, got)
		}
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			if want, _ := numericTime(float64(i), i); !got.Equal(want) {
				t.Fatalf("numericText(%q) = %v, numericTime of the integer %v", s, got, want)
			}
			return
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("numericText(%q) = %v, of no number", s, got)
		}
		if want, _ := numericTime(x, 0); !got.Equal(want) {
			t.Fatalf("numericText(%q) = %v, numericTime of the real %v", s, got, want)
		}
	})
}
