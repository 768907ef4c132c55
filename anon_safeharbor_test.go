package pii

import (
	"net"
	"net/netip"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// safeHarborNow is the time the tests anonymise at: a birth year of 1935 or earlier
// implies an age over 89.
var safeHarborNow = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)

func TestSafeHarborString(t *testing.T) {
	tests := []struct {
		kind  Kind
		st    anonStrategy
		in    string
		want  string
		about string
	}{
		{KindDOB, anonDefault, "1990-05-17", "1990", "(C): the year of birth stays"},
		{KindDOB, anonGeneralize, "05/17/1990", "1990", "(C)"},
		{KindDOB, anonDefault, "1930-03-01", "90 or older", "(C): a year that implies an age over 89"},
		{KindDOB, anonDefault, "1935", "90 or older", "(C): 2025-1935 is 90"},
		{KindDOB, anonDefault, "1936", "1936", "(C): 89 at most"},
		{KindDOB, anonDefault, "90 or older", "90 or older", "idempotent"},
		{KindDOB, anonDefault, "17th of May", "", "unreadable: removed"},
		{KindDOB, anonDrop, "1990-05-17", "", "anon=drop removes more"},
		{KindDate, anonDefault, "2024-02-29T10:30:00Z", "2024", "(C): an admission keeps its year"},
		{KindDate, anonDefault, "Feb 29, 2024", "2024", "(C)"},
		{KindDate, anonDefault, "2024", "2024", "idempotent"},
		{KindDate, anonDefault, "yesterday", "", "unreadable: removed"},
		{KindAge, anonDefault, "42", "42", "(C): ages up to 89 stay"},
		{KindAge, anonDefault, "89", "89", "(C)"},
		{KindAge, anonDefault, "90", "90 or older", "(C)"},
		{KindAge, anonDefault, "104", "90 or older", "(C)"},
		{KindAge, anonDefault, "90 or older", "90 or older", "idempotent"},
		{KindAge, anonDefault, "forty", "", "no age: removed"},
		{KindPostal, anonDefault, "94105-1234", "941", "(B): three digits"},
		{KindPostal, anonGeneralize, "03601", "000", "(B)(2): a restricted area"},
		{KindPostal, anonDefault, "20501", "000", "(B)(2): 205, from the 2010 Census"},
		{KindPostal, anonDefault, "36901", "000", "(B)(2): 369, from the 2010 Census"},
		{KindPostal, anonDefault, "SW1A 1AA", "000", "no US ZIP code: nothing of it"},
		{KindPostal, anonDefault, "941", "941", "idempotent"},
		{KindGeo, anonDefault, "37.7749,-122.4194", "", "(B): no precision below a state"},
		{KindGeo, anonGeneralize, "37.7749,-122.4194", "", "(B): generalize cannot keep a decimal"},
		{KindIP, anonDefault, "203.0.113.42", "", "(O): removed, not /24"},
		{KindIP, anonGeneralize, "2001:db8::1", "", "(O)"},
		{KindCard, anonDefault, "4111 1111 1111 1111", "", "(J): removed, not the last four"},
		{KindName, anonDefault, "Jane Doe", "", "(A)"},
		{KindPhone, anonGeneralize, "+14155551234", "", "(D): not even the calling code"},
		{KindEmail, anonGeneralize, "jane@example.com", "", "(F): not even the domain"},
		{KindAddress, anonDefault, "1 Main St, Springfield", "", "(B)"},
		{KindGovID, anonDefault, "123-45-6789", "", "(G)"},
		{KindAccount, anonDefault, "DE89370400440532013000", "", "(H)-(J)"},
		{KindDevice, anonDefault, "35-209900-176148-1", "", "(M)"},
		{KindURL, anonDefault, "https://example.com/jane", "", "(N)"},
		{KindBiometric, anonDefault, "voiceprint", "", "(P)"},
		{KindGenetic, anonDefault, "ACGT...", "", "(R): a genome identifies"},
		{KindGeneric, anonDefault, "anything", "", "(R)"},
		{KindBody, anonDefault, "call Jane at +14155551234", "", "free text"},
		{KindSecret, anonPseudonym, "hunter2", "", "never kept"},
		{KindSecret, anonSeal, "hunter2", "", "never kept"},
		{KindName, anonSeal, "Jane Doe", "", "an envelope is the identifier, encrypted"},
		{KindDOB, anonSeal, "1990-05-17", "1990", "seal gives the Safe Harbor form"},
		{KindName, anonDefault, "", "", "empty stays empty"},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String()+"/"+tt.in, func(t *testing.T) {
			h := newSafeHarbor(safeHarborNow, "US")
			got := h.string(tt.kind, tt.st, tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.about, diff)
			}
			// Anonymising again changes nothing.
			if again := h.string(tt.kind, tt.st, got); again != got {
				t.Errorf("not idempotent: %q gave %q, then %q", tt.in, got, again)
			}
		})
	}
}

