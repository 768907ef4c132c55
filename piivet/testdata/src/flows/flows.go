// Package flows hands tagged values to sinks by the indirect routes services take:
// through function values, local variables of interface type, argument slices, field
// maps and the copies pii.Redacted returns.
package flows

import (
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/ef8f9424/pii"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"logutil"
	"models"
)

var logf = log.Printf // a package-level alias of a sink

func FuncValues(u models.User, l *log.Logger) {
	f := fmt.Println
	f(u) // want `u \(models.User carries pii tags\) reaches fmt.Println`
	g := l.Printf
	g("%v", u)    // want `reaches log.Logger.Printf`
	logf("%v", u) // want `reaches log.Printf`
	h := fmt.Sprint
	h = fmt.Sprintln
	_ = h(u) // want `reaches fmt.Sprint`
	k := os.Getenv
	_ = k("HOME")
}

func Containers(u models.User, p *pii.Policy) {
	var x any = u
	fmt.Println(x) // want `x holds u \(models.User carries pii tags\), which reaches fmt.Println`
	args := []any{"user", u}
	fmt.Println(args...) // want `args holds u \(models.User carries pii tags\), which reaches fmt.Println`
	more := []any{"n", 1}
	more = append(more, "user", &u)
	log.Print(more...)               // want `more holds &u \(\*models.User carries pii tags\), which reaches log.Print`
	fmt.Printf("%v %v", []any{u}...) // want `\[\]any\{…\} holds u \(models.User carries pii tags\)`
	fs := logrus.Fields{"id": 1}
	fs["user"] = u
	logrus.WithFields(fs).Info("x") // want `fs holds u \(models.User carries pii tags\), which reaches logrus.WithFields`
	var y any
	y = u
	y = 1
	fmt.Println(y) // want `y holds u`
	ok := []any{"user", pii.Safe(u), "id", u.ID}
	fmt.Println(ok...)
	var s any = pii.Safe(u)
	fmt.Println(s)
	r, _ := pii.Redacted(p, u)
	var z any = r
	fmt.Println(z)
	safe := logrus.Fields{"user": pii.Safe(u)}
	safe["n"] = 1
	logrus.WithFields(safe).Info("x")
}

func Copies(u models.User, p *pii.Policy) {
	rp, _ := pii.Redacted(p, &u)
	fmt.Println(*rp, rp.Email, (*rp).Phone)
	rs, _ := pii.Redacted(p, []models.User{u})
	fmt.Println(rs[0])
	a, _ := pii.Anonymized(p, u)
	fmt.Println(a)
	r, _ := pii.Redacted(p, u)
	fmt.Println(r)
	r = u
	fmt.Println(r) // want `r \(models.User carries pii tags\) reaches fmt.Println`
	r, _ = pii.Redacted(p, r)
	fmt.Println(r)
	w := u
	_ = pii.Redact(&w)
	w = u
	fmt.Println(w) // want `w \(models.User carries pii tags\) reaches fmt.Println`
}

func Helpers(u models.User, l *logutil.Logger, p *pii.Policy) {
	logutil.Logf("user %v", u)         // want `u \(models.User carries pii tags\) reaches logutil.Logf, which hands it to log.Printf`
	logutil.Dump("user", &u)           // want `reaches logutil.Dump, which hands it to fmt.Fprintf`
	l.Infof("user %v", u)              // want `reaches logutil.Logger.Infof, which hands it to logutil.Logf, which hands it to log.Printf`
	logutil.Fields("id", u.ID, "u", u) // want `reaches logutil.Fields, which hands it to fmt.Println`
	args := []any{u}
	logutil.Logf("%v", args...) // want `args holds u`
	logutil.Logf("user %v", pii.Safe(u))
	r, _ := pii.Redacted(p, u)
	logutil.Dump("user", r)
	logutil.Safe(u)
	logutil.Count(u, u)
	logutil.Replaced(u)
	local(u) // want `reaches flows.local, which hands it to log.Println`
}

func local(v any) { // want local:`forwards \[0\] to log.Println`
	log.Println("local", v)
}

func TypesOnly(u models.User, p *models.User) error {
	fmt.Printf("%T %p\n", u, p)
	fmt.Printf("%T %v\n", u, u) // want `u \(models.User carries pii tags\) reaches fmt.Printf`
	fmt.Printf("%*d %T %% %-8.*s\n", 3, 1, u, 2, "x")
	fmt.Printf("%[1]T\n", u) // want `reaches fmt.Printf`
	fmt.Fprintf(os.Stderr, "%T\n", u)
	logutil.Logf("%T", u)
	logutil.Logf("%v", u) // want `reaches logutil.Logf`
	return fmt.Errorf("cannot encode %T", u)
}

