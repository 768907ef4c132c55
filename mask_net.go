package pii

import (
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// maskAddr is the redaction of an IP address: under the default strategy an IPv4
// address keeps its /24 and an IPv6 address its /48, host bits zero. An IPv4-mapped
// IPv6 address (::ffff:203.0.113.42) is treated, and returned, as the IPv4 address it
// maps; a zone is dropped (it names a host's interface). A 6to4 address (2002::/16)
// carries an IPv4 address in its bits 16 to 48, so it keeps only its /40: the /24 of
// that IPv4 address, as the IPv4 mask would. Every other strategy, and an invalid
// address, gives netip.Addr{}: there is no placeholder or initials for an address, so
// it is hidden entirely.
func maskAddr(st redactStrategy, a netip.Addr) netip.Addr {
	if (st != redactDefault && st != redactScan) || !a.IsValid() {
		return netip.Addr{}
	}
	a = a.Unmap().WithZone("")
	p, err := a.Prefix(maskAddrBits(a))
	if err != nil {
		return netip.Addr{}
	}
	return p.Addr()
}

// maskAddrBits is how many leading bits of a, unmapped, its mask keeps.
func maskAddrBits(a netip.Addr) int {
	switch {
	case a.Is4():
		return 24
	case maskIs6to4(a.As16()):
		return 40
	}
	return 48
}

// maskIs6to4 reports whether the IPv6 address b is in 2002::/16, 6to4.
func maskIs6to4(b [16]byte) bool { return b[0] == 0x20 && b[1] == 0x02 }

// maskIP is maskAddr for a net.IP, done in place: a 4-byte or IPv4-mapped 16-byte
// address has its last byte zeroed, a 6to4 address its last eleven, any other 16-byte
// address its last ten. Every other strategy, and a slice of another length, gives nil.
func maskIP(st redactStrategy, ip net.IP) net.IP {
	if st != redactDefault && st != redactScan {
		return nil
	}
	switch {
	case len(ip) == net.IPv4len:
		ip[3] = 0
	case len(ip) == net.IPv6len && ip.To4() != nil:
		ip[15] = 0
	case len(ip) == net.IPv6len && maskIs6to4([16]byte(ip)):
		clear(ip[5:])
	case len(ip) == net.IPv6len:
		clear(ip[6:])
	default:
		return nil
	}
	return ip
}

// maskAppendIP appends the default redaction of an IP address written as a string, as
// maskAddr masks it: "203.0.113.42" gives "203.0.113.0", "2001:db8:85a3::8a2e:370:7334"
// gives "2001:db8:85a3::". An address with a port keeps its port ("203.0.113.42:443"
// gives "203.0.113.0:443"); a zone is dropped. A network in CIDR notation keeps its
// prefix length, cut to what the mask keeps: "203.0.113.42/32" gives "203.0.113.0/24",
// "10.1.2.3/8" gives "10.0.0.0/8". Fail closed: anything else (a list, a host name,
// leading zeros) gives "".
//
// A dotted quad, nearly every address logged, is masked by maskFastIP without netip.
func maskAppendIP(dst []byte, s string) []byte {
	out, _ := maskFastIP(dst, s)
	return out
}

// maskAppendIPGeneral is maskAppendIP for any value, by netip: what it gives for a dotted
// quad is what maskAppendIP's fast path gives.
func maskAppendIPGeneral(dst []byte, s string) []byte {
	if a, err := netip.ParseAddr(s); err == nil {
		return maskAddr(redactDefault, a).AppendTo(dst)
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return maskAddrPort(redactDefault, ap).AppendTo(dst)
	}
	if p, err := netip.ParsePrefix(s); err == nil && !p.Addr().Is4In6() {
		return maskPrefix(redactDefault, p).AppendTo(dst)
	}
	return dst
}

// maskAddrPort is maskAddr for an address with a port (a netip.AddrPort field tagged ip):
// the address masked, the port kept, as maskAppendIP masks "203.0.113.42:443". Every
// other strategy, and an invalid address, gives the zero AddrPort.
func maskAddrPort(st redactStrategy, ap netip.AddrPort) netip.AddrPort {
	a := maskAddr(st, ap.Addr())
	if !a.IsValid() {
		return netip.AddrPort{}
	}
	return netip.AddrPortFrom(a, ap.Port())
}

// maskPrefix is maskAddr for a network (a netip.Prefix field tagged ip): its prefix
// length cut to what the mask keeps, host bits zero, as maskAppendIP masks "10.1.2.3/8"
// and "203.0.113.42/32". Every other strategy, an invalid prefix and an IPv4-mapped
// one (whose length counts IPv6 bits) give the zero Prefix.
func maskPrefix(st redactStrategy, p netip.Prefix) netip.Prefix {
	if (st != redactDefault && st != redactScan) || !p.IsValid() || p.Addr().Is4In6() {
		return netip.Prefix{}
	}
	return netip.PrefixFrom(p.Addr(), min(p.Bits(), maskAddrBits(p.Addr()))).Masked()
}

// maskAppendURL appends the default redaction of a URL: the scheme and the host (with
// its port) are kept, the user info, path, query and fragment dropped:
// "https://jane:pw@example.com/u/jane?x=1" gives "https://example.com/". A host that is
// an IP address is masked as maskAddr masks it ("http://203.0.113.42/x" gives
// "http://203.0.113.0/").
//
// Fail closed, nothing is appended for: a value without "scheme://host" (a relative
// URL, "mailto:"); a host that is not one host name or address, or a port that is not
// digits; and an '@' after the authority, since then the user info may hold a '/',
// '?' or '#' that ends the authority too early ("https://jane:p/ss@example.com" would
// otherwise keep "jane:p").
func maskAppendURL(dst []byte, s string) []byte {
	i := strings.Index(s, "://")
	if i <= 0 || !maskIsScheme(s[:i]) {
		return dst
	}
	auth := s[i+3:]
	if end := strings.IndexAny(auth, "/?#\\"); end >= 0 {
		if strings.IndexByte(auth[end:], '@') >= 0 {
			return dst
		}
		auth = auth[:end]
	}
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		auth = auth[at+1:]
	}
	host, port := auth, ""
	if c := strings.LastIndexByte(auth, ':'); c >= 0 && strings.IndexByte(auth[c:], ']') < 0 {
		host, port = auth[:c], auth[c+1:]
		if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
			return dst
		}
	}
	start := len(dst)
	dst = append(dst, s[:i+3]...)
	switch {
	case len(host) > 2 && host[0] == '[' && host[len(host)-1] == ']':
		a, err := netip.ParseAddr(host[1 : len(host)-1])
		if err != nil || !a.Is6() || a.Is4In6() || a.Zone() != "" {
			return dst[:start] // not an IPv6 literal a URL may hold
		}
		dst = append(dst, '[')
		dst = maskAddr(redactDefault, a).AppendTo(dst)
		dst = append(dst, ']')
	default:
		if _, ok := maskHostLabels(host); ok {
			dst = append(dst, host...)
			break
		}
		a, err := netip.ParseAddr(host)
		if err != nil || !a.Is4() {
			return dst[:start]
		}
		dst = maskAddr(redactDefault, a).AppendTo(dst)
	}
	if port != "" {
		dst = append(dst, ':')
		dst = append(dst, port...)
	}
	return append(dst, '/')
}

