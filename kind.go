package pii

import (
	"errors"
	"fmt"
)

// A Kind says what sort of personal data a field holds. The kind picks the default
// redaction and anonymisation of the field, and decides whether a jurisdiction's profile
// counts the field as personal data at all (an IP address is personal data under GDPR but
// not under CalOPPA).
//
// The zero Kind, KindNone, is the kind of fields that hold no personal data.
type Kind uint8

// The kinds: first those of the README's kind table, then the dates and ages HIPAA Safe
// Harbor treats alike (45 CFR 164.514(b)(2)(i)(C)), then the special categories. Their tag
// spellings are given by Kind.String; the tag value "true" stands for KindGeneric. New
// kinds are only ever appended, so that a Kind's number never changes.
const (
	KindNone      Kind = iota // not personal data (Not PII or Untagged fields)
	KindGeneric               // personal data of no particular kind: tag "true"
	KindPhone                 // a telephone number
	KindEmail                 // an email address
	KindName                  // a person's name
	KindBody                  // message content: SMS bodies, transcripts, chat
	KindIP                    // an IP address
	KindCard                  // a payment card number (PAN)
	KindSecret                // card security code, PIN, password: never kept
	KindAddress               // a street address
	KindPostal                // a postal or ZIP code
	KindDOB                   // a date of birth
	KindGeo                   // geographic coordinates
	KindGovID                 // a government identifier: SSN, passport, national ID
	KindAccount               // an account or bank number, IBAN
	KindDevice                // a device identifier: IMEI, advertising ID, MAC
	KindURL                   // a URL that can identify a person
	KindHealth                // health data
	KindBiometric             // biometric data: voice prints, fingerprints, face geometry
	KindDate                  // a date of a person's life other than birth: admission, discharge, death
	KindAge                   // a person's age

	// The special categories: data that many laws protect more than other personal data
	// (GDPR Art. 9(1) and 10, CCPA 1798.140(ae), LGPD Art. 5(II), PIPL Art. 28, ...). Each
	// profile says, with its provision, whether it holds them sensitive.
	KindEthnicity   // racial or ethnic origin
	KindReligion    // religious or philosophical belief
	KindPolitics    // political opinion or affiliation
	KindUnion       // trade-union membership
	KindSexuality   // sexual orientation or sex life
	KindGenetic     // genetic data: DNA sequences, genotypes, test results
	KindNeural      // neural data: measurements of the nervous system's activity
	KindCriminal    // criminal records: convictions, offences, proceedings
	KindCitizenship // citizenship, nationality or immigration status
	KindChild       // data of a person known to be a child

	numKinds // the number of kinds, KindNone included
)

var kindNames = [numKinds]string{
	KindNone:      "none",
	KindGeneric:   "generic",
	KindPhone:     "phone",
	KindEmail:     "email",
	KindName:      "name",
	KindBody:      "body",
	KindIP:        "ip",
	KindCard:      "card",
	KindSecret:    "secret",
	KindAddress:   "address",
	KindPostal:    "postal",
	KindDOB:       "dob",
	KindGeo:       "geo",
	KindGovID:     "govid",
	KindAccount:   "account",
	KindDevice:    "device",
	KindURL:       "url",
	KindHealth:    "health",
	KindBiometric: "biometric",
	KindDate:      "date",
	KindAge:       "age",

	KindEthnicity:   "ethnicity",
	KindReligion:    "religion",
	KindPolitics:    "politics",
	KindUnion:       "union",
	KindSexuality:   "sexuality",
	KindGenetic:     "genetic",
	KindNeural:      "neural",
	KindCriminal:    "criminal",
	KindCitizenship: "citizenship",
	KindChild:       "child",
}

// Kinds returns every kind of personal data, KindGeneric first, in a fresh slice.
// KindNone is not among them.
func Kinds() []Kind {
	ks := make([]Kind, 0, numKinds-1)
	for k := KindGeneric; k < numKinds; k++ {
		ks = append(ks, k)
	}
	return ks
}

// String returns the kind's spelling in a tag ("phone", "email", ...); KindGeneric is
// "generic" and KindNone is "none".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText encodes the kind as its tag spelling, so that JSON output reads "phone".
func (k Kind) MarshalText() ([]byte, error) {
	if k >= numKinds {
		return nil, errorf("pii: invalid Kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind from its tag spelling, as ParseKind does.
func (k *Kind) UnmarshalText(b []byte) error {
	parsed, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = parsed
	return nil
}

// ErrUnknownKind is returned, wrapped, by ParseKind for a name that is no kind.
var ErrUnknownKind = errors.New("unknown kind")

// ParseKind returns the kind spelled s, as in a tag: "phone", "email", ... "generic" and
// "true" both give KindGeneric, and "none" gives KindNone. Case matters, as in tags.
func ParseKind(s string) (Kind, error) {
	if s == "true" {
		return KindGeneric, nil
	}
	for k, name := range kindNames {
		if s == name {
			return Kind(k), nil
		}
	}
	return KindNone, errorf("pii: %w %q%s (want true, or one of %s)", ErrUnknownKind, s,
		hint(s, append([]string{"true"}, kindNames[:]...)), kindList())
}

// A Class says whether a field is personal data: PII, NotPII (tagged `pii:"no"`), or
// Untagged (no pii tag at all, which CheckTagged reports).
type Class uint8

// The classes of a field. Untagged is the zero value.
const (
	Untagged Class = iota // no pii tag: not yet classified by its author
	NotPII                // tagged `pii:"no"`: never redacted, anonymised or purged
	PII                   // personal data of some Kind
)

var classNames = [...]string{Untagged: "Untagged", NotPII: "Not PII", PII: "PII"}

// String returns "PII", "Not PII" or "Untagged", as the data inventory prints them.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("Class(%d)", uint8(c))
}

// MarshalText encodes the class as its String.
func (c Class) MarshalText() ([]byte, error) {
	if int(c) >= len(classNames) {
		return nil, errorf("pii: invalid Class %d", uint8(c))
	}
	return []byte(classNames[c]), nil
}

// Handling says how carefully a PII field must be treated. Sensitive data (GDPR Art. 9
// special categories, CCPA sensitive personal information) is subject to stricter rules:
// its values never reach a log line, even redacted.
type Handling uint8

// The handlings a tag can ask for with handling=standard|sensitive.
const (
	Standard  Handling = iota // the default
	Sensitive                 // special-category or sensitive personal information
)

// String returns "standard" or "sensitive", the tag spellings.
func (h Handling) String() string {
	switch h {
	case Standard:
		return "standard"
	case Sensitive:
		return "sensitive"
	}
	return fmt.Sprintf("Handling(%d)", uint8(h))
}

// MarshalText encodes the handling as its String.
func (h Handling) MarshalText() ([]byte, error) {
	if h > Sensitive {
		return nil, errorf("pii: invalid Handling %d", uint8(h))
	}
	return []byte(h.String()), nil
}
