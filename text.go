package pii

import (
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/ef8f9424/pii/internal/freetext"
)

// A Finding is one piece of personal data found in free text: its kind and where it sits,
// as byte offsets into the scanned Go string (text[Start:End] is the value). A Finding
// deliberately holds no copy of the value, so that findings can be logged or kept
// without keeping the personal data itself.
type Finding struct {
	Kind  Kind `json:"kind"`
	Start int  `json:"start"`
	End   int  `json:"end"`
}

// Leniency says how sure the free-text scanner must be before it calls a run of digits a
// phone number. The zero value, LeniencyValid, is the default.
type Leniency uint8

// The leniencies, from strict to lax.
const (
	// LeniencyValid reports only numbers that are valid for their country: the number
	// range is assigned, as libphonenumber's metadata says. It is the default.
	LeniencyValid Leniency = iota
	// LeniencyPossible reports every number whose length is possible for its country,
	// assigned or not. It finds more and hides more: choose it to fail closed.
	LeniencyPossible
)

var scanLeniencyNames = [...]string{LeniencyValid: "valid", LeniencyPossible: "possible"}

// String returns "valid" or "possible", the spellings ParseLeniency reads.
func (l Leniency) String() string {
	if int(l) < len(scanLeniencyNames) {
		return scanLeniencyNames[l]
	}
	return fmt.Sprintf("Leniency(%d)", uint8(l))
}

// ErrUnknownLeniency is returned, wrapped, by ParseLeniency for a name that is no leniency.
var ErrUnknownLeniency = errors.New("unknown leniency")

// ErrUnknownRegion is returned, wrapped, when a region code given for phone numbers is not
// one that the phone metadata knows (regions are CLDR codes such as "US" or "DE").
var ErrUnknownRegion = errors.New("unknown region")

// ParseLeniency returns the leniency spelled s: "valid" or "possible", in any case, so
// that a leniency can come from configuration.
func ParseLeniency(s string) (Leniency, error) {
	for l, name := range scanLeniencyNames {
		if strings.EqualFold(s, name) {
			return Leniency(l), nil
		}
	}
	return LeniencyValid, errorf("pii: %w %q%s (want valid or possible)", ErrUnknownLeniency, s,
		hint(s, scanLeniencyNames[:]))
}

// WithLeniency sets how sure the free-text finder must be that digits are a phone
// number: LeniencyValid (the default) asks phonenumbers whether the number is valid for
// its region; LeniencyPossible only whether its length is possible, which finds more and
// is much faster.
func WithLeniency(l Leniency) Option {
	return func(p *Policy) error {
		if l > LeniencyPossible {
			return errorf("pii: WithLeniency: %w: %w", ErrOption, ErrUnknownLeniency)
		}
		p.leniency = l
		return nil
	}
}

// Scan returns the personal data found in text under the default Policy. See
// Policy.Scan.
func Scan(text string) []Finding { return defaultPolicy.Scan(text) }

// RedactText hides the personal data found in text under the default Policy. See
// Policy.RedactText.
func RedactText(text string) string { return defaultPolicy.RedactText(text) }

// Scan returns the personal data found in free text (a message body, a log message):
// phone numbers (validated with phonenumbers; national ones in the WithRegion region or,
// without one, in a set of default regions), email addresses, payment card numbers
// (issuer prefix and Luhn), IBANs (length and mod 97), IPv4 and IPv6 addresses, and
// national identifiers whose check digits pass (kind govid: US SSN, UK NINO, Canadian
// SIN, Brazilian CPF and CNPJ, Indian Aadhaar and PAN, Spanish DNI and NIE, French NIR,
// Italian codice fiscale, Dutch BSN, German tax ID). Findings are sorted, never overlap,
// and give byte offsets into text. Digits that merely look like data (order numbers,
// dates, times, money, versions) are not reported. FREETEXT.md describes the shapes
// found and measures precision and recall.
func (p *Policy) Scan(text string) []Finding {
	return p.orDefault().scanner.scan(text, nil, nil)
}

// ScanSeq is Scan as an iterator, for a loop that may stop early.
func (p *Policy) ScanSeq(text string) iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		for _, f := range p.Scan(text) {
			if !yield(f) {
				return
			}
		}
	}
}

// RedactText returns text with the personal data Scan finds hidden in place: a phone
// number keeps its format and loses its last four digits to X, an email its local part,
// a card all but its first six and last four digits. What it writes is never found
// again, so RedactText of its own output returns it unchanged, for every text. When the
// finder runs out of its budget on a long run of digits, the rest of the run loses
// every digit: it fails closed. Text with nothing to hide is returned as it is, without
// allocating.
func (p *Policy) RedactText(text string) string {
	return p.orDefault().scanner.redact(text, nil)
}

// scanRedact hides, in a redact=scan field, what Scan finds and the record's own names.
func (p *Policy) scanRedact(text string, names []string) string {
	return p.orDefault().scanner.redact(text, names)
}

// textScanner is the free-text finder of package freetext as this package uses it: New
// builds it from the Policy's region, leniency and owned numbers, and it reports its
// findings in this package's kinds. It is immutable and safe for concurrent use.
type textScanner struct{ ft freetext.Scanner }

// textLeniencies maps each Leniency to the finder's.
var textLeniencies = [...]freetext.Leniency{
	LeniencyValid:    freetext.LeniencyValid,
	LeniencyPossible: freetext.LeniencyPossible,
}

// textKinds maps each kind the finder reports to the Kind of the same spelling.
var textKinds = [...]Kind{
	freetext.KindPhone:   KindPhone,
	freetext.KindEmail:   KindEmail,
	freetext.KindName:    KindName,
	freetext.KindIP:      KindIP,
	freetext.KindCard:    KindCard,
	freetext.KindAccount: KindAccount,
	freetext.KindGovID:   KindGovID,
}

// newTextScanner returns the finder for text written in region ("US"; "" when unknown)
// at leniency l, which neither reports nor hides the numbers in owned. Its errors wrap
// ErrUnknownLeniency or ErrUnknownRegion.
func newTextScanner(region string, l Leniency, owned maskOwned) (*textScanner, error) {
	if l > LeniencyPossible {
		return nil, errorf("pii: %w %d", ErrUnknownLeniency, uint8(l))
	}
	var isOwned func(string) bool
	if !owned.empty() {
		isOwned = owned.has
	}
	ft, err := freetext.New(region, textLeniencies[l], isOwned)
	switch {
	case errors.Is(err, freetext.ErrUnknownRegion):
		// The code is named: a region code is configuration, not personal data.
		return nil, errorf("pii: %w %q", ErrUnknownRegion, region)
	case err != nil:
		return nil, errorf("pii: free-text finder: %w", err)
	}
	return &textScanner{ft}, nil
}

// scan appends to dst the personal data found in text, sorted by Start and without
// overlaps, and returns the extended slice. names are the record's own name values,
// which are found wherever they appear in the text. It allocates at most once, to
// grow dst.
func (s *textScanner) scan(text string, names []string, dst []Finding) []Finding {
	var buf [16]freetext.Finding
	fs := s.ft.Scan(text, names, buf[:0])
	if need := len(dst) + len(fs); need > cap(dst) {
		// Not slices.Grow, which allocates twice under the race detector.
		dst = append(make([]Finding, 0, need), dst...)
	}
	for _, f := range fs {
		dst = append(dst, Finding{Kind: textKinds[f.Kind], Start: f.Start, End: f.End})
	}
	return dst
}

// redact returns text with what scan finds hidden in place (see Policy.RedactText).
func (s *textScanner) redact(text string, names []string) string {
	return s.ft.Redact(text, names)
}