// maskIsScheme reports whether s is a URL scheme: a letter, then letters, digits, '+',
// '-' or '.' (RFC 3986).
func maskIsScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// maskURL returns the redaction of the URL u, of a field tagged url (a *url.URL or a
// url.URL): the URL whose text is mask(u.String()), mask being what a url-tagged
// string is redacted by, so that both read alike ("https://jane:pw@example.com/u/jane"
// gives the URL of "https://example.com/" under the default strategy). The result is a
// new URL that shares nothing with u, and u, with the user info it points to, is never
// changed: a caller's URL may be shared, and its Userinfo cannot be changed in place.
// A nil u gives nil; a mask of nothing (the zero strategy, a URL the mask cannot read)
// gives the zero URL.
func maskURL(u *url.URL, mask func(string) string) *url.URL {
	if u == nil {
		return nil
	}
	out := maskURLOf(mask(u.String()))
	return &out
}

// maskURLOf returns the URL whose String is text, the mask of a URL: parsed, where it
// is a scheme and a host (the default mask) that parse back to exactly text, else text
// as an opaque URL, which prints as it is (a placeholder, last4's stars).
func maskURLOf(text string) url.URL {
	if text == "" {
		return url.URL{}
	}
	if u, err := url.Parse(text); err == nil && u.Scheme != "" && u.Host != "" && u.String() == text {
		return *u
	}
	return url.URL{Opaque: text}
}
