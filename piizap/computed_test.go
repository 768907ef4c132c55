package piizap_test

import (
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// directory is where the marshalers below look customers up: a tagged value that no
// walk of a logged value reaches.
var directory = map[int]adaptertest.Customer{1: adaptertest.NewCustomer()}

// customerID is plain data (an int) whose marshaler logs the customer it names.
type customerID int

func (id customerID) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	return enc.AddReflected("customer", directory[int(id)])
}

// customerIDs is plain data (a []int) whose marshaler logs the customers it names.
type customerIDs []int

func (ids customerIDs) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, id := range ids {
		if err := enc.AppendReflected(directory[id]); err != nil {
			return err
		}
	}
	return nil
}

// TestMarshalerComputes logs marshalers whose data is plain (numbers, strings) but whose
// methods look up tagged values elsewhere: what they hand the encoder is redacted, as
// from any other marshaler.
func TestMarshalerComputes(t *testing.T) {
	tests := []lineTest{
		{"Object", false, func(l *zap.Logger) { l.Info("m", zap.Object("id", customerID(1))) },
			`{"level":"info","msg":"m","id":{"customer":` + redactedCustomer + `}}`},
		{"Inline", false, func(l *zap.Logger) { l.Info("m", zap.Inline(customerID(1))) },
			`{"level":"info","msg":"m","customer":` + redactedCustomer + `}`},
		{"Array", false, func(l *zap.Logger) { l.Info("m", zap.Array("ids", customerIDs{1})) },
			`{"level":"info","msg":"m","ids":[` + redactedCustomer + `]}`},
		{"Objects", false, func(l *zap.Logger) { l.Info("m", zap.Objects("ids", []customerID{1, 1})) },
			`{"level":"info","msg":"m","ids":[{"customer":` + redactedCustomer + `},{"customer":` + redactedCustomer + `}]}`},
		{"With", false, func(l *zap.Logger) { l.With(zap.Object("id", customerID(1))).Info("m") },
			`{"level":"info","msg":"m","id":{"customer":` + redactedCustomer + `}}`},
		{"nested in a marshaler", false, func(l *zap.Logger) {
			l.Info("m", zap.Object("f", zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
				return enc.AddArray("ids", customerIDs{1})
			})))
		}, `{"level":"info","msg":"m","f":{"ids":[` + redactedCustomer + `]}}`},
		{"zap.Strings scanned", true, func(l *zap.Logger) { l.Info("m", zap.Strings("s", []string{"call " + adaptertest.Phone})) },
			`{"level":"info","msg":"m","s":["call +1415555XXXX"]}`},
	}
	checkLines(t, tests)
}
