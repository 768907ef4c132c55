// Package zapcore is a stand-in for go.uber.org/zap/zapcore.
package zapcore

type ObjectMarshaler interface {
	MarshalLogObject(ObjectEncoder) error
}

type ArrayMarshaler interface {
	MarshalLogArray(ArrayEncoder) error
}

type ObjectEncoder interface {
	AddString(key, value string)
	AddByteString(key string, value []byte)
	AddInt(key string, value int)
	AddReflected(key string, value interface{}) error
	AddObject(key string, marshaler ObjectMarshaler) error
	AddArray(key string, marshaler ArrayMarshaler) error
}

type ArrayEncoder interface {
	PrimitiveArrayEncoder
	AppendString(string)
	AppendReflected(value interface{}) error
	AppendObject(ObjectMarshaler) error
}

// PrimitiveArrayEncoder holds ArrayEncoder's methods for values of basic types, as in
// zap.
type PrimitiveArrayEncoder interface {
	AppendInt(int)
	AppendByteString([]byte)
}
