// Package freetext finds personal data in free text (a message body, a log message) and
// hides it in place: phone numbers, email addresses, payment card numbers, IBANs, IP
// addresses, national identifiers and a record's own names. It is the finder behind
// package pii's Scan and RedactText, and knows nothing of tags, plans or policies: pii
// gives it a region, a leniency and the service's own numbers, and maps its kinds to
// pii's.
//
// The files read in the order of a scan: scan.go is the single pass over the bytes,
// scan_<kind>.go the detectors it hands a trigger byte to, scan_visible.go and
// scan_markup.go the second reading of text as a reader sees it (without invisible
// characters, markup, references, escapes and line breaks inside values), scanResolve
// in scan.go the choice between overlapping findings, scan_mask.go and scan_redact.go
// the masks.
package freetext

import (
	"errors"
	"fmt"
)

// A Kind is the sort of personal data a Finding is. Package pii maps each to its own
// Kind of the same spelling (Kind.String).
type Kind uint8

// The kinds the finder reports.
const (
	KindPhone   Kind = iota + 1 // a telephone number
	KindEmail                   // an email address
	KindName                    // one of the record's own names
	KindIP                      // an IPv4 or IPv6 address
	KindCard                    // a payment card number (issuer prefix and Luhn)
	KindAccount                 // an IBAN (length and mod 97)
	KindGovID                   // a national identifier whose check digits pass
)

var kindNames = [...]string{
	KindPhone: "phone", KindEmail: "email", KindName: "name", KindIP: "ip",
	KindCard: "card", KindAccount: "account", KindGovID: "govid",
}

// String returns the kind's spelling, the same as pii's tag spelling of the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// A Finding is one piece of personal data found in text: its kind and where it sits, as
// byte offsets (text[Start:End] is the value). It holds no copy of the value.
type Finding struct {
	Kind       Kind
	Start, End int
}

// A Leniency says how sure the finder must be before it calls a run of digits a phone
// number. The zero value is LeniencyValid.
type Leniency uint8

// The leniencies, from strict to lax.
const (
	// LeniencyValid reports only numbers that are valid for their country, as
	// phonenumbers' metadata says.
	LeniencyValid Leniency = iota
	// LeniencyPossible reports every number whose length is possible for its country.
	LeniencyPossible
)

// The errors of New. They carry no package name: package pii wraps its own sentinels
// around what it reports to its callers.
var (
	// ErrUnknownRegion: the region is not one the phone metadata knows.
	ErrUnknownRegion = errors.New("unknown region")
	// ErrUnknownLeniency: the leniency is neither LeniencyValid nor LeniencyPossible.
	ErrUnknownLeniency = errors.New("unknown leniency")
)

// A Scanner finds personal data in free text. It is a handle to an immutable finder:
// copies share it, and it is safe for concurrent use. The zero Scanner is not usable;
// make one with New.
type Scanner struct{ s *textScanner }

// New returns a Scanner for text written in region (a CLDR code such as "US", in any
// case; "" or "ZZ" when unknown, in which case national numbers are read in a set of
// default regions) at leniency l. owned, when not nil, reports the service's own phone
// numbers, which are not personal data: a phone finding it holds is neither reported nor
// hidden. It must be safe for concurrent use.
func New(region string, l Leniency, owned func(number string) bool) (Scanner, error) {
	s, err := newTextScanner(region, l)
	if err != nil {
		return Scanner{}, err
	}
	s.owned = owned
	return Scanner{s}, nil
}

// Scan appends to dst the personal data found in text, sorted by Start and without
// overlaps, and returns the extended slice. names are the record's own name values,
// which are found wherever they appear in text.
func (sc Scanner) Scan(text string, names []string, dst []Finding) []Finding {
	return sc.s.scan(text, names, dst)
}

// Redact returns text with what Scan finds hidden in place, or text itself, without
// allocating, when there is nothing to hide. Redact of its own output returns it
// unchanged.
func (sc Scanner) Redact(text string, names []string) string {
	return sc.s.redact(text, names)
}
