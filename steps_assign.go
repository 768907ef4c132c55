package pii

import (
	"reflect"
	"unsafe"
)

// This file copies a value of a small type word by word, as an assignment would, for
// the walk's copies (newCopy, a lent copy's record). reflect.Value.Set does the same
// job with checks that cost more than the copy itself for the structs of a record.

// An assignOp copies one run of a value's words: when ptr, the pointer word at off,
// with a typed store that the collector's write barrier sees, then words words that
// hold no pointer (lengths, numbers, an interface's type word).
type assignOp struct {
	off   uintptr
	words uintptr
	ptr   bool
}

// assignMaxWords bounds the types copied by assignOps: a larger one is copied by
// reflection, whose cost matters less beside its size.
const assignMaxWords = 32

const wordSize = unsafe.Sizeof(uintptr(0))

// assignOpsOf returns how to copy a value of type t word by word (see assign), or nil
// when t is copied by reflection: larger than assignMaxWords words, not a whole number
// of words, aligned on less than a word (a [16]byte may sit at any address, where some
// platforms refuse a word's load), or holding a kind whose words are not known here.
//
// A word is a pointer exactly where the compiler's pointer bitmap says so, which the
// collector reads: the first word of a string or slice, the second of an interface (its
// type word is not scanned), and pointers, maps, channels, funcs and unsafe.Pointers.
func assignOpsOf(t reflect.Type) []assignOp {
	size := t.Size()
	if size == 0 || size%wordSize != 0 || size/wordSize > assignMaxWords || uintptr(t.Align()) < wordSize {
		return nil
	}
	ptrs := make([]bool, size/wordSize)
	if !markPointers(t, 0, ptrs) {
		return nil
	}
	var ops []assignOp
	for i, p := range ptrs {
		if p || len(ops) == 0 {
			ops = append(ops, assignOp{off: uintptr(i) * wordSize, ptr: p, words: 0})
			if p {
				continue
			}
		}
		ops[len(ops)-1].words++
	}
	return ops
}

// markPointers marks in ptrs the pointer words of a value of type t at byte offset off,
// and reports whether every kind it met is known.
func markPointers(t reflect.Type, off uintptr, ptrs []bool) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	case reflect.Pointer, reflect.UnsafePointer, reflect.Map, reflect.Chan, reflect.Func,
		reflect.String, reflect.Slice:
		ptrs[off/wordSize] = true
		return true
	case reflect.Interface:
		ptrs[off/wordSize+1] = true
		return true
	case reflect.Array:
		es := t.Elem().Size()
		for i := range t.Len() {
			if !markPointers(t.Elem(), off+uintptr(i)*es, ptrs) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !markPointers(f.Type, off+f.Offset, ptrs) {
				return false
			}
		}
		return true
	}
	return false
}

// assign copies the value at src to dst, both of the type ops were made for. No
// address is made past the value's end (checkptr, under the race detector, stops one).
func assign(ops []assignOp, dst, src unsafe.Pointer) {
	for _, o := range ops {
		off := o.off
		if o.ptr {
			*(*unsafe.Pointer)(unsafe.Add(dst, off)) = *(*unsafe.Pointer)(unsafe.Add(src, off))
			off += wordSize
		}
		for end := off + o.words*wordSize; off < end; off += wordSize {
			*(*uintptr)(unsafe.Add(dst, off)) = *(*uintptr)(unsafe.Add(src, off))
		}
	}
}
