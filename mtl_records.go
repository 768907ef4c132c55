package pii

import (
	"errors"
	"reflect"
	"sync"
	"time"
	"unsafe"
)

// Records and their own creation times.
//
// A record is a struct with a field tagged `pii:"no,created"` (a time.Time, *time.Time or
// sql.NullTime), directly or in an embedded struct: the MTL and TTL of every field under it
// count from that time. Records are found wherever a walk meets them: at the root, in
// slices, arrays, maps, behind pointers and interfaces, and inside other records, where
// the innermost record's time wins. So a batch of messages of different ages is purged
// message by message.

// The errors of records' creation times.
var (
	// ErrNoCreated is returned when a field's retention must be decided and no creation
	// time applies to it: the field is in no record (no struct above it has a created
	// field) and no time was passed for it, as for a collection of such structs, whose
	// records would otherwise all get one time.
	ErrNoCreated = errors.New(`no creation time: tag the record's time.Time field pii:"no,created", or pass the time of a single record`)
	// ErrCreatedMismatch is returned when a creation time is passed for a record whose
	// created field holds another: one of them is wrong, and guessing which could delete
	// data inside its minimum time to live.
	ErrCreatedMismatch = errors.New("the creation time passed differs from the record's created field")
	// ErrCollection is returned by ScheduleOf for a slice, array or map: a schedule is one
	// record's, and each record of a collection has its own.
	ErrCollection = errors.New("a collection holds records of their own ages: ask for each record's schedule")
)

// A recordInfo says where a record type keeps its creation time.
type recordInfo struct {
	field  string       // the created field's path in the type ("Created", "Base.Created")
	offset uintptr      // its offset in the record
	typ    reflect.Type // time.Time, *time.Time or a database/sql Null of time.Time
}

// recordInfos caches recordOf: reflect.Type -> *recordInfo, nil for a type that is no record.
var recordInfos sync.Map

// recordOf returns where the struct type t keeps its creation time, or nil when t is not
// a record. A created field of t itself wins over one of an embedded struct. The tags
// were validated when t's plan was built (one created field per struct, of a time type).
func recordOf(t reflect.Type) *recordInfo {
	if ri, ok := recordInfos.Load(t); ok {
		return ri.(*recordInfo)
	}
	ri := recordFind(t)
	recordInfos.Store(t, ri)
	return ri
}

// recordFind is recordOf, uncached. An embedded struct is asked through recordOf, so each
// type is looked at once however many structs embed it (a lattice of embeddings costs
// one look per type, not one per path).
func recordFind(t reflect.Type) *recordInfo {
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		if raw, ok := sf.Tag.Lookup("pii"); ok && sf.IsExported() && isTimeField(sf.Type) {
			if tag, err := ParseTag(raw); err == nil && tag.Created {
				return &recordInfo{field: sf.Name, offset: sf.Offset, typ: sf.Type}
			}
		}
	}
	for i := range t.NumField() {
		if sf := t.Field(i); sf.Anonymous {
			if in := recordOf(sf.Type); in != nil {
				return &recordInfo{field: sf.Name + "." + in.field, offset: sf.Offset + in.offset, typ: in.typ}
			}
		}
	}
	return nil
}

// created reads the creation time of the record at p: the zero time when it is not set
// (a nil *time.Time, an invalid sql.NullTime).
func (ri *recordInfo) created(p unsafe.Pointer) time.Time {
	q := unsafe.Add(p, ri.offset)
	switch {
	case ri.typ == timeType:
		return *(*time.Time)(q)
	case ri.typ.Kind() == reflect.Pointer:
		if tp := *(**time.Time)(q); tp != nil {
			return *tp
		}
		return time.Time{}
	}
	if !*(*bool)(unsafe.Add(q, ri.typ.Field(1).Offset)) {
		return time.Time{}
	}
	return *(*time.Time)(unsafe.Add(q, ri.typ.Field(0).Offset))
}

// recordTime combines a record's own creation time with one passed for it (zero for
// none): the one that is set, or an error (for the caller to wrap with the record's
// name) when neither is or when they differ.
func recordTime(own, passed time.Time) (time.Time, error) {
	switch {
	case own.IsZero() && passed.IsZero():
		return time.Time{}, ErrZeroTime
	case mtlOutOfRange(own), mtlOutOfRange(passed):
		return time.Time{}, ErrTimeRange
	case own.IsZero():
		return passed.Round(0), nil
	case !passed.IsZero() && !own.Equal(passed):
		return time.Time{}, ErrCreatedMismatch
	}
	return own.Round(0), nil
}

// recordPos is a record as a walk meets it: its memory and its node.
type recordPos struct {
	p unsafe.Pointer
	n *node
}

// enters reports whether a purging walk at the struct node n, at p, enters a record it is
// not already in; the purge action then hands the struct to purgeRecord.
func (s *purgeState) enters(n *node, p unsafe.Pointer) bool {
	return s.cur != (recordPos{p, n}) && recordOf(n.typ) != nil
}

// recordListing is, for a root node, the leaf node of each field Classify lists, in its
// order, and whether the field lies inside a record below the root (whose fields have
// deadlines of their own).
type recordListing struct {
	nodes  []*node
	nested []bool
}

// recordListings caches listingOf by root node.
var recordListings sync.Map

// listingOf returns root's listing, in the order listFields lists the fields.
func listingOf(root *node) *recordListing {
	if l, ok := recordListings.Load(root); ok {
		return l.(*recordListing)
	}
	out := &recordListing{}
	l := lister{expanding: map[reflect.Type]bool{}}
	var list func(n *node, in bool)
	list = func(n *node, in bool) {
		switch n.op {
		case opLeaf, opIface, opOpaque, opNull:
			if n.op == opOpaque && n.rule.tag.Class == Untagged {
				return
			}
			out.nodes, out.nested = append(out.nodes, n), append(out.nested, in)
		case opPtr, opSlice, opArray, opMap:
			list(n.elem, in)
		case opStruct:
			if l.expanding[n.typ] {
				return
			}
			l.expanding[n.typ] = true
			in := in || n != root && recordOf(n.typ) != nil
			for _, e := range l.flatten(n) {
				list(e.node, in)
			}
			delete(l.expanding, n.typ)
		}
	}
	list(root, false)
	recordListings.Store(root, out)
	return out
}
