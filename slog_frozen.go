package pii

// This file freezes, for a Handler over one that may format later (see
// Handler.snapshot), an error whose text reads what a snapshot cannot copy: values kept
// behind unexported fields of its chain (an error's `key any`), which the caller may
// change after the call. Its text, made at the call, is passed on instead.
//
// Other values that keep something there (a lazy argument's `v any`) are passed on as
// they are: what they print may change after the call (see the README).

// redactedOpaqueAt is redactedOpaque for a value that, with snapshot, a handler may
// format later: an error it leaves as it is is frozen (see frozenError).
func (p *Policy) redactedOpaqueAt(x any, scan, snapshot bool) (any, bool) {
	out, changed := p.redactedOpaque(x, scan)
	if snapshot && !changed {
		return frozenError(x)
	}
	return out, changed
}

// frozenError returns the text of x, an error whose chain keeps values other than
// errors behind unexported fields that the caller can change (a map of a request's
// parameters, a pointer to one), as an error of its own: no copy can be made of them,
// so a handler that formats later would print what they hold then. It has no Unwrap,
// which would lead there. An error that keeps only what cannot change (a string, a
// number) keeps its chain. Any other x is returned as it is.
func frozenError(x any) (any, bool) {
	err, ok := x.(error)
	if !ok || !chainKeepsValues(err) {
		return x, false
	}
	return redactedErr{err.Error()}, true
}
