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
		var lines []directive // the well-formed directives
		for _, g := range f.Comments {
			for _, c := range g.List {
				text, ok := strings.CutPrefix(c.Text, "//piivet:")
				if !ok {
					if spaced(c.Text) {
						pass.Reportf(c.Pos(), "pii: %q is no directive, which silences nothing: write %s, with no space after // (as //go: directives), followed by the reason", c.Text, ignoreDirective)
					}
					continue
				}
				reason, ok := strings.CutPrefix(text, "ignore")
				switch {
				case !ok || reason != "" && reason[0] != ' ' && reason[0] != '\t':
					pass.Reportf(c.Pos(), "pii: unknown piivet directive %q: write %s followed by the reason", c.Text, ignoreDirective)
				case strings.TrimSpace(reason) == "":
					pass.Reportf(c.Pos(), "pii: %s needs a reason, which silences nothing without one: %s the example prints a record on purpose", ignoreDirective, ignoreDirective)
				default:
					lines = append(lines, directive{tf.Line(c.Pos()), tf.Line(g.End())})
				}
			}
		}
		if len(lines) == 0 {
			continue
		}
		starts := codeLines(tf, f)
		for _, d := range lines {
			l := d.line
			if _, code := starts[l]; !code {
				l = d.last + 1 // alone on its line: the code below its comments
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

// A directive is a well-formed ignore directive: its line, and the last line of the
// comments it is written among (a directive in a block of comments covers the code
// below the block).
type directive struct{ line, last int }

// spaced reports whether comment is an ignore directive written as Go reads no
// directive (// piivet:ignore, /* piivet:ignore */), which would otherwise silence
// nothing without a word.
func spaced(comment string) bool {
	body, ok := strings.CutPrefix(comment, "//")
	if !ok {
		body = strings.TrimPrefix(comment, "/*")
	}
	return strings.HasPrefix(strings.TrimLeft(body, " \t\n"), "piivet:ignore")
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

// silence makes pass drop the reports that an ignore directive covers, and those in
// generated files (// Code generated ... DO NOT EDIT.), whose code is fixed in what
// generates it, where no directive would last; it returns a function that restores
// pass. Generated files are still read for facts: a type they declare carries its
// tags, and a method they declare prints what it prints, wherever it is used.
func silence(pass *analysis.Pass) func() {
	report := pass.Report
	spans := suppressions(pass)
	generated := map[*token.File]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			generated[pass.Fset.File(f.Pos())] = true
		}
	}
	if len(spans) == 0 && len(generated) == 0 {
		return func() {}
	}
	pass.Report = func(d analysis.Diagnostic) {
		if !generated[pass.Fset.File(d.Pos)] && !covered(pass.Fset, spans, d.Pos) {
			report(d)
		}
	}
	return func() { pass.Report = report }
}
