package pii

import (
	"fmt"
	"reflect"
	"strings"
)

// A Field describes one leaf field of a Go type, as Classify reports it: where the field
// sits, and what its pii tag (its own, or the one it inherits from an enclosing field)
// says of it.
type Field struct {
	// Type is the root Go type the path starts from, as reflect prints it ("api.Message").
	Type string `json:"type"`
	// Path names the field from the root by Go field names, with "[]" for any slice,
	// array or map element: "Parties[].Number".
	Path string `json:"path"`
	// GoType is the leaf's Go type ("string", "time.Time", "[]uint8").
	GoType string `json:"go_type"`
	// Class says whether the field is PII, Not PII, or carries no tag.
	Class Class `json:"class"`
	// Kind is the kind of personal data; KindNone unless Class is PII.
	Kind Kind `json:"kind"`
	// MTL is the minimum time to live in days: the field is kept at least this long after
	// the record is created, whatever deletion is asked for. 0 means no minimum.
	MTL int `json:"mtl,omitempty"`
	// TTL is the maximum retention in days: the field must be purged this long after
	// creation. 0 means no maximum.
	TTL int `json:"ttl,omitempty"`
	// Handling says whether the field needs the care of sensitive data.
	Handling Handling `json:"handling"`
	// Redact and Anon name the strategies the tag chose with redact= and anon=; empty
	// means the kind's default.
	Redact string `json:"redact,omitempty"`
	Anon   string `json:"anon,omitempty"`
	// Profile names the jurisdiction profile that decided the class when it differs from
	// what the tag says (an ip field that CalOPPA does not count as PII); empty otherwise.
	Profile string `json:"profile,omitempty"`
	// Created reports the field that holds the record's creation time (`pii:"no,created"`),
	// from which every MTL and TTL of the record counts.
	Created bool `json:"created,omitempty"`
	// SeenPII lists the kinds of personal data found in this Not PII or untagged field
	// in the sample values given to Inventory; empty when none was seen or none given.
	SeenPII []Kind `json:"seen_pii,omitempty"`
}

// Summary says in one line everything the field's tag says, as an API reference prints
// it: "PII MTL: 30 days TTL: 90 days (body, sensitive)", "PII (ip)", "Not PII",
// "Not PII (creation time)" or "Untagged". A profile that decided the class is named:
// "Not PII (ip, under CalOPPA)".
func (f Field) Summary() string {
	var b strings.Builder
	b.WriteString(f.Class.String())
	if f.MTL > 0 {
		fmt.Fprintf(&b, " MTL: %d days", f.MTL)
	}
	if f.TTL > 0 {
		fmt.Fprintf(&b, " TTL: %d days", f.TTL)
	}
	var notes []string
	if f.Kind != KindNone {
		notes = append(notes, f.Kind.String())
	}
	if f.Handling == Sensitive {
		notes = append(notes, "sensitive")
	}
	if f.Redact != "" {
		notes = append(notes, "redact="+f.Redact)
	}
	if f.Anon != "" {
		notes = append(notes, "anon="+f.Anon)
	}
	if f.Created {
		notes = append(notes, "creation time")
	}
	if f.Profile != "" {
		notes = append(notes, "under "+f.Profile)
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, ", ") + ")")
	}
	return b.String()
}

// field describes a leaf under the rule r.
func (r *rule) field(typ, path string, goType reflect.Type) Field {
	return Field{
		Type:     typ,
		Path:     path,
		GoType:   goType.String(),
		Class:    r.tag.Class,
		Kind:     r.tag.Kind,
		MTL:      r.tag.MTL,
		TTL:      r.tag.TTL,
		Handling: r.tag.Handling,
		Redact:   r.tag.Redact,
		Anon:     r.tag.Anon,
		Created:  r.tag.Created,
	}
}

// join joins a field path and a member name with a dot.
func join(path, name string) string {
	if path == "" {
		return name
	}
	if name == "" {
		return path
	}
	return path + "." + name
}
