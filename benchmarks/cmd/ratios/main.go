// Command ratios reads `go test -bench` output from the benchmarks module and prints,
// as a Markdown table, how ours compares with the peers, with the hand-written floor and
// with the library before this round (medians of all samples), next to the targets the
// project set itself. benchstat shows the full tables; this answers "how many times
// faster" in one place.
//
//	go run ./cmd/ratios bench.txt          # the Markdown table
//	go run ./cmd/ratios -missed bench.txt  # one -bench pattern per missed target,
//	                                       # naming our side of it, to profile
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// A comparison divides the time of one implementation by another's within every
// benchmark group of a workload, or, when throughput is set, reports the throughput of
// one (den) in MB/s. A target of 0 means there is none: the value is reported for
// information.
type comparison struct {
	workload   string // benchmark name without "Benchmark", up to the first "/"
	num, den   string // implementations: ratio = time(num) / time(den)
	throughput bool   // the value is den's median MB/s, not a ratio
	target     float64
	atMost     bool // the target is a ceiling (ours must be within it), not a floor
	targetNote string
}

// The implementations compared: ours (pii.*), the hand-written floor for the struct
// and log-line workloads (floor.*: what code written for this one record costs), the
// peers, and the library before this round's work on free text (before.*, timed by
// ./run from a checkout of the commit it names).
var comparisons = []comparison{
	{workload: "Struct", num: "go-mask", den: "pii.Redact", target: 8},
	{workload: "Struct", num: "pii.Redact", den: "floor.Redact", target: 2, atMost: true,
		targetNote: "(within 2x the hand-written floor)"},
	{workload: "Struct", num: "go-masker", den: "pii.Redact"},
	{workload: "Struct", num: "go-mask", den: "floor.Redact"},
	{workload: "Struct", num: "go-mask", den: "pii.Redacted", target: 5},
	{workload: "Struct", num: "go-masker", den: "pii.Redacted", target: 5},
	{workload: "Struct", num: "pii.Redacted", den: "floor.Redacted"},
	{workload: "Struct", num: "go-mask", den: "floor.Redacted"},
	{workload: "LogLine", num: "pii.Handler", den: "slog", target: 1.3, atMost: true,
		targetNote: "(the cost of redacting over plain slog)"},
	{workload: "LogLine", num: "masq", den: "pii.Handler", target: 4},
	{workload: "LogLine", num: "pii.Handler", den: "floor.LogLine"},
	{workload: "LogLine", num: "floor.LogLine", den: "slog"},
	{workload: "SMS", num: "deidentify", den: "pii.RedactText", target: 100},
	{workload: "SMS", num: "pii.RedactText.US", den: "pii.RedactText", target: 1.1, atMost: true,
		targetNote: "(as fast with WithRegion(\"US\") as without; 10% for noise)"},
	{workload: "SMSCold", num: "before.RedactText", den: "pii.RedactText", target: 3,
		targetNote: "(3x faster than before)"},
	{workload: "SMSCold", num: "deidentify", den: "pii.RedactText"},
	{workload: "SMSCold", num: "pii.RedactText.US", den: "pii.RedactText"},
	{workload: "Prose", den: "pii.RedactText", throughput: true, target: 200},
	{workload: "Prose", num: "deidentify", den: "pii.RedactText"},
	{workload: "Corpus", num: "deidentify", den: "pii.RedactText"},
}

