package freetext

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// A textScanner finds personal data in free text. It is immutable once built and safe
// for concurrent use.
type textScanner struct {
	region   string // CLDR region for numbers written without a country code; "" if unknown
	leniency Leniency
	nanpa    bool // the region dials +1 (US, CA, ...): ten-digit national numbers
	// trunk is the region's trunk prefix when its national numbers are written with
	// it ("0" in DE, GB, FR...): digits in one piece without it are no phone number
	// there. "" where numbers are also written without one (NANPA, ES, IT...).
	trunk string
	cc    int32 // the region's calling code, 0 without a region
	// owned reports the service's own numbers (pii's WithOwnedNumbers): not personal
	// data, so neither reported nor hidden; nil when there are none. Set once by New,
	// before the scanner is shared.
	owned func(number string) bool
}

// newTextScanner returns a scanner for text written in region ("US"; "" or "ZZ" when
// unknown, in which case only numbers with a country code count as phones).
func newTextScanner(region string, leniency Leniency) (*textScanner, error) {
	if leniency > LeniencyPossible {
		return nil, fmt.Errorf("%w %d", ErrUnknownLeniency, uint8(leniency))
	}
	region = strings.ToUpper(region)
	if region == "ZZ" {
		region = ""
	}
	if region != "" && !phonenumbers.GetSupportedRegions()[region] {
		// The code is named: a region code is configuration, not personal data.
		return nil, fmt.Errorf("%w %q", ErrUnknownRegion, region)
	}
	nanpa := region != "" && phonenumbers.GetCountryCodeForRegion(region) == 1
	trunk := ""
	if region != "" && !scanBareTrunkOK[region] {
		trunk = phonenumbers.GetNddPrefixForRegion(region, true)
	}
	cc := int32(0)
	if region != "" {
		cc = int32(phonenumbers.GetCountryCodeForRegion(region))
	}
	return &textScanner{region: region, leniency: leniency, nanpa: nanpa, trunk: trunk, cc: cc}, nil
}

// scan appends to dst the personal data found in text, sorted by Start and without
// overlaps, and returns the extended slice. names are the record's own name values,
// which are hidden wherever they appear in the text.
func (s *textScanner) scan(text string, names []string, dst []Finding) []Finding {
	dst, _, _ = s.scanAll(text, names, dst)
	return dst
}

// scanAll is scan, also reporting whether overlapping findings were dropped, and
// whether the text was read a second time, as a reader sees it (scanVisible), so that
// a finding may hold markup.
func (s *textScanner) scanAll(text string, names []string, dst []Finding) (fs []Finding, dropped, reread bool) {
	base := len(dst)
	dst, invisible := s.scanPass(text, dst)
	if invisible {
		// Characters that show nothing split what a reader sees as one number or
		// address ("4111\u200b1111...", "<b>415</b>-555-2671"): the detectors read
		// the text as a reader sees it, and the findings are mapped back onto text,
		// where they hold them. Those of the first pass are kept too: markup read as
		// nothing may have joined what a reader sees apart.
		dst = s.scanVisible(text, dst)
	}
	if len(names) > 0 {
		dst = scanNames(text, names, dst)
	}
	found := len(dst)
	dst = scanResolve(dst, base)
	dropped = len(dst) < found
	if s.owned != nil {
		kept := dst[:base]
		for _, f := range dst[base:] {
			if f.Kind != KindPhone || !s.owned(text[f.Start:f.End]) {
				kept = append(kept, f)
			}
		}
		dst = kept
	}
	return dst, dropped, invisible
}

// scanFullWidthASCIIAt returns the ASCII character whose full-width form (U+FF01 to
// U+FF5E) starts at text[j], and whether one does.
func scanFullWidthASCIIAt(text string, j int) (byte, bool) {
	if j+2 >= len(text) || text[j] != 0xEF {
		return 0, false
	}
	switch d, e := text[j+1], text[j+2]; {
	case d == 0xBC && e >= 0x81 && e <= 0xBF:
		return 0x21 + (e - 0x81), true
	case d == 0xBD && e >= 0x80 && e <= 0x9E:
		return 0x60 + (e - 0x80), true
	}
	return 0, false
}

