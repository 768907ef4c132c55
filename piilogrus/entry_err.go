package piilogrus

import (
	"reflect"
	"unsafe"

	"github.com/sirupsen/logrus"
)

// A field logrus refuses (WithField(key, v) with a func or a pointer to one) never
// reaches Data: its key goes into the entry's unexported err, `can not add field
// "<key>"`, which the formatters write as logrus_error. With ScanStrings a key is data
// like any other (see keysToHide), so that text is scanned too.

// entryErrOffset is where an Entry keeps that text; entryErrKnown is false when
// logrus's layout is not the one known (a later logrus), and the text is then left as
// it is.
var entryErrOffset, entryErrKnown = func() (uintptr, bool) {
	f, ok := reflect.TypeFor[logrus.Entry]().FieldByName("err")
	if !ok || len(f.Index) != 1 || f.Type.Kind() != reflect.String {
		return 0, false
	}
	return f.Offset, true
}()

// scanEntryErr returns the refused fields' text of e scanned, and whether that differs
// from what e holds.
func (h *Hook) scanEntryErr(e *logrus.Entry) (string, bool) {
	if !h.scan || !entryErrKnown {
		return "", false
	}
	text := *(*string)(unsafe.Add(unsafe.Pointer(e), entryErrOffset))
	if text == "" {
		return "", false
	}
	scanned := h.pol.RedactText(text)
	return scanned, scanned != text
}

// setEntryErr sets the refused fields' text of e (see scanEntryErr).
func setEntryErr(e *logrus.Entry, text string) {
	*(*string)(unsafe.Add(unsafe.Pointer(e), entryErrOffset)) = text
}
