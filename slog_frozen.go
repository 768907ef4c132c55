package pii

import "reflect"

// This file freezes, for a Handler over one that may format later (any but slog's own:
// see formatsAtOnce), an error whose text reads what a snapshot cannot copy: values kept
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

// chainKeepsValues reports whether an error of err's chain (its links, and the errors
// they keep behind unexported fields) keeps a value other than an error behind its
// unexported fields that the caller can change (a map, a slice, a pointer, or a value
// holding one), or the chain is too long to look through.
func chainKeepsValues(err error) (kept bool) {
	defer func() {
		if recover() != nil {
			// An Unwrap that panics: the error is passed on as it is, as where no
			// handler formats later, and its printing panics there as here.
			kept = false
		}
	}()
	seen := 0
	var keeps func(e error) bool
	keeps = func(e error) bool {
		if e == nil {
			return false
		}
		if seen++; seen > maxErrorChain {
			return true
		}
		if pl := planFor(reflect.TypeOf(e)); pl.err == nil && pl.root.hides {
			held, ok := hiddenValues(e, false)
			if !ok {
				return true
			}
			for _, v := range held {
				he, isErr := v.(error)
				switch {
				case isErr:
					if keeps(he) {
						return true
					}
				case mayChange(v):
					return true // what the caller may change after the call
				}
			}
		}
		for inner := range innerErrors(e) {
			if keeps(inner) {
				return true
			}
		}
		return false
	}
	return keeps(err)
}

// mayChange reports whether the caller can change what x holds after handing it on: x
// is, or holds in its exported fields, a map, slice, pointer, interface or []byte (a
// type that cannot be planned counts as such). What it keeps in interfaces behind its
// unexported fields is looked at on its own (see hiddenValues).
func mayChange(x any) bool {
	pl := planFor(reflect.TypeOf(x))
	return pl.err != nil || pl.root.mutable
}
