// Command ratios reads `go test -bench` output from the benchmarks module and prints,
// as a Markdown table, how much more time per operation each peer takes than ours
// (medians of all samples), next to the targets the project set itself. benchstat
// shows the full tables; this answers "how many times faster" in one place.
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
// benchmark group of a workload. A target of 0 means there is none: the ratio is
// reported for information.
type comparison struct {
	workload   string // benchmark name without "Benchmark", up to the first "/"
	num, den   string // implementations: ratio = time(num) / time(den)
	target     float64
	atMost     bool // the target is a ceiling (ours must be within it), not a floor
	targetNote string
}

var comparisons = []comparison{
	{workload: "Struct", num: "go-mask", den: "pii.Redact", target: 20},
	{workload: "Struct", num: "go-masker", den: "pii.Redact"},
	{workload: "Struct", num: "go-mask", den: "pii.Redacted", target: 5},
	{workload: "Struct", num: "go-masker", den: "pii.Redacted", target: 5},
	{workload: "LogLine", num: "masq", den: "pii.Handler", target: 4},
	{workload: "LogLine", num: "pii.Handler", den: "slog", target: 1.5, atMost: true,
		targetNote: "(the cost of redacting over plain slog)"},
	{workload: "SMS", num: "deidentify", den: "pii.RedactText", target: 100},
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

// parse returns the ns/op samples of every benchmark, keyed by group (the name
// without "Benchmark", the impl= element and the -GOMAXPROCS suffix) and then impl.
func parse(r io.Reader) (map[string]map[string][]float64, error) {
	out := map[string]map[string][]float64{}
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
			if fields[i+1] != "ns/op" {
				continue
			}
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: bad ns/op %q", fields[0], fields[i])
			}
			if out[group] == nil {
				out[group] = map[string][]float64{}
			}
			out[group][impl] = append(out[group][impl], v)
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
	n, d      int // sample counts
	ratio     float64
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

func results(samples map[string]map[string][]float64) []result {
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
			num, den := samples[g][c.num], samples[g][c.den]
			if len(num) == 0 || len(den) == 0 {
				continue
			}
			r := result{comparison: c, group: g, n: len(num), d: len(den),
				ratio: median(num) / median(den), hasTarget: c.target > 0}
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

func table(samples map[string]map[string][]float64) string {
	var sb strings.Builder
	sb.WriteString("| benchmark | ratio of medians (time per op) | ratio | target | met |\n")
	sb.WriteString("|---|---|---|---|---|\n")
	for _, r := range results(samples) {
		target, met := "none", ""
		if r.hasTarget {
			met = yesNo(r.met)
			if r.atMost {
				target = fmt.Sprintf("≤ %.1fx %s", r.target, r.targetNote)
			} else {
				target = fmt.Sprintf("≥ %gx", r.target)
			}
		}
		fmt.Fprintf(&sb, "| %s | %s ÷ %s (n=%d, %d) | %s | %s | %s |\n",
			r.group, r.num, r.den, r.n, r.d, format(r.ratio), target, met)
	}
	return sb.String()
}

// missedPatterns returns, for every missed target, a go test -bench pattern that
// selects our side of it alone; each pattern once. A parallel case is left out when
// its serial twin is in: the same code runs in both.
func missedPatterns(samples map[string]map[string][]float64) []string {
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
