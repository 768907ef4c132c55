// Package zerolog is a stand-in for github.com/rs/zerolog.
package zerolog

type Event struct{}

func (e *Event) Interface(key string, v any) *Event { return e }
func (e *Event) Any(key string, v any) *Event       { return e }
func (e *Event) Str(key, v string) *Event           { return e }
func (e *Event) Msg(string)                         {}
func (e *Event) Msgf(format string, v ...any)       {}

type Context struct{}

func (c Context) Interface(key string, v any) Context { return c }
func (e *Event) Fields(fields any) *Event             { return e }
func (e *Event) Strs(key string, v []string) *Event   { return e }
func (c Context) Str(key, v string) Context           { return c }

// ErrorMarshalFunc turns the errors of Err, AnErr and Errs into what is logged.
var ErrorMarshalFunc = func(err error) any { return err }

func (e *Event) Err(err error) *Event               { return e.AnErr("error", err) }
func (e *Event) AnErr(key string, err error) *Event { return e.Interface(key, err) }

// InterfaceMarshalFunc turns the values of Interface, Any, Fields and Array.Interface
// into JSON.
var InterfaceMarshalFunc = func(v any) ([]byte, error) { return nil, nil }

type Array struct{}

func (a *Array) Interface(v any) *Array { return a }
func Arr() *Array                       { return &Array{} }
