package pii_test

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ef8f9424/pii"
	"github.com/nyaruka/phonenumbers"
)

// A gtMarker is one value the guarantee test put into a record, and what an output may or
// must show of it. A PII marker's search strings are the parts its kind's mask must hide
// (a phone number up to its first hidden digit, an email's local part, a card's middle
// digits, every word of a name): none may appear in any output. A Not PII marker's search
// strings must appear in every output that shows its field.
type gtMarker struct {
	pii    bool     // personal data: no search string may appear
	appear bool     // Not PII that must appear where visible
	kind   pii.Kind // the kind, for PII
	plain  []string // the search strings as printed
	hex    []string // as %x and %X print them
	bytes  []string // as fmt prints a []byte or net.IP holding them
	raw    string   // the value as written, for reports
	path   string   // where it sits in the value: ".F3[0](GtContact).ContactPhone"
	shape  string   // the path's steps: "any{no}>GtContact>phone:string"
	causes []string // the steps that decide how it is reached, most decisive first (gtCauses)
	// confounds counts the causes the path has: an example with fewer shows its class
	// more clearly.
	confounds int
	// visJSON and visFmt say whether encoding/json and fmt show the field at all
	// (exported, not behind a nested pointer for fmt, not inside a type whose own
	// methods print it).
	visJSON, visFmt bool
	late            bool // put into the caller's value after the log call
}

// gtWordLetters are the letters of random words: no 'x', which masks read as a hidden
// digit.
const (
	gtConsonants = "bcdfghjklmnpqrstvwz"
	gtVowels     = "aeiou"
	gtAlnum      = "abcdefghijklmnopqrstuvwz0123456789"
	gtHexDigits  = "0123456789abcdef"
)

// word returns a pronounceable random lower-case word of n letters.
func (g *gtGen) word(n int) string {
	b := make([]byte, n)
	for i := range b {
		if i%2 == 0 {
			b[i] = gtConsonants[g.r.IntN(len(gtConsonants))]
		} else {
			b[i] = gtVowels[g.r.IntN(len(gtVowels))]
		}
	}
	return string(b)
}

// Word is word capitalised, never one that the names an output prints hold ("Label" of
// a holder's field, "Valid" of a sql.NullString), which would be found there as a leak.
func (g *gtGen) Word(n int) string {
	for {
		w := g.word(n)
		w = strings.ToUpper(w[:1]) + w[1:]
		if !slices.ContainsFunc(gtPrintedNames(), func(name string) bool { return strings.Contains(name, w) }) {
			return w
		}
	}
}

// gtPrintedNames are the capitalised names that outputs print of their own: the fields
// of the predeclared types and of the test's holders, and of the standard library's
// types that the records hold.
var gtPrintedNames = sync.OnceValue(func() []string {
	names := []string{"Label", "Safe", "String", "Valid", "Note", "Level"}
	for _, list := range [][]reflect.Type{gtPredeclared, gtEmbeddable, gtKeyTypes} {
		for _, t := range list {
			names = append(names, t.Name())
			for i := range t.NumField() {
				names = append(names, t.Field(i).Name)
			}
		}
	}
	for _, h := range gtHolders {
		names = append(names, h.typ.Name())
		for i := range h.typ.NumField() {
			names = append(names, h.typ.Field(i).Name)
		}
	}
	return names
})

// tok returns n random letters and digits, at least two of each.
func (g *gtGen) tok(n int) string {
	for {
		b := make([]byte, n)
		for i := range b {
			b[i] = gtAlnum[g.r.IntN(len(gtAlnum))]
		}
		s := string(b)
		letters := strings.IndexFunc(s, func(r rune) bool { return r >= 'a' }) >= 0
		digits := strings.IndexFunc(s, func(r rune) bool { return r <= '9' }) >= 0
		if letters && digits {
			return s
		}
	}
}

func (g *gtGen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	b[0] = byte('1' + g.r.IntN(9))
	return string(b)
}

func (g *gtGen) hexGroup() string {
	return string(gtHexDigits[1+g.r.IntN(15)]) + string(gtHexDigits[g.r.IntN(16)]) +
		string(gtHexDigits[g.r.IntN(16)]) + string(gtHexDigits[g.r.IntN(16)])
}

var gtAreaCodes = []string{"212", "415", "646", "312", "617", "206", "303", "512", "702", "213", "305", "404", "503", "612", "718", "818", "917", "202"}

