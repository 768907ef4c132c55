package piizap_test

import (
	"testing"

	"github.com/ef8f9424/pii/internal/adaptertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// The notes a line shows for badObject and badArray.
const (
	failedObject = `"!PII-REDACTION-FAILED: pii: piizap_test.badObject.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone"`
	failedArray  = `"!PII-REDACTION-FAILED: pii: adaptertest.BadTag.Phone: tag \"phone\": the field's Go type cannot hold this kind: float64 cannot hold phone"`
)

// redactedCustomer is the customer of the tests as a line shows it.
const redactedCustomer = `{"id":"c1","name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"}`

// batch holds customers in an unexported field, which the walk does not enter: its
// MarshalLogArray hands them to the encoder.
type batch struct{ items []adaptertest.Customer }

func (b batch) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, c := range b.items {
		if err := enc.AppendReflected(c); err != nil {
			return err
		}
	}
	return nil
}

// account holds a customer in an unexported field and logs it as a nested object, a
// reflected value and an array.
type account struct {
	Plan  string
	owner *adaptertest.Customer
}

func (a account) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("plan", a.Plan)
	if err := enc.AddObject("owner", Customer(*a.owner)); err != nil {
		return err
	}
	if err := enc.AddReflected("raw", a.owner); err != nil {
		return err
	}
	return enc.AddArray("all", batch{[]adaptertest.Customer{*a.owner}})
}

// hiddenBad holds values whose types carry a refused tag in unexported fields, and hands
// them to the encoder every way it takes them.
type hiddenBad struct {
	tag adaptertest.BadTag
	obj badObject
}

func (h hiddenBad) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("plan", adaptertest.Plan)
	if err := enc.AddReflected("r", h.tag); err != nil {
		return err
	}
	if err := enc.AddObject("o", h.obj); err != nil {
		return err
	}
	return enc.AddArray("a", badArray{h.tag})
}

// TestMarshalerReachesHidden logs marshalers that reach tagged values the walk cannot
// see (unexported fields, zap's own record of a sugared call's bad keys): what they
// hand the encoder is redacted as fields are.
func TestMarshalerReachesHidden(t *testing.T) {
	c := adaptertest.NewCustomer()
	tests := []lineTest{
		{"Array", false, func(l *zap.Logger) { l.Info("m", zap.Array("b", batch{[]adaptertest.Customer{c}})) },
			`{"level":"info","msg":"m","b":[` + redactedCustomer + `]}`},
		{"Object", false, func(l *zap.Logger) { l.Info("m", zap.Object("a", account{Plan: "p", owner: &c})) },
			`{"level":"info","msg":"m","a":{"plan":"p","owner":{"name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"},"raw":` + redactedCustomer + `,"all":[` + redactedCustomer + `]}}`},
		{"Inline", false, func(l *zap.Logger) { l.Info("m", zap.Inline(account{Plan: "p", owner: &c})) },
			`{"level":"info","msg":"m","plan":"p","owner":{"name":"J. D.","email":"***@example.com","phone":"+1415555XXXX","plan":"premium-plan"},"raw":` + redactedCustomer + `,"all":[` + redactedCustomer + `]}`},
		{"With", false, func(l *zap.Logger) { l.With(zap.Array("b", batch{[]adaptertest.Customer{c}})).Info("m") },
			`{"level":"info","msg":"m","b":[` + redactedCustomer + `]}`},
		{"Sugar non-string key", false, func(l *zap.Logger) { l.Sugar().Infow("m", c, 1) },
			`{"level":"error","msg":"Ignored key-value pairs with non-string keys.","invalid":[{"position":0,"key":` + redactedCustomer + `,"value":1}]}` + "\n" + `{"level":"info","msg":"m"}`},
		{"Sugar non-string key's value", false, func(l *zap.Logger) { l.Sugar().Infow("m", 1, &c) },
			`{"level":"error","msg":"Ignored key-value pairs with non-string keys.","invalid":[{"position":0,"key":1,"value":` + redactedCustomer + `}]}` + "\n" + `{"level":"info","msg":"m"}`},
		{"Sugar With non-string key", false, func(l *zap.Logger) { l.Sugar().With(2, c).Info("m") },
			`{"level":"error","msg":"Ignored key-value pairs with non-string keys.","invalid":[{"position":0,"key":2,"value":` + redactedCustomer + `}]}` + "\n" + `{"level":"info","msg":"m"}`},
		{"bad tags", false, func(l *zap.Logger) {
			l.Info("m", zap.Object("h", hiddenBad{adaptertest.BadTag{Phone: 4155550123}, badObject{Phone: 4155550123}}))
		}, `{"level":"info","msg":"m","h":{"plan":"premium-plan","r":` + failedTag + `,"o":` + failedObject + `,"a":` + failedArray + `}}`},
	}
	checkLines(t, tests)
}