// Server keeps its logger as a function, as services do.
type Server struct {
	logf  func(format string, args ...any)
	Print func(...any) (int, error)
}

func NewServer() *Server { return &Server{logf: log.Printf} }

func (s *Server) Handle(u models.User) {
	s.logf("%v", u) // want `reaches log.Printf`
	s.Print = fmt.Println
	s.Print(u) // want `reaches fmt.Println`
}

func Fields(u models.User, p *pii.Policy) {
	log.Printf("email %s", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches log.Printf`
	fmt.Println(u.ID, u.Email != "", len(u.Phone))
	args := []any{"phone", u.Phone}
	fmt.Println(args...) // want `args holds u.Phone \(tagged pii:"phone" at models.User.Phone\)`
	r, _ := pii.Redacted(p, u)
	fmt.Println(r.Email)
	o := models.Order{Buyer: &u}
	fmt.Println(o.Number, o.Buyer.ID)
	fmt.Println(o.Buyer.Email)     // want `o.Buyer.Email \(tagged pii:"email" at models.User.Email\)`
	fmt.Println(pii.Safe(u.Email)) // want `pii.Safe hides nothing in it`
}

func Ranges(us []models.User, p *pii.Policy) {
	rs, _ := pii.Redacted(p, us)
	for _, r := range rs {
		fmt.Println(r, r.Email)
	}
	_ = p.Anonymize(us)
	for i, u := range us {
		fmt.Println(i, u.Phone)
	}
}

func RangesRaw(us []models.User) {
	for _, u := range us {
		fmt.Println(u) // want `u \(models.User carries pii tags\) reaches fmt.Println`
	}
}

func Encodes(u models.User, a models.Account) { // want Encodes:`forwards \[1\] to logutil.WriteJSON, which hands it to json.Encoder.Encode`
	_ = logutil.WriteJSON(os.Stdout, a)
	_ = logutil.WriteJSON(os.Stdout, u) // want `u \(models.User carries pii tags\) reaches logutil.WriteJSON, which hands it to json.Encoder.Encode`
	logutil.Dump("account", a)          // want `a \(models.Account carries pii tags\) reaches logutil.Dump`
}

func Literals(u models.User, l logrus.FieldLogger) {
	fmt.Println([]string{u.Email})               // want `\[\]string\{…\} holds u.Email \(tagged pii:"email"`
	fmt.Println(map[string]string{"e": u.Phone}) // want `holds u.Phone`
	fmt.Println([]string{"a"}, map[string]int{"n": u.ID})
	l.Infof("%v", u)    // want `reaches logrus.FieldLogger.Infof`
	l.WithField("u", u) // want `reaches logrus.FieldLogger.WithField`
}

func RedactHelpers(u models.User, p *pii.Policy) {
	fmt.Println(logutil.Redact(p, u))
	r := logutil.Redact(p, u)
	fmt.Println(r, r.Email)
	e, _ := logutil.RedactErr(p, u)
	log.Println(e)
	fmt.Println(logutil.NotRedact(p, u, true)) // want `reaches fmt.Println`
	fmt.Println(redactUser(u), redactTwice(u))
}

var policy = &pii.Policy{}

func redactUser(u models.User) models.User { // want redactUser:`returns a redacted copy`
	return logutil.Redact(policy, u)
}

func redactTwice(u models.User) models.User { // want redactTwice:`returns a redacted copy`
	return redactUser(u)
}

// redactOrID falls back to a copy with no personal data: still a redacted copy.
func redactOrID(u models.User) models.User { // want redactOrID:`returns a redacted copy`
	r, err := pii.Redacted(policy, u)
	if err != nil {
		return models.User{ID: u.ID, Phone: "", Email: redactedMark}
	}
	return r
}

const redactedMark = "[redacted]"

// redactOrRaw falls back to a copy that keeps the email: no redacted copy.
func redactOrRaw(u models.User) models.User {
	r, err := pii.Redacted(policy, u)
	if err != nil {
		return models.User{ID: u.ID, Email: u.Email}
	}
	return r
}

// redactOrUnkeyed falls back to an unkeyed literal: not known, so no redacted copy.
func redactOrUnkeyed(u models.User) models.User {
	r, err := pii.Redacted(policy, u)
	if err != nil {
		return models.User{u.ID, "", ""}
	}
	return r
}

func Fallbacks(u models.User) {
	fmt.Println(redactOrID(u))
	fmt.Println(redactOrRaw(u))     // want `redactOrRaw\(u\) \(models.User carries pii tags\) reaches fmt.Println`
	fmt.Println(redactOrUnkeyed(u)) // want `reaches fmt.Println`
}

// FieldsOfCopies prints a field of the copy a call returns, as of a variable that holds
// one.
func FieldsOfCopies(u models.User) {
	fmt.Println(redactUser(u).Email, (redactTwice(u)).Phone)
	fmt.Println(logutil.Redact(policy, u).Email)
	r, _ := pii.Redacted(policy, &u)
	fmt.Println(r.Email)
	fmt.Println(redactOrRaw(u).Email) // want `redactOrRaw\(u\).Email \(tagged pii:"email" at models.User.Email\) reaches fmt.Println`
	fmt.Println(models.User(u).Email) // want `reaches fmt.Println`
}

func TypedFields(u models.User, ev *zerolog.Event, ctx zerolog.Context) {
	_ = zap.String("email", u.Email)             // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches zap.String`
	_ = zap.Strings("phones", []string{u.Phone}) // want `holds u.Phone`
	_ = zap.String("id", "1")
	_ = zap.Error(nil)
	ev.Str("email", u.Email)       // want `reaches zerolog.Event.Str`
	ev.Str("id", "x").Msg(u.Phone) // want `reaches zerolog.Event.Msg`
	_ = ctx.Str("phone", u.Phone)  // want `reaches zerolog.Context.Str`
}

// Marshaled writes only what it chooses.
type Marshaled struct { // want Marshaled:"pii-tagged"
	Email string `pii:"email"`
}

func (m Marshaled) MarshalLogObject() error { return nil }

func Marshalers(m Marshaled) {
	_ = zap.Object("m", m)
}

func StringHelpers(u models.User) {
	logutil.Email("signup", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches logutil.Email, which hands it to log.Printf`
	logutil.Email(u.Email, "admin")  // want `reaches logutil.Email`
	logutil.ID(logutil.Record{ID: u.ID})
}

func Concat(u models.User) {
	log.Println("signup by " + u.Email)             // want `"signup by " \+ u.Email holds u.Email \(tagged pii:"email"`
	log.Println("user " + u.Email + " from " + "x") // want `holds u.Email`
	fmt.Println(string(u.Phone), []byte(u.Email))   // want `string\(u.Phone\) holds u.Phone` `\[\]byte\(u.Email\) holds u.Email`
	fmt.Println("n=" + fmt.Sprint(u.ID))
	logutil.Email("x", "to "+u.Email) // want `reaches logutil.Email`
}

func Immediate(u models.User) {
	func(v any) {
		fmt.Println(v) // want `v holds u \(models.User carries pii tags\)`
	}(u)
	func(v any) { fmt.Println(v) }(pii.Safe(u))
}

func Collections(u models.User) {
	emails := []string{}
	emails = append(emails, u.Email)
	fmt.Println(emails) // want `emails holds u.Email`
	byID := map[int]string{}
	byID[u.ID] = u.Phone
	log.Println(byID) // want `byID holds u.Phone`
	ids := []int{u.ID}
	fmt.Println(ids)
}

func load() (models.User, error) { return models.User{}, nil }

func Tuples() {
	fmt.Println(load()) // want `load\(\) \(\(models.User, error\) carries pii tags\) reaches fmt.Println`
}

func MethodExprs(u models.User, l *log.Logger, w *os.File) {
	(*log.Logger).Printf(l, "%v", u) // want `reaches log.Logger.Printf`
	pf := (*log.Logger).Println
	pf(l, u) // want `reaches log.Logger.Println`
	enc := (*json.Encoder).Encode
	_ = enc(json.NewEncoder(w), u) // want `reaches json.Encoder.Encode`
	(*log.Logger).Printf(l, "%T", u)
}

// Entry is a log entry a service builds itself: no tags, and any data in it.
type Entry struct {
	Msg    string
	Fields map[string]any
}

func Entries(u models.User, p *pii.Policy) {
	e := Entry{Msg: "signup", Fields: map[string]any{"user": u}}
	log.Printf("%+v", e) // want `e holds u \(models.User carries pii tags\)`
	ep := &Entry{Msg: u.Email}
	log.Println(ep) // want `ep holds u.Email`
	var f Entry
	f.Msg = "by " + u.Phone
	log.Println(f) // want `f holds u.Phone`
	g := Entry{}
	g.Fields = map[string]any{}
	g.Fields["user"] = &u
	log.Println(g) // want `g holds &u`
	r, _ := pii.Redacted(p, u)
	h := Entry{Msg: r.Email, Fields: map[string]any{"user": r, "id": u.ID}}
	log.Println(h)
}

// Response is an API response that holds a user.
type Response struct { // want Response:"pii-tagged"
	User  models.User     `pii:"no"`
	Count int             `pii:"no"`
	Extra any             `pii:"no"`
	Meta  models.Untagged `pii:"no"`
}

func meta() models.Untagged { return models.Untagged{} }

// Built hands on values built of redacted copies and of no personal data: a literal, a
// field or element set to a copy, a slice appended to. Built of a raw value, each is
// reported.
func Built(p *pii.Policy, u models.User, w *json.Encoder) {
	r, _ := pii.Redacted(p, u)
	resp := Response{User: r, Count: 1}
	_ = w.Encode(resp)
	_ = w.Encode(&Response{User: r, Extra: "none", Meta: meta()})
	_ = w.Encode(&Response{User: r, Extra: meta()})
	var out Response
	out.User = r
	_ = w.Encode(&out)
	m := map[int]models.User{}
	m[u.ID] = r
	list := []models.User{}
	list = append(list, r)
	fmt.Println(m, list, []models.User{r})

	raw := Response{User: u, Count: 1}
	_ = w.Encode(raw) // want `raw \(flows.Response carries pii tags\) reaches json.Encoder.Encode`
	var out2 Response
	out2.User = r
	out2.Extra = u.Email
	_ = w.Encode(out2) // want `out2 \(flows.Response carries pii tags\) reaches json.Encoder.Encode`
	m2 := map[int]models.User{}
	m2[u.ID] = u
	fmt.Println(m2) // want `m2 \(map\[int\]models.User carries pii tags\) reaches fmt.Println`
	list2 := []models.User{r}
	list2 = append(list2, u)
	fmt.Println(list2) // want `list2 \(\[\]models.User carries pii tags\) reaches fmt.Println`
}

// Note holds a user and an email of its own.
type Note struct { // want Note:"pii-tagged"
	User  models.User `pii:"no"`
	Email string      `pii:"email"`
}

// BuiltField: a literal written into a field tagged as personal data is personal data,
// whatever else the value is built of.
func BuiltField(p *pii.Policy, u models.User) {
	r, _ := pii.Redacted(p, u)
	fmt.Println(Note{User: r})
	fmt.Println(Note{User: r, Email: "jane@example.com"}) // want `Note\{…\} \(flows.Note carries pii tags\) reaches fmt.Println`
}

// Appends builds a list of copies by a long run of appends: each append is looked at
// once, however many there are.
func Appends(p *pii.Policy, u models.User) {
	r, _ := pii.Redacted(p, u)
	list := []models.User{}
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	list = append(list, r)
	fmt.Println(list)
	list = append(list, u)
	fmt.Println(list) // want `list \(\[\]models.User carries pii tags\) reaches fmt.Println`
}

// must returns v, or panics with err, as services' helpers around pii.Redacted do.
func must[T any](v T, err error) T { // want must:`forwards \[1\] to panic` must:"returns its first parameter"
	if err != nil {
		panic(err)
	}
	return v
}

// Musts prints copies pii.Redacted returns through such helpers: what they return is
// what they are given.
func Musts(u models.User, p *pii.Policy) {
	r := must(pii.Redacted(p, u))
	fmt.Println(r)
	log.Println(must(pii.Redacted(p, u)))
	log.Println(logutil.Must(pii.Redacted(p, u)))
	log.Println(must(must(pii.Redacted(p, u)), nil))
	log.Println(must(u, nil)) // want `must\(u, nil\) \(models.User carries pii tags\) reaches log.Println`
}

// fill sets a field of what it is given before returning it: what it returns is not
// what it was given.
func fill(v models.User, src models.User) models.User {
	v.Email = src.Email
	return v
}

// fillp writes through what it is given before returning it.
func fillp(v *models.User, src *models.User) *models.User {
	v.Email = src.Email
	return v
}

// Fills prints copies that such helpers wrote raw fields into.
func Fills(u models.User, p *pii.Policy) {
	r, _ := pii.Redacted(p, u)
	f := fill(r, u)
	log.Println(f.Email) // want `f.Email \(tagged pii:"email" at models.User.Email\) reaches log.Println`
	fp := fillp(&r, &u)
	log.Println(fp.Email) // want `fp.Email \(tagged pii:"email" at models.User.Email\) reaches log.Println`
}
