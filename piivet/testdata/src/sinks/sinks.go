// Package sinks hands tagged values to printers and encoders, with and without
// redaction.
package sinks

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/ef8f9424/pii"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"models"
)

type local struct { // want local:"pii-tagged"
	Name string `pii:"name"`
}

func Leaks(u models.User, o *models.Order, us []models.User, ev *zerolog.Event, ctx zerolog.Context, l *log.Logger) {
	fmt.Printf("%v\n", u)                     // want `u \(models.User carries pii tags\) reaches fmt.Printf as it is`
	fmt.Println(&u)                           // want `&u \(\*models.User carries pii tags\) reaches fmt.Println`
	_ = fmt.Sprint(o)                         // want `o \(\*models.Order carries pii tags\) reaches fmt.Sprint`
	fmt.Fprintf(os.Stdout, "%v", us)          // want `us \(\[\]models.User carries pii tags\) reaches fmt.Fprintf`
	_ = fmt.Errorf("user %v", u)              // want `reaches fmt.Errorf`
	log.Printf("%v", u)                       // want `reaches log.Printf`
	log.Fatalln(u)                            // want `reaches log.Fatalln`
	log.Panic(u)                              // want `reaches log.Panic`
	l.Print(u)                                // want `reaches log.Logger.Print`
	_, _ = json.Marshal(u)                    // want `reaches json.Marshal`
	_ = json.NewEncoder(os.Stdout).Encode(&u) // want `reaches json.Encoder.Encode`
	_ = zap.Any("user", u)                    // want `reaches zap.Any as it is: wrap it in pii.Safe, pass pii.Redacted.s copy, or build the logger on piizap.NewCore \(this package builds none: fine if it is built so elsewhere\)`
	_ = zap.Reflect("user", o)                // want `reaches zap.Reflect`
	ev.Interface("user", u)                   // want `reaches zerolog.Event.Interface`
	ev.Any("user", u)                         // want `reaches zerolog.Event.Any`
	ev.Msgf("signup by %v", u)                // want `reaches zerolog.Event.Msgf`
	ev.Msgf("signup by %v", pii.Safe(u))
	ev.Msgf("%s signup by %v", "web", u) // want `reaches zerolog.Event.Msgf`
	ev.Msgf("%s signup by %T", "web", u)
	_ = ctx.Interface("user", u)                        // want `reaches zerolog.Context.Interface`
	ev.Fields(map[string]any{"user": u})                // want `map\[string\]any\{…\} holds u \(models.User carries pii tags\), which reaches zerolog.Event.Fields`
	ev.Fields([]any{"user", &u})                        // want `reaches zerolog.Event.Fields`
	logrus.WithField("user", u).Info("x")               // want `reaches logrus.WithField as it is: wrap it in pii.Safe, pass pii.Redacted.s copy, or add piilogrus.NewHook to the logger \(this package adds none: fine if it is added elsewhere\)`
	logrus.WithFields(logrus.Fields{"n": 1, "user": u}) // want `reaches logrus.WithFields`
	sl := (&zap.Logger{}).Sugar()
	sl.Infow("signup", "user", u)              // want `reaches zap.SugaredLogger.Infow`
	sl.Errorf("bad %v", &u)                    // want `reaches zap.SugaredLogger.Errorf`
	_ = sl.With("user", u).Named("x")          // want `reaches zap.SugaredLogger.With`
	logrus.Info(u)                             // want `reaches logrus.Info`
	logrus.Errorf("%v", o)                     // want `reaches logrus.Errorf`
	logrus.WithField("k", 1).Warningf("%v", u) // want `reaches logrus.Entry.Warningf`
	logrus.WithField("k", 1).Trace(u)          // want `reaches logrus.Entry.Trace`
	(&logrus.Logger{}).Println(u)              // want `reaches logrus.Logger.Println`
	fmt.Println(local{})                       // want `local\{\} \(sinks.local carries pii tags\)`
}

func Safe(u models.User, o *models.Order, s models.Stats, ev *zerolog.Event, p *pii.Policy) { // want Safe:`forwards \[2\] to fmt.Println`
	fmt.Printf("%v\n", pii.Safe(u))
	fmt.Println(p.Safe(&u))
	fmt.Println(s, &s, u.ID, u.Phone != "")
	_, _ = json.Marshal(pii.Safe(o))
	r, err := pii.Redacted(p, u)
	fmt.Println(r, &r, err)
	var ro, _ = pii.Redacted(p, o)
	log.Print(ro)
	_ = zap.Any("user", pii.Safe(u))
	_ = zap.String("phone", "redacted")
	ev.Interface("user", pii.Safe(u)).Str("id", "1").Msg("ok")
	ev.Fields(map[string]any{"user": pii.Safe(u), "id": u.ID})
	logrus.WithField("user", pii.Safe(u)).Info("x")
	logrus.WithFields(logrus.Fields{"user": r, "stats": s})
	(&zap.Logger{}).Sugar().Infow("signup", "user", pii.Safe(u), "id", u.ID)
	logrus.Info(pii.Safe(u), s)
	v := u
	fmt.Println(v) // want `v \(models.User carries pii tags\) reaches fmt.Println`
	_ = pii.Redact(&v)
	fmt.Println(v, &v)
	w := u
	_ = p.Anonymize(&w)
	log.Print(w)
	var anything any = u
	fmt.Println(anything) // want `anything holds u \(models.User carries pii tags\), which reaches fmt.Println`
}

