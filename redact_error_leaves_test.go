package pii_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// sendUser is a record that a tagged error holds.
type sendUser struct {
	ID    string `pii:"no"`
	Name  string `pii:"name"`
	Email string `pii:"email"`
	Phone string `pii:"phone"`
}

// sendError holds a record, and its Error prints only the record's ID.
type sendError struct{ To sendUser }

func (e *sendError) Error() string { return "send failed for " + e.To.ID }

// notifyError prints the address it holds.
type notifyError struct {
	Email string `pii:"email"`
}

func (e notifyError) Error() string { return "cannot notify " + e.Email }

// TestWrappedTaggedErrorTexts logs wrappers of tagged errors: a wrapper that keeps only
// what the error prints, and prints nothing personal, keeps its text; one that wrote
// the error's data beside it, in any case or in part (a first name, the local part of
// an address, the number written another way, with any separators or in another
// script's digits, or only its last four digits), is withheld whole; and a word that
// only holds a part of a name ("Annapolis" for "Anna"), or other numbers, are no reason
// to withhold.
func TestWrappedTaggedErrorTexts(t *testing.T) {
	u := sendUser{ID: "u1", Name: "Maria Okafor", Email: "Maria.Okafor@example.com", Phone: "+14155552671"}
	anna := sendUser{ID: "u2", Name: "Anna Li"}
	lina := sendUser{ID: "u3", Name: "Li Na"}
	ext := sendUser{ID: "u4", Phone: "+1 415 555 2671 ext 12"}
	tests := []struct {
		name string
		err  error
		want string // "" for withheld
	}{
		{"%w of an error that prints only an ID", fmt.Errorf("welcome: %w", &sendError{u}), "welcome: send failed for u1"},
		{"joined", errors.Join(errors.New("batch"), &sendError{u}), "batch\nsend failed for u1"},
		{"two levels", fmt.Errorf("job: %w", fmt.Errorf("step: %w", &sendError{u})), "job: step: send failed for u1"},
		{"the address lowercased beside it", fmt.Errorf("welcome %s: %w", strings.ToLower(u.Email), notifyError{u.Email}), ""},
		{"the first name beside it", fmt.Errorf("welcome %s: %w", strings.Fields(u.Name)[0], &sendError{u}), ""},
		{"the local part beside it", fmt.Errorf("welcome %s: %w", strings.Split(u.Email, "@")[0], notifyError{u.Email}), ""},
		{"a cut address beside it", fmt.Errorf("welcome %s: %w", u.Email[:8], notifyError{u.Email}), ""},
		{"the number written nationally", fmt.Errorf("call (415) 555-2671: %w", &sendError{u}), ""},
		{"the surname in capitals", fmt.Errorf("OKAFOR: %w", &sendError{u}), ""},
		{"the number with underscores", fmt.Errorf("call 415_555_2671: %w", &sendError{u}), ""},
		{"the number with commas and tabs", fmt.Errorf("call 415,555\t2671: %w", &sendError{u}), ""},
		{"the number in fullwidth digits", fmt.Errorf("call ４１５５５５２６７１: %w", &sendError{u}), ""},
		{"the last four digits alone", fmt.Errorf("sms to number ending 2671: %w", &sendError{u}), ""},
		{"a stored extension", fmt.Errorf("call 415-555-2671: %w", &sendError{ext}), ""},
		{"a name of short words, turned", fmt.Errorf("welcome Na Li: %w", &sendError{lina}), ""},
		{"a name run together", fmt.Errorf("welcome MariaOkafor: %w", &sendError{u}), ""},
		{"an identifier without its dashes", fmt.Errorf("check 123456789: %w", idError{"123-45-6789"}), ""},
		{"a word that holds a name", fmt.Errorf("Annapolis office: %w", &sendError{anna}), "Annapolis office: send failed for u2"},
		{"other numbers", fmt.Errorf("retry 3 of 5 after 2026 ms: %w", &sendError{u}), "retry 3 of 5 after 2026 ms: send failed for u1"},
		{"only %w of an error that prints the address", fmt.Errorf("retry: %w", notifyError{u.Email}), "retry: cannot notify ***@example.com"},
		{"an address that keys a tagged map", fmt.Errorf("first %s: %w", u.Email, &bounceError{map[string]string{u.Email: "hard"}}), ""},
		{"only %w of an error keyed by addresses", fmt.Errorf("retry: %w", &bounceError{map[string]string{u.Email: "hard"}}), "retry: 1 addresses bounced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkForLogText(t, pii.Default(), tt.err, tt.want)
			var buf bytes.Buffer
			slog.New(pii.NewHandler(slog.NewJSONHandler(&buf, nil), nil)).Info("m", "err", tt.err)
			for _, raw := range []string{"okafor", "Okafor", "OKAFOR", "Maria", "2671"} {
				if strings.Contains(withoutTime(buf.String()), raw) {
					t.Errorf("%q reached the Handler's line: %s", raw, buf.String())
				}
			}
		})
	}
}

// idError is a tagged error that holds a government identifier and does not print it.
// bounceError keeps the addresses that bounced as the keys of a tagged map, and prints
// how many.
type bounceError struct {
	Bounced map[string]string `pii:"email"`
}

func (e *bounceError) Error() string { return fmt.Sprintf("%d addresses bounced", len(e.Bounced)) }

type idError struct {
	ID string `pii:"govid"`
}

func (idError) Error() string { return "identity check failed" }
