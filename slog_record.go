package pii

import (
	"log/slog"
	"reflect"
	"unsafe"
)

// A Handler is given its record by value: the record is the Handler's own, except for
// the attributes past the first few, which slog keeps in an array the caller's record
// shares. The first ones sit in an array inside the record itself, which is where most
// lines keep all of theirs. Writing the redacted attributes there, rather than building
// a new record (slog.NewRecord and AddAttrs, then a second record-sized copy into the
// next handler's call), saves a tenth of a redacted line's work, most of it code that a
// log line would otherwise run only for this.
//
// slog does not export that array, so its place is learned from the record's type when
// the package starts; a layout other than the one known (a later Go) leaves recordFront
// unknown, and every record is rebuilt as slog's API allows. TestRecordFrontLearned
// fails when that happens.

// recordLayout is where a slog.Record keeps its inline attributes and their count.
type recordLayout struct {
	front, count, back uintptr // offsets of the inline array, its count, and the rest
	size               int     // the inline array's length
}

var recordFront, recordFrontKnown = learnRecordLayout(reflect.TypeFor[slog.Record]())

// learnRecordLayout finds the inline attribute array of a record type laid out as
// slog.Record is in the Go releases this package knows: front [N]Attr, nFront int, and
// back []Attr for the rest.
func learnRecordLayout(t reflect.Type) (recordLayout, bool) {
	front, ok1 := t.FieldByName("front")
	count, ok2 := t.FieldByName("nFront")
	back, ok3 := t.FieldByName("back")
	attr := reflect.TypeFor[slog.Attr]()
	if !ok1 || !ok2 || !ok3 ||
		front.Type.Kind() != reflect.Array || front.Type.Elem() != attr ||
		count.Type != reflect.TypeFor[int]() || back.Type != reflect.SliceOf(attr) {
		return recordLayout{}, false
	}
	return recordLayout{front: front.Offset, count: count.Offset, back: back.Offset, size: front.Type.Len()}, true
}

// ownAttrs returns r's attributes as the array inside r that holds them, when it holds
// them all (none shared with the caller's record), so that they can be replaced where
// they are; else ok is false.
func ownAttrs(r *slog.Record) (attrs []slog.Attr, ok bool) {
	if !recordFrontKnown {
		return nil, false
	}
	n := *(*int)(unsafe.Add(unsafe.Pointer(r), recordFront.count))
	back := *(*[]slog.Attr)(unsafe.Add(unsafe.Pointer(r), recordFront.back))
	if n < 0 || n > recordFront.size || len(back) > 0 {
		return nil, false
	}
	return unsafe.Slice((*slog.Attr)(unsafe.Add(unsafe.Pointer(r), recordFront.front)), n), true
}

// emptyGroup reports whether v is a group with no attributes, which AddAttrs leaves out
// of a record and handlers ignore.
func emptyGroup(v slog.Value) bool {
	return v.Kind() == slog.KindGroup && len(v.Group()) == 0
}
