package pii

import (
	"fmt"
	"reflect"
)

// createdEmbedError is the *TagError of the struct t whose embedded field sf brings a
// creation time it cannot have: one behind an embedded pointer, which may be nil when
// the record's time is needed, or a second one, beside other (the path of the created
// field t has already: its own, or one promoted from an earlier embedded struct; "" for
// none). It names the promoted field and what is wrong with it, so that the fix is
// plain: embed the struct by value, or keep one created field.
func createdEmbedError(t reflect.Type, sf reflect.StructField, other string) *TagError {
	ft := sf.Type
	if ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	}
	promoted := sf.Name
	if ri := recordOf(ft); ri != nil {
		promoted += "." + ri.field
	}
	var err error
	switch {
	case sf.Type.Kind() == reflect.Pointer:
		err = fmt.Errorf("%w: %s is promoted through the embedded pointer %s, which may be nil: embed %s by value",
			ErrCreatedField, promoted, sf.Type, ft)
	case other != "":
		err = fmt.Errorf("%w: %s and %s both mark the record's creation time", ErrCreatedField, other, promoted)
	default:
		err = ErrCreatedField
	}
	return &TagError{Type: t.String(), Field: sf.Name, Tag: "no,created", Err: err}
}

// createdFieldError is the *TagError of the field sf of the struct t, tagged raw with
// created, that cannot be the record's creation time: it names why (a type that holds
// no time, an unexported field, a second created field beside other, the one t has
// already), so that the fix is plain.
func createdFieldError(t reflect.Type, sf reflect.StructField, raw, other string) *TagError {
	var err error
	switch {
	case !isTimeField(sf.Type):
		err = fmt.Errorf("%w: %s is not a time.Time, *time.Time or sql.NullTime", ErrCreatedField, sf.Type)
	case !sf.IsExported():
		err = fmt.Errorf("%w: %s is unexported, so nothing outside the type could read it", ErrCreatedField, sf.Name)
	case other != "":
		err = fmt.Errorf("%w: %s and %s both mark the record's creation time", ErrCreatedField, other, sf.Name)
	default:
		err = ErrCreatedField
	}
	return &TagError{Type: t.String(), Field: sf.Name, Tag: raw, Err: err}
}
