package pii

import (
	"reflect"
	"strings"
)

// maxErrorChain bounds how many errors of one chain redactedError looks at: a chain
// that long is hidden whole.
const maxErrorChain = 1000

// redactedError returns an error whose text is err's with the personal data of every
// tagged value in its chain (Unwrap, Unwrap() []error) hidden, and whether that text
// differs from err.Error(). With scan, the text is scanned as free text as well.
//
// A wrapper (fmt.Errorf's %w, errors.Join) keeps the text of what it wraps as a string
// of its own, which no walk reaches: the tagged error's raw text is found in it and
// replaced by the text of the redacted copy. Where the raw text cannot be found (a
// wrapper that rewrites it), the whole text is withheld: fail closed.
func (p *Policy) redactedError(err error, scan bool) (error, bool) {
	text := err.Error()
	out, withheld := text, false
	count := 0
	replaced := map[string]bool{} // raw texts already replaced wherever they stood
	var visit func(e error)
	visit = func(e error) {
		if e == nil || withheld {
			return
		}
		if count++; count > maxErrorChain {
			withheld = true
			return
		}
		if pl := planFor(reflect.TypeOf(e)); pl.err != nil || pl.root.hasPII && !pl.root.wraps {
			raw := e.Error()
			x, _ := p.redactedAny(e, false)
			red, ok := x.(error)
			switch {
			case !ok:
				withheld = true
			case raw == red.Error() || replaced[raw]:
			case strings.Contains(out, raw):
				out = strings.ReplaceAll(out, raw, red.Error())
				replaced[raw] = true
			default:
				withheld = true
			}
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			visit(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				visit(inner)
			}
		}
	}
	visit(err)
	if withheld {
		out = "!PII-REDACTED: the text of a " + reflect.TypeOf(err).String() + " that holds personal data"
	}
	if scan {
		out = p.RedactText(out)
	}
	if out == text {
		return err, false
	}
	return redactedErr{out}, true
}

// redactedErr stands in for an error whose text held personal data. It does not unwrap:
// what it replaced is exactly what must not be reached.
type redactedErr struct{ text string }

func (e redactedErr) Error() string { return e.text }