// scanPass is the single pass over the bytes of text: it skips quickly over bytes that
// cannot start a finding and hands the others to the detectors. It also reports whether
// text holds an invisible character (scanInvisibleAt) or a full-width form of ASCII,
// which may hide a finding from this pass (see scanVisible).
func (s *textScanner) scanPass(text string, dst []Finding) ([]Finding, bool) {
	st := scanState{digitEnd: -1}
	invisible := false
	for i := 0; i < len(text); {
		c := text[i]
		if !scanTrigger[c] {
			for i++; i < len(text) && !scanTrigger[text[i]]; i++ {
			}
			continue
		}
		switch {
		case c == '@':
			dst = scanEmailAt(text, i, 1, dst)
			i++
		case c == ':':
			if i >= st.ipv6Done {
				dst, st.ipv6Done = scanIPv6At(text, i, dst)
			}
			i++
		case c-'0' < 10:
			// The run of ASCII digits is read once: its detectors are told where it
			// ends, and the rest of it starts nothing new.
			end := i + 1
			for end < len(text) && text[end]-'0' < 10 {
				end++
			}
			if i != st.digitEnd { // the first digit of a run
				dst = s.scanNumberAt(text, i, end, &st, dst)
			}
			i = end
			st.digitEnd = i
		case scanSplitClass[c] != 0:
			// Markup, a line break, an escape, glue or markdown may split what a
			// reader sees as one value ("<b>415</b>-555-2671", "415\n555-2671",
			// "415_555_2671"): the text is then read again as a reader sees it
			// (scanVisible).
			var split bool
			i, split = scanSplitAfter(text, i, invisible)
			invisible = invisible || split
		case c == 0xC2 || c == 0xE2:
			// Typographic quotes and dashes start with these bytes too: only an
			// invisible character is looked for, and a space or dash of Unicode between
			// two ASCII digits ("123\u00a045\u00a06789"), which the identifier
			// finders read only as ASCII (scanVisible reads it so).
			if n := scanInvisibleAt(text, i); n > 0 {
				invisible = true
				i += n
				continue
			}
			if n, _ := scanCardWideSepAt(text, i); n > 0 && i > 0 && text[i-1]-'0' < 10 && i+n < len(text) && text[i+n]-'0' < 10 {
				invisible = true
				i += n
				continue
			}
			i++
		default:
			if _, ok := scanFullWidthASCIIAt(text, i); ok {
				// A full-width letter, digit or sign (ＳＳＮ １２３): most detectors read
				// ASCII, so the text is read again as a reader sees it (scanVisible).
				invisible = true
			}
			if _, n := scanWideDigitAt(text, i); n > 0 {
				if i != st.digitEnd { // the first digit of a run
					dst = s.scanNumberAt(text, i, i, &st, dst)
				}
				i += n
				st.digitEnd = i
				continue
			}
			if c >= 0xC0 && c != 0xEF {
				i++ // the lead byte of a letter of another script, no digit: nothing starts
				continue
			}

			if n := scanAtSignAt(text, i); n > 0 { // "＠" or "%40"
				dst = scanEmailAt(text, i, n, dst)
				i += n
				continue
			}
			if c == '[' || c == '{' || c == '(' {
				// "jane [at] example [dot] com": an address kept from harvesters.
				if n := scanObfuscatedWordAt(text, i, "at"); n > 0 {
					dst, _ = scanObfuscatedEmailAt(text, i, dst)
					i += n
					continue
				}
			}
			if n := scanIsPlusAt(text, i) + scanOpenParenAt(text, i); n > 0 {
				if i >= st.phoneDone {
					dst, st.phoneDone = s.scanPhoneAt(text, i, &st.region, dst)
				}
				i += n
				continue
			}
			if scanURLEscapeAt(text, i) {
				i += 3 // "%20", "%2C": the digits of a URL escape start no number
				continue
			}
			if n := scanInvisibleAt(text, i); n > 0 {
				invisible = true
				i += n
				continue
			}
			i++
		}
	}
	return dst, invisible
}

// scanState remembers how far each detector has already looked, so that no region of
// text is examined twice by the same detector.
type scanState struct {
	phoneDone int // the phone detector has looked at text[:phoneDone]
	ipv6Done  int // the IPv6 detector has looked at text[:ipv6Done]
	digitEnd  int // the end of the last digit seen
	cardDone  int // the card detector has looked at text[:cardDone]
	// dst[cardLo:cardHi] are the cards of the last run not yet passed by the scan.
	cardLo, cardHi int
	// region is the phone detector's working space, kept for the whole pass so that
	// it is cleared once, not at every candidate.
	region scanRegion
}

// scanNumberAt runs the detectors that start at a digit at text[i]; text[i:end] are
// ASCII digits, and text[end] is none (end is i when text[i] is a digit of another
// script).
func (s *textScanner) scanNumberAt(text string, i, end int, st *scanState, dst []Finding) []Finding {
	if i >= st.cardDone {
		// The card detector looks at the whole run of digit groups at once.
		n := len(dst)
		if end > i && (end == len(text) || text[end] < 0x80) {
			// The first group is the ASCII run: no digit of another script goes on.
			dst, st.cardDone = scanCardRunFrom(text, i, end, end-i, dst)
		} else {
			dst, st.cardDone = scanCardRun(text, i, dst)
		}
		st.cardLo, st.cardHi = n, len(dst)
	}
	if end > i {
		n := len(dst)
		dst = scanGovIDRun(text, i, end-i, dst)
		if end-i <= 3 { // an IPv4 address has at most three digits in a row
			dst = scanIPv4At(text, i, dst)
		}
		dst = scanIBANAt(text, i, dst)
		if len(dst) > n {
			// A checksummed or structured number starts here: no phone number can
			// start inside it, and the costly phone check is spared.
			st.phoneDone = max(st.phoneDone, dst[len(dst)-1].End)
		}
	}
	// Nor inside a card of the run, wherever in the run the card starts.
	for st.cardLo < st.cardHi && dst[st.cardLo].End <= i {
		st.cardLo++
	}
	if st.cardLo < st.cardHi && dst[st.cardLo].Start <= i {
		st.phoneDone = max(st.phoneDone, dst[st.cardLo].End)
	}
	if i >= st.phoneDone {
		dst, st.phoneDone = s.scanPhoneAt(text, i, &st.region, dst)
	}
	return dst
}

