package adaptertest

import (
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

func (e UserError) Error() string { return "user " + e.U.Name + " <" + e.U.Email + "> " + e.U.Phone }

// MultiError holds errors, prints them joined, and unwraps to them (Unwrap() []error).
type MultiError struct{ Errs []error }

func (m MultiError) Error() string {
	var s []string
	for _, e := range m.Errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "; ")
}

// Unwrap returns the errors m holds.
func (m MultiError) Unwrap() []error { return m.Errs }
