// Package piilogrus makes logrus loggers hide the personal data that
// github.com/ef8f9424/pii tags mark: a hook that replaces every Entry.Data value holding
// a tagged type by its redacted copy before any formatter sees the entry.
package piilogrus

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ef8f9424/pii"
	"github.com/sirupsen/logrus"
)

// Hook is a logrus.Hook that redacts. Add it with Logger.AddHook before any other hook:
// logrus fires hooks in the order they were added, and a hook added earlier (one that
// ships entries elsewhere) would see the values as they are. What a hook added later
// puts in Data is not redacted by it: NewFormatter is. It fires at every level.
// logrus hands hooks its own copy of the entry's Data, so the caller's values and fields
// are never changed.
type Hook struct {
	pol  *pii.Policy // nil: the default Policy at the time of each entry (see pii.SetDefault)
	scan bool
}

// An Option configures NewHook.
type Option func(*Hook)

// ScanStrings makes the hook also hide the personal data it finds (Policy.RedactText) in
// the message, in the keys of Data and in every string value, for services that log
// free text.
func ScanStrings() Option { return func(h *Hook) { h.scan = true } }

// NewHook returns a Hook that redacts under p. With a nil p it follows the default
// Policy (pii.Default), as a pii.Handler made with a nil Policy does: a pii.SetDefault
// made after NewHook applies.
func NewHook(p *pii.Policy, opts ...Option) *Hook {
	h := &Hook{pol: p}
	for _, opt := range opts {
		if opt != nil {
			opt(h)
		}
	}
	return h
}

// Levels returns every level: personal data is hidden whatever the level.
func (h *Hook) Levels() []logrus.Level { return logrus.AllLevels }

// Fire replaces each value of e.Data that holds personal data by its redacted copy, and
// with ScanStrings redacts the message and string values. A value whose tags are wrong
// becomes "!PII-REDACTION-FAILED: " and the error, never the value.
func (h *Hook) Fire(e *logrus.Entry) error {
	if h.scan {
		e.Message = h.pol.RedactText(e.Message)
	}
	for k, v := range e.Data {
		if x, changed := h.value(v); changed {
			e.Data[k] = x
		}
	}
	if h.scan {
		rekey(e.Data, h.keysToHide(e.Data))
	}
	if text, changed := h.scanEntryErr(e); changed {
		setEntryErr(e, text)
	}
	return nil
}

// value returns what a line may show of v, a value of Entry.Data, and whether it
// differs from v. A value that cannot be redacted becomes a note of why.
func (h *Hook) value(v any) (any, bool) {
	switch v := v.(type) {
	case nil:
	case string:
		if h.scan {
			if s := h.pol.RedactText(v); s != v {
				return s, true
			}
		}
	case pii.SafeValue:
		// Redacted when printed; its MarshalJSON gives JSONFormatter an object. With
		// ScanStrings, its redacted copy is scanned, as a pii.Handler does.
		if h.scan {
			x, _ := h.pol.ForLogScanned(v.LogValue().Any())
			return guarded(x, true), true
		}
	default:
		x, changed := h.forLog(v)
		return guarded(x, changed), changed
	}
	return v, false
}

// forLog is the Policy's ForLog, or ForLogScanned with ScanStrings.
func (h *Hook) forLog(v any) (any, bool) {
	if h.scan {
		return h.pol.ForLogScanned(v)
	}
	return h.pol.ForLog(v)
}

// A movedKey is a key of Data in which the free-text finder sees personal data, and
// its redacted text.
type movedKey struct{ from, to string }

// keysToHide returns, sorted, the keys of d in which the free-text finder sees personal
// data: a key can be made of data (WithField(email, n)), as a pii.Handler's keys can.
func (h *Hook) keysToHide(d logrus.Fields) []movedKey {
	var keys []movedKey
	for k := range d {
		if to := h.pol.RedactText(k); to != k {
			keys = append(keys, movedKey{k, to})
		}
	}
	// So that keys that redact alike are numbered alike on every line.
	slices.SortFunc(keys, func(a, b movedKey) int { return strings.Compare(a.from, b.from) })
	return keys
}

// rekey moves the value of each key of keys in d to its redacted text. When that key is
// taken (two numbers redact alike), the first free one of "key #2", "key #3", ... is
// used: no value is lost.
func rekey(d logrus.Fields, keys []movedKey) {
	for _, k := range keys {
		v := d[k.from]
		delete(d, k.from)
		free := k.to
		for n := 2; ; n++ {
			if _, taken := d[free]; !taken {
				break
			}
			free = k.to + " #" + strconv.Itoa(n)
		}
		d[free] = v
	}
}
