package pii

import "unsafe"

// collectLeaf gathers the values of a record's name fields, which a redact=scan body of
// the same record hides wherever they appear in its text.
func (w *walker) collectLeaf(p unsafe.Pointer, n *node) {
	if n.rule.tag.Kind != KindName || !n.rule.pii() {
		return
	}
	switch n.lk {
	case lkString:
		if s := *(*string)(p); s != "" {
			w.names = append(w.names, s)
		}
	case lkBytes:
		if b := *(*[]byte)(p); len(b) > 0 {
			w.names = append(w.names, string(b))
		}
	}
}
