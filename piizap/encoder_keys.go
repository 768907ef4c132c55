package piizap

import (
	"time"
)

// With ScanStrings, the keys a marshaler adds under are scanned as a field's key is (see
// redactField): a marshaler can make a key of data (an email address as the key of a
// map it writes), which the encoder would otherwise write as it is. The methods below
// are those of zapcore.ObjectEncoder whose values need nothing hidden; the others
// (AddString, AddObject, AddReflected...) scan their keys beside their values in
// encoder.go.

// AddBool adds b under key, scanned with ScanStrings.
func (e *objectEncoder) AddBool(key string, b bool) { e.ObjectEncoder.AddBool(e.c.text(key), b) }

// AddComplex128 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddComplex128(key string, n complex128) {
	e.ObjectEncoder.AddComplex128(e.c.text(key), n)
}

// AddComplex64 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddComplex64(key string, n complex64) {
	e.ObjectEncoder.AddComplex64(e.c.text(key), n)
}

// AddDuration adds d under key, scanned with ScanStrings.
func (e *objectEncoder) AddDuration(key string, d time.Duration) {
	e.ObjectEncoder.AddDuration(e.c.text(key), d)
}

// AddFloat64 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddFloat64(key string, n float64) {
	e.ObjectEncoder.AddFloat64(e.c.text(key), n)
}

// AddFloat32 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddFloat32(key string, n float32) {
	e.ObjectEncoder.AddFloat32(e.c.text(key), n)
}

// AddInt adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddInt(key string, n int) { e.ObjectEncoder.AddInt(e.c.text(key), n) }

// AddInt64 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddInt64(key string, n int64) { e.ObjectEncoder.AddInt64(e.c.text(key), n) }

// AddInt32 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddInt32(key string, n int32) { e.ObjectEncoder.AddInt32(e.c.text(key), n) }

// AddInt16 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddInt16(key string, n int16) { e.ObjectEncoder.AddInt16(e.c.text(key), n) }

// AddInt8 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddInt8(key string, n int8) { e.ObjectEncoder.AddInt8(e.c.text(key), n) }

// AddTime adds t under key, scanned with ScanStrings.
func (e *objectEncoder) AddTime(key string, t time.Time) { e.ObjectEncoder.AddTime(e.c.text(key), t) }

// AddUint adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddUint(key string, n uint) { e.ObjectEncoder.AddUint(e.c.text(key), n) }

// AddUint64 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddUint64(key string, n uint64) {
	e.ObjectEncoder.AddUint64(e.c.text(key), n)
}

// AddUint32 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddUint32(key string, n uint32) {
	e.ObjectEncoder.AddUint32(e.c.text(key), n)
}

// AddUint16 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddUint16(key string, n uint16) {
	e.ObjectEncoder.AddUint16(e.c.text(key), n)
}

// AddUint8 adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddUint8(key string, n uint8) { e.ObjectEncoder.AddUint8(e.c.text(key), n) }

// AddUintptr adds n under key, scanned with ScanStrings.
func (e *objectEncoder) AddUintptr(key string, n uintptr) {
	e.ObjectEncoder.AddUintptr(e.c.text(key), n)
}

// OpenNamespace opens a namespace named key, scanned with ScanStrings.
func (e *objectEncoder) OpenNamespace(key string) { e.ObjectEncoder.OpenNamespace(e.c.text(key)) }
