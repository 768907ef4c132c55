package pii

import (
	"net"
	"net/netip"
	"strings"
)

// maskAddr is the redaction of an IP address: under the default strategy an IPv4
// address keeps its /24 and an IPv6 address its /48, host bits zero. An IPv4-mapped
// IPv6 address (::ffff:203.0.113.42) is treated, and returned, as the IPv4 address it
// maps; a zone is dropped (it names a host's interface). Every other strategy, and an
// invalid address, gives netip.Addr{}: there is no placeholder or initials for an
// address, so it is hidden entirely.
func maskAddr(st redactStrategy, a netip.Addr) netip.Addr {
	if (st != redactDefault && st != redactScan) || !a.IsValid() {
		return netip.Addr{}
	}
	a = a.Unmap().WithZone("")
	bits := 48
	if a.Is4() {
		bits = 24
	}
	p, err := a.Prefix(bits)
	if err != nil {
		return netip.Addr{}
	}
	return p.Addr()
}

// maskIP is maskAddr for a net.IP, done in place: a 4-byte or IPv4-mapped 16-byte
// address has its last byte zeroed, any other 16-byte address its last ten. Every other
// strategy, and a slice of another length, gives nil.
func maskIP(st redactStrategy, ip net.IP) net.IP {
	if st != redactDefault && st != redactScan {
		return nil
	}
	switch {
	case len(ip) == net.IPv4len:
		ip[3] = 0
	case len(ip) == net.IPv6len && ip.To4() != nil:
		ip[15] = 0
	case len(ip) == net.IPv6len:
		clear(ip[6:])
	default:
		return nil
	}
	return ip
}

// maskIPString is the default redaction of an IP address written as a string, as
// maskAddr: "203.0.113.42" gives "203.0.113.0", "2001:db8:85a3::8a2e:370:7334" gives
// "2001:db8:85a3::". An address with a port keeps its port ("203.0.113.42:443" gives
// "203.0.113.0:443"). Fail closed: anything else (a list, a host name) gives "".
func maskIPString(s string) string {
	if last, ok := maskDottedQuad(s); ok {
		// Fast path: a plain IPv4 address written as netip writes it. Its /24 is the
		// same text with the last octet "0", so there is nothing to parse or format.
		if s[last:] == "0" {
			return s
		}
		b := make([]byte, last+1)
		copy(b, s[:last])
		b[last] = '0'
		return maskOwnString(b)
	}
	var buf [64]byte
	var out []byte
	if a, err := netip.ParseAddr(s); err == nil {
		out = maskAddr(redactDefault, a).AppendTo(buf[:0])
	} else if ap, err := netip.ParseAddrPort(s); err == nil {
		m := maskAddr(redactDefault, ap.Addr())
		out = netip.AddrPortFrom(m, ap.Port()).AppendTo(buf[:0])
	} else {
		return ""
	}
	if string(out) == s {
		return s
	}
	return string(out)
}

// maskDottedQuad reports whether s is an IPv4 address in the one form netip parses and
// writes back unchanged: four decimal octets of at most 255, without leading zeros,
// separated by dots, and nothing else. last is the offset of the last octet.
// Everything else (leading zeros, which netip rejects, a port, IPv6) is for netip.
func maskDottedQuad(s string) (last int, ok bool) {
	if len(s) < len("0.0.0.0") || len(s) > len("255.255.255.255") {
		return 0, false
	}
	i := 0
	for octet := range 4 {
		if octet > 0 {
			if i == len(s) || s[i] != '.' {
				return 0, false
			}
			i++
		}
		start, v := i, 0
		for i < len(s) && maskIsASCIIDigit(s[i]) && i-start < 3 {
			v = v*10 + int(s[i]-'0')
			i++
		}
		if n := i - start; n == 0 || v > 255 || n > 1 && s[start] == '0' {
			return 0, false
		}
		last = start
	}
	return last, i == len(s)
}

// maskURL is the default redaction of a URL: the scheme and the host (with its port)
// are kept, the user info, path, query and fragment dropped:
// "https://jane:pw@example.com/u/jane?x=1" gives "https://example.com/". Fail closed: a
// value without "scheme://host" (a relative URL, "mailto:"), or whose host holds
// anything a host name or address cannot, gives "".
func maskURL(s string) string {
	i := strings.Index(s, "://")
	if i <= 0 || !maskIsScheme(s[:i]) {
		return ""
	}
	auth := s[i+3:]
	if end := strings.IndexAny(auth, "/?#\\"); end >= 0 {
		auth = auth[:end]
	}
	host := auth
	if at := strings.LastIndexByte(host, '@'); at >= 0 {
		host = host[at+1:]
	}
	if !maskIsDomain(host) {
		return ""
	}
	if len(s) == i+3+len(host)+1 && s[i+3:len(s)-1] == host && s[len(s)-1] == '/' {
		return s
	}
	return s[:i+3] + host + "/"
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
