package pii_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// The holders of guarantee_hidden_test.go, one route each: values kept behind
// unexported fields, which the guarantee's generator now makes, and the ways they
// escaped before (a copy that shared them, a PII tag that did not count them, a text
// that printed them as bytes or as an address, a handler that formatted them later).

const holderEmail = "maria.okafor@example.com"

// holderBox holds a holder by its type, where no interface could take a stand-in.
type holderBox struct {
	ID   string `pii:"no"`
	Held GtHeld `pii:"no"`
}

// holderAny holds anything under a PII tag.
type holderAny struct {
	ID  string `pii:"no"`
	Any any    `pii:"true"`
}

func TestHiddenHoldersRefusedByCopies(t *testing.T) {
	contact := &GtContact{ContactEmail: holderEmail}
	box := holderBox{ID: "r1", Held: GtHeld{HeldRef: "h1", held: contact}}
	lazy := GtLazyJSON{contact}
	keyErr := GtKeyError{"lookup", contact}
	clean := holderBox{ID: "r1", Held: GtHeld{HeldRef: "h1", held: "ref-7"}}
	inIface := struct{ Any any }{GtLazyJSON{contact}}
	tests := []struct {
		name     string
		redacted func() (any, error) // Redacted of the value, by its own type
		ptr      any                 // a pointer to another copy of it, for Redact and Anonymize
		want     error
	}{
		{"a holder by its type", func() (any, error) { return pii.Redacted(nil, box) }, &holderBox{box.ID, box.Held}, pii.ErrHidden},
		{"a holder at the top", func() (any, error) { return pii.Redacted(nil, lazy) }, &GtLazyJSON{contact}, pii.ErrHidden},
		{"an error that keeps its key", func() (any, error) { return pii.Redacted(nil, keyErr) }, &GtKeyError{"lookup", contact}, pii.ErrHidden},
		{"a holder of nothing personal", func() (any, error) { return pii.Redacted(nil, clean) }, &holderBox{clean.ID, clean.Held}, nil},
		// Withheld in its place, which an interface can take.
		{"a holder in an interface", func() (any, error) { return pii.Redacted(nil, inIface) }, &struct{ Any any }{GtLazyJSON{contact}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cp, err := tt.redacted()
			if !errors.Is(err, tt.want) || tt.want == nil && err != nil {
				t.Fatalf("Redacted: %v, want %v", err, tt.want)
			}
			if out := fmt.Sprintf("%+v", cp); strings.Contains(out, "maria") {
				t.Errorf("Redacted's copy prints the email: %s", out)
			}
			if err := pii.Redact(tt.ptr); !errors.Is(err, tt.want) || tt.want == nil && err != nil {
				t.Errorf("Redact: %v, want %v", err, tt.want)
			}
			if out := fmt.Sprintf("%+v", tt.ptr); tt.want == nil && strings.Contains(out, "maria") {
				t.Errorf("Redact left the email: %s", out)
			}
		})
	}
	if err := pii.Anonymize(&holderBox{box.ID, box.Held}); !errors.Is(err, pii.ErrHidden) {
		t.Errorf("Anonymize: %v, want ErrHidden", err)
	}
	if _, err := pii.Anonymized(nil, box); !errors.Is(err, pii.ErrHidden) {
		t.Errorf("Anonymized: %v, want ErrHidden", err)
	}
}

func TestHiddenHoldersUnderPIITag(t *testing.T) {
	tests := []struct {
		name string
		held any
	}{
		{"an untagged struct", GtHeld{HeldRef: "h1", held: struct{ Note string }{holderEmail}}},
		{"a string in a slog.Value", GtHeldValue{HeldValueRef: "h1", val: slog.StringValue(holderEmail)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			slog.New(pii.NewHandler(slog.NewTextHandler(&b, nil), nil)).Info("m", "v", holderAny{ID: "r1", Any: tt.held})
			out := b.String()
			if strings.Contains(out, "maria") || !strings.Contains(out, "holds personal data in unexported fields") || !strings.Contains(out, "r1") {
				t.Errorf("want the held value withheld in its place, the ID kept; got %s", out)
			}
		})
	}
}

// TestHiddenHolderErrorTexts holds an error that prints what it keeps to the tagged
// leaves' printed forms: a []byte as fmt prints it in a struct, an address's text.
func TestHiddenHolderErrorTexts(t *testing.T) {
	type urlRecord struct {
		Link []byte `pii:"url"`
	}
	type ipRecord struct {
		From any `pii:"ip"` // held as a netip.Addr
	}
	tests := []struct {
		name, secret string
		key          any
	}{
		{"bytes", "https://maria:pw@example.com/u", urlRecord{[]byte("https://maria:pw@example.com/u")}},
		{"an address", "2a02:6e30:493c:f9a7:b295:a5b2:f44f:8791", ipRecord{netip.MustParseAddr("2a02:6e30:493c:f9a7:b295:a5b2:f44f:8791")}},
		// A walk reads a tagged key's leaves as a value's; it refuses such a map.
		{"a tagged map key", "1 maria lane", struct{ ByHome map[GtTextUser]int }{map[GtTextUser]int{{TextAddress: "1 maria lane"}: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := GtKeyError{"lookup", tt.key}
			if strings.Contains(err.Error(), tt.secret) == (tt.name == "bytes") { // bytes print as numbers
				t.Fatalf("the case no longer prints its key as meant: %s", err.Error())
			}
			got, _ := pii.Default().ForLog(err)
			if out := fmt.Sprint(got); strings.Contains(out, "maria") || strings.Contains(out, "f9a7") || strings.Contains(out, "104 116") {
				t.Errorf("ForLog = %s", out)
			}
		})
	}
}

// TestHiddenHolderErrorFrozen checks that a Handler over one that formats later passes
// on the text an error that keeps a map had at the call, not what the map holds later:
// the map kept as it is, or behind a holder's own unexported field.
func TestHiddenHolderErrorFrozen(t *testing.T) {
	tests := []struct {
		name string
		key  func(m map[string]any) any
		want string
	}{
		{"a map", func(m map[string]any) any { return m }, "lookup map[k:1]: not found"},
		{"a map in a holder", func(m map[string]any) any { return GtHeld{HeldRef: "h1", held: m} }, "lookup {h1 map[k:1]}: not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]any{"k": 1}
			lazy := &gtLazy{store: new([]gtLazyRecord)}
			slog.New(pii.NewHandler(lazy, nil)).Info("m", "err", GtKeyError{"lookup", tt.key(m)})
			m["late"] = GtContact{ContactEmail: holderEmail}
			want := `{"level":"INFO","msg":"m","err":"` + tt.want + `"}` + "\n"
			if diff := cmp.Diff(want, lazy.replay()); diff != "" {
				t.Errorf("replayed later (-want +got):\n%s", diff)
			}
		})
	}
}

// textLater keeps the records it is given and writes them with slog's text handler
// only when write is called, as a handler that formats later does.
type textLater struct{ recs *[]slog.Record }

func (h textLater) Enabled(context.Context, slog.Level) bool { return true }
func (h textLater) Handle(_ context.Context, r slog.Record) error {
	*h.recs = append(*h.recs, r.Clone())
	return nil
}
func (h textLater) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h textLater) WithGroup(string) slog.Handler      { return h }

func (h textLater) write() string {
	var b bytes.Buffer
	th := slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	for _, r := range *h.recs {
		_ = th.Handle(context.Background(), r)
	}
	return b.String()
}

// taggedHeld is a tagged record that also keeps a value unexported.
type taggedHeld struct {
	Email string `pii:"email"`
	held  any
}
