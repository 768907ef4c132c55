package piilogrus

import (
	"maps"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/loan"
	"github.com/sirupsen/logrus"
)

// NewFormatter returns a logrus.Formatter that redacts an entry's Data and message as
// the Hook does, under p (the default Policy when p is nil), and then has next (a
// logrus.TextFormatter when nil, logrus's default) write it. Set it with Logger.SetFormatter. It runs after every hook, whatever order the
// hooks were added in, so that it also redacts what hooks add to Data: a hook that puts
// the request's user, found in the entry's Context, in a field, runs after a Hook added
// before it.
//
// Hooks that ship entries elsewhere do not go through it: add the Hook before them as
// well. A value the Hook redacted is then redacted again, which shows the same (masks
// hide what is hidden already) and costs a second walk.
//
// The entry it is given is not changed: next is given a copy whose Data holds the
// redacted values, made only when something in it needs hiding.
func NewFormatter(next logrus.Formatter, p *pii.Policy, opts ...Option) logrus.Formatter {
	if next == nil {
		next = new(logrus.TextFormatter)
	}
	return &formatter{next: next, h: NewHook(p, opts...), lends: formatsAtOnce(next)}
}

type formatter struct {
	next logrus.Formatter
	h    *Hook
	// lends: next is one of logrus's own formatters, which write an entry before
	// Format returns and keep nothing of it, so the redacted copies are borrowed (see
	// internal/loan) and given back once the entry is written.
	lends bool
}

// formatsAtOnce reports whether next is one of logrus's own formatters (see lends).
func formatsAtOnce(next logrus.Formatter) bool {
	switch next.(type) {
	case *logrus.JSONFormatter, *logrus.TextFormatter:
		return true
	}
	return false
}

// value is the Hook's value for a value of an entry that is written at once: with
// lends, the copy is borrowed, and what to give back is returned with it.
func (f *formatter) value(v any) (any, bool, loan.Copy) {
	switch v.(type) {
	case nil, string, pii.SafeValue:
	default:
		if f.lends {
			x, changed, lent := loan.ForLog(f.h.pol, v, f.h.scan)
			return guarded(x, changed), changed, lent
		}
	}
	x, changed := f.h.value(v)
	return x, changed, loan.Copy{}
}

// Format redacts a copy of e when it needs it and has next format it.
func (f *formatter) Format(e *logrus.Entry) ([]byte, error) {
	msg := e.Message
	if f.h.scan {
		msg = f.h.pol.RedactText(msg)
	}
	// Data is copied once, when something in it changes: hooks may format the same
	// entry from other goroutines.
	var data logrus.Fields
	own := func() logrus.Fields {
		if data == nil {
			data = maps.Clone(e.Data)
		}
		return data
	}
	var lent loan.List
	defer lent.Return()
	for k, v := range e.Data {
		x, changed, c := f.value(v)
		if changed {
			own()[k] = x
		}
		lent.Add(c)
	}
	if f.h.scan {
		if keys := f.h.keysToHide(e.Data); keys != nil {
			rekey(own(), keys)
		}
	}
	errText, errChanged := f.h.scanEntryErr(e)
	if data == nil && msg == e.Message && !errChanged {
		return f.next.Format(e)
	}
	out := *e
	out.Message = msg
	if data != nil {
		out.Data = data
	}
	if errChanged {
		setEntryErr(&out, errText)
	}
	return f.next.Format(&out)
}
