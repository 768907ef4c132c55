package pii_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// How the guarantee test names and reports its failures: each failure gets a class, the
// most decisive cause on its marker's path (an interface tagged no, an error chain, a map
// key, a change after the call, a hard-case value...), and each class is reported once,
// with its count, the outputs it was seen in and its smallest example.

// gtStrongCause reports whether a cause decides a leak whatever else the path holds.
func gtStrongCause(c string) bool {
	if strings.HasSuffix(c, "]") { // a value written in one of issue 11's hard ways
		return true
	}
	for _, p := range []string{"late", "valuer", "mapkey", "any{no}", "error{no}", "Stringer{no}", "error chain", "root>", "the profile"} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// gtLogValuers are the predeclared types that implement slog.LogValuer.
var gtLogValuers = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range gtPredeclared {
		if gtImplements(t, gtLogValuer) {
			m[gtTypeName(t)] = true
		}
	}
	return m
}()

// gtMethodTypes are the predeclared types whose methods print them.
var gtMethodTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range gtPredeclared {
		if gtHasMethods(t) {
			m[gtTypeName(t)] = true
		}
	}
	return m
}()

// gtCauses reduces the steps of a path to those that decide how the value is reached,
// so that failures group by cause, most decisive first: a change after the call, a map
// key, an interface tagged no (everything below it is then raw), an error chain, a type
// with methods as the logged value itself, a value written in one of issue 11's hard
// ways, a static no, a type with methods inside; and always, last, the leaf itself (its
// kind, Go type and strategy). The first is the failure's class; a failure with fewer
// makes a clearer example.
func gtCauses(steps []string, leaf, variant string) []string {
	var out []string
	has := func(pred func(string) bool) string {
		for _, s := range steps {
			if pred(s) {
				return s
			}
		}
		return ""
	}
	root := len(steps) > 0 && steps[0] == "root"
	for _, c := range []string{
		has(func(s string) bool { return strings.HasPrefix(s, "late") || s == "valuer" }),
		has(func(s string) bool { return strings.HasPrefix(s, "mapkey") }),
		has(func(s string) bool { return strings.HasPrefix(s, "hidden") }),
		has(func(s string) bool { return s == "any{no}" || s == "error{no}" || s == "Stringer{no}" }),
		has(func(s string) bool { return strings.Contains(s, "%w") || strings.HasPrefix(s, "Join") }),
	} {
		if c != "" {
			out = append(out, c)
		}
	}
	if len(out) > 0 && strings.Contains(out[len(out)-1], "%w") || len(out) > 0 && strings.HasPrefix(out[len(out)-1], "Join") {
		out[len(out)-1] = "error chain " + out[len(out)-1]
	}
	if root && len(steps) > 1 && gtLogValuers[steps[1]] {
		out = append(out, "root>"+steps[1]) // a class only where slog calls LogValue: see gtClassOf
	}
	if variant != "" {
		out = append(out, leaf)
	}
	if s := has(func(s string) bool { return s == "field{no}" }); s != "" {
		out = append(out, s+">"+leaf)
	}
	if s := has(func(s string) bool { return gtMethodTypes[s] }); s != "" {
		out = append(out, s)
	}
	return append(out, leaf)
}

// gtAround is the part of s around the first sub.
func gtAround(s, sub string) string {
	i := strings.Index(s, sub)
	if i < 0 {
		return gtCut(s, 300)
	}
	from, to := max(0, i-150), min(len(s), i+len(sub)+80)
	return "…" + s[from:to] + "…"
}

func gtCut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// gtAgg gathers failures over many records into classes: the same failure of the same
// shape of path is one class, reported once, with its smallest example and the outputs
// it was seen in.
type gtAgg struct {
	mu      sync.Mutex
	records int
	failed  int
	classes map[string]*gtClass
}

type gtClass struct {
	what, shape string
	count       int
	outs        map[string]int
	example     gtFailure
	exRun       *gtRun
	exSize      int
}

