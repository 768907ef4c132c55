package piivet_test

import (
	"testing"

	"github.com/ef8f9424/pii/piivet"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piivet.Analyzer,
		"models", "tags", "sinks", "slogplain", "sloghandler", "generic", "logutil", "flows", "slogwrap", "withpiizap", "withpiilogrus", "callspiizap", "withpiizerolog", "selfhide", "selfhideuse", "callsloghandler", "services", "slogiface", "withpiizerologiface", "withpiilogrusformatter", "mapkeys", "encoders", "ignore", "slogsetup", "slogsetupuse", "slogsetupfar", "slogbuildonly", "accounts", "getters", "klogs", "generated", "printedfields", "printedfieldsuse", "responses", "texts", "redaction", "printers", "textutil", "zapobjects", "redactors", "redactorsuse", "ifacelogger", "slogderived", "slogderiveduse", "zapobjectspiizap", "tbhelp", "tbuse", "collected", "buffers", "elemfields", "mapped", "gettersmore", "higher", "higheruse", "injected", "holding", "holdinguse", "jsonwrap", "withpiizapbuild", "parts", "pkgvarflow", "keepsholds")
}
