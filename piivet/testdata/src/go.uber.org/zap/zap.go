// Package zap is a stand-in for go.uber.org/zap.
package zap

type Field struct{}

func Any(key string, v any) Field     { return Field{} }
func Reflect(key string, v any) Field { return Field{} }
func String(key, v string) Field      { return Field{} }

type Logger struct{}

func (l *Logger) Info(msg string, fs ...Field) {}

func (l *Logger) Sugar() *SugaredLogger { return &SugaredLogger{} }

type SugaredLogger struct{}

func (s *SugaredLogger) Infow(msg string, kv ...any)      {}
func (s *SugaredLogger) Errorf(tmpl string, args ...any)  {}
func (s *SugaredLogger) With(args ...any) *SugaredLogger  { return s }
func (s *SugaredLogger) Named(name string) *SugaredLogger { return s }

func Strings(key string, v []string) Field { return Field{} }
func Error(err error) Field                { return Field{} }

type ObjectMarshaler interface{ MarshalLogObject() error }

func Object(key string, v ObjectMarshaler) Field { return Field{} }

// Config configures a logger.
type Config struct{}

func NewProductionConfig() Config { return Config{} }
