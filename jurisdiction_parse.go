package pii

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownProfile is returned, wrapped, by ParseProfile for a name that is no profile.
// The error's message lists the names ParseProfile knows.
var ErrUnknownProfile = errors.New("unknown profile")

// profileKnownNames is the list ParseProfile's errors show.
var profileKnownNames = func() string {
	names := make([]string, 0, len(profileBuiltins))
	for _, p := range profileBuiltins {
		names = append(names, p.Name())
	}
	return strings.Join(names, ", ")
}()

// profileHintNames are the names an unknown profile name is compared with for a "did you
// mean" hint: every built-in profile's name, then the aliases.
var profileHintNames = func() []string {
	var names []string
	for _, p := range profileBuiltins {
		names = append(names, p.Name())
	}
	for _, law := range profileLaws {
		names = append(names, law.aliases...)
	}
	return names
}()

// profileMaxEcho caps how much of an unknown name an error repeats.
const profileMaxEcho = 32

// ParseProfile returns the profile a configuration names. Case does not matter, and
// '-', '_' and spaces inside a name are ignored, so "GDPR", "uk-gdpr", "UK_GDPR", "ukgdpr",
// "PCI DSS" all work. The names: "gdpr" (also "eu-gdpr"), "uk-gdpr", "ccpa" or "cpra",
// "hipaa", "pci-dss" or "pci", "caloppa", "lgpd", "pipeda", "quebec" (also "law25"),
// "dpdp", "pipl", "appi", "fadp", "popia", "privacy-act-au", "pdpa-sg", "vcdpa", "cpa",
// "tdpsa", "strict". Names joined with '+' are combined as Combine does: "ccpa+hipaa".
// Every Profile's Name parses back to the same Profile.
//
// An unknown or empty name is an error wrapping ErrUnknownProfile that lists the known
// names, with a "did you mean" hint when one is close ("uk" suggests "UK-GDPR"); the
// profile returned with it is Strict, so a caller that ignores the error fails closed.
func ParseProfile(name string) (Profile, error) {
	parts := strings.Split(name, "+")
	c := Profile{}
	for i, part := range parts {
		p, ok := profileLookup(part)
		if !ok {
			hint := ""
			if name := didYouMean(part, profileHintNames); name != "" {
				p, _ := profileLookup(name) // an alias: suggest the profile's own name
				hint = fmt.Sprintf(" did you mean %q?", p.Name())
			}
			return Strict, errorf("pii: %w %s (part %d of %d);%s known profiles: %s, joined with '+'",
				ErrUnknownProfile, profileEcho(part), i+1, len(parts), hint, profileKnownNames)
		}
		if i == 0 {
			c = p
		} else {
			c = Combine(c, p)
		}
	}
	return c, nil
}

// profileLookup finds one built-in profile by name or alias, ASCII case-insensitively and
// ignoring '-', '_' and spaces. It does not allocate.
func profileLookup(name string) (Profile, bool) {
	var buf [16]byte
	n := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '-' || c == '_' || c == ' ' || c == '\t':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if n == len(buf) {
			return Strict, false
		}
		buf[n] = c
		n++
	}
	key := buf[:n]
	if string(key) == "strict" {
		return Strict, true
	}
	for i := range profileLaws {
		for _, alias := range profileLaws[i].aliases {
			if string(key) == alias {
				return profileBuiltins[i], true
			}
		}
	}
	return Strict, false
}

// profileEcho quotes at most profileMaxEcho bytes of an unknown profile name for an error
// message; %q keeps invalid UTF-8 and control characters readable.
func profileEcho(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "(empty name)"
	}
	if len(s) > profileMaxEcho {
		return fmt.Sprintf("%q...", s[:profileMaxEcho])
	}
	return fmt.Sprintf("%q", s)
}
