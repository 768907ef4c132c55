// Package golangci registers piivet as a golangci-lint module plugin named "piivet".
// Build a custom golangci-lint that imports it (see the module's README).
package golangci

import (
	"github.com/ef8f9424/pii/piivet"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() { register.Plugin("piivet", New) }

// New returns the plugin; piivet takes no settings.
func New(any) (register.LinterPlugin, error) { return plugin{}, nil }

type plugin struct{}

// BuildAnalyzers returns piivet's Analyzer.
func (plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{piivet.Analyzer}, nil
}

// GetLoadMode asks for type information: piivet reads types and facts.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
