// Package selfhide declares tagged types that print themselves redacted, through the
// library (String, LogValue, MarshalJSON, Format, Error calling pii), and one that
// prints itself raw.
package selfhide

import (
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/ef8f9424/pii"
	"go.uber.org/zap"
)

type User struct { // want User:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (u User) String() string { return pii.Safe(u).String() } // want String:"prints itself redacted"

func (u User) LogValue() slog.Value { return pii.Safe(u).LogValue() } // want LogValue:"prints itself redacted"

func (u User) MarshalJSON() ([]byte, error) { // want MarshalJSON:"prints itself redacted"
	type plain User
	return json.Marshal(pii.Safe(plain(u)))
}

// Fault is an error that writes its text from the redacted copy.
type Fault struct { // want Fault:"pii-tagged"
	Phone string `pii:"phone"`
}

func (f *Fault) Error() string { // want Error:"prints itself redacted"
	r, _ := pii.Redacted(nil, *f)
	return "fault for " + r.Phone
}

// Raw prints itself as it is: its String is no redaction.
type Raw struct { // want Raw:"pii-tagged"
	Email string `pii:"email"`
}

func (r Raw) String() string { return r.Email } // want String:`returns tagged pii:"email" at selfhide.Raw.Email`

// Only hides itself in String: encoding/json writes it as it is.
type Only struct { // want Only:"pii-tagged"
	Email string `pii:"email"`
}

func (o Only) String() string { return fmt.Sprint(pii.Safe(o)) } // want String:"prints itself redacted"

func Use(u User, f *Fault, r Raw, o Only) { // want Use:`forwards \[0 1 3\] to fmt.Println`
	fmt.Println(u, &u, f)
	fmt.Printf("%v %s\n", u, f)
	slog.Info("x", "u", u)
	_, _ = json.Marshal(u)
	fmt.Println(r) // want `r \(selfhide.Raw carries pii tags\) reaches fmt.Println`
	fmt.Println(o)
	_, _ = json.Marshal(o) // want `o \(selfhide.Only carries pii tags\) reaches json.Marshal`
}

// NotFound is an error that names the customer by ID only: fmt prints no personal data.
type NotFound struct { // want NotFound:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
	Cause error  `pii:"no"`
}

func (e *NotFound) Error() string { return "no customer " + e.ID } // want Error:"prints itself redacted"

// Failed names the customer's cause, which may hold anything.
type Failed struct { // want Failed:"pii-tagged"
	Email string `pii:"email"`
	Cause error  `pii:"no"`
}

func (e *Failed) Error() string { return "failed: " + e.Cause.Error() }

// Whole hands itself to fmt.
type Whole struct { // want Whole:"pii-tagged"
	Email string `pii:"email"`
}

func (w Whole) String() string { return describe(w) } // want String:`returns tagged pii:"email" at selfhide.Whole.Email`

func describe(w Whole) string { return w.Email } // want describe:`returns tagged pii:"email" at selfhide.Whole.Email`

// Named prints a constant.
type Named struct { // want Named:"pii-tagged"
	Email string `pii:"email"`
}

func (Named) String() string { return "named" } // want String:"prints itself redacted"

func Errors(nf *NotFound, f *Failed, w Whole, n Named) { // want Errors:`forwards \[0 3\] to fmt.Println`
	fmt.Println(nf, n)
	fmt.Println(f) // want `f \(\*selfhide.Failed carries pii tags\) reaches fmt.Println`
	fmt.Println(w) // want `w \(selfhide.Whole carries pii tags\) reaches fmt.Println`
}

func ToZap(nf *NotFound, f *Failed) { // want ToZap:`forwards \[0\] to zap.Any`
	_ = zap.Any("err", nf)
	_ = zap.Any("err", f)      // want `f \(\*selfhide.Failed carries pii tags\) reaches zap.Any`
	_ = zap.Reflect("err", nf) // want `nf \(\*selfhide.NotFound carries pii tags\) reaches zap.Reflect`
	_, _ = json.Marshal(nf)    // want `reaches json.Marshal`
}
