package pii

import (
	"iter"
)

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
