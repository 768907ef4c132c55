package benchmarks

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestColdSMS checks that the cold SMS texts are what BenchmarkSMSCold needs: the
// SMS's shape and size, all different, with a valid phone number that ours masks and an
// order number that it keeps, with and without a region.
func TestColdSMS(t *testing.T) {
	texts := ColdSMS()
	if len(texts) != ColdSMSCount {
		t.Fatalf("%d texts, want %d", len(texts), ColdSMSCount)
	}
	seen := make(map[string]bool, len(texts))
	for i, s := range texts {
		if len(s) != len(SMS) {
			t.Fatalf("text %d is %d bytes, want %d: %q", i, len(s), len(SMS), s)
		}
		phone, order := between(s, "call ", " or mail "), between(s, "re: order ", ". Reply STOP")
		if seen[phone] || seen[order] {
			t.Fatalf("text %d repeats a number: %q", i, s)
		}
		seen[phone], seen[order] = true, true
	}
	for _, c := range []TextCase{oursTextCases()[0], oursRegionTextCase()} {
		redact, err := c.NewRedactor()
		if err != nil {
			t.Fatal(err)
		}
		// Every 97th text: a sample across area codes, exchanges and line numbers.
		for i := 0; i < len(texts); i += 97 {
			out, err := redact(texts[i])
			if err != nil {
				t.Fatal(err)
			}
			phone, order := between(texts[i], "call ", " or mail "), between(texts[i], "re: order ", ". Reply STOP")
			want := strings.Replace(texts[i], phone, phone[:len(phone)-4]+"XXXX", 1)
			want = strings.Replace(want, "maria.okafor@example.com", "***@example.com", 1)
			if diff := cmp.Diff(want, out); diff != "" {
				t.Errorf("%s on text %d (order %s) (-want +got):\n%s", c.Name, i, order, diff)
			}
		}
	}
}

// TestProse checks that the prose workload is clean: the size promised, no digit, no
// '@', and ours changes nothing in it.
func TestProse(t *testing.T) {
	text := Prose()
	if len(text) != ProseSize {
		t.Errorf("prose is %d bytes, want %d", len(text), ProseSize)
	}
	if i := strings.IndexAny(text, "0123456789@"); i >= 0 {
		t.Errorf("prose holds %q at %d", text[i], i)
	}
	redact, err := oursTextCases()[0].NewRedactor()
	if err != nil {
		t.Fatal(err)
	}
	out, err := redact(text)
	if err != nil {
		t.Fatal(err)
	}
	if out != text {
		t.Error("ours changed the clean prose")
	}
}
