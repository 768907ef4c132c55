package pii

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// errorPanickedNote stands in for an error whose methods panicked: what it holds is
// unknown, so nothing of it is shown.
const errorPanickedNote = "!PII-REDACTED: an error whose methods panicked"

// maxErrorChain bounds how many errors of one chain redactedError looks at: a chain
// that long is hidden whole.
const maxErrorChain = 1000

// redactedError returns an error whose text is err's with the personal data of every
// tagged value in its chain (Unwrap, Unwrap() []error, Errors() []error, and the wrapper
// errors a wrapper holds in its fields: see heldErrors) hidden, and whether that text
// differs from err.Error(). With scan, the text is scanned as free text as well. A nil
// pointer whose Error panics on nil is passed on as it is: it holds nothing, and loggers
// write it as nil; one in the chain holds nothing either, and what its wrapper printed
// of it ("<nil>") stays. A nil pointer whose methods run on nil is looked at as any
// error is: its text and what it unwraps to can hold personal data.
//
// A tagged error in the chain that cannot be redacted (its type's tags are wrong) makes
// the result the note a value that cannot be redacted gets (see ForLog), naming why, as
// that error logged alone would: the whole text is withheld, and the note says what to
// mend.
//
// A wrapper (fmt.Errorf's %w, errors.Join) keeps the text of what it wraps as a string
// of its own, which no walk reaches: the tagged error's raw text is found in it and
// replaced by the text of the redacted copy. Where the raw text cannot be found (a
// wrapper that rewrites it), or a tagged leaf's data stands elsewhere in the text (a
// wrapper that formatted it with %s beside %w), the whole text is withheld: fail closed.
func (p *Policy) redactedError(err error, scan bool) (result error, changed bool) {
	defer func() {
		if r := recover(); r != nil {
			// A method that panics on the way says nothing of what it holds: withhold.
			result, changed = redactedErr{errorPanickedNote}, true
		}
	}()
	if nilPrintsNothing(err) {
		return err, false // loggers write it as nil
	}
	text := err.Error() // first: a method that panics makes the note, never a crash later
	if !scan && !chainHoldsTagged(err) {
		return err, false // the common case: nothing kept, no texts compared
	}
	out, withheld, tagged := text, false, false
	var failed error // why a tagged error of the chain could not be redacted
	// The texts of the chain's tagged leaves, as they are and as redaction left them.
	var raw, kept []taggedText
	count := 0
	replaced := map[string]string{} // raw texts already replaced wherever they stood, and by what
	// The errors by pointer visited: one met again (a held error whose field points
	// back at the error that holds it, two fields holding one) has nothing more to show.
	visited := map[error]bool{}
	looked := map[heldPointer]bool{} // where the chain's held errors were looked for
	var visit func(e error)
	visit = func(e error) {
		if e == nil || withheld {
			return
		}
		if nilPrintsNothing(e) {
			return // fmt printed it as "<nil>"
		}
		if reflect.TypeOf(e).Kind() == reflect.Pointer {
			if visited[e] {
				return
			}
			visited[e] = true
		}
		if count++; count > maxErrorChain {
			withheld = true
			return
		}
		if _, ok := e.(redactionFailed); ok {
			// A note of a redaction that failed holds no value, only its cause (a
			// *TagError, whose Err field would count as a tagged value): passed on as
			// it is, it stays a note that adapters know (ErrRedactionFailed).
			return
		}
		pl := planFor(reflect.TypeOf(e))
		if pl.err != nil || pl.root.hasPII && !pl.root.wraps {
			tagged = true
			red, err := p.redactedCopy(e)
			if err != nil {
				withheld, failed = true, err
				return
			}
			out, withheld = replaceRaw(out, errorTexts(e, red), replaced)
			if withheld {
				return
			}
			redTexts, _ := p.leafTexts(red)
			kept = append(kept, redTexts...)
			texts, ok := p.leafTexts(e)
			if !ok {
				withheld = true
				return
			}
			raw = append(raw, texts...)
		}
		for inner := range innerErrors(e) {
			visit(inner)
		}
		if pl.err == nil && pl.root.nests {
			held, ok := heldErrors(e, pl.root, looked)
			if !ok {
				withheld = true
				return
			}
			for _, h := range held {
				visit(h)
			}
		}
		// What e holds behind unexported fields, which its Error may print, last (a
		// wrapper held there prints what it wraps: it is replaced whole first): errors
		// there are looked at as its chain's, and the data of other values, found
		// in the text in any form, withholds it (see rawLeafIn). They are only read,
		// never copied or formatted (see hiddenValues).
		if pl.hiddenDeep || len(pl.hidden) > 0 {
			held, ok := hiddenValues(e, false)
			if !ok {
				withheld = true
				return
			}
			var links []error
			for _, v := range held {
				x, isErr := v.(error)
				switch {
				case isErr:
					if links == nil {
						links = appendInner(nil, e)
					}
					if !linkOf(x, links) {
						visit(x)
					}
				case planFor(reflect.TypeOf(v)).err != nil:
					withheld = true // nothing says what it holds
				case carriesTagged(v):
					tagged = true
					texts, ok := p.leafTexts(v)
					if !ok {
						withheld = true // what it holds is not known
						return
					}
					raw = append(raw, texts...)
				}
			}
		}
	}
	visit(err)
	if failed != nil {
		return redactionFailed{failed}, true
	}
	if !withheld && rawLeafIn(out, raw, kept) {
		// A wrapper formatted a tagged value's data itself, next to the error it wraps
		// (fmt.Errorf("user %s: %w", u.Email, err)): no replacement of the error's own
		// text reaches it.
		withheld = true
	}
	if withheld {
		out = "!PII-REDACTED: the text of a " + reflect.TypeOf(err).String() + " that holds personal data"
	}
	if scan {
		out = p.RedactText(out)
	}
	if out == text && !tagged {
		return err, false
	}
	// A chain that held a tagged value is cut, even when its text showed nothing of it:
	// errors.As on what is passed on must not reach the raw value.
	return redactedErr{out}, true
}

