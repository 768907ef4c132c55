package pii

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// redactorPromoted reports whether a struct may have RedactPII only because an embedded
// field has it: that method knows the embedded value, not the struct's other fields, so
// the struct is walked field by field instead.
func redactorPromoted(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous && (f.Type.Implements(redactorType) ||
			reflect.PointerTo(f.Type).Implements(redactorType)) {
			return true
		}
	}
	return false
}

// mayHoldNaN reports whether a value of type t can hold a NaN, so that as a map key it
// may be impossible to find again.
func mayHoldNaN(t reflect.Type, depth int) bool {
	if depth > 8 {
		return true // deep enough to give up: assume the worst
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.Interface:
		return true
	case reflect.Array:
		return mayHoldNaN(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if mayHoldNaN(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// leafKindOf says whether t is a leaf the actions handle, and how. A type that
// implements Redactor (with a pointer receiver, so that it can change itself) is a
// custom leaf when custom is set.
func leafKindOf(t reflect.Type, custom bool) leafKind {
	switch t {
	case timeType:
		return lkTime
	case slogValue:
		return lkSlog
	case reflectValueArgType:
		return lkReflect
	case addrType:
		return lkAddr
	case netIPType:
		return lkNetIP
	case addrPortType:
		return lkAddrPort
	case prefixType:
		return lkPrefix
	case urlType:
		if custom {
			return lkURL
		}
	case urlPtrType:
		if custom {
			return lkURLPtr
		}
	}
	if custom && reflect.PointerTo(t).Implements(redactorType) && !t.Implements(redactorType) &&
		!redactorPromoted(t) {
		return lkCustom
	}
	switch t.Kind() {
	case reflect.String:
		return lkString
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return lkBytes
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return lkInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return lkUint
	case reflect.Float32, reflect.Float64:
		return lkFloat
	case reflect.Bool:
		return lkBool
	}
	return lkNone
}

// kindFits reports whether a leaf laid out as lk can hold personal data of kind k. A phone
// number in a float64 cannot be redacted as a phone number, so such a tag is an error.
func kindFits(k Kind, lk leafKind) bool {
	switch lk {
	case lkString, lkBytes, lkCustom, lkSlog:
		return true
	case lkInt, lkUint:
		switch k {
		case KindGeneric, KindSecret, KindAccount, KindHealth, KindPostal, KindDOB, KindGovID, KindGeo, KindAge:
			return true
		}
		return specialCategory(k) // a coded value reveals the category as text does
	case lkFloat:
		return k == KindGeneric || k == KindGeo || k == KindHealth || k == KindAge
	case lkBool:
		return k == KindGeneric || k == KindHealth || specialCategory(k)
	case lkTime:
		return k == KindGeneric || k == KindDOB || k == KindHealth || k == KindDate
	case lkAddr, lkNetIP, lkAddrPort, lkPrefix:
		return k == KindGeneric || k == KindIP
	case lkURL, lkURLPtr:
		return k == KindGeneric || k == KindURL || k == KindSecret
	}
	return false
}

var (
	errorType      = reflect.TypeFor[error]()
	unwrapperType  = reflect.TypeFor[interface{ Unwrap() error }]()
	unwrappersType = reflect.TypeFor[interface{ Unwrap() []error }]()
	listerType     = reflect.TypeFor[errorLister]()
)

// isWrapper reports whether t is an error that wraps others (Unwrap) or lists them
// (Errors).
func isWrapper(t reflect.Type) bool {
	return t.Kind() != reflect.Interface && t.Implements(errorType) &&
		(t.Implements(unwrapperType) || t.Implements(unwrappersType) || t.Implements(listerType))
}

// A lockSpan is where locks sit in a value: count locks of size bytes, the first at
// offset and each next one stride bytes further (the same field of an array's
// elements).
type lockSpan struct{ offset, size, stride, count uintptr }

var (
	mutexType   = reflect.TypeFor[sync.Mutex]()
	rwMutexType = reflect.TypeFor[sync.RWMutex]()
)

// locksIn appends to spans the locks of type t at base, through the structs and arrays
// it holds by value, as deep as a real type goes. The locks of an array's elements are
// one span each, with the elements' size as stride, however long the array; an array of
// arrays repeats its elements' spans.
func locksIn(t reflect.Type, base uintptr, spans []lockSpan, depth int) []lockSpan {
	if depth > 16 {
		return spans
	}
	switch {
	case t == mutexType || t == rwMutexType:
		return append(spans, lockSpan{base, t.Size(), 0, 1})
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			spans = locksIn(f.Type, base+f.Offset, spans, depth+1)
		}
	case t.Kind() == reflect.Array && t.Len() > 0:
		stride, n := t.Elem().Size(), uintptr(t.Len())
		for _, l := range locksIn(t.Elem(), 0, nil, depth+1) {
			if l.count == 1 {
				spans = append(spans, lockSpan{base + l.offset, l.size, stride, n})
				continue
			}
			for i := range n {
				l.offset += base + i*stride
				spans = append(spans, l)
				l.offset -= base + i*stride
			}
		}
	}
	return spans
}

// isTimeField reports whether a field of type t can hold a record's creation time:
// time.Time, *time.Time or sql.NullTime.
func isTimeField(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t == timeType || isSQLNull(t) && t.Field(0).Type == timeType
}

// specialCategory reports whether k is one of the special categories of personal data
// (racial or ethnic origin, religion, politics, union membership, sex life, genetic and
// neural data, criminal records, citizenship, a child's data): a flag or a code reveals
// them as much as text does, so they may sit in bools and integers too.
func specialCategory(k Kind) bool {
	switch k {
	case KindEthnicity, KindReligion, KindPolitics, KindUnion, KindSexuality, KindGenetic,
		KindNeural, KindCriminal, KindCitizenship, KindChild:
		return true
	}
	return false
}

// isSQLNull reports whether t is one of database/sql's Null wrappers (NullString,
// NullInt64, ..., Null[T]): a value field, then Valid.
func isSQLNull(t reflect.Type) bool {
	return t.PkgPath() == "database/sql" && strings.HasPrefix(t.Name(), "Null") &&
		t.NumField() == 2 && t.Field(1).Name == "Valid" && t.Implements(valuerType)
}

// holdsText reports whether a value of type t, a map key, can hold a string that fmt
// and encoders print: as an interface, or in the arrays and structs it is made of
// (depth levels down). Pointers are printed as addresses, never followed.
func holdsText(t reflect.Type, depth int) bool {
	if depth > 16 {
		return true // deeper than any real key: fail closed
	}
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Array:
		return holdsText(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsText(t.Field(i).Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// stringerType is fmt.Stringer.
var stringerType = reflect.TypeFor[fmt.Stringer]()

// printsItself reports whether fmt prints a value of type t through a method of its
// own (Error or String) from state that no walk reaches: fields that are unexported,
// in t or in the structs its exported and embedded fields hold (see
// structHidesState). A type of exported fields is walked, its strings scanned where
// they are; so is a field of a type that prints itself, on its own (url.URL's
// *Userinfo).
func printsItself(t reflect.Type) bool {
	return hasPrintMethod(t) && structHidesState(t, printsApart, map[reflect.Type]bool{})
}

// hasPrintMethod reports whether t has the Error or String method fmt prints it with.
func hasPrintMethod(t reflect.Type) bool {
	return t.Implements(errorType) || t.Implements(stringerType)
}

// printsApart reports whether a field of type t prints itself, as a value or through
// its address: its own node looks at it (see node.prints).
func printsApart(t reflect.Type) bool {
	return hasPrintMethod(t) || t.Kind() != reflect.Pointer && hasPrintMethod(reflect.PointerTo(t))
}

// carriesTags reports whether struct type t, or a struct its fields lead to through
// pointers, slices, arrays and maps (not interfaces), has a field with a pii tag (seen:
// the struct types looked at on the way).
func carriesTags(t reflect.Type, seen map[reflect.Type]bool) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return carriesTags(t.Elem(), seen)
	case reflect.Map:
		return carriesTags(t.Key(), seen) || carriesTags(t.Elem(), seen)
	case reflect.Struct:
		if seen[t] {
			return false
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			if _, tagged := f.Tag.Lookup("pii"); tagged || carriesTags(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
