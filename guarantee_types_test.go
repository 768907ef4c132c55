package pii_test

import (
	"encoding/json"

	"fmt"
	"log/slog"
	"reflect"

	"github.com/ef8f9424/pii"
)

// The predeclared tagged types of the guarantee test. reflect.StructOf cannot give a type
// methods, so the types whose methods print their own raw fields (LogValue, String,
// Error, MarshalJSON, MarshalText, GoString, Format) are declared here and mixed into the
// random structures by the generator (guarantee_gen_test.go). Every method prints every
// field, Not PII ones included: called on a redacted copy it shows the Not PII markers
// and none of the personal data; called on the caller's value it leaks.

// GtBase is embedded by random structs: its fields are promoted.
type GtBase struct {
	BaseID    string `pii:"no"`
	BaseOwner string `pii:"name"`
}

// GtContact is a plain tagged type: an untagged Note inherits the tag of whatever holds
// the contact.
type GtContact struct {
	ContactEmail string `pii:"email"`
	ContactPhone string `pii:"phone"`
	ContactNote  string
}

// GtKey is comparable, to be a map key: a map keyed by it must be refused (ErrMapKey).
type GtKey struct {
	KeyName string `pii:"name"`
}

// GtLogUser implements slog.LogValuer over its raw fields.
type GtLogUser struct {
	LogName  string `pii:"name"`
	LogEmail string `pii:"email"`
	LogRef   string `pii:"no"`
}

func (u GtLogUser) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", u.LogName), slog.String("email", u.LogEmail),
		slog.String("ref", u.LogRef))
}

// GtStrUser implements fmt.Stringer over its raw fields.
type GtStrUser struct {
	StrPhone string `pii:"phone"`
	StrRef   string `pii:"no"`
}

func (u GtStrUser) String() string { return "GtStrUser(" + u.StrPhone + " " + u.StrRef + ")" }

// GtErrUser is an error whose text holds its raw fields.
type GtErrUser struct {
	ErrCard string `pii:"card"`
	ErrCode string `pii:"no"`
}

func (e GtErrUser) Error() string { return "card " + e.ErrCard + " declined, code " + e.ErrCode }

// GtJSONUser implements json.Marshaler over its raw fields.
type GtJSONUser struct {
	JSONGovID string `pii:"govid"`
	JSONRef   string `pii:"no"`
}

func (u GtJSONUser) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"govid": u.JSONGovID, "ref": u.JSONRef})
}

// GtTextUser implements encoding.TextMarshaler over its raw fields; it is comparable, so
// that it can be a map key too.
type GtTextUser struct {
	TextAddress string `pii:"address"`
	TextRef     string `pii:"no"`
}

func (u GtTextUser) MarshalText() ([]byte, error) {
	return []byte("addr=" + u.TextAddress + " ref=" + u.TextRef), nil
}

// GtPtrStrUser implements fmt.Stringer with a pointer receiver.
type GtPtrStrUser struct {
	PtrName string `pii:"name"`
	PtrRef  string `pii:"no"`
}

func (u *GtPtrStrUser) String() string { return "GtPtrStrUser(" + u.PtrName + " " + u.PtrRef + ")" }

// GtGoStrUser implements fmt.GoStringer, which %#v calls.
type GtGoStrUser struct {
	GoDOB string `pii:"dob"`
	GoRef string `pii:"no"`
}

func (u GtGoStrUser) GoString() string { return "GtGoStrUser{" + u.GoDOB + ", " + u.GoRef + "}" }

// GtFmtUser implements fmt.Formatter, which every verb calls.
type GtFmtUser struct {
	FmtHealth string `pii:"health"`
	FmtRef    string `pii:"no"`
}

func (u GtFmtUser) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "GtFmtUser<%s %s>", u.FmtHealth, u.FmtRef)
}

// GtMulti has several methods at once, and a nested tagged value.
type GtMulti struct {
	MultiPhone   string    `pii:"phone"`
	MultiContact GtContact `pii:"no"` // "no" on a struct: its own tags still apply
	MultiRef     string    `pii:"no"`
}

func (m GtMulti) String() string {
	return "GtMulti(" + m.MultiPhone + " " + m.MultiContact.ContactEmail + " " + m.MultiRef + ")"
}

