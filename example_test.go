package pii_test

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/ef8f9424/pii"
)

func ExampleClassify() {
	type Message struct {
		SID  string `pii:"no"`
		From string `pii:"phone,mtl=120"`
		Body string `pii:"body,mtl=30"`
	}
	fields, err := pii.Classify(Message{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fields {
		fmt.Printf("%s: %s\n", f.Path, f.Summary())
	}
	// Output:
	// SID: Not PII
	// From: PII MTL: 120 days (phone)
	// Body: PII MTL: 30 days (body, sensitive)
}

func ExampleRedact() {
	type Message struct {
		SID    string `pii:"no"`
		From   string `pii:"phone,mtl=120"`
		Body   string `pii:"body,mtl=30"`
		Author string `pii:"name"`
	}
	m := Message{SID: "SM1", From: "+14155551234", Body: "see you at 5", Author: "Jane Doe"}
	if err := pii.Redact(&m); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", m)
	// Output:
	// {SID:SM1 From:+1415555XXXX Body: Author:J. D.}
}

func ExampleRedacted() {
	type Contact struct {
		Email string `pii:"email"`
		Phone string `pii:"phone"`
	}
	p, err := pii.New(pii.WithOwnedNumbers("+14155550100"))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := Contact{Email: "jane.doe@example.com", Phone: "+1 (415) 555-0100"}
	safe, err := pii.Redacted(p, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("copy:     %+v\noriginal: %+v\n", safe, c)
	// Output:
	// copy:     {Email:***@example.com Phone:+1 (415) 555-0100}
	// original: {Email:jane.doe@example.com Phone:+1 (415) 555-0100}
}

func ExampleNewHandler() {
	type Participant struct {
		Label  string `pii:"no"`
		Number string `pii:"phone"`
	}
	h := pii.NewHandler(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}), nil)
	slog.New(h).Info("dialled", "party", Participant{Label: "mobile", Number: "+442079460958"})
	// Output:
	// level=INFO msg=dialled party="{Label:mobile Number:+44207946XXXX}"
}

func ExampleSafe() {
	type User struct {
		ID    int    `pii:"no"`
		Email string `pii:"email"`
	}
	u := User{ID: 7, Email: "jane@example.com"}
	fmt.Printf("%+v\n", pii.Safe(u))
	// Output:
	// {ID:7 Email:***@example.com}
}

// A logger adapter hands each value to ForLog and writes what it returns: the redacted
// copy (sensitive data zeroed, as a Handler does), the value itself when nothing in it
// is personal data, or a note that is an ErrRedactionFailed error.
func ExamplePolicy_ForLog() {
	type Payment struct {
		Phone string `pii:"phone"`
		Card  string `pii:"card,handling=sensitive"`
	}
	type Broken struct {
		Phone float64 `pii:"phone"`
	}
	p, err := pii.New()
	if err != nil {
		panic(err)
	}
	for _, v := range []any{
		Payment{Phone: "+14155552671", Card: "4242 4242 4242 4242"},
		"no tags here",
		Broken{Phone: 4155552671},
	} {
		x, changed := p.ForLog(v)
		if err, ok := x.(error); ok && errors.Is(err, pii.ErrRedactionFailed) {
			fmt.Println("failed:", err)
			continue
		}
		fmt.Printf("%t %+v\n", changed, x)
	}
	// Output:
	// true {Phone:+1415555XXXX Card:}
	// false no tags here
	// failed: !PII-REDACTION-FAILED: pii: pii_test.Broken.Phone: tag "phone": the field's Go type cannot hold this kind: float64 cannot hold phone
}

func ExampleParseTag() {
	tag, err := pii.ParseTag("phone,mtl=120,redact=last4")
	fmt.Println(tag.Kind, tag.MTL, tag.Redact, err)
	_, err = pii.ParseTag("phone,mtl=ninety")
	fmt.Println(err)
	// Output:
	// phone 120 last4 <nil>
	// pii: tag "phone,mtl=ninety": days must be a whole number from 0 to 36525, not mtl="ninety"
}

func ExampleCheckTagged() {
	type Signup struct {
		Email    string `pii:"email"`
		Referrer string // nobody said what this is
	}
	fmt.Println(pii.CheckTagged(Signup{}))
	// Output:
	// pii: pii_test.Signup has 1 untagged field(s): Referrer
}

func ExampleNewInventory() {
	type Message struct {
		SID  string `pii:"no"`
		From string `pii:"phone,mtl=120"`
		Body string `pii:"body,mtl=30,ttl=90"`
	}
	inv, err := pii.NewInventory(Message{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	_ = inv.WriteMarkdown(&b)
	fmt.Print(b.String())
	// Output:
	// ## pii_test.Message
	//
	// | Field | Go type | Classification | Kind | MTL | TTL | Handling |
	// |---|---|---|---|---|---|---|
	// | SID | `string` | Not PII |  |  |  |  |
	// | From | `string` | PII MTL: 120 days | phone | 120 days |  | standard |
	// | Body | `string` | PII MTL: 30 days | body | 30 days | 90 days | sensitive |
}

func ExamplePolicy_Anonymize() {
	type Signup struct {
		Phone  string `pii:"phone"`
		Email  string `pii:"email,anon=generalize"`
		IP     string `pii:"ip"`
		Postal string `pii:"postal"`
	}
	p, err := pii.New(pii.WithKey([]byte("a pseudonym key of 16 bytes or more")))
	if err != nil {
		fmt.Println(err)
		return
	}
	a := Signup{Phone: "+1 (415) 555-1234", Email: "jane@example.com", IP: "203.0.113.42", Postal: "94105"}
	b := Signup{Phone: "+14155551234"}
	if err := p.Anonymize(&a); err != nil {
		fmt.Println(err)
		return
	}
	_ = p.Anonymize(&b)
	fmt.Printf("%+v\nsame person: %v\n", a, a.Phone == b.Phone)
	// Output:
	// {Phone:phone:k6eebfbec:w6tyfdpz4cn4abwy74h565bxwa Email:example.com IP:203.0.113.0/24 Postal:941}
	// same person: true
}

func ExampleUnseal() {
	type Call struct {
		Recording []byte `pii:"biometric,anon=seal"`
	}
	priv, err := pii.GenerateSealKey()
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := pii.New(pii.WithSealKey(priv.PublicKey()))
	c := Call{Recording: []byte("hello")}
	_ = p.Anonymize(&c)
	fmt.Println(strings.HasPrefix(string(c.Recording), "pii-seal:v2:"))
	if err := pii.Unseal(&c, priv); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s\n", c.Recording)
	// Output:
	// true
	// hello
}

func ExampleScheduleOf() {
	type Message struct {
		From string `pii:"phone,mtl=120"`
		Body string `pii:"body,mtl=30"`
	}
	created := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	s, err := pii.ScheduleOf(Message{}, created)
	if err != nil {
		fmt.Println(err)
		return
	}
	gone, _ := s.GoneBy(created.AddDate(0, 0, 1))
	fmt.Println("deleted on day 1, gone by", gone.Format(time.DateOnly))
	// Output:
	// deleted on day 1, gone by 2026-05-02
}

func ExampleScan() {
	text := "Call me on +44 20 7946 0958 or write to jane@example.com"
	for _, f := range pii.Scan(text) {
		fmt.Printf("%s at %d-%d: %s\n", f.Kind, f.Start, f.End, text[f.Start:f.End])
	}
	// Output:
	// phone at 11-27: +44 20 7946 0958
	// email at 40-56: jane@example.com
}

func ExampleRedactText() {
	fmt.Println(pii.RedactText("Call me on +44 20 7946 0958 or write to jane@example.com"))
	// Output:
	// Call me on +44 20 7946 XXXX or write to ***@example.com
}

func ExamplePolicy_Purge() {
	type Visit struct {
		ID       string `pii:"no"`
		ClientIP string `pii:"ip,ttl=14"`
		Notes    string `pii:"body,mtl=30,ttl=180"`
	}
	created := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	v := Visit{ID: "V1", ClientIP: "203.0.113.42", Notes: "asked about billing"}
	purged, err := pii.Default().Purge(&v, created, created.AddDate(0, 0, 20))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q %+v\n", purged, v)
	// Output:
	// ["ClientIP"] {ID:V1 ClientIP: Notes:asked about billing}
}
