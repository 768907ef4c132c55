package pii_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/ef8f9424/pii"
)

// typedRecord is a record with a reflect.Type beside its personal data, as a
// validation error or a registry entry keeps one.
type typedRecord struct {
	Name  string `pii:"name"`
	T     reflect.Type
	Extra any
}

// TestLogReflectTypeField: a log line (text handler, through NewHandler) of a
// reflect.Type, or of a record holding one in a field of its own or in an any, prints
// the type. The walk
// used to copy the type's descriptor for the line's snapshot, and printing the copy
// stopped the process (fatal error: name offset base pointer out of range), which no
// recover catches: the test runs the line in a child process.
func TestLogReflectTypeField(t *testing.T) {

	if os.Getenv("PII_REFLECT_TYPE_CHILD") == "1" {
		var buf bytes.Buffer
		slog.New(pii.NewHandler(slog.NewTextHandler(&buf, nil), nil)).Info("x", "v",
			typedRecord{Name: "Jane Doe", T: reflect.TypeFor[int](), Extra: reflect.TypeFor[string]()},
			"type", reflect.TypeFor[float64]())
		fmt.Print(buf.String())
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLogReflectTypeField$")
	cmd.Env = append(os.Environ(), "PII_REFLECT_TYPE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the log line stopped the process: %v\n%s", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "T:int") || !strings.Contains(s, "type=float64") || !strings.Contains(s, "Extra:string") || strings.Contains(s, "Jane") {
		t.Errorf("log line: %s", s)
	}
}

// TestTaggedReflectType: a PII tag on a reflect.Type field is refused as a type that
// cannot hold the kind, as on a chan or func field.
func TestTaggedReflectType(t *testing.T) {

	type tagged struct {
		T reflect.Type `pii:"true"`
	}
	_, err := pii.Classify(tagged{T: reflect.TypeFor[int]()})
	if !errors.Is(err, pii.ErrKindType) {
		t.Errorf("Classify: %v, want an error wrapping ErrKindType", err)
	}
}
