package golangci

import (
	"testing"

	"github.com/ef8f9424/pii/piivet"
	"github.com/golangci/plugin-module-register/register"
)

// TestPlugin checks that golangci-lint finds piivet under its name, with type information.
func TestPlugin(t *testing.T) {
	newPlugin, err := register.GetPlugin("piivet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0] != piivet.Analyzer {
		t.Errorf("BuildAnalyzers() = %v, %v; want piivet.Analyzer", as, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}