func main() {
	missed := flag.Bool("missed", false, "print a -bench pattern for ours in every missed target")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: ratios [-missed] BENCH_OUTPUT_FILE")
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	samples, err := parse(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *missed {
		for _, p := range missedPatterns(samples) {
			fmt.Println(p)
		}
		return
	}
	fmt.Print(table(samples))
}

// series are the samples of one benchmark: time per operation and, when it sets
// bytes, throughput.
type series struct{ ns, mbps []float64 }

// parse returns the samples of every benchmark, keyed by group (the name without
// "Benchmark", the impl= element and the -GOMAXPROCS suffix) and then impl.
func parse(r io.Reader) (map[string]map[string]*series, error) {
	out := map[string]map[string]*series{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(fields[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		group, impl, ok := strings.Cut(name, "/impl=")
		if !ok {
			continue
		}
		for i := 2; i+1 < len(fields); i += 2 {
			unit := fields[i+1]
			if unit != "ns/op" && unit != "MB/s" {
				continue
			}
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: bad %s %q", fields[0], unit, fields[i])
			}
			if out[group] == nil {
				out[group] = map[string]*series{}
			}
			s := out[group][impl]
			if s == nil {
				s = &series{}
				out[group][impl] = s
			}
			if unit == "ns/op" {
				s.ns = append(s.ns, v)
			} else {
				s.mbps = append(s.mbps, v)
			}
		}
	}
	return out, sc.Err()
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// A result is one comparison applied to one benchmark group.
type result struct {
	comparison
	group     string
	n, d      int     // sample counts
	ratio     float64 // the ratio of medians, or the median MB/s for throughput
	hasTarget bool
	met       bool
}

// ours is the implementation of ours in a comparison.
func (r result) ours() string {
	if strings.HasPrefix(r.num, "pii.") {
		return r.num
	}
	return r.den
}

func results(samples map[string]map[string]*series) []result {
	groups := make([]string, 0, len(samples))
	for g := range samples {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	var out []result
	for _, c := range comparisons {
		for _, g := range groups {
			if w, _, _ := strings.Cut(g, "/"); w != c.workload {
				continue
			}
			r := result{comparison: c, group: g, hasTarget: c.target > 0}
			den := samples[g][c.den]
			if den == nil {
				continue
			}
			if c.throughput {
				if len(den.mbps) == 0 {
					continue
				}
				r.d, r.ratio = len(den.mbps), median(den.mbps)
			} else {
				num := samples[g][c.num]
				if num == nil || len(num.ns) == 0 || len(den.ns) == 0 {
					continue
				}
				r.n, r.d, r.ratio = len(num.ns), len(den.ns), median(num.ns)/median(den.ns)
			}
			if c.atMost {
				r.met = r.ratio <= c.target
			} else {
				r.met = r.ratio >= c.target
			}
			out = append(out, r)
		}
	}
	return out
}

func table(samples map[string]map[string]*series) string {
	var sb strings.Builder
	sb.WriteString("| benchmark | measure (medians) | value | target | met |\n")
	sb.WriteString("|---|---|---|---|---|\n")
	for _, r := range results(samples) {
		target, met := "none", ""
		unit := "x"
		if r.throughput {
			unit = " MB/s"
		}
		if r.hasTarget {
			met = yesNo(r.met)
			if r.atMost {
				target = fmt.Sprintf("≤ %g%s", r.target, unit)
			} else {
				target = fmt.Sprintf("≥ %g%s", r.target, unit)
			}
			if r.targetNote != "" {
				target += " " + r.targetNote
			}
		}
		if r.throughput {
			fmt.Fprintf(&sb, "| %s | %s throughput (n=%d) | %.0f MB/s | %s | %s |\n",
				r.group, r.den, r.d, r.ratio, target, met)
			continue
		}
		fmt.Fprintf(&sb, "| %s | %s ÷ %s, time per op (n=%d, %d) | %s | %s | %s |\n",
			r.group, r.num, r.den, r.n, r.d, format(r.ratio), target, met)
	}
	return sb.String()
}

// missedPatterns returns, for every missed target, a go test -bench pattern that
// selects our side of it alone; each pattern once. A parallel case is left out when
// its serial twin is in: the same code runs in both.
func missedPatterns(samples map[string]map[string]*series) []string {
	var out []string
	seen := map[string]bool{}
	missed := map[string]bool{}
	for _, r := range results(samples) {
		if r.hasTarget && !r.met {
			missed[r.group+" "+r.ours()] = true
		}
	}
	for _, r := range results(samples) {
		if !r.hasTarget || r.met {
			continue
		}
		serial := strings.Replace(r.group, "run=parallel", "run=serial", 1)
		if serial != r.group && missed[serial+" "+r.ours()] {
			continue
		}
		parts := strings.Split(r.group, "/")
		parts[0] = "Benchmark" + parts[0]
		parts = append(parts, "impl="+r.ours())
		for i, p := range parts {
			parts[i] = "^" + regexp.QuoteMeta(p) + "$"
		}
		p := strings.Join(parts, "/")
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func format(r float64) string {
	if r >= 100 {
		return fmt.Sprintf("%.0fx", r)
	}
	return fmt.Sprintf("%.2fx", r)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "**no**"
}
