package piizap_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"go.uber.org/zap"
)

// revQueryErr is an untagged error that holds the record it failed on in an unexported
// interface field. Its Error text does not show it; its verbose form (%+v, which zap
// writes as "errorVerbose" for a fmt.Formatter, as for github.com/pkg/errors' types) does.
type revQueryErr struct {
	op   string
	user any
}

func (e *revQueryErr) Error() string { return "query " + e.op + " failed" }
func (e *revQueryErr) Format(s fmt.State, verb rune) {
	if verb == 'v' && s.Flag('+') {
		fmt.Fprintf(s, "query %s failed for %+v", e.op, e.user)
		return
	}
	io.WriteString(s, e.Error())
}

// revGroupErr is an untagged error whose Errors list, which zap writes as
// "errorCauses", is computed from the record it holds in an unexported field.
type revGroupErr struct{ user any }

func (e *revGroupErr) Error() string { return "validation failed" }
func (e *revGroupErr) Errors() []error {
	u := e.user.(*revUser)
	return []error{fmt.Errorf("bad email %q", u.Email), errors.New("bad phone " + u.Phone)}
}

func TestZapErrorVerbose(t *testing.T) {
	u := revNew()
	revRun(t, map[string]func(*zap.Logger){
		"Error verbose of hidden tagged value":    func(l *zap.Logger) { l.Error("m", zap.Error(&revQueryErr{"load", &u})) },
		"Error verbose of hidden value, wrapped":  func(l *zap.Logger) { l.Error("m", zap.Error(fmt.Errorf("x: %w", &revQueryErr{"load", u}))) },
		"Errors verbose of hidden tagged value":   func(l *zap.Logger) { l.Error("m", zap.Errors("es", []error{&revQueryErr{"load", &u}})) },
		"Error causes computed from hidden value": func(l *zap.Logger) { l.Error("m", zap.Error(&revGroupErr{&u})) },
	})
}
