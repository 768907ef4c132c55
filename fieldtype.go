package pii

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
}
