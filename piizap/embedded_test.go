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

// TestObjectEmbedded logs structs with embedded fields, and with json tag options,
// through Object: it writes the object encoding/json writes (the one
// zap.Any(k, pii.Safe(v)) shows), no field lost.
func TestObjectEmbedded(t *testing.T) {
	r := adaptertest.NewEmbedded()
	for _, v := range []any{r, &r, struct{ R adaptertest.Embedded }{r}, adaptertest.Options{Name: adaptertest.Name, N: 7}, struct{ O adaptertest.Options }{adaptertest.Options{N: 7}}} {
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

// TestObjectWritesItself logs, through Object, a struct with a field whose type writes
// itself (netip.Addr): it shows what zap.Any(k, pii.Safe(v)) shows, the masked address,
// not {}.
func TestObjectWritesItself(t *testing.T) {
	d := adaptertest.NewDevice()
	checkLines(t, []lineTest{
		{"Safe", false, func(l *zap.Logger) { l.Info("m", zap.Any("d", pii.Safe(d))) }, `{"level":"info","msg":"m","d":` + adaptertest.DeviceJSON + `}`},
		{"Object", false, func(l *zap.Logger) { l.Info("m", piizap.Object("d", &d)) }, `{"level":"info","msg":"m","d":` + adaptertest.DeviceJSON + `}`},
		{"nested", false, func(l *zap.Logger) { l.Info("m", piizap.Object("h", struct{ D adaptertest.Device }{d})) },
			`{"level":"info","msg":"m","h":{"D":` + adaptertest.DeviceJSON + `}}`},
		{"the field alone", false, func(l *zap.Logger) { l.Info("m", piizap.Object("ip", d.IP)) },
			`{"level":"info","msg":"m","ip":"203.0.113.7"}`},
		{"a field of Safe", false, func(l *zap.Logger) {
			l.Info("m", piizap.Object("h", struct{ S pii.SafeValue }{pii.Safe(adaptertest.NewCustomer())}))
		}, `{"level":"info","msg":"m","h":{"S":` + redactedCustomer + `}}`},
	})
}