func (m GtMulti) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{m.MultiPhone, m.MultiContact.ContactEmail, m.MultiContact.ContactPhone, m.MultiRef})
}

func (m GtMulti) LogValue() slog.Value {
	return slog.StringValue(m.MultiPhone + " " + m.MultiRef)
}

// GtEmbedsLog embeds GtLogUser, whose LogValue it promotes: logged, it shows only the
// embedded user, by that method.
type GtEmbedsLog struct {
	GtLogUser
	EmbedsPhone string `pii:"phone"`
	EmbedsRef   string `pii:"no"`
}

// GtPtrLogUser implements slog.LogValuer with a pointer receiver.
type GtPtrLogUser struct {
	PtrLogPhone string `pii:"phone"`
	PtrLogRef   string `pii:"no"`
}

func (u *GtPtrLogUser) LogValue() slog.Value {
	return slog.GroupValue(slog.String("phone", u.PtrLogPhone), slog.String("ref", u.PtrLogRef))
}

// GtNode is a recursive type; the generator makes some nodes point at themselves.
type GtNode struct {
	NodeName string  `pii:"name"`
	NodeRef  string  `pii:"no"`
	Next     *GtNode `pii:"no"`
}

// GtPhoneNum is a custom leaf: a Redactor that hides its own digits where a phone tag
// asks for it, and a struct with its own tag elsewhere.
type GtPhoneNum struct {
	Digits string `pii:"phone"`
}

func (p *GtPhoneNum) RedactPII(pii.Kind) {
	if len(p.Digits) > 4 {
		p.Digits = p.Digits[:len(p.Digits)-4] + "XXXX" // a new string: the caller's is shared
	}
}

// gtInner is embedded unexported: encoding/json still promotes its exported fields.
type gtInner struct {
	InnerName string `pii:"name"`
	InnerRef  string `pii:"no"`
}

// GtOuter embeds an unexported tagged struct.
type GtOuter struct {
	gtInner
	OuterRef string `pii:"no"`
}

// GtPhoneList is a named slice type whose String prints its raw elements.
type GtPhoneList []string

func (l GtPhoneList) String() string { return "phones" + fmt.Sprint([]string(l)) }

// GtPtrJSONUser implements json.Marshaler with a pointer receiver, which encoding/json
// calls on addressable values.
type GtPtrJSONUser struct {
	PtrJSONEmail string `pii:"email"`
	PtrJSONRef   string `pii:"no"`
}

func (u *GtPtrJSONUser) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"email": u.PtrJSONEmail, "ref": u.PtrJSONRef})
}

// gtValuer is a slog.LogValuer whose value the test changes after the log call: a handler
// that resolves it late (or lets the next handler resolve it) logs what it holds then.
type gtValuer struct{ box *gtBox }

type gtBox struct{ v any }

func (v gtValuer) LogValue() slog.Value { return slog.AnyValue(v.box.v) }

// gtPredeclared lists the predeclared types the generator may put anywhere a type goes.
var gtPredeclared = []reflect.Type{
	reflect.TypeFor[GtBase](),
	reflect.TypeFor[GtContact](),
	reflect.TypeFor[GtLogUser](),
	reflect.TypeFor[GtStrUser](),
	reflect.TypeFor[GtErrUser](),
	reflect.TypeFor[GtJSONUser](),
	reflect.TypeFor[GtTextUser](),
	reflect.TypeFor[GtPtrStrUser](),
	reflect.TypeFor[GtGoStrUser](),
	reflect.TypeFor[GtFmtUser](),
	reflect.TypeFor[GtMulti](),
	reflect.TypeFor[GtEmbedsLog](),
	reflect.TypeFor[GtPtrLogUser](),
	reflect.TypeFor[GtNode](),
	reflect.TypeFor[GtPhoneNum](),
	reflect.TypeFor[GtOuter](),
	reflect.TypeFor[GtPtrJSONUser](),
}

// gtEmbeddable lists the predeclared types a random struct may embed (without methods,
// which reflect.StructOf cannot promote).
var gtEmbeddable = []reflect.Type{
	reflect.TypeFor[GtBase](),
	reflect.TypeFor[GtContact](),
}

// gtKeyTypes lists the tagged types a map may be keyed by.
var gtKeyTypes = []reflect.Type{
	reflect.TypeFor[GtKey](),
	reflect.TypeFor[GtTextUser](),
}
