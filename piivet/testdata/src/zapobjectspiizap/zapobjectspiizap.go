// Package zapobjectspiizap writes its types to zap through zapcore's encoders, and sets
// up piizap: a tagged type's marshaler is run on its redacted copy, so what it writes
// is not reported; an untagged type's still is.
package zapobjectspiizap

import (
	"github.com/ef8f9424/pii/piizap"
	"go.uber.org/zap/zapcore"

	"models"
)

var core = piizap.NewCore(nil, nil)

type Customer struct { // want Customer:"pii-tagged"
	ID    string `pii:"no"`
	Email string `pii:"email"`
}

func (c Customer) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("id", c.ID)
	enc.AddString("email", c.Email)
	enc.AddByteString("email", []byte(c.Email))
	return enc.AddObject("self", c)
}

type Customers []Customer // want Customers:"pii-tagged"

func (cs Customers) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, c := range cs {
		enc.AppendString(c.Email)
	}
	return nil
}

// contactID carries no tags: piizap has nothing to redact it by, and its marshaler
// writes a user's email, looked up.
type contactID int

var directory []models.User

func (id contactID) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("email", directory[id].Email) // want `directory\[id\].Email \(tagged pii:"email" at models.User.Email\) reaches zapcore.ObjectEncoder.AddString`
	return nil
}
