// Package zapobjects writes its types to zap itself, through zapcore's encoders: what
// it adds there is written as zap's typed fields write it.
package zapobjects

import (
	"go.uber.org/zap/zapcore"

	"models"
)

type Customer struct { // want Customer:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (c Customer) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("id", c.ID)
	enc.AddString("email", c.Email)                 // want `c.Email \(tagged pii:"email" at zapobjects.Customer.Email\) reaches zapcore.ObjectEncoder.AddString`
	enc.AddByteString("email", []byte(c.Email))     // want `holds c.Email`
	_ = enc.AddReflected("customer", models.User{}) // want `carries pii tags\) reaches zapcore.ObjectEncoder.AddReflected`
	enc.AddInt("n", len(c.Email))
	return enc.AddObject("self", c)
}

type Customers []Customer // want Customers:"pii-tagged"

func (cs Customers) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, c := range cs {
		enc.AppendString(c.ID)
		enc.AppendString(c.Email)             // want `c.Email \(tagged pii:"email"`
		enc.AppendByteString([]byte(c.Email)) // want `holds c.Email`
		_ = enc.AppendReflected(c)            // want `c \(zapobjects.Customer carries pii tags\)`
		_ = enc.AppendObject(c)
	}
	return nil
}
