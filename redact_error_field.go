package pii

import (
	"errors"
	"reflect"
	"sync"
)

// errorHeldAsText reports whether the error value of type t, held by the interface node
// n, is hidden as its text: n is tagged (its rule applies to what it holds), and t has
// nothing a walk could hide under that rule (errors.New's and fmt.Errorf's errors keep
// their text in unexported fields), which err, the error of planning t under the rule,
// says. A malformed tag of t's own is not such a case: it stays an error. Nor is an
// interface that no error of the package's could stand in for (a field of an interface
// type with more methods than Error: interface{ error; Code() int }, fmt.Stringer):
// its value can be neither masked in place nor replaced, so it stays an error.
//
// An error that plans without error (err nil) is hidden as its text too when the field
// is tagged PII and t keeps state in unexported fields (see errorHidesText): a walk
// hides its exported fields, but its Error, which fmt, text handlers and Safe print,
// reads the rest ("field Email: bad value jane@example.com").
func errorHeldAsText(n *node, t reflect.Type, err error) bool {
	if !n.inherits || !t.Implements(errorType) || !errorType.AssignableTo(n.typ) {
		return false
	}
	if err == nil {
		return n.rule.pii() && errorHidesText(t)
	}
	var te *TagError
	return errors.As(err, &te) && te.Type+"."+te.Field == n.rule.origin && errors.Is(te.Err, ErrKindType)
}

// maskedError returns what stands in for err, an error held by a tagged field whose
// text is all a walk can reach (see errorHeldAsText): an error whose text is err's text
// masked as mask masks a string field of the tag's kind and strategy, so that a
// `pii:"email"` error field holding errors.New("jane@example.com") reads as an email
// field would. It does not unwrap: nothing of err is reachable through it. A nil
// pointer error is passed on as it is, and an error whose Error panics becomes a note.
func maskedError(err error, mask func(string) string) (out error) {
	defer func() {
		if r := recover(); r != nil {
			out = redactedErr{errorPanickedNote}
		}
	}()
	if v := reflect.ValueOf(err); v.Kind() == reflect.Pointer && v.IsNil() {
		return err
	}
	return redactedErr{mask(err.Error())}
}

// errorHidesTexts caches errorHidesText: reflect.Type -> bool.
var errorHidesTexts sync.Map

// errorHidesText reports whether the error type t (a struct, or a pointer to one) keeps
// state that no walk reaches and that its Error may print: an unexported field that is
// not embedded, in t or in the structs its embedded and exported fields hold, by value
// or by pointer (an embedded base error's msg, an exported Info struct's note).
func errorHidesText(t reflect.Type) bool {
	if h, ok := errorHidesTexts.Load(t); ok {
		return h.(bool)
	}
	hides := structHidesState(t, nil, map[reflect.Type]bool{})
	errorHidesTexts.Store(t, hides)
	return hides
}

// structHidesState reports whether t, a struct or a pointer to one, has an unexported
// field that is not embedded, in it or in the structs its embedded and exported fields
// lead to, but for those of a type that apart says is looked at on its own (seen: the
// struct types looked at on the way).
func structHidesState(t reflect.Type, apart func(reflect.Type) bool, seen map[reflect.Type]bool) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := range t.NumField() {
		switch f := t.Field(i); {
		case !f.IsExported() && !f.Anonymous:
			return true
		case apart != nil && apart(f.Type):
		case structHidesState(f.Type, apart, seen):
			return true
		}
	}
	return false
}

// keepsUnderTag reports whether a value of node n, a struct or a pointer to one under a
// PII tag, can keep values behind unexported fields (see hiddenIfaces), which fmt
// prints: the tag says all it holds is personal, and no walk reaches them there. A
// redaction empties such a value when it keeps anything there (see stepKeptUnderTag),
// as no value of the package's could stand in for one of its type.
func (n *node) keepsUnderTag() bool {
	return n.rule.pii() && (n.op == opStruct || n.op == opPtr) && n.hides
}

// hidesErrorText reports whether a value of node n, a struct or a pointer to one under
// a PII tag, is an error whose text its walk cannot hide (see errorHidesText): a field
// of that type is emptied by a redaction (see stepErrorText), as no error of the
// package's could stand in for it.
func (n *node) hidesErrorText() bool {
	if !n.rule.pii() || n.op != opStruct && n.op != opPtr {
		return false
	}
	t := n.typ
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return (t.Implements(errorType) || reflect.PointerTo(t).Implements(errorType)) && errorHidesText(t)
}
