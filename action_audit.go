package pii

import (
	"net/url"
	"unicode/utf8"
	"unsafe"
)

// The budgets of an audit: the free-text finder is fast, but a log line must never wait
// on megabytes of text. auditMaxBytes is how much of one string is scanned, auditBudget
// how much of one walk (one logged value, one Audit call). What lies beyond is reported as
// not fully scanned, and hidden where the audit redacts (fail closed).
const (
	auditMaxBytes = 64 << 10
	auditBudget   = 1 << 20
)

// auditAction runs the free-text finder over every string leaf that is not PII (tagged
// no, or untagged), with the names of its record, and reports where it finds personal
// data: the field's path and the kind, never the value or where in it. With redact, it
// also hides what it finds, and the whole of what it could not scan (fail closed).
type auditAction struct {
	found   []Misplaced
	redact  bool
	scanned int // bytes scanned so far, against auditBudget
	// names are the names of the records the walk is in: a customer's name in a
	// callback URL is personal data where it must not be.
	names recordNames
}

// needsField: the walk keeps walker.field, which this action names.
func (*auditAction) needsField() {}

func (a *auditAction) readsOnly() bool { return !a.redact }

// records: an audit looks for each record's own names in its Not PII fields.
func (a *auditAction) records(*node) bool { return true }

// enterRecord gathers the names of the record the walk enters (see recordNames).
func (a *auditAction) enterRecord(w *walker, n *node, p unsafe.Pointer, inIface bool) (bool, error) {
	return a.names.enter(w, n, p, inIface, true)
}

func (a *auditAction) leaveRecord(*walker) { a.names.leave() }

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
	scanned, partial := a.budgeted(text)
	var kinds []Kind
	for _, f := range w.pol.scanner.scan(scanned, a.names.names, nil) {
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
			out = w.pol.scanRedact(text, a.names.names)
		}
		if n.lk == lkString {
			*(*string)(p) = out
		} else {
			*(*[]byte)(p) = []byte(out) // a new array: the caller's is never written
		}
	}
	return nil
}

// budgeted returns what of text the audit scans, and whether that is less than all of
// it: the budgets' worth, cut at a character boundary; nothing of binary data.
func (a *auditAction) budgeted(text string) (string, bool) {
	limit := min(auditMaxBytes, max(auditBudget-a.scanned, 0))
	scanned := text
	if len(scanned) > limit {
		scanned = scanned[:limit]
		for len(scanned) > 0 && !utf8.RuneStart(text[len(scanned)]) {
			scanned = scanned[:len(scanned)-1] // back to where a character starts
		}
	}
	if !utf8.ValidString(scanned) {
		return "", true // binary data: nothing the finder can read
	}
	a.scanned += len(scanned)
	return scanned, len(scanned) < len(text)
}

// enterStruct looks at what a url.URL that is not PII keeps where no walk reaches: its
// user part, in the unexported fields of url.Userinfo ("https://jane@example.com@host/").
// The rest of the URL is walked as any struct's strings are.
func (a *auditAction) enterStruct(w *walker, n *node, p unsafe.Pointer) (bool, error) {
	if n.typ != urlType || n.rule.pii() {
		return false, nil
	}
	u := (*url.URL)(p)
	if u.User == nil {
		return false, nil
	}
	text := u.User.Username()
	if pw, ok := u.User.Password(); ok {
		text += " " + pw
	}
	scanned, partial := a.budgeted(text)
	for _, f := range w.pol.scanner.scan(scanned, a.names.names, nil) {
		a.add(Misplaced{Path: string(w.path) + ".User", Field: w.field, Class: n.rule.tag.Class, Kind: f.Kind, Partial: partial})
	}
	return false, nil
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
