package pii

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"
	"unsafe"
)

// kanonErrPath is wrapped, with the path and the type, in KAnonymity's error for a path
// that names no field.
var kanonErrPath = errors.New("no such field")

// KAnonymity returns k, the size of the smallest group of rows that share the same values
// on the fields named by paths: every row of an export is indistinguishable, on those
// fields, from at least k-1 others. Check it before a statistics export leaves, with the
// quasi-identifiers (postal code, year of birth, gender...) as paths, and refuse the
// export when k is below your threshold (5 and 10 are common choices).
//
// rows is a slice or array of structs or of pointers to structs. A path names a field by
// its Go field names from the row, dotted through nested structs and pointers to structs
// ("Address.Country"), as Classify's paths do. A nil pointer on the way makes the row's
// value for that path nil, a group of its own. With no paths every row is in one group.
// No rows give 0. A path that names no exported field is an error naming the path and
// the row type. Values are compared, never printed. A value that contains itself
// (through a pointer, slice, map or interface) is compared by what it holds and where
// it loops back; one nested deeper than any walk goes, or with more than a million
// parts, is an error wrapping ErrTooDeep.
func KAnonymity(rows any, paths ...string) (int, error) {
	rv := reflect.ValueOf(rows)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return 0, errorf("pii: KAnonymity: rows must be a slice or array of structs, not %s",
			kanonTypeName(rv))
	}
	elem := rv.Type().Elem()
	structType := elem
	if structType.Kind() == reflect.Pointer {
		structType = structType.Elem()
	}
	if structType.Kind() != reflect.Struct {
		return 0, errorf("pii: KAnonymity: rows must be a slice or array of structs, not %s",
			rv.Type())
	}
	resolved := make([][][]int, len(paths))
	for i, p := range paths {
		idx, err := kanonResolve(structType, p)
		if err != nil {
			return 0, err
		}
		resolved[i] = idx
	}
	n := rv.Len()
	if n == 0 {
		return 0, nil
	}

	// Counts are held by pointer so that a row of a known group costs no allocation: a
	// lookup with string(key) does not copy the key, an assignment would.
	groups := make(map[string]*int)
	var key []byte
	var kr kanonKeyer
	for r := 0; r < n; r++ {
		key = key[:0]
		row := rv.Index(r)
		for i, steps := range resolved {
			kr.nodes = 0
			key = kr.appendKey(key, kanonFollow(row, steps))
			if kr.err != nil {
				return 0, errorf("pii: KAnonymity: path %q in %s: %w", paths[i], structType, kr.err)
			}
		}
		if c := groups[string(key)]; c != nil {
			*c++
		} else {
			one := 1
			groups[string(key)] = &one
		}
	}
	k := n
	for _, c := range groups {
		k = min(k, *c)
	}
	return k, nil
}

// kanonResolve turns a dotted path into field index sequences, one per segment, checking
// each segment against the type so that rows need no checks.
func kanonResolve(t reflect.Type, path string) ([][]int, error) {
	bad := func(why string) error {
		return errorf("pii: KAnonymity: path %q in %s: %w (%s)", path, t, kanonErrPath, why)
	}
	if path == "" {
		return nil, bad("empty path")
	}
	var steps [][]int
	cur := t
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		for cur.Kind() == reflect.Pointer {
			cur = cur.Elem()
		}
		if cur.Kind() != reflect.Struct {
			return nil, bad(fmt.Sprintf("%q is not a struct", strings.Join(segs[:i], ".")))
		}
		f, ok := cur.FieldByName(seg)
		if !ok || !f.IsExported() {
			return nil, bad(fmt.Sprintf("%s has no exported field %q", cur, seg))
		}
		steps = append(steps, f.Index)
		cur = f.Type
	}
	return steps, nil
}

// kanonFollow walks from row along steps; it returns the invalid Value for a nil pointer
// met on the way (the row's group value is then nil).
func kanonFollow(v reflect.Value, steps [][]int) reflect.Value {
	for _, idx := range steps {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		f, err := v.FieldByIndexErr(idx) // a nil embedded pointer is an error, not a panic
		if err != nil {
			return reflect.Value{}
		}
		v = f
	}
	return v
}

// kanonMaxNodes bounds how many values the key of one path of one row may encode: a
// value whose parts are shared many times over (each node pointing twice to the next)
// has more paths through it than any export has rows.
const kanonMaxNodes = 1 << 20

// A kanonKeyer encodes the values of rows into group keys. It remembers the pointers,
// maps and slices it is inside of, so that a value that contains itself is encoded as a
// reference back to where it started (no two different values share a key; values that
// contain themselves in the same way do), and it bounds the work of one key.
type kanonKeyer struct {
	stack []kanonVisit // the values being encoded, outermost first
	// deep indexes stack[kanonShallow:] by value, for enter.
	deep  map[kanonVisit]int
	nodes int   // values encoded for the current key
	err   error // the first error; the key is then of no use
}

// A kanonVisit is a pointer, map or slice being encoded: where it points, its type, and
// for a slice its length (a slice and a shorter one of the same array differ).
type kanonVisit struct {
	p   unsafe.Pointer
	typ reflect.Type
	n   int
}

// appendKey appends an unambiguous encoding of v to key: a tag byte for the sort of
// value, then a length-prefixed or fixed-size body, so that no two different tuples of
// values share a key. A value nested deeper than maxDepth, or with more than
// kanonMaxNodes parts, sets k.err to ErrTooDeep.
func (k *kanonKeyer) appendKey(key []byte, v reflect.Value) []byte {
	mark := len(k.stack)
	key = k.appendValue(key, v)
	for len(k.stack) > mark {
		k.leave()
	}
	return key
}

