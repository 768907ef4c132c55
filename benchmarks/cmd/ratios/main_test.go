package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTable(t *testing.T) {
	in := `goos: linux
BenchmarkSMS/run=serial/impl=pii.RedactText-2    1000   1000 ns/op   130 MB/s   0 B/op   0 allocs/op
BenchmarkSMS/run=serial/impl=pii.RedactText-2    1000   3000 ns/op   130 MB/s   0 B/op   0 allocs/op
BenchmarkSMS/run=serial/impl=pii.RedactText-2    1000   2000 ns/op   130 MB/s   0 B/op   0 allocs/op
BenchmarkSMS/run=serial/impl=deidentify-2          10 300000 ns/op   0.4 MB/s   9 B/op   9 allocs/op
BenchmarkSMS/run=serial/impl=pii.RedactText.US-2 1000   2100 ns/op
BenchmarkSMSCold/run=serial/impl=pii.RedactText-2     1000   5000 ns/op
BenchmarkSMSCold/run=serial/impl=before.RedactText-2  1000  20000 ns/op
BenchmarkProse/run=parallel/impl=pii.RedactText-2  100  5000 ns/op   150.5 MB/s
BenchmarkProse/run=parallel/impl=pii.RedactText-2  100  5000 ns/op   250.5 MB/s
BenchmarkProse/run=parallel/impl=pii.RedactText-2  100  5000 ns/op   350.5 MB/s
BenchmarkStruct/run=serial/impl=pii.Redact-2     1000    300 ns/op
BenchmarkStruct/run=serial/impl=floor.Redact-2   1000    100 ns/op
BenchmarkStruct/run=serial/impl=go-mask-2        1000   2000 ns/op
BenchmarkLogLine/run=serial/impl=pii.Handler-2   1000   3000 ns/op
BenchmarkLogLine/run=serial/impl=slog-2          1000   1000 ns/op
PASS
`
	samples, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `| benchmark | measure (medians) | value | target | met |
|---|---|---|---|---|
| Struct/run=serial | go-mask ÷ pii.Redact, time per op (n=1, 1) | 6.67x | ≥ 8x | **no** |
| Struct/run=serial | pii.Redact ÷ floor.Redact, time per op (n=1, 1) | 3.00x | ≤ 2x (within 2x the hand-written floor) | **no** |
| Struct/run=serial | go-mask ÷ floor.Redact, time per op (n=1, 1) | 20.00x | none |  |
| LogLine/run=serial | pii.Handler ÷ slog, time per op (n=1, 1) | 3.00x | ≤ 1.3x (the cost of redacting over plain slog) | **no** |
| SMS/run=serial | deidentify ÷ pii.RedactText, time per op (n=1, 3) | 150x | ≥ 100x | yes |
| SMS/run=serial | pii.RedactText.US ÷ pii.RedactText, time per op (n=1, 3) | 1.05x | ≤ 1.1x (as fast with WithRegion("US") as without; 10% for noise) | yes |
| SMSCold/run=serial | before.RedactText ÷ pii.RedactText, time per op (n=1, 1) | 4.00x | ≥ 3x (3x faster than before) | yes |
| Prose/run=parallel | pii.RedactText throughput (n=3) | 250 MB/s | ≥ 200 MB/s | yes |
`
	if diff := cmp.Diff(want, table(samples)); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

func TestMissedPatterns(t *testing.T) {
	in := `BenchmarkStruct/run=parallel/impl=pii.Redact-2   10  500 ns/op
BenchmarkStruct/run=parallel/impl=pii.Redacted-2 10  100 ns/op
BenchmarkStruct/run=parallel/impl=go-mask-2      10 2000 ns/op
BenchmarkStruct/run=parallel/impl=go-masker-2    10 9000 ns/op
BenchmarkStruct/run=parallel/impl=floor.Redact-2 10  400 ns/op
BenchmarkLogLine/run=serial/impl=pii.Handler-2   10 9000 ns/op
BenchmarkLogLine/run=serial/impl=slog-2          10 1000 ns/op
BenchmarkProse/run=serial/impl=pii.RedactText-2  10 9000 ns/op   100 MB/s
BenchmarkLogLine/run=serial/impl=masq-2          10 9000 ns/op
BenchmarkLogLine/run=parallel/impl=pii.Handler-2 10 9000 ns/op
BenchmarkLogLine/run=parallel/impl=slog-2        10 1000 ns/op
BenchmarkLogLine/run=parallel/impl=masq-2        10 90000 ns/op
`
	samples, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`^BenchmarkStruct$/^run=parallel$/^impl=pii\.Redact$`,
		`^BenchmarkLogLine$/^run=serial$/^impl=pii\.Handler$`,
		`^BenchmarkProse$/^run=serial$/^impl=pii\.RedactText$`,
	}
	if diff := cmp.Diff(want, missedPatterns(samples)); diff != "" {
		t.Errorf("missedPatterns (-want +got):\n%s", diff)
	}
}
