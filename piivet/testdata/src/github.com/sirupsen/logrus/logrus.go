// Package logrus is a stand-in for github.com/sirupsen/logrus.
package logrus

type Fields map[string]any

type Entry struct{}

func (e *Entry) WithField(key string, v any) *Entry { return e }
func (e *Entry) WithFields(f Fields) *Entry         { return e }
func (e *Entry) Info(args ...any)                   {}

func WithField(key string, v any) *Entry { return &Entry{} }
func WithFields(f Fields) *Entry         { return &Entry{} }

func (e *Entry) Warningf(format string, args ...any) {}
func (e *Entry) Trace(args ...any)                   {}

type Logger struct{}

func (l *Logger) Println(args ...any)                {}
func (l *Logger) WithField(key string, v any) *Entry { return &Entry{} }

func Errorf(format string, args ...any) {}
func Info(args ...any)                  {}

type FieldLogger interface {
	WithField(key string, value any) *Entry
	Infof(format string, args ...any)
}

func (l *Logger) AddHook(h any)      {}
func (l *Logger) SetFormatter(f any) {}