// phone returns a real-looking US number, valid for phonenumbers, in one of the ways
// people write them, and its search strings: the number up to its first hidden digit,
// the hidden digits with the character before them, and the number in E.164.
func (g *gtGen) phone() (raw string, search []string) {
	for {
		area := gtAreaCodes[g.r.IntN(len(gtAreaCodes))]
		nxx := fmt.Sprintf("%d%02d", 2+g.r.IntN(8), g.r.IntN(100))
		if nxx[1:] == "11" || nxx == "555" {
			continue
		}
		line := fmt.Sprintf("%04d", g.r.IntN(10000))
		e164 := "+1" + area + nxx + line
		if !gtValidPhone(e164) {
			continue
		}
		switch g.r.IntN(4) {
		case 0:
			raw = "+1 " + area + "-" + nxx + "-" + line
		case 1:
			raw = "+1 (" + area + ") " + nxx + "-" + line
		case 2:
			raw = e164
		default:
			raw = "+1." + area + "." + nxx + "." + line
		}
		return raw, []string{raw[:len(raw)-3], raw[len(raw)-6:], e164}
	}
}

// gtValidExchanges caches whether phonenumbers says a number of an area code and
// exchange is valid: for the US the last four digits do not change the answer.
var gtValidExchanges sync.Map // "+1AAANNN" -> bool

func gtValidPhone(e164 string) bool {
	if v, ok := gtValidExchanges.Load(e164[:8]); ok {
		return v.(bool)
	}
	num, err := phonenumbers.Parse(e164, "")
	valid := err == nil && phonenumbers.IsValidNumber(num)
	gtValidExchanges.Store(e164[:8], valid)
	return valid
}

// luhn completes digits with a Luhn check digit.
func gtLuhn(digits string) string {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return digits + strconv.Itoa((10-sum%10)%10)
}

// card returns a Luhn-valid Visa or Mastercard number, and the search strings that hold
// its hidden middle digits: everything up to the twelfth digit, and from the seventh on.
func (g *gtGen) card() (raw string, search []string) {
	prefix := "4"
	if g.r.IntN(2) == 0 {
		prefix = "5" + strconv.Itoa(1+g.r.IntN(5))
	}
	d := gtLuhn(prefix + g.digits(15 - len(prefix))[0:15-len(prefix)])
	sep := []string{"", " ", "-"}[g.r.IntN(3)]
	raw = d[0:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:16]
	// Offsets of the seventh digit and just after the twelfth.
	seventh, twelfth, n := 0, 0, 0
	for i := 0; i < len(raw); i++ {
		if raw[i] >= '0' && raw[i] <= '9' {
			n++
			if n == 7 {
				seventh = i
			}
			if n == 12 {
				twelfth = i + 1
			}
		}
	}
	return raw, []string{raw[:twelfth], raw[seventh:]}
}

func (g *gtGen) email() (raw string, search []string) {
	local := g.word(4+g.r.IntN(3)) + "." + g.word(5+g.r.IntN(3)) + g.digits(2)
	domain := []string{"example.com", "mail.example.org", "corp.example.net"}[g.r.IntN(3)]
	return local + "@" + domain, []string{local}
}

func (g *gtGen) name() (raw string, search []string) {
	n := 2 + g.r.IntN(2)
	words := make([]string, n)
	for i := range words {
		words[i] = g.Word(5 + g.r.IntN(4))
	}
	search = append(search, words...)
	if g.r.IntN(6) == 0 { // a hyphenated first name
		w := g.Word(5 + g.r.IntN(3))
		search = append(search, w)
		words[0] += "-" + w
	}
	return strings.Join(words, " "), search
}

func (g *gtGen) ipv4() string {
	first := []int{23, 45, 62, 81, 93, 104, 142, 151, 185, 198, 203}[g.r.IntN(11)]
	return fmt.Sprintf("%d.%d.%d.%d", first, 1+g.r.IntN(254), 1+g.r.IntN(254), 1+g.r.IntN(254))
}

// ip returns an IP address as written and its search strings: an IPv4 address whole (its
// last octet is what the mask hides), the host part of an IPv6 address, and the embedded
// IPv4 address of a 6to4 one.
func (g *gtGen) ip(variants bool) (raw string, search []string, variant string) {
	switch r := g.r.IntN(10); {
	case r < 5:
		raw = g.ipv4()
		search = []string{raw}
		if variants && g.r.IntN(4) == 0 {
			raw += ":8443"
			search = []string{raw[:len(raw)-4]}
			variant = "port"
		}
	case r < 8:
		groups := []string{"2a02"}
		for range 7 {
			groups = append(groups, g.hexGroup())
		}
		raw = strings.Join(groups, ":")
		search = []string{strings.Join(groups[3:], ":")}
	case r < 9 && variants:
		groups := []string{"2002"}
		for range 7 {
			groups = append(groups, g.hexGroup())
		}
		raw = strings.Join(groups, ":")
		search = []string{strings.Join(groups[:3], ":"), strings.Join(groups[3:], ":")}
		variant = "6to4"
	default:
		v4 := g.ipv4()
		raw = "::ffff:" + v4
		search = []string{v4}
		variant = "v4-mapped"
	}
	return raw, search, variant
}

