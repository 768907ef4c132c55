package pii

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type createdBase struct {
	Created time.Time `pii:"no,created"`
}

type createdOuter struct {
	createdBase
}

type createdByPointer struct {
	*createdBase
	Phone string `pii:"phone,ttl=30"`
}

type createdDeepPointer struct {
	*createdOuter
}

type createdTwice struct {
	Opened time.Time `pii:"no,created"`
	createdBase
}

// TestCreatedEmbedError checks the message of a struct whose embedded field brings a
// creation time it cannot have: it names the promoted field and the cause (the
// embedded pointer, or the other created field), and still wraps ErrCreatedField.
func TestCreatedEmbedError(t *testing.T) {
	tests := []struct {
		name  string
		typ   reflect.Type
		field int
		other string
		want  string
	}{
		{
			name: "embedded pointer", typ: reflect.TypeFor[createdByPointer](), field: 0,
			want: `pii: pii.createdByPointer.createdBase: tag "no,created": created marks a record's creation time: ` +
				`write "no,created" on one time.Time field per struct: createdBase.Created is promoted through ` +
				`the embedded pointer *pii.createdBase, which may be nil: embed pii.createdBase by value`,
		},
		{
			name: "embedded pointer to a struct that embeds the created field", typ: reflect.TypeFor[createdDeepPointer](), field: 0,
			want: `pii: pii.createdDeepPointer.createdOuter: tag "no,created": created marks a record's creation time: ` +
				`write "no,created" on one time.Time field per struct: createdOuter.createdBase.Created is promoted through ` +
				`the embedded pointer *pii.createdOuter, which may be nil: embed pii.createdOuter by value`,
		},
		{
			name: "second created field", typ: reflect.TypeFor[createdTwice](), field: 1, other: "Opened",
			want: `pii: pii.createdTwice.createdBase: tag "no,created": created marks a record's creation time: ` +
				`write "no,created" on one time.Time field per struct: Opened and createdBase.Created both mark ` +
				`the record's creation time`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := createdEmbedError(tt.typ, tt.typ.Field(tt.field), tt.other)
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !errors.Is(err, ErrCreatedField) {
				t.Errorf("error %v does not wrap ErrCreatedField", err)
			}
		})
	}
}

type createdOwnFields struct {
	Text    string    `pii:"no,created"`
	hidden  time.Time `pii:"no,created"`
	Opened  time.Time `pii:"no,created"`
	Created time.Time `pii:"no,created"`
}

// TestCreatedFieldError checks the message of a created field that cannot be the
// record's creation time: it says why.
func TestCreatedFieldError(t *testing.T) {
	typ := reflect.TypeFor[createdOwnFields]()
	const rule = `created marks a record's creation time: write "no,created" on one time.Time field per struct`
	tests := []struct {
		name  string
		field int
		other string
		want  string
	}{
		{"not a time", 0, "", `pii: pii.createdOwnFields.Text: tag "no,created": ` + rule +
			`: string is not a time.Time, *time.Time or sql.NullTime`},
		{"unexported", 1, "", `pii: pii.createdOwnFields.hidden: tag "no,created": ` + rule +
			`: hidden is unexported, so nothing outside the type could read it`},
		{"second", 3, "Opened", `pii: pii.createdOwnFields.Created: tag "no,created": ` + rule +
			`: Opened and Created both mark the record's creation time`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := createdFieldError(typ, typ.Field(tt.field), "no,created", tt.other)
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !errors.Is(err, ErrCreatedField) {
				t.Errorf("error %v does not wrap ErrCreatedField", err)
			}
		})
	}
}