func (a *gtAgg) add(run *gtRun) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.records++
	if len(run.fails) > 0 {
		a.failed++
	}
	if a.classes == nil {
		a.classes = map[string]*gtClass{}
	}
	for _, f := range run.fails {
		size := len(run.rec.root.Type().String()) + 20*len(run.rec.markers)
		if f.marker != nil {
			size += 10000 * f.marker.confounds
		}
		shape := f.out
		switch {
		case gtWholeOutput[f.out]:
			// Outputs that show the caller's value whatever its shape.
		case f.marker != nil:
			shape = gtClassOf(f.marker, f.out)
			if f.marker.late {
				shape = "late: " + shape
				if strings.Contains(f.out, "after the caller's change") {
					shape = "Redacted's copy shares what the caller changed: " + shape
				}
			}
		}
		if f.what == "error" || f.what == "panic" {
			shape = f.out + ": " + gtErrClass(f.detail)
		}
		key := f.what + "|" + shape
		c := a.classes[key]
		if c == nil {
			c = &gtClass{what: f.what, shape: shape, outs: map[string]int{}}
			a.classes[key] = c
		}
		c.count++
		c.outs[f.out]++
		if c.exRun == nil || size < c.exSize || size == c.exSize && run.rec.seed < c.exRun.rec.seed {
			c.example, c.exRun, c.exSize = f, run, size
		}
	}
}

// gtClassOf is the class of a failure of m in output out: m's first cause that applies
// there. A tagged type's own LogValue is a cause only where slog resolves it, in
// handlers.
func gtClassOf(m *gtMarker, out string) string {
	for _, c := range m.causes {
		if strings.HasPrefix(c, "root>") && !strings.HasPrefix(out, "Handler") && !strings.HasPrefix(out, "Safe LogValue") {
			continue
		}
		return c
	}
	return m.causes[len(m.causes)-1]
}

// gtWholeOutput are the outputs whose failures are one class whatever the value's shape.
var gtWholeOutput = map[string]bool{"Safe %p": true, "Safe in an unexported field %+v": true}

// gtErrClass reduces an error message to its class: the message without type names.
var gtTypeNames = regexp.MustCompile(`struct \{.*\}|\*?[a-z_]+\.[A-Za-z_][A-Za-z0-9_]*`)

func gtErrClass(s string) string { return gtCut(gtTypeNames.ReplaceAllString(s, "T"), 120) }

// report writes one error per class, largest first, at most limit of them.
func (a *gtAgg) report(errorf func(format string, args ...any), limit int) {
	var cs []*gtClass
	for _, c := range a.classes {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].what != cs[j].what {
			return cs[i].what < cs[j].what
		}
		if cs[i].count != cs[j].count {
			return cs[i].count > cs[j].count
		}
		return cs[i].shape < cs[j].shape
	})
	for i, c := range cs {
		if i == limit {
			errorf("… and %d more classes of failure", len(cs)-limit)
			break
		}
		errorf("%s", c.describe())
	}
	if len(cs) > 0 {
		errorf("%d of %d records failed, in %d classes", a.failed, a.records, len(cs))
	}
}

func (c *gtClass) describe() string {
	var outs []string
	for o, n := range c.outs {
		outs = append(outs, fmt.Sprintf("%s (%d)", o, n))
	}
	sort.Strings(outs)
	if len(outs) > 8 {
		outs = append(outs[:8], fmt.Sprintf("… %d more", len(outs)-8))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s — %d times, in %s\n", strings.ToUpper(c.what), c.shape, c.count, strings.Join(outs, ", "))
	f, rec := c.example, c.exRun.rec
	fmt.Fprintf(&b, "  smallest example: -gt.seed=%d, profile %s, output %q\n", rec.seed, rec.profile, f.out)
	if m := f.marker; m != nil {
		fmt.Fprintf(&b, "  path: %s (%s)\n  value: %q", m.path, m.shape, m.raw)
		if f.found != "" {
			fmt.Fprintf(&b, " (found %q)", f.found)
		}
		b.WriteByte('\n')
	}
	if f.marker == nil || f.marker.path != "free text" {
		fmt.Fprintf(&b, "  type: %s\n", gtCut(rec.root.Type().String(), 700))
	}
	fmt.Fprintf(&b, "  output: %s", f.detail)
	return b.String()
}
