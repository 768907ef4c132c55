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

type createdOwnFields struct {
	Text    string    `pii:"no,created"`
	hidden  time.Time `pii:"no,created"`
	Opened  time.Time `pii:"no,created"`
	Created time.Time `pii:"no,created"`
}

// TestCreatedErrors checks the message of a created field that cannot be the record's
// creation time, its own or promoted from an embedded struct: it names the field and
// says why (the embedded pointer, the type, the other created field), and still wraps
// ErrCreatedField.
func TestCreatedErrors(t *testing.T) {
	const rule = `created marks a record's creation time: write "no,created" on one time.Time field per struct: `
	embed := func(typ reflect.Type, i int, other string) func() error {
		return func() error { return createdEmbedError(typ, typ.Field(i), other) }
	}
	own := func(i int, other string) func() error {
		typ := reflect.TypeFor[createdOwnFields]()
		return func() error { return createdFieldError(typ, typ.Field(i), "no,created", other) }
	}
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"embedded pointer", embed(reflect.TypeFor[createdByPointer](), 0, ""),
			`pii: pii.createdByPointer.createdBase: tag "no,created": ` + rule +
				`createdBase.Created is promoted through the embedded pointer *pii.createdBase, which may be nil: ` +
				`embed pii.createdBase by value`},
		{"embedded pointer to a struct that embeds the created field", embed(reflect.TypeFor[createdDeepPointer](), 0, ""),
			`pii: pii.createdDeepPointer.createdOuter: tag "no,created": ` + rule +
				`createdOuter.createdBase.Created is promoted through the embedded pointer *pii.createdOuter, ` +
				`which may be nil: embed pii.createdOuter by value`},
		{"promoted beside its own", embed(reflect.TypeFor[createdTwice](), 1, "Opened"),
			`pii: pii.createdTwice.createdBase: tag "no,created": ` + rule +
				`Opened and createdBase.Created both mark the record's creation time`},
		{"not a time", own(0, ""), `pii: pii.createdOwnFields.Text: tag "no,created": ` + rule +
			`string is not a time.Time, *time.Time or sql.NullTime`},
		{"unexported", own(1, ""), `pii: pii.createdOwnFields.hidden: tag "no,created": ` + rule +
			`hidden is unexported, so nothing outside the type could read it`},
		{"second of its own", own(3, "Opened"), `pii: pii.createdOwnFields.Created: tag "no,created": ` + rule +
			`Opened and Created both mark the record's creation time`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !errors.Is(err, ErrCreatedField) {
				t.Errorf("error %v does not wrap ErrCreatedField", err)
			}
		})
	}
}
