package pii

import "reflect"

// argError returns the error for v, the value argument of the package's function op,
// when v is one the package would silently do nothing with: a reflect.Value (or a
// pointer to one), whose own struct carries no tags, and, where op needs data
// (needsData), a reflect.Type. It returns nil for every other v, which op then checks
// as it does (nil, nil pointers, values that cannot be changed in place). The error
// names the type, never the value.
func argError(op string, v any, needsData bool) error {
	switch x := v.(type) {
	case reflect.Type:
		if needsData && x != nil {
			return errorf("pii: %s: %w (got the reflect.Type %s)", op, ErrTypeNotValue, x)
		}
	case reflect.Value:
		return errorf("pii: %s: %w (got a reflect.Value of %s)", op, ErrReflectValue, reflectValueType(x))
	case *reflect.Value:
		if x == nil {
			return errorf("pii: %s: %w (got a nil *reflect.Value)", op, ErrReflectValue)
		}
		return errorf("pii: %s: %w (got a *reflect.Value of %s)", op, ErrReflectValue, reflectValueType(*x))
	}
	return nil
}

// reflectValueType names the type a reflect.Value holds, "nothing" for the zero Value.
func reflectValueType(v reflect.Value) string {
	if !v.IsValid() {
		return "nothing"
	}
	return v.Type().String()
}

// rtypePtrType is the type of what a reflect.Type holds, reflect's own type descriptor
// (*reflect.rtype, unexported): the runtime reads its names at offsets from where it
// put it, so a copy of one, printed, stops the process (fatal error: name offset base
// pointer out of range).
var rtypePtrType = reflect.TypeOf(reflect.TypeFor[int]())

// isRuntimeOwned reports whether values of type t are the runtime's own and never data:
// a walk leaves them alone, and a copy shares them rather than copying them (a struct's
// reflect.Type field, an any holding one, in a log line).
func isRuntimeOwned(t reflect.Type) bool { return t == rtypePtrType }

// copyArgError is argError for the value v of a function that returns a copy of it
// (Redacted, Anonymized) when T is a reflect.Value or a pointer to one: the copy would
// come back as it went, and fmt prints a reflect.Value as the value it holds,
// unredacted. An interface T holding one is refused by the walk (see stepIface).
func copyArgError[T any](op string, v *T) error {
	if t := reflect.TypeFor[T](); t == reflectValueArgType || t == reflectValuePtrArgType {
		return argError(op, any(*v), true)
	}
	return nil
}

var (
	reflectValueArgType    = reflect.TypeFor[reflect.Value]()
	reflectValuePtrArgType = reflect.TypeFor[*reflect.Value]()
)
