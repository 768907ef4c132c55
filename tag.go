package pii

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// maxDays bounds mtl= and ttl=: a century is longer than any retention law asks for, and
// the bound keeps date arithmetic far from overflow.
const maxDays = 36525

// Tag is a parsed `pii:"..."` struct tag. Its zero value is the tag of an untagged field.
//
// The grammar is
//
//	pii:"VALUE[,KEY=VALUE...]"
//
// where VALUE is "true" (personal data of no particular kind), a kind ("phone", "email",
// ...; see Kind), or "no" (Not PII), and the keys are mtl=DAYS, ttl=DAYS,
// handling=standard|sensitive, redact=STRATEGY and anon=STRATEGY. A "no" tag takes one key
// only, the bare word created, which marks the time.Time field that holds the record's
// creation time (`pii:"no,created"`): retention reads each record's deadlines from it.
type Tag struct {
	Class    Class    // PII or NotPII; Untagged only for the zero Tag
	Kind     Kind     // the kind of personal data; KindNone unless Class is PII
	MTL      int      // minimum time to live in days; 0 means none
	TTL      int      // maximum retention in days; 0 means none
	Handling Handling // Standard unless handling=sensitive
	Redact   string   // redact= strategy: zero, mask, replace, initials, last4, scan; "" = default
	Anon     string   // anon= strategy: drop, pseudonym, generalize, seal; "" = default
	// Created marks the field that holds the record's creation time ("no,created"): the
	// time every MTL and TTL of the record counts from.
	Created bool
}

// Errors a TagError wraps, one for each way a tag can be wrong, so that a caller (a linter,
// a test) can tell them apart with errors.Is.
var (
	ErrEmptyTag       = errors.New("empty pii tag")
	ErrUnknownKey     = errors.New("unknown key")
	ErrRepeatedKey    = errors.New("key given twice")
	ErrBadDays        = errors.New("days must be a whole number from 0 to 36525")
	ErrNotPIIKeys     = errors.New(`"no" takes no keys: Not PII is never redacted, anonymised or purged`)
	ErrTTLBelowMTL    = errors.New("ttl is shorter than mtl")
	ErrBadHandling    = errors.New("handling must be standard or sensitive")
	ErrBadStrategy    = errors.New("unknown strategy")
	ErrKindType       = errors.New("the field's Go type cannot hold this kind")
	ErrUnexportedPII  = errors.New("PII tag on an unexported field: nothing could redact it")
	ErrSecretStrategy = errors.New("a secret is always zeroed: it takes no other strategy")
	ErrMalformedTag   = errors.New(`struct tag mentions pii but is not of the form pii:"..."`)
	ErrCreatedField   = errors.New(`created marks a record's creation time: write "no,created" on one time.Time field per struct`)
)

// TagError reports a malformed or contradictory pii tag: which Go type and field carry it,
// the tag as written, and what is wrong. Err is one of the ErrXxx sentinels of this
// package, so errors.Is(err, pii.ErrBadDays) works through a TagError.
type TagError struct {
	Type  string // the struct type that declares the field, as reflect prints it
	Field string // the Go field name
	Tag   string // the tag's value as written
	Err   error  // what is wrong
}

