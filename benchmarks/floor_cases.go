package benchmarks

import (
	"io"
	"log/slog"
)

// The floor's contenders (floor.go): in place, as a copy, and a log line of the copy
// through plain slog, each timed the way ours is.

func floorStructCases() []StructCase {
	return []StructCase{
		{Name: "floor.Redact", NewRunner: func() (StructRunner, error) {
			return newInPlace(func(r *Record) error { floorRedact(r); return nil }), nil
		}},
		{Name: "floor.Redacted", NewRunner: func() (StructRunner, error) {
			return &floorCopyRunner{in: Sample()}, nil
		}},
	}
}

func floorLogCases() []LogCase {
	return []LogCase{{
		Name: "floor.LogLine",
		NewHandler: func(w io.Writer) (slog.Handler, error) {
			return slog.NewJSONHandler(w, nil), nil
		},
		Prepare: func(r Record) any { return floorRedacted(r) },
	}}
}

// floorCopyRunner makes a redacted deep copy by hand; the sample is never touched.
type floorCopyRunner struct{ in, out Record }

func (r *floorCopyRunner) Run() error {
	r.out = floorRedacted(r.in)
	return nil
}

func (r *floorCopyRunner) Result() Record { return r.out }
