package piisql

import (
	"fmt"
	"strings"
	"unicode"
)

// maxIdent is PostgreSQL's limit on an identifier's length, in bytes.
const maxIdent = 63

// checkIdent reports whether s is a plain identifier: an ASCII letter or underscore, then
// letters, digits or underscores, at most 63 bytes. Only such names are ever put into SQL,
// and always quoted.
func checkIdent(what, s string) error {
	ok := s != "" && len(s) <= maxIdent
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9'
	}
	if !ok {
		return fmt.Errorf("piisql: %s %q: %w", what, s, ErrIdentifier)
	}
	return nil
}

// splitTable checks a table name, plain or schema-qualified ("audit.messages"), and
// returns its schema (or "") and name.
func splitTable(s string) (schema, name string, err error) {
	schema, name, dotted := strings.Cut(s, ".")
	if !dotted {
		schema, name = "", s
	} else if err := checkIdent("table schema", schema); err != nil {
		return "", "", err
	}
	if err := checkIdent("table", name); err != nil {
		return "", "", err
	}
	return schema, name, nil
}

// quote returns a checked identifier in double quotes, which PostgreSQL, CockroachDB and
// SQLite all read as an identifier (so that a column named "user" or "key" works). It
// panics on a name checkIdent refused: that would be a bug of this package, not input.
func quote(s string) string {
	if checkIdent("identifier", s) != nil {
		panic("piisql: unchecked identifier")
	}
	return `"` + s + `"`
}

// quoteTable quotes a table name checked by splitTable. Its schema may instead be the one
// PostgreSQL's catalogue resolved an unqualified name to (current_schema(), through the
// connection's search_path), whose name can hold any character: it is quoted with its
// double quotes doubled, as SQL reads them. quote panicked on it, in New.
func quoteTable(schema, name string) string {
	if schema == "" {
		return quote(name)
	}
	return `"` + strings.ReplaceAll(schema, `"`, `""`) + `".` + quote(name)
}

// snakeCase turns a Go field name into the column name sqlx-style code would use by
// convention: UserID is user_id, HTTPServer is http_server, CreatedAt is created_at.
func snakeCase(s string) string {
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 {
			prev := r[i-1]
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}