// piiString returns a string of kind k, valid for it, with its search strings, and a
// name for the way it is written when that is one of issue 11's hard cases.
func (g *gtGen) piiString(k pii.Kind, scan bool) (raw string, search []string, variant string) {
	variants := g.variants
	switch k {
	case pii.KindPhone:
		raw, search = g.phone()
		if variants {
			switch g.r.IntN(10) {
			case 0:
				r2, s2 := g.phone()
				raw, search, variant = raw+" / "+r2, append(search, s2...), "two numbers"
			case 1:
				raw, variant = raw+" "+g.digits(2), "digits after"
			case 2:
				raw, variant = raw+" ext. "+g.digits(3), "extension"
			}
		}
	case pii.KindEmail:
		raw, search = g.email()
		if variants && g.r.IntN(10) == 0 {
			n, ns := g.name()
			raw, search, variant = n+" <"+raw+">", append(search, ns...), "display name"
		}
	case pii.KindName:
		raw, search = g.name()
	case pii.KindCard:
		raw, search = g.card()
		if variants {
			switch g.r.IntN(8) {
			case 0:
				mm, yy, cvv := fmt.Sprintf("%02d", 1+g.r.IntN(12)), fmt.Sprintf("%02d", 27+g.r.IntN(9)), g.digits(4)
				raw += " exp " + mm + "/" + yy + " CVV " + cvv
				search, variant = append(search, "exp "+mm+"/"+yy, "CVV "+cvv), "expiry and CVV"
			case 1:
				n, ns := g.name()
				raw, search, variant = raw+" "+strings.ToUpper(n), append(search, upper(ns)...), "holder name"
			}
		}
	case pii.KindIP:
		raw, search, variant = g.ip(variants)
	case pii.KindGovID:
		if g.r.IntN(3) == 0 {
			raw = string(rune('C'+g.r.IntN(20))) + g.digits(8)
		} else {
			raw = fmt.Sprintf("%d-%02d-%04d", 100+g.r.IntN(565), 10+g.r.IntN(90), 1000+g.r.IntN(9000))
		}
		search = []string{raw[:len(raw)-3]}
	case pii.KindAccount:
		bban := g.digits(8) + fmt.Sprintf("%010d", g.r.Int64N(1e10))
		raw = gtIBAN("DE", bban)
		if g.r.IntN(2) == 0 {
			var sb strings.Builder
			for i := 0; i < len(raw); i += 4 {
				if i > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(raw[i:min(i+4, len(raw))])
			}
			raw = sb.String()
		}
		search = []string{raw[:len(raw)-3]}
	case pii.KindAddress:
		street, city := g.Word(7), g.Word(8)
		raw = fmt.Sprintf("%d %s %s, %s", 100+g.r.IntN(9900), street,
			[]string{"Street", "Avenue", "Road", "Lane"}[g.r.IntN(4)], city)
		search = []string{street, city}
	case pii.KindPostal:
		raw = fmt.Sprintf("%05d-%04d", 10000+g.r.IntN(89999), g.r.IntN(10000))
		search = []string{raw, raw[:6]}
	case pii.KindDOB:
		y, m, d := 1935+g.r.IntN(65), 2+g.r.IntN(11), 10+g.r.IntN(19)
		month := time.Month(m).String()
		switch g.r.IntN(6) {
		case 0:
			raw = fmt.Sprintf("%02d/%02d/%d", m, d, y)
		case 1:
			raw = fmt.Sprintf("%02d.%02d.%d", d, m, y)
		case 2:
			raw = fmt.Sprintf("%s %d, %d", month, d, y)
			search = []string{fmt.Sprintf("%s %d", month, d)}
		case 3:
			raw = fmt.Sprintf("%d%02d%02d", y, m, d)
		case 4:
			raw = fmt.Sprintf("%d-%02d-%02dT%02d:%02d:00Z", y, m, d, g.r.IntN(24), g.r.IntN(60))
		default:
			raw = fmt.Sprintf("%d-%02d-%02d", y, m, d)
		}
		search = append(search, raw)
	case pii.KindGeo:
		lat := gtDecimal(g.r.IntN(170)-85, g.r.IntN(1_000_000))
		lng := gtDecimal(g.r.IntN(340)-170, g.r.IntN(1_000_000))
		raw, search = lat+","+lng, []string{lat, lng}
	case pii.KindDevice:
		switch g.r.IntN(3) {
		case 0:
			raw = gtLuhn(g.digits(14))
		case 1:
			b := make([]string, 6)
			for i := range b {
				b[i] = g.hexGroup()[:2]
			}
			raw = strings.Join(b, ":")
		default:
			raw = g.hexGroup() + g.hexGroup() + "-" + g.hexGroup() + "-4" + g.hexGroup()[1:] + "-a" + g.hexGroup()[1:] + "-" + g.hexGroup() + g.hexGroup() + g.hexGroup()
		}
		search = []string{raw}
	case pii.KindURL:
		user, tok, q := g.tok(8), g.tok(9), g.tok(10)
		pw := g.tok(8)
		search = []string{user, pw, tok, q}
		if variants && g.r.IntN(4) == 0 {
			a, b, c := g.tok(6), g.tok(6), g.tok(6)
			pw += []string{"#", "/", "?"}[g.r.IntN(3)] + a + []string{"#", "/", "?"}[g.r.IntN(3)] + b + "?" + c
			search = append(search, a, b, c)
			variant = "password with # / ?"
		}
		raw = "https://" + user + ":" + pw + "@h" + g.word(5) + ".example.com/u/" + tok + "?s=" + q
	case pii.KindHealth:
		a, b := g.word(7), g.word(8)
		raw, search = "dx "+a+" "+b, []string{a, b}
	case pii.KindBiometric:
		h := g.hexGroup() + g.hexGroup() + g.hexGroup() + g.hexGroup() + g.hexGroup() + g.hexGroup()
		raw, search = "vp:"+h, []string{h}
	case pii.KindBody:
		if scan {
			p, ps := g.phone()
			e, es := g.email()
			c, cs := g.card()
			raw = "Please call " + p + " or mail " + e + " about card " + c + " thanks " + g.word(6)
			search, variant = append(append(ps, es...), cs...), "redact=scan"
		} else {
			a, b, c := g.word(7), g.word(6), g.word(8)
			raw, search = "msg "+a+" "+b+" "+c, []string{a, b, c}
		}
	case pii.KindSecret:
		t := g.tok(12)
		raw, search = "pw-"+t, []string{t}
	default: // generic
		t := g.tok(12)
		raw, search = "gen-"+t, []string{t}
	}
	return raw, search, variant
}

