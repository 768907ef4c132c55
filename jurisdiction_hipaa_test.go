package pii

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSafeHarborZIP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"94105", "941"},
		{"94105-1234", "941"},
		{"94105 1234", "941"},
		{"941051234", "941"},
		{" 10001 ", "100"},
		{"941", "941"}, // already generalised
		{"000", "000"},
		{"03601", "000"}, // restricted areas
		{"05901", "000"},
		{"06390", "000"},
		{"10200", "000"},
		{"20301", "000"},
		{"55601", "000"},
		{"69201", "000"},
		{"79001", "000"},
		{"82101", "000"},
		{"82301", "000"},
		{"83001", "000"},
		{"83101", "000"},
		{"87801", "000"},
		{"87901", "000"},
		{"88401", "000"},
		{"89001", "000"},
		{"89301", "000"},
		{"036", "000"},
		{"03701", "037"}, // neighbours stay
		{"89201", "892"},
		{"9410", "000"}, // not a ZIP code: fail closed
		{"941055", "000"},
		{"94105-12", "000"},
		{"SW1A 1AA", "000"},
		{"", "000"},
		{"\xff\xff\xff", "000"},
	}
	for _, tt := range tests {
		got := jurisSafeHarborZIP(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("jurisSafeHarborZIP(%q) (-want +got):\n%s", tt.in, diff)
		}
		if again := jurisSafeHarborZIP(got); again != got {
			t.Errorf("not idempotent: %q -> %q -> %q", tt.in, got, again)
		}
	}
}

func TestSafeHarborDate(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	tests := []struct{ in, want time.Time }{
		{time.Date(2024, 7, 15, 13, 45, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(1999, 12, 31, 23, 59, 59, 9, ny), time.Date(1999, 1, 1, 0, 0, 0, 0, ny)},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		got := jurisSafeHarborDate(tt.in)
		if !got.Equal(tt.want) || got.Location() != tt.want.Location() {
			t.Errorf("jurisSafeHarborDate(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSafeHarborBirthDate(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in     time.Time
		want   time.Time
		wantOK bool
	}{
		{time.Date(1980, 5, 17, 0, 0, 0, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(1937, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1937, 1, 1, 0, 0, 0, 0, time.UTC), true}, // 88
		{time.Date(1936, 12, 31, 0, 0, 0, 0, time.UTC), time.Time{}, false},                                // 89, may be 90
		{time.Date(1920, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := jurisSafeHarborBirthDate(tt.in, now)
		if !got.Equal(tt.want) || ok != tt.wantOK {
			t.Errorf("jurisSafeHarborBirthDate(%v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestSafeHarborDateString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024", "2024"},
		{"2024-07", "2024"},
		{"2024-07-15", "2024"},
		{"2024/7/5", "2024"},
		{"2024.07.15", "2024"},
		{"20240715", "2024"},
		{"20240715T134500Z", "2024"},
		{"2024-07-15T13:45:00Z", "2024"},
		{"2024-07-15T13:45:00.123456789+02:00", "2024"},
		{"2024-07-15 13:45:00", "2024"},
		{" 2024-07-15 ", "2024"},
		{"07/15/2024", "2024"},
		{"15/07/2024", "2024"},
		{"15.07.2024", "2024"},
		{"7-5-2024", "2024"},
		{"07/15/2024 1:45 PM", "2024"},
		{"Jul 15, 2024", "2024"},
		{"July 15, 2024", "2024"},
		{"15 Jul 2024", "2024"},
		{"15 july 2024", "2024"},
		{"15-Jul-2024", "2024"},
		{"Mon, 15 Jul 2024 13:45:00 GMT", "2024"},
		{"Mon, 15 Jul 2024 13:45:00 +0200", "2024"},
		{"Mon Jul 15 13:45:00 2024", "2024"},
		{"Monday, July 15, 2024", "2024"},
		// Not dates: fail closed.
		{"2024-13-01", ""},
		{"2024-07-32", ""},
		{"2024-07-15x", ""},
		{"13/13/2024", ""},
		{"07/15/24", ""},
		{"20241315", ""},
		{"202407", ""},
		{"call 1234 now", ""},
		{"Jul 15", ""},
		{"", ""},
		{"\xff2024", ""},
	}
	for _, tt := range tests {
		got := jurisSafeHarborDateString(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("jurisSafeHarborDateString(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSafeHarborBirthDateString(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"1980-05-17", "1980"},
		{"1980", "1980"},
		{"12/31/1937", "1937"},
		{"12/31/1936", "90 or older"},
		{"1920-01-01", "90 or older"},
		{"90 or older", "90 or older"},
		{"unknown", ""},
	}
	for _, tt := range tests {
		got := jurisSafeHarborBirthDateString(tt.in, now)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("jurisSafeHarborBirthDateString(%q) (-want +got):\n%s", tt.in, diff)
		}
		if again := jurisSafeHarborBirthDateString(got, now); got != "" && again != got {
			t.Errorf("not idempotent: %q -> %q -> %q", tt.in, got, again)
		}
	}
}

func TestSafeHarborAge(t *testing.T) {
	ints := map[int]int{0: 0, 42: 42, 89: 89, 90: 90, 91: 90, 120: 90, -1: -1}
	for in, want := range ints {
		if got := jurisSafeHarborAge(in); got != want {
			t.Errorf("jurisSafeHarborAge(%d) = %d, want %d", in, got, want)
		}
	}
	tests := []struct{ in, want string }{
		{"42", "42"},
		{"89", "89"},
		{"089", "089"},
		{"0", "0"},
		{"90", "90 or older"},
		{"104", "90 or older"},
		{"0090", "90 or older"},
		{"99999999999999999999999", "90 or older"},
		{"90 or older", "90 or older"},
		{" 95 ", "90 or older"},
		{"-5", ""},
		{"ninety", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := jurisSafeHarborAgeString(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("jurisSafeHarborAgeString(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func FuzzSafeHarborDateString(f *testing.F) {
	for _, s := range []string{"2024-07-15", "07/15/2024", "Jul 15, 2024", "20240715", "2024", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y := jurisSafeHarborDateString(s)
		if y == "" {
			return
		}
		// A year is four digits taken from the input, and is its own year.
		if len(y) != 4 || !jurisAllDigits(y) || !strings.Contains(s, y) {
			t.Fatalf("jurisSafeHarborDateString(%q) = %q", s, y)
		}
		if again := jurisSafeHarborDateString(y); again != y {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, y, again)
		}
	})
}

func FuzzSafeHarborZIP(f *testing.F) {
	for _, s := range []string{"94105", "94105-1234", "036", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		z := jurisSafeHarborZIP(s)
		if len(z) != 3 || !jurisAllDigits(z) {
			t.Fatalf("jurisSafeHarborZIP(%q) = %q, want three digits", s, z)
		}
		if z != "000" && !strings.HasPrefix(strings.TrimSpace(s), z) {
			t.Fatalf("jurisSafeHarborZIP(%q) = %q, not the input's prefix", s, z)
		}
		if again := jurisSafeHarborZIP(z); again != z {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, z, again)
		}
	})
}

func BenchmarkSafeHarbor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		jurisSafeHarborZIP("94105-1234")
		jurisSafeHarborDateString("2024-07-15T13:45:00Z")
		jurisSafeHarborAgeString("42")
	}
}
