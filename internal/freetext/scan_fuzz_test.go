package freetext

import (
	"strings"
	"testing"
)

func FuzzScan(f *testing.F) {
	seeds := []string{
		"Call +1 (415) 666-7777 ext. 503 or jane.doe@example.com",
		"card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789",
		"from 203.0.113.45 and 2001:db8:85a3::8a2e:370:7334",
		"携帯：０９０－１２３４－５６７８ رقمي ٠٥٠١٢٣٤٥٦٧",
		"On 2024-01-15 at 10:30 pay $1,234,567.00 (v1.2.3.4)",
		"Jane Doe and josé@bücher.de",
		"\xff\xfe+1 415\x80666 7777",
		"0~0 1800 7493 524 ~1234 (0xx) 123456789",
		"4539148803436467 4111111111111111 (415) 555-2671, 4539 1488 0343 6467 5555 5555 5555 4444 123",
		"phone=%2B1%20415%20555%202671&alt=%28415%29%20555%2D2671, (4155552671) 4155552671,4155552672",
		"**415-555-2671** *+1 415 555 2671* 4111 11** **** 1111 **4111 11** **** 1111**",
		"4111\u00a01111\u00a01111\u00a01111 4111 - 1111 - 1111 - 1111 DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000",
		"415\u200b555\u200b2671 jane\u200b@example.com 4111\u200b1111\u200b1111\u200b1111 \ufeff\u00ad 415・555・2671",
		"+1 ४१५ ५५५ २६७१ 𝟒𝟏𝟓-𝟓𝟓𝟓-𝟐𝟔𝟕𝟏 ४१११ ११११ ११११ ११११ โทร +66 ๘๑ ๒๓๔ ๕๖๗๘",
		"ip=192.168.001.010 from 172.216.100.123:22 0.4155552671 +1.4155552671 37.4155552671",
		"taro.@docomo.ne.jp jane@example。co。jp jane [at] example [dot] com x(at)y.io {at} [AT]",
		"SSN １２３４５６７８９ ＤＥ８９３７０４００４４０５３２０１３０００ １０．０．０．１ ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ",
	}
	seeds = append(seeds,
		// Numbers split by line breaks, glue, markup, references and escapes; a hash
		// sign; bare Chinese mobiles; spaced at signs and hosts with no dot.
		"415\n555-2671 415-555-\r\n2671 12\n34\n56 415_555_2671 415*555*2671 **415**-555-2671 `415`-555-2671",
		"&#43;1 415 555 2671 &#x34;15-555-&#50;&#54;&#55;&#49; 415&nbsp;555&#8209;2671 4111&#32;1111&#32;1111&#32;1111",
		"<b>415</b>-555-2671 <span>415</span> <span>555</span> <span>2671</span> <h2>415</h2>555 <!-- x --> jane<b>@</b>x.io",
		"415\\n555-2671 415\\u00a0555\\u00a02671 \\u002B1 415 555 2671 415\\-555\\-2671 jane\\u0040example.com",
		"#4155552671 #415-555-2671 issue #12345 13800138000 order 13800138000 jane @ example.com jane@localhost root@db",
	)
	for _, s := range seeds {
		f.Add(s, "Jane Doe", false)
	}
	f.Add("ＪＯＳＥ met Josephine", "José", true)
	f.Add("ask **Jane** or *Jane Doe*, _doe_, __JANE__, ~~Jane~~, `Jane`; not Janet", "Jane Doe", false)
	f.Add("mail **janet_**@example.com, a*b@x.io, ***@example.com, email=***@example.com", "Janet", false)
	// Runes whose lower case has another length, before a label: İ, ẞ, Ⱥ, the Kelvin sign.
	f.Add("\u0130\u1e9e\u023a\u023a\u212a SSN 123456789 \u212a\u212a BSN 123456782", "", false)
	// Each input goes through a scanner for US text and one with no region (national
	// numbers read in the default regions), at the leniency the input picks.
	var scanners [2][2]*textScanner
	for k, l := range []Leniency{LeniencyValid, LeniencyPossible} {
		for r, region := range []string{"US", ""} {
			s, err := newTextScanner(region, l)
			if err != nil {
				f.Fatal(err)
			}
			scanners[k][r] = s
		}
	}
	f.Fuzz(func(t *testing.T, text, name string, possible bool) {
		k := 0
		if possible {
			k = 1
		}
		var names []string
		if name != "" {
			names = []string{name}
		}
		for _, s := range scanners[k] {
			scanCheckProperties(t, s, text, names)
		}
	})
}

// scanCheckProperties checks what holds for every text: findings are sorted, on rune
// boundaries and never overlap; redaction hides each of them and is a fixed point.
func scanCheckProperties(t *testing.T, s *textScanner, text string, names []string) {
	t.Helper()
	fs := s.scan(text, names, nil)
	// Rune boundaries as a range loop sees them: an invalid byte is a rune of its own.
	boundary := map[int]bool{len(text): true}
	for i := range text {
		boundary[i] = true
	}
	prevEnd := 0
	for _, fd := range fs {
		if fd.Start < prevEnd || fd.End <= fd.Start || fd.End > len(text) {
			t.Fatalf("finding %+v out of order or bounds (previous end %d, len %d) in %q", fd, prevEnd, len(text), text)
		}
		if !boundary[fd.Start] || !boundary[fd.End] {
			t.Fatalf("finding %+v is not on rune boundaries in %q", fd, text)
		}
		prevEnd = fd.End
	}
	red := s.redact(text, names)
	if len(fs) == 0 && red != text {
		t.Fatalf("redact changed %q to %q without findings", text, red)
	}
	for _, fd := range fs {
		// Each finding's mask hides something of it.
		v := text[fd.Start:fd.End]
		var b strings.Builder
		scanMask(&b, fd.Kind, v, true)
		if b.String() == v {
			t.Fatalf("the mask of %v %q in %q hides nothing", fd.Kind, v, text)
		}
	}
	if again := s.scan(red, names, nil); len(again) != 0 {
		t.Fatalf("scan(redact(%q)) = %q finds %v", text, red, scanFoundIn(red, again))
	}
	if again := s.redact(red, names); again != red {
		t.Fatalf("redact is not a fixed point: %q -> %q -> %q", text, red, again)
	}
}
