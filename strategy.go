package pii

// A redactStrategy is what redact= in a tag asks for. It is resolved once, when a type's
// plan is built, so that redaction never compares strings per value.
type redactStrategy uint8

const (
	redactDefault  redactStrategy = iota // the kind's default (redact=mask says the same)
	redactZero                           // the zero value: "" for strings
	redactReplace                        // a placeholder, "[REDACTED]" unless WithPlaceholder
	redactInitials                       // a name's initials: "Jane Doe" -> "J. D."
	redactLast4                          // all but the last four characters hidden
	redactScan                           // free text: only the PII found inside is hidden
)

var redactStrategyNames = map[string]redactStrategy{
	"mask":     redactDefault,
	"zero":     redactZero,
	"replace":  redactReplace,
	"initials": redactInitials,
	"last4":    redactLast4,
	"scan":     redactScan,
}

// An anonStrategy is what anon= in a tag asks for, resolved once per type like
// redactStrategy.
type anonStrategy uint8

const (
	anonDefault    anonStrategy = iota // the kind's default
	anonDrop                           // the zero value
	anonPseudonym                      // a keyed HMAC-SHA256 token, stable for equal inputs
	anonGeneralize                     // a coarser value: country code, /24, domain, year
	anonSeal                           // an HPKE envelope only the private key holder opens
)

var anonStrategyNames = map[string]anonStrategy{
	"drop":       anonDrop,
	"pseudonym":  anonPseudonym,
	"generalize": anonGeneralize,
	"seal":       anonSeal,
}