// scanTrigger marks the bytes that can start a finding (or a digit, in UTF-8): the scan
// looks closer only at these.
var scanTrigger = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['+'] = true
	t['@'] = true
	t[':'] = true
	t['('] = true
	t['%'] = true // "%2B" and "%40": a plus sign and an at sign, URL-encoded
	t['['] = true // "[at]", "{at}" (and "(at)"): an at sign kept from harvesters
	t['{'] = true
	for c, class := range scanSplitClass {
		t[c] = t[c] || class != 0 // markup, line breaks and glue that may split a value
	}
	t[0xEF] = true // full-width forms: ０-９, ＋, （; the byte order mark
	t[0xC2] = true // the soft hyphen (see scanInvisibleAt)
	t[0xE2] = true // zero-width spaces and joiners, the word joiner
	t[0xD9] = true // Arabic-Indic digits
	t[0xDB] = true // Extended Arabic-Indic digits
	for _, c := range []byte{0xDF, 0xE0, 0xE1, 0xEA, 0xF0} {
		t[c] = true // the digits of other scripts (see scanOtherDigit)
	}
	return t
}()

// The classes of the bytes that may split what a reader sees as one value
// (scanSplitsValueAt): one that does so by itself, or a run of one repeated.
const (
	scanSplitOne = 1 + iota // '&', '<', '\\', a line break
	scanSplitRun            // '*', '_', '`'
)

// scanSplitClass gives the class of each byte that may split a value, 0 for the others.
var scanSplitClass = [256]uint8{
	'&': scanSplitOne, '<': scanSplitOne, '\\': scanSplitOne, '\n': scanSplitOne, '\r': scanSplitOne,
	'*': scanSplitRun, '_': scanSplitRun, '`': scanSplitRun,
}

// scanContinuation returns how many UTF-8 continuation bytes follow text[i-1].
func scanContinuation(text string, i int) int {
	n := 0
	for i+n < len(text) && text[i+n]&0xC0 == 0x80 && n < 3 {
		n++
	}
	return n
}

// scanSpecificity ranks kinds for overlapping findings of equal length: the more
// specific (checksummed, structured) kind wins.
func scanSpecificity(k Kind) int {
	switch k {
	case KindCard:
		return 7
	case KindAccount:
		return 6
	case KindGovID:
		return 5
	case KindEmail:
		return 4
	case KindIP:
		return 3
	case KindPhone:
		return 2
	case KindName:
		return 1
	}
	return 0
}

// scanResolve sorts dst[base:] by Start and drops overlaps: of two overlapping findings
// it keeps the longer one and, for equal lengths, the more specific kind; two
// overlapping email addresses become one.
func scanResolve(dst []Finding, base int) []Finding {
	fs := dst[base:]
	apart := true // in order and apart, as the pass mostly finds them: nothing to do
	for k := 1; k < len(fs) && apart; k++ {
		apart = fs[k].Start >= fs[k-1].End
	}
	if apart {
		return dst
	}
	slices.SortFunc(fs, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return scanBetter(a, b)
	})
	kept := fs[:1]
	for _, f := range fs[1:] {
		last := &kept[len(kept)-1]
		if f.Start >= last.End {
			kept = append(kept, f)
			continue
		}
		// f overlaps only the last kept finding: every earlier one ends before last starts,
		// and f starts no earlier than last.
		if f.Kind == KindEmail && last.Kind == KindEmail {
			// One address's local part reads back into another's domain
			// ("jane@example.com*bob@example.com"): hidden as one, or the one that
			// lost would keep its local part, and no later pass finds it without
			// its domain.
			last.End = max(last.End, f.End)
			continue
		}
		if scanBetter(f, *last) < 0 {
			*last = f
		}
	}
	return dst[:base+len(kept)]
}

// scanBetter orders findings by preference: negative when a is better than b.
func scanBetter(a, b Finding) int {
	if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
		return lb - la
	}
	return scanSpecificity(b.Kind) - scanSpecificity(a.Kind)
}
