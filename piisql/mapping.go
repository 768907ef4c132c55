package piisql

import (
	"database/sql/driver"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/ef8f9424/pii"
)

// A Mapping says how a Go row type maps to a table: which column is the key, which holds
// the record's creation time, and which hold personal data with which retention.
type Mapping struct {
	// Table is the table's name, as given to New ("messages" or "schema.messages").
	Table string
	// Key is the key column: batches are taken in its order, and it names records in the
	// bookkeeping tables and the reports.
	Key string
	// Created is the column of the field tagged `pii:"no,created"`.
	Created string
	// Columns are the personal-data columns, in the order of the type's fields.
	Columns []Column
}

// A Column is one personal-data column of a Mapping.
type Column struct {
	// Name is the column's name in the table.
	Name string
	// Field is the Go field's path, as pii.Classify names it.
	Field string
	// Kind, MTL and TTL are the field's, as its tag (and the policy's profile) give them.
	Kind     pii.Kind
	MTL, TTL int
	// NotNull is true when the table declares the column NOT NULL: it is then cleared to
	// its Go type's zero value ("" or 0) instead of NULL.
	NotNull bool

	goType reflect.Type
	index  []int // the field's index path in the row type, for reading its value
}

// column is a struct field that maps to a column, found by walking the row type.
type column struct {
	name  string
	paths []string // the names pii.Classify may give the field: promoted, then qualified
	typ   reflect.Type
	index []int
}

var timeType = reflect.TypeFor[time.Time]()

// typeColumns lists the columns of a row type: exported fields, named by their db tag or
// in snake case, with the fields of embedded structs promoted; db:"-" leaves a field out.
// root is the row type, whose promotion rules decide which field a bare name means.
func typeColumns(root, t reflect.Type, prefix string, index []int, out []column) ([]column, error) {
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, hasTag := sf.Tag.Lookup("db")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		ft := sf.Type
		if sf.Anonymous && !hasTag {
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != timeType {
				var err error
				if out, err = typeColumns(root, ft, prefix+sf.Name+".", append(slices.Clip(index), i), out); err != nil {
					return nil, err
				}
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = snakeCase(sf.Name)
		}
		if err := checkIdent("column of field "+prefix+sf.Name, name); err != nil {
			return nil, err
		}
		c := column{name: name, typ: sf.Type, index: append(slices.Clip(index), i)}
		if prefix == "" || promoted(root, sf.Name, c.index) {
			c.paths = append(c.paths, sf.Name)
		}
		if prefix != "" {
			c.paths = append(c.paths, prefix+sf.Name)
		}
		out = append(out, c)
	}
	return out, nil
}

// promoted reports whether the embedded field at index is the one that name means in
// the row type root, as Go's promotion rules say: not hidden by a shallower field of that
// name, nor ambiguous with another at its depth.
func promoted(root reflect.Type, name string, index []int) bool {
	f, ok := root.FieldByName(name)
	return ok && slices.Equal(f.Index, index)
}

// mapType builds the Mapping of row type t from its tags alone, under policy p: the
// columns exist in no table yet (checkSchema does that).
func mapType(t reflect.Type, p *pii.Policy, table, key string) (Mapping, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == timeType {
		return Mapping{}, fmt.Errorf("piisql: %s: %w", t, ErrNotStruct)
	}
	if _, _, err := splitTable(table); err != nil {
		return Mapping{}, err
	}
	if err := checkIdent("key column", key); err != nil {
		return Mapping{}, err
	}
	cols, err := typeColumns(t, t, "", nil, nil)
	if err != nil {
		return Mapping{}, err
	}
	byPath := map[string]*column{}
	for i := range cols {
		for _, p := range cols[i].paths {
			if _, dup := byPath[p]; !dup {
				byPath[p] = &cols[i]
			}
		}
	}
	fields, err := p.Classify(t)
	if err != nil {
		return Mapping{}, fmt.Errorf("piisql: %w", err)
	}
	if err := checkDuplicates(table, cols, fields, byPath); err != nil {
		return Mapping{}, err
	}
	m := Mapping{Table: table, Key: key}
	for _, f := range fields {
		c := byPath[f.Path]
		if c == nil {
			// A leaf below a column (a nested struct or slice), or a field left out.
			if owner := ownerOf(f.Path, byPath); owner != nil && (f.Class == pii.PII || f.Created) {
				return Mapping{}, &ColumnError{Table: table, Column: owner.name, Field: f.Path, Err: ErrNotColumn}
			}
			continue
		}
		switch {
		case f.Created:
			m.Created = c.name
		case f.Class == pii.PII:
			if strings.EqualFold(c.name, key) { // in any case: SQLite reads "EMAIL" as email
				return Mapping{}, &ColumnError{Table: table, Column: key, Field: f.Path, Err: ErrKeyIsPII}
			}
			m.Columns = append(m.Columns, Column{Name: c.name, Field: f.Path, Kind: f.Kind, MTL: f.MTL, TTL: f.TTL, goType: c.typ, index: c.index})
		}
	}
	if m.Created == "" {
		return Mapping{}, fmt.Errorf("piisql: table %s, type %s: %w", table, t, ErrNoCreated)
	}
	return m, nil
}

// checkDuplicates refuses a personal-data or creation field whose column another field
// maps to too (in any case, as SQLite compares names).
func checkDuplicates(table string, cols []column, fields []pii.Field, byPath map[string]*column) error {
	count := map[string]int{}
	for _, c := range cols {
		count[strings.ToLower(c.name)]++
	}
	for _, f := range fields {
		if c := byPath[f.Path]; c != nil && (f.Class == pii.PII || f.Created) && count[strings.ToLower(c.name)] > 1 {
			return &ColumnError{Table: table, Column: c.name, Field: f.Path, Err: ErrDuplicateColumn}
		}
	}
	return nil
}

// ownerOf returns the column whose field contains the leaf at path ("Address.Street" is
// inside the column of Address), or nil.
func ownerOf(path string, byPath map[string]*column) *column {
	for i := len(path) - 1; i > 0; i-- {
		if path[i] == '.' || path[i] == '[' {
			if c := byPath[path[:i]]; c != nil {
				return c
			}
		}
	}
	return nil
}

// zero returns what a NOT NULL column is cleared to: its Go type's zero value, an empty
// byte slice for []byte, the pointee's zero value for a pointer, and for a wrapper of the
// sql.NullString kind (a struct of a value and a bool Valid: sql.Null[T], sql.NullInt64,
// ...) the zero value of what it wraps, since its own zero value is NULL.
func (c Column) zero() any {
	t := c.goType
	for {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		w, ok := nullWrapped(t)
		if !ok {
			break
		}
		t = w
	}
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return []byte{}
	}
	return reflect.Zero(t).Interface()
}

// nullWrapped returns the type that a struct of the sql.NullString kind wraps: a struct of
// two fields, one of them a bool named Valid.
func nullWrapped(t reflect.Type) (reflect.Type, bool) {
	if t.Kind() != reflect.Struct || t.NumField() != 2 {
		return nil, false
	}
	for i := range 2 {
		if f := t.Field(i); f.Name == "Valid" && f.Type.Kind() == reflect.Bool {
			return t.Field(1 - i).Type, true
		}
	}
	return nil, false
}

// isNull reports whether a driver writes v as NULL: nil, a nil pointer, or a
// driver.Valuer whose value is nil (or fails).
func isNull(v any) bool {
	if v == nil {
		return true
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return true
	}
	if vr, ok := v.(driver.Valuer); ok {
		dv, err := vr.Value()
		return err != nil || dv == nil
	}
	return false
}
