package piisql

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// anonGroup is the rows of a batch whose expired columns cols (the same for all of them)
// are to be anonymised under WithAnonymizeOnPurge.
type anonGroup struct {
	cols     []int
	keys     []any
	keyTexts []string
}

// addAnon records that the row's columns cols are to be anonymised.
func (w *batchWriter) addAnon(rw *row, cols []int) {
	sig := fmt.Sprint(cols)
	g := w.anon[sig]
	if g == nil {
		g = &anonGroup{cols: cols}
		w.anon[sig] = g
		w.anonOrder = append(w.anonOrder, sig)
	}
	g.keys = append(g.keys, rw.key)
	g.keyTexts = append(g.keyTexts, rw.keyText)
}

// flushAnon reads the values to anonymise (only those), anonymises each row with the
// policy, writes the results back and marks the columns in pii_anonymized.
func (w *batchWriter) flushAnon(ctx context.Context) error {
	s := w.s
	for _, sig := range w.anonOrder {
		g := w.anon[sig]
		vals, err := w.readValues(ctx, g)
		if err != nil {
			return err
		}
		for i, kt := range g.keyTexts {
			v, ok := vals[kt]
			if !ok {
				return w.stmtError("anonymising record "+kt, errors.New("the locked row disappeared"))
			}
			if err := s.cfg.policy.Anonymize(v.Interface()); err != nil {
				return w.stmtError("anonymising record "+kt, err)
			}
			q := s.newQuery().sql("UPDATE ", s.table, " SET ")
			for j, ci := range g.cols {
				c := s.m.Columns[ci]
				if j > 0 {
					q.sql(", ")
				}
				f, _ := fieldOf(v.Elem(), c.index) // set by readValues
				q.sql(quote(c.Name), " = ").arg(c.arg(f))
			}
			q.sql(" WHERE ", quote(s.m.Key), " = ").arg(g.keys[i])
			if err := w.execAll(ctx, q, 1, "writing the anonymised columns of record "+kt); err != nil {
				return err
			}
		}
		if err := w.recordAnonymized(ctx, g); err != nil {
			return err
		}
	}
	return nil
}

// anonymizedPerInsert is how many rows of pii_anonymized one INSERT writes: 4 bound
// parameters each, well within SQLite's 32766 and PostgreSQL's 65535 however large the
// batch.
const anonymizedPerInsert = 1000

// recordAnonymized records in pii_anonymized each column of each row of g.
func (w *batchWriter) recordAnonymized(ctx context.Context, g *anonGroup) error {
	s := w.s
	type value struct{ key, col string }
	var all []value
	for _, kt := range g.keyTexts {
		for _, ci := range g.cols {
			all = append(all, value{kt, s.m.Columns[ci].Name})
		}
	}
	for chunk := range slices.Chunk(all, anonymizedPerInsert) {
		q := s.newQuery().sql("INSERT INTO pii_anonymized (table_name, record_key, column_name, anonymized_at) VALUES ")
		for i, v := range chunk {
			if i > 0 {
				q.sql(", ")
			}
			q.sql("(").arg(s.bk).sql(", ").arg(v.key).sql(", ").arg(v.col).sql(", ").arg(w.now.UTC()).sql(")")
		}
		// A record of an earlier row under the same key (see wasAnonymized) is replaced.
		q.sql(" ON CONFLICT (table_name, record_key, column_name) DO UPDATE SET anonymized_at = excluded.anonymized_at")
		if err := w.execAll(ctx, q, len(chunk), "recording the anonymised columns of "+span(chunk[0].key, chunk[len(chunk)-1].key)); err != nil {
			return err
		}
	}
	return nil
}

// readValues reads the group's columns of its rows into new values of the row type, by
// key.
func (w *batchWriter) readValues(ctx context.Context, g *anonGroup) (map[string]reflect.Value, error) {
	s := w.s
	names := make([]string, len(g.cols))
	for i, ci := range g.cols {
		names[i] = quote(s.m.Columns[ci].Name)
	}
	q := s.newQuery().sql("SELECT ", s.keyTextColumn(), ", ", strings.Join(names, ", "), " FROM ", s.table,
		" WHERE ", quote(s.m.Key), " IN ").in(g.keys)
	rows, err := w.tx.QueryContext(ctx, q.String(), q.args...)
	if err != nil {
		return nil, fmt.Errorf("piisql: sweep of table %s: %w", s.m.Table, err)
	}
	defer rows.Close()
	out := map[string]reflect.Value{}
	dest := make([]any, 1+len(g.cols))
	for rows.Next() {
		v := reflect.New(s.typ)
		var kt string
		dest[0] = &kt
		for i, ci := range g.cols {
			f, ok := fieldOf(v.Elem(), s.m.Columns[ci].index)
			if !ok {
				return nil, &ColumnError{Table: s.m.Table, Column: s.m.Columns[ci].Name, Field: s.m.Columns[ci].Field, Err: ErrUnsettable}
			}
			dest[1+i] = f.Addr().Interface()
		}
		if err := rows.Scan(dest...); err != nil {
			// The driver's message may quote the value: name only the column set.
			return nil, w.stmtError("reading columns "+strings.Join(names, ", ")+" to anonymise", errors.New("the values do not fit the row type's fields"))
		}
		out[kt] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("piisql: sweep of table %s: %w", s.m.Table, err)
	}
	return out, nil
}

// fieldOf returns the field at index in the struct v, allocating the embedded structs
// behind nil pointers on the way. ok is false when the field cannot be set: reflection
// cannot allocate a nil pointer to an unexported embedded struct.
func fieldOf(v reflect.Value, index []int) (f reflect.Value, ok bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, v.CanSet() && v.CanInterface()
}

// arg returns what to write into the column for the field's value f: the value, or, for a
// value a driver writes as NULL (a nil pointer, an invalid sql.NullString), NULL, or the
// column's zero value when it is NOT NULL.
func (c Column) arg(f reflect.Value) any {
	var v any
	if f.Kind() != reflect.Pointer || !f.IsNil() {
		v = f.Interface()
	}
	if c.NotNull && isNull(v) {
		return c.zero()
	}
	return v
}
