package pii

import "strings"

// A maskLazy builds a redacted string that often equals its source. While the output
// matches the source it only advances an offset; at the first difference it allocates
// once, for the whole output, and copies the matching prefix. So an unchanged value
// costs no allocation and a changed one costs one when grow is big enough.
type maskLazy struct {
	src  string
	grow int // the capacity to allocate at the first difference
	n    int // while same: the length of the source prefix matched so far
	diff bool
	sb   strings.Builder
}

// add appends p to the output.
func (m *maskLazy) add(p string) {
	if !m.diff {
		if strings.HasPrefix(m.src[m.n:], p) {
			m.n += len(p)
			return
		}
		m.diverge()
	}
	m.sb.WriteString(p)
}

// addBytes appends p to the output.
func (m *maskLazy) addBytes(p []byte) {
	if !m.diff {
		if len(p) <= len(m.src)-m.n && string(p) == m.src[m.n:m.n+len(p)] {
			m.n += len(p)
			return
		}
		m.diverge()
	}
	m.sb.Write(p)
}

// diverge starts the real output at the first difference from the source.
func (m *maskLazy) diverge() {
	m.diff = true
	m.sb.Grow(max(m.grow, m.n+8))
	m.sb.WriteString(m.src[:m.n])
}

// String returns the output: the source itself, or a prefix of it, when it never
// differed.
func (m *maskLazy) String() string {
	if !m.diff {
		return m.src[:m.n]
	}
	return m.sb.String()
}
