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

// TestObjectEmbedded logs structs with embedded fields through Object: it writes the
// object encoding/json writes (the one zap.Any(k, pii.Safe(v)) shows), no field lost.
func TestObjectEmbedded(t *testing.T) {
	r := record{base: base{ID: "r1"}, Audit: &Audit{By: adaptertest.Name}, Name: adaptertest.Name, Inner: inner{base{"i1"}, 7}}
	var got, want bytes.Buffer
	newLogger(&got, nil).Info("m", piizap.Object("r", r))
	newLogger(&want, nil).Info("m", zap.Any("r", pii.Safe(r)))
	if diff := cmp.Diff(want.String(), got.String()); diff != "" {
		t.Errorf("Object (-Safe's +got):\n%s", diff)
	}
	var line struct{ R map[string]any }
	if err := json.Unmarshal(got.Bytes(), &line); err != nil || line.R["id"] != "r1" || line.R["by"] != "J. D." {
		t.Errorf("line %s (%v), want the embedded fields as the record's", got.String(), err)
	}
}