var safeHarborCodeRE = regexp.MustCompile(`^([a-z]+):rc:[a-z2-7]{26}$`)

// anon=pseudonym under Safe Harbor: a random code, the same within a call for every
// spelling of one value, never derived from it.
func TestSafeHarborCodes(t *testing.T) {
	h := newSafeHarbor(safeHarborNow, "US")
	a := h.string(KindPhone, anonPseudonym, "+1 (415) 555-1234")
	b := h.string(KindPhone, anonPseudonym, "4155551234")
	c := h.string(KindPhone, anonPseudonym, "+14155559999")
	n := h.string(KindName, anonPseudonym, "4155551234")
	type view struct {
		Format, SameValueSameCode, OtherValueOtherCode, KindsApart, Idempotent bool
	}
	got := view{
		Format:              safeHarborCodeRE.MatchString(a) && safeHarborCodeRE.MatchString(n),
		SameValueSameCode:   a == b,
		OtherValueOtherCode: a != c,
		KindsApart:          strings.HasPrefix(n, "name:rc:") && n[len("name:"):] != a[len("phone:"):],
		Idempotent:          h.string(KindPhone, anonPseudonym, a) == a,
	}
	if diff := cmp.Diff(view{true, true, true, true, true}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Another call knows none of these codes: a new code, unrelated to the first.
	h2 := newSafeHarbor(safeHarborNow, "US")
	if a2 := h2.string(KindPhone, anonPseudonym, "+14155551234"); a2 == a {
		t.Errorf("two calls gave one code %q: it is derived from the value", a)
	}
	// A code-shaped string this call did not give is a value like any other.
	forged := "phone:rc:" + strings.Repeat("a", 26)
	if got := h2.string(KindPhone, anonPseudonym, forged); got == forged {
		t.Errorf("a code this call never gave passed through: %q", got)
	}
}

// safeHarborLeafNode is the node of a PII leaf of type T, kind k and strategy st, as
// a plan makes it.
func safeHarborLeafNode[T any](k Kind, st anonStrategy) *node {
	typ := reflect.TypeFor[T]()
	n := newNode(typ, rule{tag: Tag{Class: PII, Kind: k}, anon: st})
	n.op, n.lk = opLeaf, leafKindOf(typ, true)
	return n
}

func safeHarborApply[T any](t *testing.T, k Kind, st anonStrategy, v T) (T, bool) {
	t.Helper()
	ok := newSafeHarbor(safeHarborNow, "US").leaf(unsafe.Pointer(&v), safeHarborLeafNode[T](k, st))
	return v, ok
}

func TestSafeHarborLeaf(t *testing.T) {
	born := time.Date(1990, 5, 17, 8, 30, 0, 0, time.UTC)
	old := time.Date(1930, 5, 17, 0, 0, 0, 0, time.UTC)
	admitted := time.Date(2024, 2, 29, 23, 10, 0, 0, time.FixedZone("EST", -5*3600))
	type results struct {
		DOB, DOBOver89, Admission, AdmissionDropped, GenericTime time.Time
		Age, AgeOver89, AgeNegative                              int
		AgeUint8                                                 uint8
		AgeDropped                                               int64
		Postal                                                   int
		Geo                                                      float64
		IP                                                       netip.Addr
		NetIP                                                    net.IP
		Flag                                                     bool
		NameBytes, DOBBytes                                      []byte
	}
	var got results
	var decided []bool
	run := func(ok bool) { decided = append(decided, ok) }
	var ok bool
	got.DOB, ok = safeHarborApply(t, KindDOB, anonDefault, born)
	run(ok)
	got.DOBOver89, ok = safeHarborApply(t, KindDOB, anonDefault, old)
	run(ok)
	got.Admission, ok = safeHarborApply(t, KindDate, anonGeneralize, admitted)
	run(ok)
	got.AdmissionDropped, ok = safeHarborApply(t, KindDate, anonDrop, admitted)
	run(ok)
	got.GenericTime, ok = safeHarborApply(t, KindGeneric, anonDefault, admitted)
	run(ok)
	got.Age, ok = safeHarborApply(t, KindAge, anonDefault, 42)
	run(ok)
	got.AgeOver89, ok = safeHarborApply(t, KindAge, anonDefault, 97)
	run(ok)
	got.AgeNegative, ok = safeHarborApply(t, KindAge, anonDefault, -3)
	run(ok)
	got.AgeUint8, ok = safeHarborApply(t, KindAge, anonDefault, uint8(250))
	run(ok)
	got.AgeDropped, ok = safeHarborApply(t, KindAge, anonDrop, int64(42))
	run(ok)
	got.Postal, ok = safeHarborApply(t, KindPostal, anonDefault, 94105)
	run(ok)
	got.Geo, ok = safeHarborApply(t, KindGeo, anonDefault, 37.7749)
	run(ok)
	got.IP, ok = safeHarborApply(t, KindIP, anonDefault, netip.MustParseAddr("203.0.113.42"))
	run(ok)
	got.NetIP, ok = safeHarborApply(t, KindIP, anonDefault, net.ParseIP("203.0.113.42"))
	run(ok)
	got.Flag, ok = safeHarborApply(t, KindGeneric, anonDefault, true)
	run(ok)
	buf := []byte("Jane Doe")
	got.NameBytes, ok = safeHarborApply(t, KindName, anonDefault, buf)
	run(ok)
	got.DOBBytes, ok = safeHarborApply(t, KindDOB, anonDefault, []byte("1990-05-17"))
	run(ok)

	want := results{
		DOB:       time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		Admission: time.Date(2024, 1, 1, 0, 0, 0, 0, admitted.Location()),
		Age:       42, AgeOver89: 90, AgeUint8: 90,
		DOBBytes: []byte("1990"),
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateComparable(netip.Addr{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for i, ok := range decided {
		if !ok {
			t.Errorf("leaf %d: Safe Harbor did not decide an identifier kind", i)
		}
	}
	if string(buf) != "\x00\x00\x00\x00\x00\x00\x00\x00" {
		t.Errorf("a removed []byte identifier lingers in its buffer: %q", buf)
	}
}

// Health data and the special categories are no identifiers: Safe Harbor leaves them to
// the tag's strategy, and the leaf is untouched.
func TestSafeHarborLeavesNonIdentifiers(t *testing.T) {
	for _, k := range Kinds() {
		v := "value"
		ok := newSafeHarbor(safeHarborNow, "").leaf(unsafe.Pointer(&v), safeHarborLeafNode[string](k, anonDefault))
		if ok != safeHarborDecides(k) {
			t.Errorf("%v: leaf decided %v, safeHarborDecides %v", k, ok, safeHarborDecides(k))
		}
		if !ok && v != "value" {
			t.Errorf("%v: a leaf Safe Harbor does not decide was changed to %q", k, v)
		}
	}
	var left []string
	for _, k := range Kinds() {
		if !safeHarborDecides(k) {
			left = append(left, k.String())
		}
	}
	want := strings.Fields("health ethnicity religion politics union sexuality neural criminal citizenship child")
	if diff := cmp.Diff(want, left); diff != "" {
		t.Errorf("kinds left to the tag's strategy (-want +got):\n%s", diff)
	}
}

// No Safe Harbor output of an identifier kind holds more than the year of a date, three
// ZIP digits, or an age up to 89: whatever the strategy, the input never survives whole.
func TestSafeHarborNeverPassesThrough(t *testing.T) {
	samples := []string{"+14155551234", "jane@example.com", "Jane Doe", "203.0.113.7",
		"4111 1111 1111 1111", "94103", "1990-05-17", "37.7749,-122.4194", "hunter2",
		"https://example.com/u/jane", "123-45-6789"}
	h := newSafeHarbor(safeHarborNow, "US")
	for _, k := range Kinds() {
		if !safeHarborDecides(k) {
			continue
		}
		for _, st := range []anonStrategy{anonDefault, anonDrop, anonPseudonym, anonGeneralize, anonSeal} {
			for _, v := range samples {
				got := h.string(k, st, v)
				if got != "" && strings.Contains(got, v) {
					t.Errorf("%v/%d kept %q: %q", k, st, v, got)
				}
			}
		}
	}
}

func TestRestrictedZIP3(t *testing.T) {
	// The 2000 Census list HHS published, and what the 2010 Census adds.
	census2000 := strings.Fields("036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893")
	census2010 := strings.Fields("036 059 102 203 205 369 556 692 821 823 878 879 884 893")
	for _, z := range append(census2000, census2010...) {
		if !restrictedZIP3(z + "01") {
			t.Errorf("%s is not restricted", z)
		}
	}
	n := 0
	for z := range 1000 {
		if jurisRestrictedZIP3[z] {
			n++
		}
	}
	if diff := cmp.Diff([2]int{19, 19}, [2]int{n, len(RestrictedZIP3)}); diff != "" {
		t.Errorf("[restricted areas, listed] (-want the union's 19 +got):\n%s", diff)
	}
	if restrictedZIP3("94105") || restrictedZIP3("0a6") {
		t.Error("an unrestricted or malformed prefix is restricted")
	}
}

func BenchmarkSafeHarborString(b *testing.B) {
	h := newSafeHarbor(safeHarborNow, "US")
	b.ReportAllocs()
	for b.Loop() {
		h.string(KindDOB, anonDefault, "1990-05-17")
		h.string(KindPostal, anonDefault, "94105-1234")
		h.string(KindName, anonDefault, "Jane Doe")
		h.string(KindPhone, anonPseudonym, "+14155551234")
	}
}
