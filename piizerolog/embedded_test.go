package piizerolog_test

import (
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/ef8f9424/pii/internal/adaptertest"
	"github.com/ef8f9424/pii/piizerolog"
	"github.com/rs/zerolog"
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
// through Object and EmbedObject:
// they write the object encoding/json writes (the one Interface(k, pii.Safe(v)) shows),
// no field lost.
func TestObjectEmbedded(t *testing.T) {
	r := record{base: base{ID: "r1"}, Audit: &Audit{By: adaptertest.Name}, Name: adaptertest.Name, Inner: inner{base{"i1"}, 7}}
	const want = `{"id":"r1","by":"J. D.","name":"J. D.","inner":{"id":"i1","N":7}}`
	tests := []lineTest{
		{"Safe", func(l zerolog.Logger) { l.Info().Interface("r", pii.Safe(r)).Send() }, `{"level":"info","r":` + want + `}`},
		{"Object", func(l zerolog.Logger) { l.Info().Object("r", piizerolog.Object(r)).Send() }, `{"level":"info","r":` + want + `}`},
		{"Object pointer", func(l zerolog.Logger) { l.Info().Object("r", piizerolog.Object(&r)).Send() }, `{"level":"info","r":` + want + `}`},
		{"EmbedObject", func(l zerolog.Logger) { l.Info().EmbedObject(piizerolog.Object(r)).Send() }, `{"level":"info",` + want[1:]},
		{"not JSON", func(l zerolog.Logger) {
			l.Info().Object("r", piizerolog.Object(struct {
				base
				C chan int
			}{base{"r1"}, make(chan int)})).Send()
		}, `{"level":"info","r":{"error":"!PII-REDACTION-FAILED: pii: struct { piizerolog_test.base; C chan int } cannot be written as JSON"}}`},
		{"json options", func(l zerolog.Logger) {
			l.Info().Object("r", piizerolog.Object(options{Name: adaptertest.Name, N: 7})).Send()
		},
			`{"level":"info","r":{"name":"J. D.","n":"7"}}`},
		{"nested json options", func(l zerolog.Logger) {
			l.Info().Object("h", piizerolog.Object(struct{ O options }{options{N: 7}})).Send()
		},
			`{"level":"info","h":{"O":{"n":"7"}}}`},
		{"nested", func(l zerolog.Logger) { l.Info().Object("h", piizerolog.Object(struct{ R record }{r})).Send() },
			`{"level":"info","h":{"R":` + want + `}}`},
	}
	checkLines(t, tests)
}
