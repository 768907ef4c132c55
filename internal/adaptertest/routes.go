package adaptertest

import (
	"encoding/json"
	"strings"
	"testing"
)

// RouteUser is the record the adapters' route tests log through every way a logger
// takes a value: no part of its name, email or phone may reach a line.
type RouteUser struct {
	ID    string `pii:"no" json:"id"`
	Name  string `pii:"name" json:"name"`
	Email string `pii:"email" json:"email"`
	Phone string `pii:"phone" json:"phone"`
}

// NewRouteUser returns the route tests' record, with ID "u-42".
func NewRouteUser() RouteUser {
	return RouteUser{ID: "u-42", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
}

// RouteMarkers are the parts of RouteUser's data a line must not show, in any case.
var RouteMarkers = []string{"okafor", "maria", "2671"}

// CheckRouteLine fails t when out is empty (the line was lost) or shows any of
// RouteMarkers, in any case.
func CheckRouteLine(t testing.TB, out string) {
	t.Helper()
	if strings.TrimSpace(out) == "" {
		t.Fatalf("no line written")
	}
	low := strings.ToLower(out)
	for _, s := range RouteMarkers {
		if strings.Contains(low, s) {
			t.Errorf("line shows %q: %s", s, out)
		}
	}
}

// UserError is a tagged error that prints its user whole.
type UserError struct{ U RouteUser }

// Error prints the user whole.
func (e UserError) Error() string { return "user " + e.U.Name + " <" + e.U.Email + "> " + e.U.Phone }

// MultiError holds errors, prints them joined, and unwraps to them (Unwrap() []error).
type MultiError struct{ Errs []error }

// Error prints the errors m holds, joined.
func (m MultiError) Error() string {
	var s []string
	for _, e := range m.Errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "; ")
}

// Unwrap returns the errors m holds.
func (m MultiError) Unwrap() []error { return m.Errs }

// Box is a generic tagged container.
type Box[T any] struct {
	Note string `pii:"no"`
	V    T
}

// JSONUser is a tagged record that writes itself as JSON, its data in one member.
type JSONUser struct {
	Name  string `pii:"name"`
	Email string `pii:"email"`
}

// MarshalJSON writes the user's data in one member.
func (u JSONUser) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"who": u.Name + " " + u.Email})
}

// TextUser is a tagged record that writes itself as text.
type TextUser struct {
	Name  string `pii:"name"`
	Phone string `pii:"phone"`
}

// MarshalText writes the user's data.
func (u TextUser) MarshalText() ([]byte, error) { return []byte(u.Name + "/" + u.Phone), nil }

// StringUser is a tagged record whose pointer prints it (String).
type StringUser struct {
	Name  string `pii:"name"`
	Email string `pii:"email"`
}

// String prints the user's data.
func (u *StringUser) String() string { return u.Name + " " + u.Email }

// OpError is a tagged error that prints the error it holds in an exported field, and
// has no Unwrap (as many hand-written error types do).
type OpError struct {
	Op  string `pii:"no"`
	Err error
}

// Error prints the operation and the error it holds.
func (e OpError) Error() string { return e.Op + ": " + e.Err.Error() }
