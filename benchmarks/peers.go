package benchmarks

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/aliengiraffe/deidentify"
	masker "github.com/ggwhite/go-masker/v2"
	"github.com/m-mizutani/masq"
	mask "github.com/showa-93/go-mask"
)

// Each peer is used the way its README shows, configured to hide the fields that the
// pii tags on Record mark as personal data.

func peerStructCases() []StructCase {
	return []StructCase{
		{Name: "go-mask", NewRunner: newGoMaskRunner},
		{Name: "go-masker", NewRunner: newGoMaskerRunner},
	}
}

func peerLogCases() []LogCase {
	return []LogCase{
		{Name: "slog", NewHandler: func(w io.Writer) (slog.Handler, error) {
			return slog.NewJSONHandler(w, nil), nil
		}},
		{Name: "masq", NewHandler: func(w io.Writer) (slog.Handler, error) {
			return slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: masqReplaceAttr()}), nil
		}},
	}
}

func peerTextCases() []TextCase {
	return []TextCase{
		{Name: "deidentify", NewRedactor: func() (func(string) (string, error), error) {
			return deidentifier().Text, nil
		}},
	}
}

// goMaskRunner copies and masks with its own go-mask Masker. go-mask caches a
// zero value per struct type and masks into it, so two goroutines sharing a Masker
// write the same memory (a data race); every goroutine gets its own Masker, built here,
// outside the timed loop.
type goMaskRunner struct {
	m   *mask.Masker
	in  goMaskRecord
	out any
}

func newGoMaskRunner() (StructRunner, error) {
	m := mask.NewMasker()
	m.RegisterMaskStringFunc(mask.MaskTypeFilled, m.MaskFilledString)
	return &goMaskRunner{m: m, in: toGoMask(Sample())}, nil
}

func (r *goMaskRunner) Run() (err error) {
	r.out, err = r.m.Mask(r.in)
	return err
}

func (r *goMaskRunner) Result() Record {
	v, ok := r.out.(goMaskRecord)
	if !ok {
		return Record{}
	}
	return fromGoMask(v)
}

// goMaskerRunner copies and masks with go-masker's Struct, which returns a pointer to
// a new value. Its marshaler holds no mutable state and is shared.
type goMaskerRunner struct {
	in  goMaskerRecord
	out any
}

var goMaskerMarshaler = sync.OnceValue(masker.NewMaskerMarshaler)

func newGoMaskerRunner() (StructRunner, error) {
	return &goMaskerRunner{in: toGoMasker(Sample())}, nil
}

func (r *goMaskerRunner) Run() (err error) {
	r.out, err = goMaskerMarshaler().Struct(&r.in)
	return err
}

func (r *goMaskerRunner) Result() Record {
	v, ok := r.out.(*goMaskerRecord)
	if !ok || v == nil {
		return Record{}
	}
	return fromGoMasker(*v)
}

// masqReplaceAttr hides every field whose pii tag names a kind of personal data. It is
// built once and shared, as a slog.HandlerOptions is.
var masqReplaceAttr = sync.OnceValue(func() func([]string, slog.Attr) slog.Attr {
	return masq.New(
		masq.WithCustomTagKey("pii"),
		masq.WithTag("name"),
		masq.WithTag("phone"),
		masq.WithTag("email"),
		masq.WithTag("body"),
		masq.WithTag("ip"),
		masq.WithTag("address"),
		masq.WithTag("postal"),
	)
})

// deidentifyKey is a fixed key so that deidentify's pseudonyms, and so the
// correctness table, are the same on every run.
const deidentifyKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// deidentifier is shared by every goroutine: deidentify documents its Deidentifier as
// safe for concurrent use. It remembers every value it has replaced, so after the first
// call on a text its replacements are map look-ups; the benchmarks keep that advantage.
var deidentifier = sync.OnceValue(func() *deidentify.Deidentifier {
	return deidentify.NewDeidentifier(deidentifyKey)
})

// errNoResult reports a runner whose library returned a value of an unexpected type.
var errNoResult = errors.New("benchmarks: library returned an unexpected type")

// checkResult is used by the tests: it runs r once and fails when the library did not
// return a record.
func checkResult(r StructRunner) (Record, error) {
	if err := r.Run(); err != nil {
		return Record{}, fmt.Errorf("run: %w", err)
	}
	out := r.Result()
	if out.SID == "" {
		return Record{}, errNoResult
	}
	return out, nil
}