// appendValue is appendKey, leaving on k.stack what it entered.
func (k *kanonKeyer) appendValue(key []byte, v reflect.Value) []byte {
	if k.err != nil {
		return key
	}
	if k.nodes++; k.nodes > kanonMaxNodes || len(k.stack) >= maxDepth {
		k.err = ErrTooDeep
		return key
	}
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return append(key, 'n')
		}
		if v.Kind() == reflect.Interface {
			// The dynamic type is part of the value: int 1 and string "1" differ.
			key = kanonAppendString(append(key, 'T'), v.Elem().Type().String())
			v = v.Elem()
			continue
		}
		if back, ok := k.enter(v, v.UnsafePointer(), 0); !ok {
			return binary.AppendUvarint(append(key, 'r'), uint64(back))
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return append(key, 'n')
	}
	if v.Type() == reflect.TypeFor[time.Time]() && v.CanInterface() {
		// Group instants, whatever their location or monotonic reading.
		t := v.Interface().(time.Time)
		key = append(key, 't')
		key = binary.BigEndian.AppendUint64(key, uint64(t.Unix()))
		return binary.BigEndian.AppendUint32(key, uint32(t.Nanosecond()))
	}
	switch v.Kind() {
	case reflect.String:
		return kanonAppendString(append(key, 's'), v.String())
	case reflect.Bool:
		if v.Bool() {
			return append(key, 'b', 1)
		}
		return append(key, 'b', 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.BigEndian.AppendUint64(append(key, 'i'), uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.BigEndian.AppendUint64(append(key, 'u'), v.Uint())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if f == 0 {
			f = 0 // -0 and +0 are equal
		}
		return binary.BigEndian.AppendUint64(append(key, 'f'), math.Float64bits(f))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		key = binary.BigEndian.AppendUint64(append(key, 'c'), math.Float64bits(real(c)))
		return binary.BigEndian.AppendUint64(key, math.Float64bits(imag(c)))
	}
	switch v.Kind() {
	case reflect.Struct:
		// Field by field, each encoded like a value of its own: {"a b","c"} and
		// {"a","b c"} print alike but are different groups.
		key = binary.AppendUvarint(append(key, 'S'), uint64(v.NumField()))
		for i := range v.NumField() {
			key = k.appendKey(key, v.Field(i))
		}
		return key
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice {
			if v.IsNil() {
				return append(key, 'n')
			}
			if back, ok := k.enter(v, v.UnsafePointer(), v.Len()); !ok {
				return binary.AppendUvarint(append(key, 'r'), uint64(back))
			}
		}
		key = binary.AppendUvarint(append(key, 'A'), uint64(v.Len()))
		for i := range v.Len() {
			key = k.appendKey(key, v.Index(i))
		}
		return key
	case reflect.Map:
		if v.IsNil() {
			return append(key, 'n')
		}
		if back, ok := k.enter(v, v.UnsafePointer(), 0); !ok {
			return binary.AppendUvarint(append(key, 'r'), uint64(back))
		}
		// Entries in the order of their encodings, so that equal maps give equal keys.
		// Each entry is encoded with the same values around it, whatever the order.
		entries := make([]string, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			entries = append(entries, string(k.appendKey(k.appendKey(nil, it.Key()), it.Value())))
		}
		slices.Sort(entries)
		key = binary.AppendUvarint(append(key, 'M'), uint64(len(entries)))
		for _, e := range entries {
			key = kanonAppendString(key, e)
		}
		return key
	}
	// Channels, funcs and the rest: their printed form stands for them. It goes into the
	// key only, and is never logged.
	return kanonAppendString(append(key, 'v'), fmt.Sprintf("%v", v))
}

// enter records that the pointer, map or slice v (pointing at p, of length n for a
// slice) is being encoded, and reports true; or, when v is already being encoded
// further out, returns how many levels out (1: the innermost) and false, leaving the
// stack as it was.
func (k *kanonKeyer) enter(v reflect.Value, p unsafe.Pointer, n int) (int, bool) {
	visit := kanonVisit{p: p, typ: v.Type(), n: n}
	for i := min(len(k.stack), kanonShallow) - 1; i >= 0; i-- {
		if k.stack[i] == visit {
			return len(k.stack) - i, false
		}
	}
	if i, ok := k.deep[visit]; ok {
		return len(k.stack) - i, false
	}
	if len(k.stack) >= kanonShallow {
		if k.deep == nil {
			k.deep = map[kanonVisit]int{}
		}
		k.deep[visit] = len(k.stack)
	}
	k.stack = append(k.stack, visit)
	return 0, true
}

// leave pops what enter pushed.
func (k *kanonKeyer) leave() {
	if len(k.stack) > kanonShallow {
		delete(k.deep, k.stack[len(k.stack)-1])
	}
	k.stack = k.stack[:len(k.stack)-1]
}

// kanonShallow is how many of the outermost values being encoded enter looks through one
// by one; deeper ones it finds in a map, so that a long chain costs linear time.
const kanonShallow = 16

// kanonAppendString appends s with its length in front.
func kanonAppendString(key []byte, s string) []byte {
	key = binary.AppendUvarint(key, uint64(len(s)))
	return append(key, s...)
}

// kanonTypeName names the type of rv for an error, "nil" for no value.
func kanonTypeName(rv reflect.Value) string {
	if !rv.IsValid() {
		return "nil"
	}
	return rv.Type().String()
}