// A rawText is what a tagged error prints one way, and what its redacted copy prints
// the same way.
type rawText struct{ raw, red string }

// errorTexts returns what the tagged error e and its redacted copy red print every way a
// wrapper may have kept: %w prints as %v does, with the flags it is given (fmt.Errorf's
// "%+w" calls a Format method with the plus flag, "%#w" a GoString), and errors.Join
// keeps Error's text. The longest come first, so that a text that holds a shorter one
// ("%+v" printing "%v" and a detail) is replaced whole.
func errorTexts(e error, red any) []rawText {
	texts := []rawText{
		{fmt.Sprintf("%+v", e), fmt.Sprintf("%+v", red)},
		{fmt.Sprintf("%#v", e), fmt.Sprintf("%#v", red)},
		{fmt.Sprint(e), fmt.Sprint(red)},
	}
	if re, ok := red.(error); ok {
		texts = append(texts, rawText{e.Error(), re.Error()})
	}
	slices.SortStableFunc(texts, func(a, b rawText) int { return len(b.raw) - len(a.raw) })
	return texts
}

// replaceRaw replaces in out every text of texts that redaction changed, and reports
// whether out must be withheld instead: no text of the error stood anywhere in it, and
// one changed, so the wrapper kept the value in a form none of them is (a precision
// that cut it, a rewritten message). A text inside one replaced before counts as found:
// an error earlier in the chain printed it whole (an error that prints the error it
// wraps), and its redacted text took its place. Texts in replaced were replaced before,
// wherever they stood.
//
// A text that redaction left as it was counts as found too, when it stands in out: the
// wrapper kept that form, which shows nothing to hide (an Error that prints only an ID,
// wrapped with %w), and the forms it did not keep (the %#v of the error's fields) do
// not matter. Data of the error's that the wrapper wrote beside it is rawLeafIn's to
// find.
func replaceRaw(out string, texts []rawText, replaced map[string]string) (string, bool) {
	changed, found := false, false
	for _, t := range texts {
		switch _, done := replaced[t.raw]; {
		case t.raw == "":
		case t.raw == t.red:
			found = found || strings.Contains(out, t.raw)
		case done:
			changed, found = true, true
		case strings.Contains(out, t.raw):
			out = strings.ReplaceAll(out, t.raw, t.red)
			replaced[t.raw] = t.red
			changed, found = true, true
		default:
			changed = true
			if adjusted, ok := replacedWithin(out, t.raw, replaced); ok {
				found = true
				if adjusted != "" && adjusted != t.red {
					// What is left of it is its own data: replaced too.
					out = strings.ReplaceAll(out, adjusted, t.red)
					replaced[t.raw] = t.red
				}
			}
		}
	}
	return out, changed && !found
}

// replacedWithin reports whether raw, a text not in out, was replaced in part or whole
// before: it stands inside a text replaced before (an error earlier in the chain
// printed it whole), or, with the texts replaced before replaced in it too, it stands
// in out (it prints an error met before it, as a wrapper held in a field does), and
// then returns it as it stands in out.
func replacedWithin(out, raw string, replaced map[string]string) (adjusted string, found bool) {
	adjusted = raw
	for prev, red := range replaced {
		if strings.Contains(prev, raw) {
			return "", true
		}
		adjusted = strings.ReplaceAll(adjusted, prev, red)
	}
	if adjusted != raw && strings.Contains(out, adjusted) {
		return adjusted, true
	}
	return "", false
}

// nilPrintsNothing reports whether e is a nil pointer whose Error panics on nil: it holds
// nothing, and fmt and loggers print it as "<nil>". A nil pointer whose methods run on
// nil (a default text, an Unwrap that returns another error) is no such error: its
// text and what it unwraps to can hold personal data.
func nilPrintsNothing(e error) (panicked bool) {
	if v := reflect.ValueOf(e); v.Kind() != reflect.Pointer || !v.IsNil() {
		return false
	}
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	_ = e.Error()
	return false
}

// redactedCopy returns the redacted copy of x, walked from its own type's plan (not as
// an interface's value, which would bring it back here), or why it cannot be made.
func (p *Policy) redactedCopy(x any) (any, error) {
	t := reflect.TypeOf(x)
	pl := planFor(t)
	if pl.err != nil {
		return nil, pl.err
	}
	tmp := reflect.New(t)
	tmp.Elem().Set(reflect.ValueOf(x))
	rw := newRedactWalk(true, false)
	rw.w.pol, rw.w.copy = p, true
	err := rw.w.run(pl.root, tmp.UnsafePointer())
	rw.release()
	if err != nil {
		return nil, err
	}
	return tmp.Elem().Interface(), nil
}

// redactedErr stands in for an error whose text held personal data. It does not unwrap:
// what it replaced is exactly what must not be reached.
type redactedErr struct{ text string }

func (e redactedErr) Error() string { return e.text }
