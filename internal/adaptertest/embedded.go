package adaptertest

import "net/netip"

// The structs below are written by encoding/json otherwise than field by field: the
// adapters' Object functions must write what pii.Safe's MarshalJSON writes of them.

// base is embedded unexported: encoding/json writes its exported fields as the
// embedding struct's own.
type base struct {
	ID string `pii:"no" json:"id"`
}

// Audit is embedded by pointer.
type Audit struct {
	By string `pii:"name" json:"by"`
}

// Embedded embeds base and *Audit, and holds a struct that embeds base too.
type Embedded struct {
	base
	*Audit
	Name  string        `pii:"name" json:"name"`
	Inner EmbeddedInner `json:"inner"`
}

// EmbeddedInner is the struct Embedded holds.
type EmbeddedInner struct {
	base
	N int `pii:"no"`
}

// NewEmbedded returns an Embedded whose name and auditor are Name, with the IDs "r1"
// (its own) and "i1" (its Inner's).
func NewEmbedded() Embedded {
	return Embedded{base: base{ID: "r1"}, Audit: &Audit{By: Name}, Name: Name, Inner: EmbeddedInner{base{"i1"}, 7}}
}

// EmbeddedJSON is what a line shows of NewEmbedded() under the default Policy.
const EmbeddedJSON = `{"id":"r1","by":"J. D.","name":"J. D.","inner":{"id":"i1","N":7}}`

// Options has fields whose json tags have options: encoding/json leaves out an empty
// omitempty field and writes a ",string" number as a string.
type Options struct {
	Name  string `pii:"name" json:"name,omitempty"`
	Email string `pii:"email" json:"email,omitempty"`
	N     int    `pii:"no" json:"n,string"`
}

// Device has a field that writes itself (netip.Addr, an encoding.TextMarshaler with
// unexported fields): field by field it would show as {}.
type Device struct {
	ID string     `pii:"no" json:"id"`
	IP netip.Addr `pii:"ip" json:"ip"`
}

// NewDevice returns a Device with ID "d1" at 203.0.113.7.
func NewDevice() Device { return Device{ID: "d1", IP: netip.MustParseAddr("203.0.113.7")} }

// DeviceJSON is what a line shows of NewDevice() under the default Policy.
const DeviceJSON = `{"id":"d1","ip":"203.0.113.0"}`
