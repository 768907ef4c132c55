// Package piivet is a static analyzer for code that uses github.com/ef8f9424/pii. It finds
// at build time the mistakes the library can only find at run time, and the ones it
// cannot find at all:
//
//   - a pii tag that does not parse, or that the field's Go type cannot hold (read with
//     the library's own pii.ParseTag, so there is one grammar);
//   - a struct tag that mentions pii in a form reflect cannot read (`pii: "phone"`);
//   - in a struct that tags its fields, embeds one that does, or holds one as its
//     data (Holder{Rec Record; Token string}), an exported field with no tag, which
//     pii.CheckTagged lists;
//   - an unexported field that holds a tagged type, which only that type's tags redact
//     and encoding/json never writes;
//   - a value whose type carries pii tags, or a field tagged as personal data, handed as
//     it is to fmt, log, klog, glog, syslog, errors.New, the builtins print, println and panic, an
//     *os.File, encoding/json, encoding/xml, templates, zap.Any, zap.Reflect or zap's
//     SugaredLogger, zerolog's Interface, Any or Fields, or logrus's WithField(s) and
//     print methods (a tagged field also to zap's and zerolog's typed fields):
//     directly, or through variables that collect values (interfaces, argument lists,
//     field maps, slices), concatenations, text functions, local copies, channels,
//     function variables and literals, methods of the code's own interfaces, getters
//     (the Returns fact), text helpers (the Keeps fact), results of interface type or
//     collections (the Yields fact), results that hold what they are given (the Holds
//     fact), functions that call a function parameter with another (the Calls fact),
//     and functions that hand their arguments on (the Forwards fact), and, as a hint,
//     logger fields of function type set outside the package; not when wrapped in pii.Safe or redacted (pii.Redacted, or a function
//     that returns its copy or a slice of copies: the Redacts fact; p.Redact(&u), or a
//     function that redacts its parameter in place: the Scrubs fact), nor when its type prints itself
//     through the library (String, LogValue, MarshalJSON, ...: the Hides fact), nor
//     when it is written to an http.ResponseWriter (the client the service serves);
//   - a field tagged as personal data put into a string field that its type's own Error
//     or String prints (LookupError{Who: u.Email}; a type of another package by the
//     Prints fact), or given to a constructor that puts it there, where its result is
//     printed (log.Println(apperr.Invalid("email", u.Email)): the Stores fact);
//   - a map keyed by a tagged type, which the library refuses to redact, wherever it
//     is printed or given to pii.Safe, pii.Redacted and the like;
//   - a slog call given such a value in a package that never builds a pii.NewHandler,
//     nor imports one that sets it as slog's default (the Handler fact): a hint, as
//     the handler may be set up elsewhere; not one of a logger on a pii.NewHandler, or
//     derived from one (the Logs fact);
//   - a hint: such a value given to a logger's method (Printf, Info, ...) of an
//     interface that no type in sight implements (a logger injected from main).
//
// Which types carry tags is shared between packages as the Tagged fact. The analysis
// follows source order within a package, not control flow. A report is silenced by
// //piivet:ignore followed by its reason, on its line or above it; nothing is reported
// in a generated file, which is still read for facts.
package piivet

import (
	"golang.org/x/tools/go/analysis"
)

// Analyzer reports misuses of pii tags and tagged values that reach output unredacted.
var Analyzer = &analysis.Analyzer{
	Name:      "piivet",
	Doc:       "report malformed pii struct tags and personal data that reaches fmt, log, json, xml, templates, zap, zerolog, logrus or slog unredacted",
	URL:       "https://pkg.go.dev/github.com/ef8f9424/pii/piivet",
	Run:       run,
	FactTypes: []analysis.Fact{new(Tagged), new(Forwards), new(Redacts), new(Hides), new(Handler), new(Returns), new(Logs), new(Yields), new(Passes), new(Keeps), new(Prints), new(Stores), new(Scrubs), new(Calls), new(Holds)},
}

func run(pass *analysis.Pass) (any, error) {
	if pass.Pkg == nil || pass.TypesInfo == nil {
		return nil, nil
	}
	defer silence(pass)()
	c := newCarrier(pass)
	c.exportFacts()
	checkStructs(pass, c)
	checkInstances(pass)
	checkCalls(pass, c)
	return nil, nil
}
