package piizap

import (
	"reflect"
	"unsafe"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// A SugaredLogger given key-value pairs whose keys are not strings (Infow("m", 1, v))
// logs them in a line of their own, under "invalid": a list of zap's own marshalers
// that keep the caller's key and value behind unexported fields, and write each with
// zap.Any(...).AddTo. A Stringer or an error is then written as its raw text, which no
// encoder could tell from other text. So the list is read here, and each key and value
// becomes a field of its own, redacted as the line's fields are, then written in the
// same shape: [{"position":0,"key":...,"value":...}].

// invalidPairsType is the type of that list, and invalidPairFields the indexes of an
// element's position, key and value; invalidPairsType is nil when zap's layout is not
// the one known (a later zap), and the list is then guarded as other marshalers are.
var invalidPairsType, invalidPairFields = learnInvalidPairs()

// learnInvalidPairs finds the type of zap's invalid-pair list by logging one through a
// core that keeps what it is given.
func learnInvalidPairs() (reflect.Type, [3]int) {
	var kept fieldsKept
	zap.New(&kept).Sugar().Infow("", 0, 0)
	for _, f := range kept.fields {
		if f.Type != zapcore.ArrayMarshalerType || f.Key != "invalid" {
			continue
		}
		t := reflect.TypeOf(f.Interface)
		if t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Struct {
			break
		}
		var idx [3]int
		for i, want := range [...]struct {
			name string
			kind reflect.Kind
		}{{"position", reflect.Int}, {"key", reflect.Interface}, {"value", reflect.Interface}} {
			sf, ok := t.Elem().FieldByName(want.name)
			if !ok || len(sf.Index) != 1 || sf.Type.Kind() != want.kind {
				return nil, idx
			}
			idx[i] = sf.Index[0]
		}
		return t, idx
	}
	return nil, [3]int{}
}

// fieldsKept is a core that keeps the fields of the lines it is given.
type fieldsKept struct {
	zapcore.LevelEnabler
	fields []zapcore.Field
}

func (k *fieldsKept) Enabled(zapcore.Level) bool        { return true }
func (k *fieldsKept) With([]zapcore.Field) zapcore.Core { return k }
func (k *fieldsKept) Sync() error                       { return nil }
func (k *fieldsKept) Write(_ zapcore.Entry, fs []zapcore.Field) error {
	k.fields = append(k.fields, fs...)
	return nil
}
func (k *fieldsKept) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	return ce.AddCore(e, k)
}

// invalidPairs returns m, when it is zap's list of invalid pairs, as a list of the same
// shape whose keys and values are fields redacted as the line's are; else nil.
func (c *core) invalidPairs(m zapcore.ArrayMarshaler, ln *line) zapcore.ArrayMarshaler {
	if invalidPairsType == nil || reflect.TypeOf(m) != invalidPairsType {
		return nil
	}
	list := reflect.ValueOf(m)
	out := make(redactedPairs, list.Len())
	for i := range out {
		e := list.Index(i) // a slice's elements are addressable, so their fields can be read
		out[i] = redactedPair{
			position: e.Field(invalidPairFields[0]).Int(),
			key:      c.redactedField("key", unexported(e.Field(invalidPairFields[1])), ln),
			value:    c.redactedField("value", unexported(e.Field(invalidPairFields[2])), ln),
		}
	}
	return out
}

// unexported returns what the addressable interface field v holds.
func unexported(v reflect.Value) any {
	return *(*any)(unsafe.Pointer(v.UnsafeAddr()))
}

// redactedField returns zap.Any(key, x) as the line may show it.
func (c *core) redactedField(key string, x any, ln *line) zapcore.Field {
	f := zap.Any(key, x)
	var rf zapcore.Field
	if c.redactField(&f, &rf, ln) {
		return rf
	}
	return f
}

// redactedPairs writes the invalid pairs as zap's list does, from redacted fields.
type redactedPairs []redactedPair

type redactedPair struct {
	position   int64
	key, value zapcore.Field
}

// MarshalLogArray writes each pair as an object.
func (ps redactedPairs) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for i := range ps {
		if err := enc.AppendObject(ps[i]); err != nil {
			return err
		}
	}
	return nil
}

// MarshalLogObject writes the pair's position, key and value.
func (p redactedPair) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddInt64("position", p.position)
	p.key.AddTo(enc)
	p.value.AddTo(enc)
	return nil
}
