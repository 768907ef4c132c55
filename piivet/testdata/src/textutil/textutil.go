// Package textutil holds text helpers another package calls: their Keeps facts say
// which parameters' text their result keeps.
package textutil

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

func Normalize(s string) string { // want Normalize:`keeps the text of \[0\]`
	return strings.ToLower(strings.TrimSpace(s))
}

func Label(kind, s string) string { // want Label:`keeps the text of \[0 1\]`
	if s == "" {
		return "none"
	}
	return kind + ": " + Normalize(s)
}

// Hash keeps nothing of what it is given that anyone can read back.
func Hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// Length keeps no text.
func Length(s string) int { return len(s) }
