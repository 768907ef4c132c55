package pii

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMaskCard(t *testing.T) {
	tests := []struct{ in, want string }{
		{"4111111111111111", "411111******1111"},
		{"4111 1111 1111 1111", "4111 11** **** 1111"},
		{"4111-1111-1111-1111", "4111-11**-****-1111"},
		{"378282246310005", "378282*****0005"},         // Amex, 15 digits
		{"6011000990139424123", "601100*********4123"}, // 19 digits
		{"4222222222222", "422222***2222"},             // 13 digits: the shortest PAN
		{"411111******1111", "411111******1111"},       // already masked
		{"4111 11** **** 1111", "4111 11** **** 1111"},
		{"************1111", "************1111"},
		{"123456789012", "********9012"}, // 12 digits: not a PAN, last four only
		{"12345678", "****5678"},
		{"12345", "*2345"},
		{"1234", "****"}, // four or fewer: nothing shows
		{"12", "**"},
		{"", ""},
		{"card: none", "card: none"},
		{"4111\xff1111 1111 1111", "4111\xff11** **** 1111"},
	}
	for _, tt := range tests {
		got := jurisMaskCard(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("jurisMaskCard(%q) (-want +got):\n%s", tt.in, diff)
		}
		if again := jurisMaskCard(got); again != got {
			t.Errorf("not idempotent: %q -> %q -> %q", tt.in, got, again)
		}
	}
}

func TestMaskCardNoAllocWhenMasked(t *testing.T) {
	n := testing.AllocsPerRun(100, func() { jurisMaskCard("4111 11** **** 1111") })
	if n != 0 {
		t.Errorf("masking a masked card allocates %v times, want 0", n)
	}
}

func FuzzMaskCard(f *testing.F) {
	for _, s := range []string{"4111111111111111", "4111 11** **** 1111", "123456789012", "1234", "", "\xff9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := jurisMaskCard(s)
		if len(m) != len(s) {
			t.Fatalf("jurisMaskCard(%q) = %q changed the length", s, m)
		}
		if again := jurisMaskCard(m); again != m {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, m, again)
		}
		digits, shown := 0, 0
		for i := 0; i < len(s); i++ {
			if jurisCardPos(s[i]) {
				digits++
				if m[i] != '*' {
					shown++
				}
			} else if m[i] != s[i] {
				t.Fatalf("jurisMaskCard(%q) = %q changed a separator at %d", s, m, i)
			}
		}
		limit := 10
		switch {
		case digits <= 4:
			limit = 0
		case digits < 13:
			limit = 4
		}
		if shown > limit || strings.Count(m, "*") < digits-limit {
			t.Fatalf("jurisMaskCard(%q) = %q shows %d of %d digits, at most %d allowed", s, m, shown, digits, limit)
		}
	})
}

func BenchmarkMaskCard(b *testing.B) {
	for _, in := range []string{"4111 1111 1111 1111", "4111 11** **** 1111"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				jurisMaskCard(in)
			}
		})
	}
}
