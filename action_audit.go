package pii

import (
	"unicode/utf8"
	"unsafe"
)

// auditMaxBytes is how much of one string an audit scans: the free-text finder is fast,
// but a log line must never wait on a megabyte of text. What lies beyond is reported as
// not fully scanned, and hidden where the audit redacts.
const auditMaxBytes = 64 << 10

// auditAction runs the free-text finder over every string leaf that is not PII (tagged
// no, or untagged), and reports where it finds personal data: the field's path and the
// kind, never the value or where in it. With redact, it also hides what it finds, and
// the whole of what it could not scan (fail closed).
type auditAction struct {
	found  []Misplaced
	redact bool
}

func (a *auditAction) readsOnly() bool { return !a.redact }

func (a *auditAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	if n.rule.pii() || (n.lk != lkString && n.lk != lkBytes) {
		return nil
	}
	var text string
	if n.lk == lkString {
		text = *(*string)(p)
	} else {
		text = unsafe.String(unsafe.SliceData(*(*[]byte)(p)), len(*(*[]byte)(p)))
	}
	if text == "" {
		return nil
	}
	partial := len(text) > auditMaxBytes || !utf8.ValidString(text)
	scanned := text
	if len(scanned) > auditMaxBytes {
		scanned = scanned[:auditMaxBytes]
	}
	if !utf8.ValidString(scanned) {
		scanned = "" // binary data: nothing the finder can read
	}
	var kinds []Kind
	for f := range w.pol.ScanSeq(scanned) {
		if !containsKind(kinds, f.Kind) {
			kinds = append(kinds, f.Kind)
		}
	}
	if len(kinds) == 0 && !partial {
		return nil
	}
	path := string(w.path)
	for _, k := range kinds {
		a.add(Misplaced{Path: path, Field: w.field, Class: n.rule.tag.Class, Kind: k, Partial: partial})
	}
	if len(kinds) == 0 {
		a.add(Misplaced{Path: path, Field: w.field, Class: n.rule.tag.Class, Partial: true})
	}
	if a.redact {
		out := ""
		if !partial {
			out = w.pol.RedactText(text)
		}
		if n.lk == lkString {
			*(*string)(p) = out
		} else {
			*(*[]byte)(p) = []byte(out) // a new array: the caller's is never written
		}
	}
	return nil
}

// add records m once.
func (a *auditAction) add(m Misplaced) {
	for _, seen := range a.found {
		if seen == m {
			return
		}
	}
	a.found = append(a.found, m)
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
