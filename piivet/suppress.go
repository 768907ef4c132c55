package piivet

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ignoreDirective silences piivet's reports on what it is written beside or above:
// `//piivet:ignore the example prints a record on purpose`. Its reason is required.
const ignoreDirective = "//piivet:ignore"

// A span is a range of lines of one file that an ignore directive covers.
type span struct {
	file       *token.File
	start, end int // lines, inclusive
}

// suppressions finds the ignore directives of the pass's files, reports those that are
// malformed (no reason, or a piivet directive it does not know), and returns the spans
// the well-formed ones cover. A directive alone on its line covers the code that begins
// on the next line, to the end of the outermost node that begins there (a whole
// statement spread over lines, a struct field, a declaration); one at the end of a
// line covers that line's code so. A directive without a reason silences nothing.
func suppressions(pass *analysis.Pass) []span {
	var spans []span
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		var lines []int // the lines whose code the well-formed directives cover
		for _, g := range f.Comments {
			for _, c := range g.List {
				text, ok := strings.CutPrefix(c.Text, "//piivet:")
				if !ok {
					continue
				}
				reason, ok := strings.CutPrefix(text, "ignore")
				switch {
				case !ok || reason != "" && reason[0] != ' ' && reason[0] != '\t':
					pass.Reportf(c.Pos(), "pii: unknown piivet directive %q: write %s followed by the reason", c.Text, ignoreDirective)
				case strings.TrimSpace(reason) == "":
					pass.Reportf(c.Pos(), "pii: %s needs a reason, which silences nothing without one: %s the example prints a record on purpose", ignoreDirective, ignoreDirective)
				default:
					lines = append(lines, tf.Line(c.Pos()))
				}
			}
		}
		if len(lines) == 0 {
			continue
		}
		starts := codeLines(tf, f)
		for _, l := range lines {
			if _, code := starts[l]; !code {
				l++ // alone on its line: the code below
			}
			end := l
			if e, ok := starts[l]; ok && e > end {
				end = e
			}
			spans = append(spans, span{file: tf, start: l, end: end})
		}
	}
	return spans
}

// codeLines maps each line of f where a node begins to the last line of the longest
// node that begins there.
func codeLines(tf *token.File, f *ast.File) map[int]int {
	starts := map[int]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.File, *ast.Comment, *ast.CommentGroup:
			return n != nil
		}
		if !n.Pos().IsValid() || !n.End().IsValid() {
			return true
		}
		l, e := tf.Line(n.Pos()), tf.Line(n.End())
		if e > starts[l] {
			starts[l] = e
		}
		return true
	})
	return starts
}

// covered reports whether one of spans covers pos.
func covered(fset *token.FileSet, spans []span, pos token.Pos) bool {
	tf := fset.File(pos)
	if tf == nil {
		return false
	}
	line := tf.Line(pos)
	for _, s := range spans {
		if s.file == tf && s.start <= line && line <= s.end {
			return true
		}
	}
	return false
}

// silence makes pass drop the reports that an ignore directive covers, and returns a
// function that restores it.
func silence(pass *analysis.Pass) func() {
	report := pass.Report
	spans := suppressions(pass)
	if len(spans) == 0 {
		return func() {}
	}
	pass.Report = func(d analysis.Diagnostic) {
		if !covered(pass.Fset, spans, d.Pos) {
			report(d)
		}
	}
	return func() { pass.Report = report }
}
