package piizerolog_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
)

// TestObjectEmbedded logs structs with embedded fields, and with json tag options,
// through Object and EmbedObject:
// they write the object encoding/json writes (the one Interface(k, pii.Safe(v)) shows),
// no field lost.
func TestObjectEmbedded(t *testing.T) {
	r := adaptertest.NewEmbedded()
	const want = adaptertest.EmbeddedJSON
	tests := []lineTest{
		{"Safe", func(l zerolog.Logger) { l.Info().Interface("r", pii.Safe(r)).Send() }, `{"level":"info","r":` + want + `}`},
		{"Object", func(l zerolog.Logger) { l.Info().Object("r", piizerolog.Object(r)).Send() }, `{"level":"info","r":` + want + `}`},
		{"Object pointer", func(l zerolog.Logger) { l.Info().Object("r", piizerolog.Object(&r)).Send() }, `{"level":"info","r":` + want + `}`},
		{"EmbedObject", func(l zerolog.Logger) { l.Info().EmbedObject(piizerolog.Object(r)).Send() }, `{"level":"info",` + want[1:]},
		{"not JSON", func(l zerolog.Logger) {
			l.Info().Object("r", piizerolog.Object(struct {
				adaptertest.Embedded
				C chan int
			}{r, make(chan int)})).Send()
		}, `{"level":"info","r":{"error":"!PII-REDACTION-FAILED: pii: struct { adaptertest.Embedded; C chan int } cannot be written as JSON"}}`},
		{"json options", func(l zerolog.Logger) {
			l.Info().Object("r", piizerolog.Object(adaptertest.Options{Name: adaptertest.Name, N: 7})).Send()
		},
			`{"level":"info","r":{"name":"J. D.","n":"7"}}`},
		{"nested json options", func(l zerolog.Logger) {
			l.Info().Object("h", piizerolog.Object(struct{ O adaptertest.Options }{adaptertest.Options{N: 7}})).Send()
		},
			`{"level":"info","h":{"O":{"n":"7"}}}`},
		{"nested", func(l zerolog.Logger) {
			l.Info().Object("h", piizerolog.Object(struct{ R adaptertest.Embedded }{r})).Send()
		},
			`{"level":"info","h":{"R":` + want + `}}`},
	}
	checkLines(t, tests)
}

// TestObjectWritesItself logs, through Object, a struct with a field whose type writes
// itself (netip.Addr): it shows what Interface(k, pii.Safe(v)) shows, the masked
// address, not {}.
func TestObjectWritesItself(t *testing.T) {
	d := adaptertest.NewDevice()
	const want = adaptertest.DeviceJSON
	checkLines(t, []lineTest{
		{"Safe", func(l zerolog.Logger) { l.Info().Interface("d", pii.Safe(d)).Send() }, `{"level":"info","d":` + want + `}`},
		{"Object", func(l zerolog.Logger) { l.Info().Object("d", piizerolog.Object(&d)).Send() }, `{"level":"info","d":` + want + `}`},
		{"nested", func(l zerolog.Logger) {
			l.Info().Object("h", piizerolog.Object(struct{ D *adaptertest.Device }{&d})).Send()
		},
			`{"level":"info","h":{"D":` + want + `}}`},
		{"the field alone", func(l zerolog.Logger) { l.Info().Object("ip", piizerolog.Object(d.IP)).Send() },
			`{"level":"info","ip":{"value":"203.0.113.7"}}`},
		{"a field of Safe", func(l zerolog.Logger) {
			l.Info().Object("h", piizerolog.Object(struct{ S pii.SafeValue }{pii.Safe(adaptertest.NewCustomer())})).Send()
		}, `{"level":"info","h":{"S":` + redactedCustomer + `}}`},
	})
}
