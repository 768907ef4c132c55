package pii

// Review s33 of the commits 07fddf1..HEAD in this module: assign (steps_assign.go) and
// Safe's MarshalJSON guard (safe.go).

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

type s33Inner struct {
	B  bool
	S  string
	I8 int8
}

type s33Shapes struct {
	A  [3]error
	E  struct{}
	P  *int
	Z  [0]*int
	B  byte
	F  func() int
	C  chan int
	M  map[string]*int
	U  unsafe.Pointer
	X  any
	St fmt.Stringer
	In s33Inner
	Ar [1]s33Inner
	Mu sync.Mutex
	Sl []*string
	T  [0]func()
}

type s33Padded struct {
	A int32
	P *string
	B int8
	_ [0]int
}

type s33Embedded struct {
	error
	fmt.Stringer
	N int
}

type s33Str string

func (s s33Str) String() string { return string(s) }

// TestS33AssignShapes is a guard: assign copies values of many shapes exactly as an
// assignment does, and what the copies point to survives collections (run it with -race,
// which enables checkptr, and GODEBUG=gccheckmark=1,invalidptr=1).
func TestS33AssignShapes(t *testing.T) {
	mkShapes := func(i int) *s33Shapes {
		n := i
		s := strings.Repeat("s", i+3)
		return &s33Shapes{
			A:  [3]error{errors.New("a" + s), nil, fmt.Errorf("c%s", s)},
			P:  &n,
			B:  byte(i),
			F:  func() int { return n + len(s) },
			C:  make(chan int, i+1),
			M:  map[string]*int{s: &n},
			U:  unsafe.Pointer(&n),
			X:  &s33Inner{S: "x" + s},
			St: s33Str("st" + s),
			In: s33Inner{true, "in" + s, -1},
			Ar: [1]s33Inner{{S: "a0" + s, I8: 3}},
			Sl: []*string{&s, nil},
		}
	}
	check := func(t *testing.T, typ reflect.Type, mk func(i int) reflect.Value) {
		ops := assignOpsOf(typ)
		if ops == nil {
			t.Fatalf("assignOpsOf(%s) = nil", typ)
		}
		const count = 200
		srcs := make([]reflect.Value, count)
		dsts := make([]reflect.Value, count)
		for i := range count {
			srcs[i] = mk(i)
			dsts[i] = reflect.New(typ)
			assign(ops, dsts[i].UnsafePointer(), srcs[i].UnsafePointer())
			srcs[i] = reflect.Value{}
			runtime.GC()
		}
		for i := range count {
			want := mk(i).Elem()
			got := dsts[i].Elem()
			if fmt.Sprintf("%+v", want.Interface()) == fmt.Sprintf("%+v", got.Interface()) {
				continue
			}
			// pointers differ between want and got: compare the printed values reached.
			if !reflect.DeepEqual(fmt.Sprint(deref(want)), fmt.Sprint(deref(got))) {
				t.Fatalf("%s copy %d:\n got %+v\nwant %+v", typ, i, deref(got), deref(want))
			}
		}
	}
	t.Run("shapes", func(t *testing.T) {
		typ := reflect.TypeFor[s33Shapes]()
		if typ.Size()/wordSize > assignMaxWords {
			t.Skipf("%s: %d words", typ, typ.Size()/wordSize)
		}
		check(t, typ, func(i int) reflect.Value { return reflect.ValueOf(mkShapes(i)) })
		// every word of an assignment's copy equals the word assign wrote
		src := mkShapes(5)
		var viaAssign, viaAssignment s33Shapes
		assign(assignOpsOf(typ), unsafe.Pointer(&viaAssign), unsafe.Pointer(src))
		reflect.ValueOf(&viaAssignment).Elem().Set(reflect.ValueOf(src).Elem())
		a := unsafe.Slice((*uintptr)(unsafe.Pointer(&viaAssign)), typ.Size()/wordSize)
		b := unsafe.Slice((*uintptr)(unsafe.Pointer(&viaAssignment)), typ.Size()/wordSize)
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("word %d: assign %#x, assignment %#x", i, a[i], b[i])
			}
		}
	})
	t.Run("padded", func(t *testing.T) {
		check(t, reflect.TypeFor[s33Padded](), func(i int) reflect.Value {
			s := strings.Repeat("p", i+1)
			return reflect.ValueOf(&s33Padded{A: int32(i), P: &s, B: int8(i)})
		})
	})
	t.Run("embedded", func(t *testing.T) {
		check(t, reflect.TypeFor[s33Embedded](), func(i int) reflect.Value {
			return reflect.ValueOf(&s33Embedded{errors.New(strings.Repeat("e", i+1)), s33Str(strings.Repeat("t", i+1)), i})
		})
	})
	t.Run("reflect.StructOf", func(t *testing.T) {
		typ := reflect.StructOf([]reflect.StructField{
			{Name: "I", Type: reflect.TypeFor[any]()},
			{Name: "N", Type: reflect.TypeFor[int16]()},
			{Name: "S", Type: reflect.TypeFor[[]string]()},
		})
		check(t, typ, func(i int) reflect.Value {
			v := reflect.New(typ)
			v.Elem().Field(0).Set(reflect.ValueOf(strings.Repeat("i", i+1)))
			v.Elem().Field(1).SetInt(int64(i))
			v.Elem().Field(2).Set(reflect.ValueOf([]string{strings.Repeat("s", i+1)}))
			return v
		})
	})
}

// deref prints what v's pointers reach rather than their addresses.
func deref(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		return "&" + deref(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			return "nil"
		}
		return deref(v.Elem())
	case reflect.Struct:
		var b strings.Builder
		b.WriteString("{")
		for i := range v.NumField() {
			if v.Type().Field(i).Type == reflect.TypeFor[sync.Mutex]() {
				continue
			}
			b.WriteString(deref(v.Field(i)) + " ")
		}
		return b.String() + "}"
	case reflect.Array, reflect.Slice:
		var b strings.Builder
		b.WriteString("[")
		for i := range v.Len() {
			b.WriteString(deref(v.Index(i)) + " ")
		}
		return b.String() + "]"
	case reflect.Func:
		if v.IsNil() {
			return "nil"
		}
		return fmt.Sprint(v.Call(nil)[0].Int())
	case reflect.Chan:
		return fmt.Sprint(v.Cap())
	case reflect.Map:
		var b strings.Builder
		for _, k := range v.MapKeys() {
			b.WriteString(k.String() + ":" + deref(v.MapIndex(k)) + " ")
		}
		return b.String()
	case reflect.UnsafePointer:
		return fmt.Sprint(*(*int)(v.UnsafePointer()))
	}
	if v.CanInterface() {
		return fmt.Sprint(v.Interface())
	}
	return fmt.Sprint(v)
}

type s33Bad struct{ N int }

func (s33Bad) MarshalJSON() ([]byte, error) { panic("the value's own MarshalJSON") }

// The review (found as a DEFECT against the README of the time): Safe's MarshalJSON
// recovers every panic of json.Marshal, also when the value it holds is no redacted
// copy. Decided since: Safe encodes the value itself, as fmt prints it (which recovers
// too), and never lets a method's panic out of the call; the README says so, and the
// note no longer says the copy panicked.
func TestS33SafeOwnMethodPanics(t *testing.T) {
	b, err := json.Marshal(Safe(s33Bad{N: 1}))
	want := `"!PII-REDACTION-FAILED: pii: pii.s33Bad: a method of the value panicked while it was written"`
	if err != nil || string(b) != want {
		t.Errorf("json.Marshal(Safe(v)) of a v whose MarshalJSON panics = %s, %v; want %s", b, err, want)
	}
}
