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
// the row type. Values are compared, never printed.
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
	for r := 0; r < n; r++ {
		key = key[:0]
		row := rv.Index(r)
		for _, steps := range resolved {
			key = kanonAppendKey(key, kanonFollow(row, steps))
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

// kanonAppendKey appends an unambiguous encoding of v to key: a tag byte for the sort of
// value, then a length-prefixed or fixed-size body, so that no two different tuples of
// values share a key.
func kanonAppendKey(key []byte, v reflect.Value) []byte {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return append(key, 'n')
		}
		if v.Kind() == reflect.Interface {
			// The dynamic type is part of the value: int 1 and string "1" differ.
			key = kanonAppendString(append(key, 'T'), v.Elem().Type().String())
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
			key = kanonAppendKey(key, v.Field(i))
		}
		return key
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return append(key, 'n')
		}
		key = binary.AppendUvarint(append(key, 'A'), uint64(v.Len()))
		for i := range v.Len() {
			key = kanonAppendKey(key, v.Index(i))
		}
		return key
	case reflect.Map:
		if v.IsNil() {
			return append(key, 'n')
		}
		// Entries in the order of their encodings, so that equal maps give equal keys.
		entries := make([]string, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			entries = append(entries, string(kanonAppendKey(kanonAppendKey(nil, it.Key()), it.Value())))
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