func Encoded(a models.Account, pr models.Profile, c models.Custom, ev *zerolog.Event, hidden local2) { // want Encoded:`forwards \[0 4\] to json.Marshal`
	_, _ = json.Marshal(a)
	_, _ = json.Marshal([]*models.Account{&a})
	_ = zap.Any("account", a)
	ev.Interface("account", a)
	_, _ = json.Marshal(hidden)
	fmt.Println(a)                  // want `a \(models.Account carries pii tags\) reaches fmt.Println`
	logrus.WithField("account", a)  // want `reaches logrus.WithField`
	_, _ = json.Marshal(pr)         // want `pr \(models.Profile carries pii tags\) reaches json.Marshal`
	_, _ = json.Marshal(c)          // want `c \(models.Custom carries pii tags\) reaches json.Marshal`
	_, _ = json.Marshal(a.Password) // want `tagged pii:"secret"`
}

type local2 struct { // want local2:"pii-tagged"
	ID   int            `pii:"no"`
	name string         `pii:"no"`
	acct models.Account // want `sinks.local2.acct is unexported and holds models.Account`
	Pass string         `pii:"secret" json:"-"`
}

func Cycles(n models.Hub, e models.Spoke) {
	fmt.Println(n) // want `n \(models.Hub carries pii tags\)`
	fmt.Println(e) // want `e \(models.Spoke carries pii tags\)`
}

func Stringers(p models.Printable) {
	_ = zap.Any("p", p) // want `p \(models.Printable carries pii tags\) reaches zap.Any`
}

// SafeField wraps a tagged field in pii.Safe: a string carries no tag, so Safe prints it
// as it is. The advice for a tagged field is the field of the redacted copy.
func SafeField(u models.User, o models.Order, p *pii.Policy) {
	fmt.Println(pii.Safe(u.Email))                 // want `pii.Safe\(u.Email\) \(pii.Safe hides nothing in it: u.Email is tagged pii:"email" at models.User.Email, and its type string carries no tag\) reaches fmt.Println as it is: pass the field of pii.Redacted's copy, or wrap the value that holds it in pii.Safe`
	log.Printf("%v", p.Safe(o.Buyer.Phone))        // want `p.Safe\(o.Buyer.Phone\) \(pii.Safe hides nothing in it`
	fmt.Println(pii.Safe(o.Buyer), pii.Safe(u.ID)) // a tagged type; a field tagged pii:"no"
	fmt.Println(u.Phone)                           // want `u.Phone \(tagged pii:"phone" at models.User.Phone\) reaches fmt.Println as it is: pass the field of pii.Redacted's copy, or wrap the value that holds it in pii.Safe`
}

type signupError struct { // want signupError:"pii-tagged"
	Email string `pii:"email"`
}

func (e *signupError) Error() string { return "signup refused: " + e.Email } // want Error:`returns tagged pii:"email" at sinks.signupError.Email`

// Wrap wraps errors whose type carries tags with %w: the chain keeps the tagged error,
// whose text the library's handlers and adapters redact where it is logged. Flattened
// with %v, it is reported.
func Wrap(err *signupError, u models.User, base error) error {
	_ = fmt.Errorf("signup: %w", err)
	_ = fmt.Errorf("%w: %w", base, err)
	_ = fmt.Errorf("signup: %v", err)        // want `err \(\*sinks.signupError carries pii tags\) reaches fmt.Errorf`
	_ = fmt.Errorf("%w: %v", base, u)        // want `u \(models.User carries pii tags\) reaches fmt.Errorf`
	_ = fmt.Errorf("%w: %w", base, u)        // want `u \(models.User carries pii tags\) reaches fmt.Errorf`
	return fmt.Errorf("signup: %w", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches fmt.Errorf`
}

// errorf hands its format and arguments to fmt.Errorf: its callers' %w keeps an error
// whole too.
func errorf(format string, args ...any) error { // want errorf:`forwards \[0 1\] to fmt.Errorf` errorf:`puts \[0\] where its result prints it`
	return fmt.Errorf(format, args...)
}

func WrapThrough(err *signupError, u models.User) {
	_ = errorf("signup: %w", err)
	_ = errorf("signup: %v", err) // want `err \(\*sinks.signupError carries pii tags\) reaches sinks.errorf, which hands it to fmt.Errorf`
	_ = errorf("user %v", u)      // want `reaches sinks.errorf`
}

// ZerologErr: a tagged error to Err, in a package that does not set ErrorMarshalFunc.
func ZerologErr(ev *zerolog.Event, err *signupError) {
	ev.Err(err) // want `reaches zerolog.Event.Err, which hands it to zerolog.Event.AnErr as it is: wrap it in pii.Safe, pass pii.Redacted.s copy, or set zerolog.ErrorMarshalFunc = piizerolog.MarshalError \(this package does not: fine if it is set elsewhere\)`
}

// Builtins: print, println and panic write a string as it is to standard error, and a
// struct or a pointer as its address; errors.New's text is what the error prints.
func Builtins(u models.User, o *models.Order) error {
	println("signup", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches println as it is`
	print(o.Buyer.Phone)       // want `o.Buyer.Phone \(tagged pii:"phone" at models.User.Phone\) reaches print`
	println(u.ID, o.Number)    // tagged no
	println(&u)                // an address
	if u.ID == 0 {
		panic("no id for " + u.Email) // want `"no id for " \+ u.Email holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches panic`
	}
	if o == nil {
		panic(u) // an address
	}
	_ = errors.New("no order for " + u.Phone) // want `holds u.Phone \(tagged pii:"phone" at models.User.Phone\), which reaches errors.New`
	return errors.New("no order " + o.Number)
}

// fail panics with what it is given: a string as it is, a struct as its address.
func fail(v any) { // want fail:`forwards \[0\] to panic`
	panic(v)
}

func Fails(u models.User) {
	fail(u)
	fail(u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches sinks.fail, which hands it to panic`
}