func upper(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToUpper(s)
	}
	return out
}

// gtIBAN completes an IBAN with its mod-97 check digits.
func gtIBAN(country, bban string) string {
	var sb strings.Builder
	for _, c := range bban + country + "00" {
		if c >= 'A' && c <= 'Z' {
			sb.WriteString(strconv.Itoa(int(c-'A') + 10))
		} else {
			sb.WriteRune(c)
		}
	}
	rem := 0
	for _, c := range sb.String() {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return fmt.Sprintf("%s%02d%s", country, 98-rem, bban)
}

// gtDecimal writes whole.frac with six decimals whose last is not 0, so that strconv
// and fmt print the float it parses to exactly so.
func gtDecimal(whole, frac int) string {
	if frac%10 == 0 {
		frac++
	}
	sign := ""
	if whole < 0 {
		sign, whole = "-", -whole
	}
	return fmt.Sprintf("%s%d.%06d", sign, whole, frac)
}

// gtTime returns a time whose nanoseconds are nine digits ending in a non-zero one, in a
// year of [from, from+n), and the nanoseconds and date as search strings.
func (g *gtGen) gtTime(from, n int) (time.Time, []string) {
	ns := 100_000_000 + g.r.IntN(900_000_000)
	if ns%10 == 0 {
		ns++
	}
	t := time.Date(from+g.r.IntN(n), time.Month(2+g.r.IntN(11)), 2+g.r.IntN(27),
		g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), ns, time.UTC)
	return t, []string{strconv.Itoa(ns), t.Format("2006-01-02")}
}

// hexForms returns ss as %x and %X print them.
func hexForms(ss []string) []string {
	out := make([]string, 0, 2*len(ss))
	for _, s := range ss {
		h := hex.EncodeToString([]byte(s))
		out = append(out, h, strings.ToUpper(h))
	}
	return out
}

// byteForms returns ss as fmt prints a []byte holding them: %v as decimal numbers, %#v
// as 0x literals.
func byteForms(ss []string) []string {
	out := make([]string, 0, 2*len(ss))
	for _, s := range ss {
		if len(s) < 3 {
			continue
		}
		dec, lit := make([]string, len(s)), make([]string, len(s))
		for i := 0; i < len(s); i++ {
			dec[i] = strconv.Itoa(int(s[i]))
			lit[i] = fmt.Sprintf("0x%x", s[i])
		}
		out = append(out, strings.Join(dec, " "), strings.Join(lit, ", "))
	}
	return out
}

// gtSeedRand makes the random source of one record.
func gtSeedRand(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}
