package piizap_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizap"
	"github.com/google/go-cmp/cmp"
	"go.uber.org/zap"
)

// base is embedded unexported: encoding/json writes its exported fields as the
// embedding struct's own.
type base struct {
	ID string `pii:"no" json:"id"`
}

// Audit is embedded by pointer.
type Audit struct {
	By string `pii:"name" json:"by"`
}

// record embeds both, and holds a struct that embeds base too.
type record struct {
	base
	*Audit
	Name  string `pii:"name" json:"name"`
	Inner inner  `json:"inner"`
}

type inner struct {
	base
	N int `pii:"no"`
}

// options has fields whose json tags have options: encoding/json leaves out an empty
// omitempty field and writes a ",string" number as a string.
type options struct {
	Name  string `pii:"name" json:"name,omitempty"`
	Email string `pii:"email" json:"email,omitempty"`
	N     int    `pii:"no" json:"n,string"`
}

// TestObjectEmbedded logs structs with embedded fields, and with json tag options,
// through Object: it writes the object encoding/json writes (the one
// zap.Any(k, pii.Safe(v)) shows), no field lost.
func TestObjectEmbedded(t *testing.T) {
	r := record{base: base{ID: "r1"}, Audit: &Audit{By: adaptertest.Name}, Name: adaptertest.Name, Inner: inner{base{"i1"}, 7}}
	for _, v := range []any{r, &r, struct{ R record }{r}, options{Name: adaptertest.Name, N: 7}, struct{ O options }{options{N: 7}}} {
		var got, want bytes.Buffer
		newLogger(&got, nil).Info("m", piizap.Object("r", v))
		newLogger(&want, nil).Info("m", zap.Any("r", pii.Safe(v)))
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("Object(%T) (-Safe's +got):\n%s", v, diff)
		}
	}
	var got bytes.Buffer
	newLogger(&got, nil).Info("m", piizap.Object("r", r))
	var line struct{ R map[string]any }
	if err := json.Unmarshal(got.Bytes(), &line); err != nil || line.R["id"] != "r1" || line.R["by"] != "J. D." {
		t.Errorf("line %s (%v), want the embedded fields as the record's", got.String(), err)
	}
}
