package piizap

import (
	"maps"
	"slices"

	"github.com/ef8f9424/pii"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Build builds a logger from cfg as cfg.Build does, its core wrapped by NewCore(core, p,
// opts...), and adds cfg.InitialFields through that core, redacted. Use it, not
// cfg.Build(zap.WrapCore(...)), for a configuration with initial fields: Config.Build
// adds them to the core it builds before any option can wrap that core, and fields a
// core carries when NewCore wraps it were encoded where NewCore never sees them (see
// NewCore). zap options go to the logger's WithOptions, as cfg.Build applies them after
// building.
//
// The initial fields are added in the order cfg.Build adds them, by key, so a line
// reads as cfg.Build's would with the tagged values redacted. cfg itself is not changed.
func Build(cfg zap.Config, p *pii.Policy, opts ...Option) (*zap.Logger, error) {
	initial := cfg.InitialFields
	cfg.InitialFields = nil // cfg is Build's own copy; the caller's map is only read
	l, err := cfg.Build(zap.WrapCore(func(c zapcore.Core) zapcore.Core { return NewCore(c, p, opts...) }))
	if err != nil {
		return nil, err
	}
	if len(initial) == 0 {
		return l, nil
	}
	fields := make([]zap.Field, 0, len(initial))
	for _, k := range slices.Sorted(maps.Keys(initial)) {
		fields = append(fields, zap.Any(k, initial[k]))
	}
	return l.With(fields...), nil
}
