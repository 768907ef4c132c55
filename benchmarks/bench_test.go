package benchmarks

import (
	"log/slog"
	"os"
	"testing"
)

// Every workload runs twice: on one goroutine, and under b.RunParallel with
// GOMAXPROCS goroutines. Names read Benchmark<Workload>/run=<mode>/impl=<library>, so
// that `benchstat -col /impl` puts the libraries side by side.
var modes = []string{"serial", "parallel"}

// bench times op, built by newOp once per goroutine (setup is not timed in serial mode,
// and is a one-off per goroutine in parallel mode).
func bench(b *testing.B, mode string, newOp func() (func() error, error)) {
	b.ReportAllocs()
	if mode == "serial" {
		op, err := newOp()
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := op(); err != nil {
				b.Fatal(err)
			}
		}
		return
	}
	b.RunParallel(func(pb *testing.PB) {
		op, err := newOp()
		if err != nil {
			b.Error(err)
			return
		}
		for pb.Next() {
			if err := op(); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkStruct redacts the 8-field Record: ours in place and as a copy, the peers
// as copies (the only way they work).
func BenchmarkStruct(b *testing.B) {
	for _, mode := range modes {
		for _, c := range StructCases() {
			b.Run("run="+mode+"/impl="+c.Name, func(b *testing.B) {
				bench(b, mode, func() (func() error, error) {
					r, err := c.NewRunner()
					if err != nil {
						return nil, err
					}
					return r.Run, nil
				})
			})
		}
	}
}

// BenchmarkLogLine writes one JSON log line carrying the Record through one shared
// logger, as a service does: plain slog (no redaction), ours, masq.
func BenchmarkLogLine(b *testing.B) {
	for _, mode := range modes {
		for _, c := range LogCases() {
			b.Run("run="+mode+"/impl="+c.Name, func(b *testing.B) {
				var w LastLine
				h, err := c.NewHandler(&w)
				if err != nil {
					b.Fatal(err)
				}
				logger := slog.New(h)
				rec := Sample()
				bench(b, mode, func() (func() error, error) {
					return func() error {
						logger.Info(LogMessage, LogKey, c.value(rec))
						return nil
					}, nil
				})
			})
		}
	}
}

// smsCases are the contenders of the SMS workloads: every free-text one, and ours
// under WithRegion("US") too.
func smsCases() []TextCase { return append(TextCases(), oursRegionTextCase()) }

// BenchmarkSMS redacts the 130-byte SMS again and again (warm: the finder has seen its
// numbers before); throughput is in MB/s.
func BenchmarkSMS(b *testing.B) {
	for _, mode := range modes {
		for _, c := range smsCases() {
			b.Run("run="+mode+"/impl="+c.Name, func(b *testing.B) {
				benchText(b, mode, c, len(SMS), func() string { return SMS })
			})
		}
	}
}

// BenchmarkSMSCold redacts a stream of SMS texts like the SMS, each with a phone
// number and an order number never seen before (ColdSMS), so that no cache of
// verdicts can help.
func BenchmarkSMSCold(b *testing.B) {
	ColdSMS() // built before any clock starts
	for _, mode := range modes {
		for _, c := range smsCases() {
			b.Run("run="+mode+"/impl="+c.Name, func(b *testing.B) {
				benchText(b, mode, c, len(SMS), nextColdSMS)
			})
		}
	}
}

// BenchmarkProse redacts 16 KiB of clean prose, in which there is nothing to find.
func BenchmarkProse(b *testing.B) {
	text := Prose()
	for _, mode := range modes {
		for _, c := range TextCases() {
			b.Run("run="+mode+"/impl="+c.Name, func(b *testing.B) {
				benchText(b, mode, c, len(text), func() string { return text })
			})
		}
	}
}

// BenchmarkCorpus redacts the mixed corpus as one text, at 16 KiB (its first bytes)
// and at 1 MiB. deidentify's time grows faster than the text (a minute or more for
// 1 MiB), so its 1 MiB case runs only when BENCH_SLOW=1 is set, and only serially;
// the run script does that once.
func BenchmarkCorpus(b *testing.B) {
	sizes := []struct {
		name string
		n    int
	}{{"16KiB", 16 << 10}, {"1MiB", CorpusSize}}
	slow := os.Getenv("BENCH_SLOW") == "1"
	for _, size := range sizes {
		text := Corpus()[:size.n]
		for _, mode := range modes {
			for _, c := range TextCases() {
				name := "size=" + size.name + "/run=" + mode + "/impl=" + c.Name
				b.Run(name, func(b *testing.B) {
					if c.Name == "deidentify" && size.n == CorpusSize && (!slow || mode != "serial") {
						b.Skip("deidentify on 1 MiB takes minutes: set BENCH_SLOW=1 (serial only)")
					}
					benchText(b, mode, c, len(text), func() string { return text })
				})
			}
		}
	}
}

// benchText times c redacting the text next returns, of n bytes, once per operation.
func benchText(b *testing.B, mode string, c TextCase, n int, next func() string) {
	b.SetBytes(int64(n))
	bench(b, mode, func() (func() error, error) {
		redact, err := c.NewRedactor()
		if err != nil {
			return nil, err
		}
		return func() error {
			_, err := redact(next())
			return err
		}, nil
	})
}
