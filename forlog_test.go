package pii_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// TestForLog checks what the loggers' adapters are given: the value itself when it
// holds nothing to hide, a copy with masks and sensitive data zeroed, and for a value
// that cannot be redacted, a note that is an ErrRedactionFailed error naming the field.
func TestForLog(t *testing.T) {
	type payment struct {
		ID    string `pii:"no"`
		Phone string `pii:"phone"`
		Card  string `pii:"card,handling=sensitive"`
	}
	type plain struct{ Route string }
	type bad struct {
		Phone float64 `pii:"phone"`
	}
	p, err := pii.New()
	if err != nil {
		t.Fatal(err)
	}

	got, changed := p.ForLog(payment{ID: "p1", Phone: "+14155552671", Card: "4242 4242 4242 4242"})
	if diff := cmp.Diff(payment{ID: "p1", Phone: "+1415555XXXX"}, got); diff != "" || !changed {
		t.Errorf("ForLog(payment) changed=%v (-want +got):\n%s", changed, diff)
	}

	in := plain{Route: "/v1"}
	if got, changed := p.ForLog(in); changed || got != any(in) {
		t.Errorf("ForLog(plain) = %v, %v; want it as it is", got, changed)
	}

	got, changed = p.ForLog(bad{Phone: 4155550123})
	err, isErr := got.(error)
	switch {
	case !changed || !isErr:
		t.Fatalf("ForLog(bad) = %#v, %v; want a failure note that is an error", got, changed)
	case !errors.Is(err, pii.ErrRedactionFailed):
		t.Errorf("the note is not ErrRedactionFailed: %v", err)
	case !errors.As(err, new(*pii.TagError)):
		t.Errorf("the note's chain lost its cause: %v", err)
	}
	want := `!PII-REDACTION-FAILED: pii: pii_test.bad.Phone: tag "phone": the field's Go type cannot hold this kind: float64 cannot hold phone`
	for verb, s := range map[string]string{"Error": err.Error(), "%v": fmt.Sprint(got)} {
		if s != want {
			t.Errorf("%s of the note = %q, want %q", verb, s, want)
		}
	}
}
