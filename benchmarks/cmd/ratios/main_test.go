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
BenchmarkLogLine/run=serial/impl=pii.Handler-2   1000   3000 ns/op
BenchmarkLogLine/run=serial/impl=slog-2          1000   1000 ns/op
PASS
`
	samples, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `| benchmark | ratio of medians (time per op) | ratio | target | met |
|---|---|---|---|---|
| LogLine/run=serial | pii.Handler ÷ slog (n=1, 1) | 3.00x | ≤ 1.5x (the cost of redacting over plain slog) | **no** |
| SMS/run=serial | deidentify ÷ pii.RedactText (n=1, 3) | 150x | ≥ 100x | yes |
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
BenchmarkLogLine/run=serial/impl=pii.Handler-2   10 9000 ns/op
BenchmarkLogLine/run=serial/impl=slog-2          10 1000 ns/op
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
	}
	if diff := cmp.Diff(want, missedPatterns(samples)); diff != "" {
		t.Errorf("missedPatterns (-want +got):\n%s", diff)
	}
}