// Error says which type, field and tag are at fault, and why.
func (e *TagError) Error() string {
	var b strings.Builder
	b.WriteString("pii: ")
	if e.Type != "" {
		b.WriteString(e.Type)
		b.WriteString(".")
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString("tag ")
	b.WriteString(strconv.Quote(e.Tag))
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the sentinel that says what is wrong.
func (e *TagError) Unwrap() error { return e.Err }

// LookupTag returns the value of the pii key in a struct field's tag, as every operation
// reads it, and whether there is one. A tag that mentions a pii key in a form that
// reflect.StructTag cannot read (`pii: "phone"`, `pii:phone`, `json:"x",pii:"phone"`) is
// an error wrapping ErrMalformedTag: read by reflect alone, the field would silently be
// untagged. A tool that reads tags from source, as piivet does, calls it to read them as
// the library does, then ParseTag to parse the value.
//
// A tag that gives the pii key twice (`pii:"no" pii:"email"`) is an error wrapping
// ErrRepeatedKey: reflect reads the first alone, and the field would silently lose the
// other, which may be the one that says it is personal data.
func LookupTag(tag reflect.StructTag) (string, bool, error) {
	if v, ok := tag.Lookup("pii"); ok {
		if strings.Count(string(tag), "pii") > 1 && piiMentions(tag) > 1 {
			return "", false, &TagError{Tag: string(tag), Err: fmt.Errorf("%w: pii", ErrRepeatedKey)}
		}
		return v, true, nil
	}
	if piiMentions(tag) > 0 {
		return "", false, &TagError{Tag: string(tag), Err: ErrMalformedTag}
	}
	return "", false, nil
}

// piiKeyPattern finds a pii key in a struct tag once its quoted values are taken out.
var piiKeyPattern = regexp.MustCompile(`(?:^|[\s,;])pii\s*[:=]`)

// piiMentions counts the pii keys a struct tag mentions, in any form, readable by
// reflect or not: the tag's quoted values are taken out first, so json:"pii:x" does
// not count.
func piiMentions(tag reflect.StructTag) int {
	s := string(tag)
	if !strings.Contains(s, "pii") {
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			b.WriteByte(s[i])
			continue
		}
		for i++; i < len(s) && s[i] != '"'; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		b.WriteByte(' ')
	}
	return len(piiKeyPattern.FindAllStringIndex(b.String(), -1))
}

// ParseTag parses the value of a pii struct tag. Errors are *TagError values with Type and
// Field empty; the per-type plans fill them in.
func ParseTag(s string) (Tag, error) {
	fail := func(err error) (Tag, error) { return Tag{}, &TagError{Tag: s, Err: err} }
	value, rest, hasKeys := strings.Cut(s, ",")
	value = strings.TrimSpace(value)
	var t Tag
	switch value {
	case "":
		return fail(ErrEmptyTag)
	case "no":
		if !hasKeys {
			return Tag{Class: NotPII}, nil
		}
		if strings.TrimSpace(rest) == "created" {
			return Tag{Class: NotPII, Created: true}, nil
		}
		return fail(ErrNotPIIKeys)
	default:
		k, err := ParseKind(value)
		if err != nil || k == KindNone {
			return fail(fmt.Errorf("%w %q%s (want true, no, or one of %s)", ErrUnknownKind, value,
				hint(value, append([]string{"true", "no"}, kindNames[KindGeneric+1:]...)), kindList()))
		}
		t = Tag{Class: PII, Kind: k}
	}
	var seen [5]bool // mtl, ttl, handling, redact, anon
	for hasKeys {
		var item string
		item, rest, hasKeys = strings.Cut(rest, ",")
		key, val, _ := strings.Cut(strings.TrimSpace(item), "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		slot := -1
		var err error
		switch key {
		case "mtl":
			slot = 0
			t.MTL, err = parseDays(key, val)
		case "ttl":
			slot = 1
			t.TTL, err = parseDays(key, val)
			if err == nil && t.TTL == 0 {
				err = fmt.Errorf("%w: ttl=0 would purge the field as it is created; omit ttl for no maximum", ErrBadDays)
			}
		case "handling":
			slot = 2
			switch val {
			case "standard":
				t.Handling = Standard
			case "sensitive":
				t.Handling = Sensitive
			default:
				err = fmt.Errorf("%w, not %q", ErrBadHandling, val)
			}
		case "redact":
			slot = 3
			t.Redact = val
			if _, ok := redactStrategyNames[val]; !ok {
				err = fmt.Errorf("%w redact=%q%s (want zero, mask, replace, initials, last4 or scan)", ErrBadStrategy, val,
					hint(val, []string{"zero", "mask", "replace", "initials", "last4", "scan"}))
			}
		case "anon":
			slot = 4
			t.Anon = val
			if _, ok := anonStrategyNames[val]; !ok {
				err = fmt.Errorf("%w anon=%q%s (want drop, pseudonym, generalize or seal)", ErrBadStrategy, val,
					hint(val, []string{"drop", "pseudonym", "generalize", "seal"}))
			}
		case "created":
			err = ErrCreatedField // a creation time is not personal data
		default:
			err = fmt.Errorf("%w %q%s (want mtl, ttl, handling, redact or anon)", ErrUnknownKey, key,
				hint(key, []string{"mtl", "ttl", "handling", "redact", "anon"}))
		}
		if err != nil {
			return fail(err)
		}
		if seen[slot] {
			return fail(fmt.Errorf("%w: %s", ErrRepeatedKey, key))
		}
		seen[slot] = true
	}
	if t.TTL != 0 && t.TTL < t.MTL {
		return fail(fmt.Errorf("%w (ttl=%d, mtl=%d)", ErrTTLBelowMTL, t.TTL, t.MTL))
	}
	if t.Kind == KindSecret && !secretStrategiesOK(t) {
		return fail(ErrSecretStrategy)
	}
	if t.Redact == "scan" && t.Kind != KindBody && t.Kind != KindGeneric {
		return fail(fmt.Errorf("%w: redact=scan is for free text, tag the field body", ErrBadStrategy))
	}
	return t, nil
}

func secretStrategiesOK(t Tag) bool {
	return (t.Redact == "" || t.Redact == "zero" || t.Redact == "mask") && (t.Anon == "" || t.Anon == "drop")
}

func parseDays(key, val string) (int, error) {
	// Only plain decimal digits: no sign, no spaces, no "90d"; strconv would take "+90".
	if val == "" || len(val) > 5 || strings.TrimLeft(val, "0123456789") != "" {
		return 0, fmt.Errorf("%w, not %s=%q", ErrBadDays, key, val)
	}
	n, _ := strconv.Atoi(val)
	if n > maxDays {
		return 0, fmt.Errorf("%w, not %s=%q", ErrBadDays, key, val)
	}
	return n, nil
}

func kindList() string {
	var b strings.Builder
	for i, k := range Kinds()[1:] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k.String())
	}
	return b.String()
}

// String renders the tag in its canonical form, which ParseTag reads back to an equal Tag:
// the value first ("true" for KindGeneric), then the keys that differ from their defaults
// in the order mtl, ttl, handling, redact, anon. The zero Tag renders as "".
func (t Tag) String() string {
	switch t.Class {
	case Untagged:
		return ""
	case NotPII:
		if t.Created {
			return "no,created"
		}
		return "no"
	}
	var b strings.Builder
	if t.Kind == KindGeneric {
		b.WriteString("true")
	} else {
		b.WriteString(t.Kind.String())
	}
	if t.MTL != 0 {
		b.WriteString(",mtl=")
		b.WriteString(strconv.Itoa(t.MTL))
	}
	if t.TTL != 0 {
		b.WriteString(",ttl=")
		b.WriteString(strconv.Itoa(t.TTL))
	}
	if t.Handling == Sensitive {
		b.WriteString(",handling=sensitive")
	}
	if t.Redact != "" {
		b.WriteString(",redact=")
		b.WriteString(t.Redact)
	}
	if t.Anon != "" {
		b.WriteString(",anon=")
		b.WriteString(t.Anon)
	}
	return b.String()
}
