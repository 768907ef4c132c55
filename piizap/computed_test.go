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
		{"func marshalers, namespace", false, func(l *zap.Logger) {
			l.Info("m", zap.Object("f", zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
				enc.OpenNamespace("ns")
				return enc.AddArray("a", zapcore.ArrayMarshalerFunc(func(a zapcore.ArrayEncoder) error {
					return a.AppendReflected(directory[1])
				}))
			})))
		}, `{"level":"info","msg":"m","f":{"ns":{"a":[` + redactedCustomer + `]}}}`},
		{"Inline of a func marshaler", false, func(l *zap.Logger) {
			l.Info("m", zap.Inline(zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
				return enc.AddReflected("c", map[string]any{"c": directory[1]})
			})))
		}, `{"level":"info","msg":"m","c":{"c":` + redactedCustomer + `}}`},
		{"zap.Strings scanned", true, func(l *zap.Logger) { l.Info("m", zap.Strings("s", []string{"call " + adaptertest.Phone})) },
			`{"level":"info","msg":"m","s":["call +1415555XXXX"]}`},
	}
	checkLines(t, tests)
}

// chosenFields is a list of fields whose marshaler writes only those it chooses: here,
// none but "route".
type chosenFields []zapcore.Field

func (fs chosenFields) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	for _, f := range fs {
		if f.Key == "route" {
			f.AddTo(enc)
		}
	}
	return nil
}

// TestFieldListMarshaler logs a type of fields with a marshaler of its own, and zap.Dict:
// only zap.Dict is taken apart field by field; the other writes what its marshaler
// chooses, redacted.
func TestFieldListMarshaler(t *testing.T) {
	fields := []zapcore.Field{zap.String("route", "/v1"), zap.String("password", "hunter2"), zap.Any("c", adaptertest.NewCustomer())}
	tests := []lineTest{
		{"own marshaler", false, func(l *zap.Logger) { l.Info("m", zap.Object("f", chosenFields(fields))) },
			`{"level":"info","msg":"m","f":{"route":"/v1"}}`},
		{"zap.Dict", false, func(l *zap.Logger) { l.Info("m", zap.Dict("f", fields...)) },
			`{"level":"info","msg":"m","f":{"route":"/v1","password":"hunter2","c":` + redactedCustomer + `}}`},
	}
	checkLines(t, tests)
}

// inliner runs the customer's own MarshalLogObject on the encoder it is given, through
// zap.Inline: the encoder is handed strings, never the customer.
type inliner struct{}

func (inliner) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	zap.Inline(customer()).AddTo(enc)
	return nil
}

// TestInlineInsideMarshaler shows what the README says of a marshaler that runs a tagged
// value's MarshalLogObject itself: only ScanStrings hides what it writes, and not the
// name.
func TestInlineInsideMarshaler(t *testing.T) {
	checkLines(t, []lineTest{
		{"scanned", true, func(l *zap.Logger) { l.Info("m", zap.Object("i", inliner{})) },
			`{"level":"info","msg":"m","i":{"name":"Jane Doe","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"}}`},
	})
}
