package pii_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// stateError keeps its detail in an unexported field of its own.
type stateError struct {
	Op     string
	detail string
}

func (e stateError) Error() string { return e.Op + ": " + e.detail }

// stateBase is what a package's errors embed.
type stateBase struct {
	Op     string
	detail string
}

// stateBaseError keeps its detail in an embedded base, by value.
type stateBaseError struct{ stateBase }

func (e stateBaseError) Error() string { return e.Op + ": " + e.detail }

// stateBasePtrError keeps it in an embedded base, by pointer.
type stateBasePtrError struct{ *stateBase }

func (e stateBasePtrError) Error() string { return e.Op + ": " + e.detail }

// stateInfoError keeps it in an exported struct field's unexported field.
type stateInfoError struct {
	Info struct {
		Op     string
		detail string
	}
}

func (e *stateInfoError) Error() string { return e.Info.Op + ": " + e.Info.detail }

// stateCodeError shows only exported fields: a walk hides what its Error prints.
type stateCodeError struct{ Code string }

func (e stateCodeError) Error() string { return "bad address " + e.Code }

// TestErrorFieldStateBehindFields logs records whose field tagged email holds an error
// that keeps its text's data where no walk goes: behind an unexported field of an
// embedded base (by value or by pointer) or of an exported struct field, held by an
// interface field or by a field of the error's own type (value, pointer, slice). None
// of the address reaches an output: an error held by an interface is written as its
// text masked, one held by its own type is emptied. An error whose text shows only
// exported fields is masked field by field, as before.
func TestErrorFieldStateBehindFields(t *testing.T) {
	const addr = "Maria.Okafor@example.com"
	base := stateBase{"send", addr}
	type inIface struct {
		ID  string `pii:"no"`
		Err error  `pii:"email"`
	}
	type inList struct {
		ID   string  `pii:"no"`
		Errs []error `pii:"email"`
	}
	type concrete struct {
		ID   string          `pii:"no"`
		Err  stateBaseError  `pii:"email"`
		Ptr  *stateInfoError `pii:"email"`
		List []stateError    `pii:"email"`
		Ptrs []*stateError   `pii:"email"`
	}
	info := &stateInfoError{}
	info.Info.Op, info.Info.detail = "send", addr
	values := []any{
		inIface{"r1", stateError{"send", addr}},
		inIface{"r1", stateBaseError{base}},
		inIface{"r1", stateBasePtrError{&base}},
		inIface{"r1", info},
		inList{"r1", []error{stateBaseError{base}, info}},
		concrete{ID: "r1", Err: stateBaseError{base}, Ptr: info, List: []stateError{{"send", addr}}, Ptrs: []*stateError{{"send", addr}}},
	}
	for _, v := range values {
		outs := map[string]string{
			"Safe":         fmt.Sprintf("%+v", pii.Safe(v)),
			"Handler text": logThrough(v, true, nil),
			"Handler JSON": logThrough(v, false, nil),
		}
		if got, err := pii.Redacted(nil, v); err != nil {
			t.Errorf("%T: Redacted: %v", v, err)
		} else {
			outs["Redacted"] = fmt.Sprintf("%+v", got)
		}
		for name, out := range outs {
			if strings.Contains(strings.ToLower(out), "okafor") {
				t.Errorf("%T, %s: the address reached the output: %s", v, name, out)
			}
		}
	}
	if base.detail != addr || info.Info.detail != addr {
		t.Errorf("the caller's errors changed")
	}

	got, err := pii.Redacted(nil, struct {
		Err stateCodeError `pii:"email"`
	}{stateCodeError{addr}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("bad address ***@example.com", got.Err.Error()); diff != "" {
		t.Errorf("an error of exported fields (-want +got):\n%s", diff)
	}
	if b, _ := json.Marshal(pii.Safe(concrete{ID: "r1", Err: stateBaseError{base}})); strings.Contains(string(b), "okafor") {
		t.Errorf("Safe as JSON: %s", b)
	}
}
