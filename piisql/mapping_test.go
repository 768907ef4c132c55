package piisql

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

type audited struct {
	CreatedAt time.Time `pii:"no,created"`
	UpdatedBy string    `pii:"no"`
}

// order has a column named after an SQL keyword, an embedded struct whose fields are
// promoted, a db tag, and fields the table does not hold.
type order struct {
	audited
	OrderID    int64  `db:"order" pii:"no"`
	HTTPClient string `pii:"ip,ttl=30"`
	Email      string `db:"contact,omitempty" pii:"email,mtl=10,ttl=60"`
	Secret     string `db:"-" pii:"secret"`
	note       string // unexported: not a column
}

func TestMapping(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		name := d.table(t) + "_o"
		d.exec(t, `CREATE TABLE `+name+` ("order" BIGINT PRIMARY KEY, created_at `+d.tsType+`, updated_by TEXT,
			http_client TEXT, contact TEXT NOT NULL)`)
		t.Cleanup(func() { d.db.Exec("DROP TABLE " + name) })
		s, err := New[order](context.Background(), d.db, d.dialect, name, "order")
		if err != nil {
			t.Fatal(err)
		}
		want := Mapping{Table: name, Key: "order", Created: "created_at", Columns: []Column{
			{Name: "http_client", Field: "HTTPClient", Kind: pii.KindIP, TTL: 30},
			{Name: "contact", Field: "Email", Kind: pii.KindEmail, MTL: 10, TTL: 60, NotNull: true},
		}}
		if diff := cmp.Diff(want, s.Mapping(), cmpopts.IgnoreUnexported(Column{})); diff != "" {
			t.Errorf("mapping (-want +got):\n%s", diff)
		}
	})
}

type noCreated struct {
	ID    int64  `pii:"no"`
	Email string `pii:"email,ttl=30"`
}

type keyIsPII struct {
	Email   string    `pii:"email,ttl=30"`
	Created time.Time `db:"created_at" pii:"no,created"`
}

type nested struct {
	ID      int64     `pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Address struct {
		Street string `pii:"address,ttl=30"`
	}
}

type missingColumn struct {
	ID      int64     `pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Mobile  string    `pii:"phone,ttl=30"`
}

type twoFields struct {
	ID      int64     `pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Body    *string   `pii:"true,ttl=30"`
	Draft   *string   `db:"BODY" pii:"true,ttl=60"`
}

type badColumn struct {
	ID      int64     `pii:"no"`
	Created time.Time `db:"created_at" pii:"no,created"`
	Name    string    `db:"name; DROP TABLE x" pii:"name,ttl=30"`
}

// A mapping that cannot work is refused at New, naming the column at fault.
func TestNewErrors(t *testing.T) {
	forEachDB(t, func(t *testing.T, d *testDB) {
		table := d.table(t)
		ctx := context.Background()
		tests := []struct {
			name    string
			new     func() error
			want    error
			mention string // what the message must name
		}{
			{"no such table", func() error {
				_, err := New[message](ctx, d.db, d.dialect, "no_such_table", "id")
				return err
			}, ErrNoTable, "no_such_table"},
			{"no key column", func() error {
				_, err := New[message](ctx, d.db, d.dialect, table, "uid")
				return err
			}, ErrNoColumn, "column uid"},
			{"PII column missing", func() error {
				_, err := New[missingColumn](ctx, d.db, d.dialect, table, "id")
				return err
			}, ErrNoColumn, "column mobile (field Mobile)"},
			{"no created field", func() error {
				_, err := New[noCreated](ctx, d.db, d.dialect, table, "id")
				return err
			}, ErrNoCreated, "piisql.noCreated"},
			{"key holds PII", func() error {
				_, err := New[keyIsPII](ctx, d.db, d.dialect, table, "email")
				return err
			}, ErrKeyIsPII, "column email"},
			{"key holds PII, named in capitals", func() error {
				_, err := New[keyIsPII](ctx, d.db, d.dialect, table, "EMAIL")
				return err
			}, ErrKeyIsPII, "column EMAIL"},
			{"PII inside a struct column", func() error {
				_, err := New[nested](ctx, d.db, d.dialect, table, "id")
				return err
			}, ErrNotColumn, "column address (field Address.Street)"},
			{"table name not an identifier", func() error {
				_, err := New[message](ctx, d.db, d.dialect, "messages; DROP TABLE x", "id")
				return err
			}, ErrIdentifier, "table"},
			{"key not an identifier", func() error {
				_, err := New[message](ctx, d.db, d.dialect, table, `id" OR 1=1 --`)
				return err
			}, ErrIdentifier, "key column"},
			{"db tag not an identifier", func() error {
				_, err := New[badColumn](ctx, d.db, d.dialect, table, "id")
				return err
			}, ErrIdentifier, "field Name"},
			{"two fields of one column", func() error {
				_, err := New[twoFields](ctx, d.db, d.dialect, table, "id")
				return err
			}, ErrDuplicateColumn, "column body (field Body)"},
			{"row type not a struct", func() error {
				_, err := New[string](ctx, d.db, d.dialect, table, "id")
				return err
			}, ErrNotStruct, "string"},
			{"batch size", func() error {
				_, err := New[message](ctx, d.db, d.dialect, table, "id", WithBatchSize(0))
				return err
			}, ErrBatchSize, "WithBatchSize(0)"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.new()
				if !errors.Is(err, tt.want) {
					t.Fatalf("error %v, want one wrapping %v", err, tt.want)
				}
				if !strings.Contains(err.Error(), tt.mention) {
					t.Errorf("error %q does not name %q", err, tt.mention)
				}
			})
		}
	})
}

func TestSnakeCase(t *testing.T) {
	tests := map[string]string{
		"ID": "id", "UserID": "user_id", "HTTPServer": "http_server", "CreatedAt": "created_at",
		"Body": "body", "IPv4Addr": "i_pv4_addr", "Line2": "line2", "already_snake": "already_snake",
	}
	for in, want := range tests {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCheckIdent(f *testing.F) {
	for _, s := range []string{"messages", "_x1", "1x", "a b", `a"b`, "a;b", "ünï", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if checkIdent("x", s) != nil {
			return
		}
		// An accepted name cannot end the quoted identifier or the statement.
		if strings.ContainsAny(s, "\"'`;- \t\n\\/*") || len(s) > maxIdent {
			t.Fatalf("checkIdent accepted %q", s)
		}
		if q := quote(s); q != `"`+s+`"` {
			t.Fatalf("quote(%q) = %q", s, q)
		}
	})
}
