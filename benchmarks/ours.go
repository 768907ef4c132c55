package benchmarks

import (
	"io"
	"log/slog"
	"sync"

	"github.com/ef8f9424/pii"
)

// policy is the one pii policy every benchmark shares, as a service would: a Policy is
// immutable and safe for concurrent use. It knows the business's own number.
var policy = sync.OnceValues(func() (*pii.Policy, error) {
	return pii.New(pii.WithOwnedNumbers(OwnedNumber))
})

func oursStructCases() []StructCase {
	return []StructCase{
		{Name: "pii.Redact", NewRunner: newInPlaceRunner},
		{Name: "pii.Redacted", NewRunner: newCopyRunner},
	}
}

func oursLogCases() []LogCase {
	return []LogCase{{Name: "pii.Handler", NewHandler: func(w io.Writer) (slog.Handler, error) {
		p, err := policy()
		if err != nil {
			return nil, err
		}
		return pii.NewHandler(slog.NewJSONHandler(w, nil), p), nil
	}}}
}

// policyUS is policy with the default region "US", under which the finder also reads
// national numbers ("(415) 555-2671") and checks every number against the region.
var policyUS = sync.OnceValues(func() (*pii.Policy, error) {
	return pii.New(pii.WithOwnedNumbers(OwnedNumber), pii.WithRegion("US"))
})

func oursTextCases() []TextCase {
	return []TextCase{textCase("pii.RedactText", policy)}
}

// oursRegionTextCase is ours under WithRegion("US"), timed on the SMS workloads only.
func oursRegionTextCase() TextCase { return textCase("pii.RedactText.US", policyUS) }

func textCase(name string, pol func() (*pii.Policy, error)) TextCase {
	return TextCase{Name: name, NewRedactor: func() (func(string) (string, error), error) {
		p, err := pol()
		if err != nil {
			return nil, err
		}
		return func(s string) (string, error) { return p.RedactText(s), nil }, nil
	}}
}

// inPlaceRunner redacts in place with redact. Every Run first restores the sample into
// buffers the runner owns (a struct copy and two small copies, no allocation), so each
// run redacts the same unredacted record; that restore is timed too, against us.
type inPlaceRunner struct {
	redact func(*Record) error
	sample Record
	v      Record
	phones []string
	home   Address
}

func newInPlaceRunner() (StructRunner, error) {
	p, err := policy()
	if err != nil {
		return nil, err
	}
	return newInPlace(func(r *Record) error { return p.Redact(r) }), nil
}

func newInPlace(redact func(*Record) error) *inPlaceRunner {
	s := Sample()
	return &inPlaceRunner{redact: redact, sample: s, phones: make([]string, len(s.Phones))}
}

func (r *inPlaceRunner) Run() error {
	r.v = r.sample
	copy(r.phones, r.sample.Phones)
	r.v.Phones = r.phones
	r.home = *r.sample.Home
	r.v.Home = &r.home
	return r.redact(&r.v)
}

func (r *inPlaceRunner) Result() Record { return deepCopy(r.v) }

// copyRunner makes a redacted deep copy; the sample is never touched.
type copyRunner struct {
	p   *pii.Policy
	in  Record
	out Record
}

func newCopyRunner() (StructRunner, error) {
	p, err := policy()
	if err != nil {
		return nil, err
	}
	return &copyRunner{p: p, in: Sample()}, nil
}

func (r *copyRunner) Run() (err error) {
	r.out, err = pii.Redacted(r.p, r.in)
	return err
}

func (r *copyRunner) Result() Record { return r.out }
