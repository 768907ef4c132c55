package piizerolog_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
)

// MarshalInterface borrows the copies it encodes (see internal/loan): these tests look
// for a line that shows another's value, or that differs from one written with a copy of
// its own.

// useMarshalInterface sets zerolog.InterfaceMarshalFunc to MarshalInterface for the test.
func useMarshalInterface(t *testing.T) {
	saved := zerolog.InterfaceMarshalFunc
	t.Cleanup(func() { zerolog.InterfaceMarshalFunc = saved })
	zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface
}

// TestLentIsForLog checks what MarshalInterface writes of random messages, and of the
// structs they point to (which are lent), against ForLog's copies encoded, twice each,
// and in arrays and dictionaries of a line.
func TestLentIsForLog(t *testing.T) {
	useMarshalInterface(t)
	for _, m := range adaptertest.Messages(300) {
		for _, v := range []any{m, *m, m.Meta, adaptertest.Customer{ID: m.SID, Phone: m.From, Plan: m.Body}} {
			x, _ := pii.Default().ForLog(v)
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(x); err != nil {
				t.Fatal(err)
			}
			for range 2 {
				got, err := piizerolog.MarshalInterface(v)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(strings.TrimSuffix(want.String(), "\n"), string(got)); diff != "" {
					t.Fatalf("%T (-ForLog +MarshalInterface):\n%s", v, diff)
				}
			}
			var line bytes.Buffer
			l := zerolog.New(&line)
			l.Info().Interface("v", v).Array("a", zerolog.Arr().Interface(v).Interface(v)).Dict("d", zerolog.Dict().Interface("v", v)).Msg("")
			w := strings.TrimSuffix(want.String(), "\n")
			if diff := cmp.Diff(fmt.Sprintf(`{"level":"info","v":%s,"a":[%s,%s],"d":{"v":%s}}`+"\n", w, w, w, w), line.String()); diff != "" {
				t.Fatalf("%T: line (-want +got):\n%s", v, diff)
			}
		}
	}
}

// relogging is a customer whose MarshalJSON writes a line of another customer, of its
// own type, through the logger it names, from inside the line that encodes it.
type relogging struct {
	adaptertest.Customer
	Depth int `pii:"no"`
	log   *zerolog.Logger
}

func (r relogging) MarshalJSON() ([]byte, error) {
	if r.Depth > 0 {
		inner := r
		inner.ID, inner.Depth = r.ID+"/inner", r.Depth-1
		r.log.Info().Interface("c", inner).Msg("inner")
	}
	return json.Marshal(r.Customer)
}

// TestLentLineInsideLine checks lines written from inside the encoding of a line, with
// values of the same type, two levels down, and lines written from many goroutines:
// each shows its own customer, and no personal data.
func TestLentLineInsideLine(t *testing.T) {
	useMarshalInterface(t)
	var mu sync.Mutex
	var buf bytes.Buffer
	l := zerolog.New(zerolog.SyncWriter(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return buf.Write(p)
	})))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				c := adaptertest.NewCustomer()
				c.ID = fmt.Sprintf("c%d-%d", g, i)
				l.Info().Interface("c", relogging{c, 2, &l}).Str("id", c.ID).Msg("outer")
			}
		})
	}
	wg.Wait()
	for _, m := range adaptertest.Markers {
		if strings.Contains(buf.String(), m) {
			t.Fatalf("the lines hold %q", m)
		}
	}
	n := 0
	for sc := bufio.NewScanner(&buf); sc.Scan(); n++ {
		var line struct {
			Message string
			ID      string
			C       struct{ ID, Plan string }
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		if line.C.Plan != adaptertest.Plan || line.Message == "outer" && line.C.ID != line.ID {
			t.Errorf("line %s shows another customer", sc.Text())
		}
	}
	if n != 4*50*3 {
		t.Errorf("%d lines, want %d", n, 4*50*3)
	}
}

// writerFunc is a function that is an io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
