package piivet

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// piiPath is the library's import path.
const piiPath = "github.com/ef8f9424/pii"

// A sink is a function that prints or encodes what it is given as it is.
type sink struct {
	args   func(call *ast.CallExpr) []ast.Expr // the arguments that reach the output
	slog   bool                                // a slog call: a hint, the handler may redact
	format int                                 // 1 + the index of a printf format argument; 0 if none
	json   bool                                // it writes what encoding/json writes
	// hider is the adapter that redacts, by type, the arguments from index fields on
	// (a zap field's value, a logrus Entry.Data value), where the package sets it up.
	hider  hider
	fields int
	hidden bool // handed on by a function of a package that sets up its hider
	wraps  bool // fmt.Errorf: an error at %w stays whole in the chain of its result
	// forwarded: a function that hands its arguments on, which may print what a
	// channel it is given holds (for v := range ch).
	forwarded bool
	// zapAny: zap.Any, which writes an error by its Error, else a fmt.Stringer by its
	// String, before it turns to encoding/json.
	zapAny bool
	// reads: encoding/xml or a template, which read the value's exported fields
	// themselves, by reflection: pii.Safe's wrapper has none to show them.
	reads bool
	// basic: the builtins print, println and panic, which print a value of a basic
	// type (a string, a number) as it is, and a struct or pointer as an address.
	basic bool
	// panics: the builtin panic, which prints an error by its Error and a
	// fmt.Stringer by its String.
	panics bool
	// file: io.WriteString, a sink where its writer is an *os.File (standard error, a
	// log file), not where it is a hash or a buffer.
	file bool
	// field: a field of a type whose print method (Error, String) reads it, so that
	// the value put there is printed with it.
	field bool
	// hint: a method of a logger's interface whose implementation is not known (see
	// unknownLogger): a report is a hint.
	hint bool
	// hintFunc: the hint is for a function field whose function is not known (see
	// unknownFuncField), not for a method of an interface.
	hintFunc bool
	// verb is how a printf format prints the argument ("d", "#v" for %#v); "" for the
	// default, %v: fmt calls String or Error for v, s, q, x and X only.
	verb string
	// fmtArgs: fmt's and log's print functions, which print each argument as fmt's
	// operand: a pointer as an address, but at the top one to a struct, array, slice
	// or map as what it points to (see addressOnly).
	fmtArgs bool
	// level is how deep fmt prints the value checked: 0 for an argument, 1 or more inside
	// one (an element or field of a literal given to it), -1 for an argument list
	// spread (args...), whose elements are arguments.
	level int
}

// A hider is one of the library's logging adapters, which redact every value whose type
// carries pii tags (not a string tagged as personal data: its type says nothing).
type hider uint8

const (
	noHider           hider = iota
	zapHider                // piizap.NewCore
	logrusHider             // piilogrus.NewHook or piilogrus.NewFormatter
	zerologErrHider         // zerolog.ErrorMarshalFunc = piizerolog.MarshalError
	zerologIfaceHider       // zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface
)

// hiderAdvice names, for a report of a value the hider would redact, how to set it up,
// and that it may be set up in another package, which this one cannot see.
var hiderAdvice = map[hider]string{
	zapHider:          "build the logger on piizap.NewCore (this package builds none: fine if it is built so elsewhere)",
	logrusHider:       "add piilogrus.NewHook to the logger (this package adds none: fine if it is added elsewhere)",
	zerologErrHider:   "set zerolog.ErrorMarshalFunc = piizerolog.MarshalError (this package does not: fine if it is set elsewhere)",
	zerologIfaceHider: "set zerolog.InterfaceMarshalFunc = piizerolog.MarshalInterface (this package does not: fine if it is set elsewhere)",
}

// zerologErr reports whether fn logs errors through zerolog.ErrorMarshalFunc: the Err,
// AnErr and Errs methods of zerolog's Event, Context and Array.
func zerologErr(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "github.com/rs/zerolog" {
		return false
	}
	switch fn.Name() {
	case "Err", "AnErr", "Errs":
		sig, ok := fn.Type().(*types.Signature)
		return ok && sig.Recv() != nil
	}
	return false
}

// zerologHooks are the hiders that zerolog's marshal hooks set to piizerolog's functions
// make: the hook's name in zerolog, the function's in piizerolog.
var zerologHooks = []struct {
	hook, fn string
	hider    hider
}{
	{"ErrorMarshalFunc", "MarshalError", zerologErrHider},
	{"InterfaceMarshalFunc", "MarshalInterface", zerologIfaceHider},
}

// setsZerologHook returns the hider that lhs = rhs makes when it sets one of zerolog's
// marshal hooks to piizerolog's function for it (zerolog.ErrorMarshalFunc =
// piizerolog.MarshalError), or noHider.
func setsZerologHook(pass *analysis.Pass, lhs, rhs ast.Expr) hider {
	l, ok := calleeObject(pass, lhs).(*types.Var)
	if !ok || l.Pkg() == nil || l.Pkg().Path() != "github.com/rs/zerolog" {
		return noHider
	}
	r, ok := calleeObject(pass, rhs).(*types.Func)
	if !ok || r.Pkg() == nil || r.Pkg().Path() != piiPath+"/piizerolog" {
		return noHider
	}
	for _, h := range zerologHooks {
		if l.Name() == h.hook && r.Name() == h.fn {
			return h.hider
		}
	}
	return noHider
}

// hiderOf says which hider a call builds, if it builds one.
func hiderOf(pass *analysis.Pass, call *ast.CallExpr) hider {
	switch {
	case isCall(pass, call, piiPath+"/piizap", "NewCore"), isCall(pass, call, piiPath+"/piizap", "Build"):
		return zapHider
	case isCall(pass, call, piiPath+"/piilogrus", "NewHook"), isCall(pass, call, piiPath+"/piilogrus", "NewFormatter"):
		return logrusHider
	}
	return noHider
}

// allArgs returns every argument; valueArg(i) only the i-th.
func allArgs(call *ast.CallExpr) []ast.Expr { return call.Args }

// argsFrom(i) returns the arguments from the i-th on.
func argsFrom(i int) func(*ast.CallExpr) []ast.Expr {
	return func(call *ast.CallExpr) []ast.Expr {
		if i < len(call.Args) {
			return call.Args[i:]
		}
		return nil
	}
}

func valueArg(i int) func(*ast.CallExpr) []ast.Expr {
	return func(call *ast.CallExpr) []ast.Expr {
		if i < len(call.Args) {
			return call.Args[i : i+1]
		}
		return nil
	}
}

// sinkOf says whether fn is a sink, and which of a call's arguments reach its output.
func sinkOf(fn *types.Func) (sink, bool) {
	if fn == nil || fn.Pkg() == nil {
		return sink{}, false
	}
	name := fn.Name()
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	prefixed := func(ps ...string) bool {
		for _, p := range ps {
			if strings.HasPrefix(name, p) {
				return true
			}
		}
		return false
	}
	s, ok := namedSink(fn.Pkg().Path(), recv, name, prefixed)
	if !ok && keyedField(fn, recv) {
		// zap.String("email", u.Email), zerolog's Str: a typed field writes its value
		s, ok = sink{args: valueArg(1)}, true
		if fn.Pkg().Path() == "go.uber.org/zap" {
			s.hider, s.fields = zapHider, 1
		}
	}
	if ok && s.args != nil && strings.HasSuffix(name, "f") {
		s.format = 1
		switch name {
		case "Fprintf", "Appendf", "Logf": // after the writer, the buffer, logrus's level
			s.format = 2
		}
	}
	return s, ok
}

// keyedField reports whether fn builds a typed log field from a key and a value:
// zap's field constructors (zap.String, zap.Strings, ...) and the methods of zerolog's
// Event and Context (Str, Strs, ...). Their values are mostly strings and numbers, so
// what is found there is mostly a tagged field (zap.String("email", u.Email)).
func keyedField(fn *types.Func, recv string) bool {
	switch path := fn.Pkg().Path(); {
	case path == "go.uber.org/zap" && recv == "":
	case path == "github.com/rs/zerolog" && (recv == "Event" || recv == "Context"):
	default:
		return false
	}
	switch fn.Name() {
	case "Object", "Objects", "ObjectValues", "Inline", "Array":
		return false // a marshaler the type wrote itself decides what it writes
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() < 2 {
		return false
	}
	b, ok := sig.Params().At(0).Type().(*types.Basic)
	return ok && b.Kind() == types.String
}

// namedSink is sinkOf's table: the sinks of each package, by receiver and name.
func namedSink(path, recv, name string, prefixed func(...string) bool) (sink, bool) {
	switch path {
	case "fmt":
		if prefixed("Print", "Sprint") {
			return sink{args: allArgs, fmtArgs: true}, true
		}
		if prefixed("Fprint", "Append") { // after the writer, the buffer: where it goes
			return sink{args: argsFrom(1), fmtArgs: true}, true
		}
		if name == "Errorf" {
			return sink{args: allArgs, wraps: true, fmtArgs: true}, true
		}
	case "log":
		if (recv == "" || recv == "Logger") && prefixed("Print", "Fatal", "Panic") {
			return sink{args: allArgs, fmtArgs: true}, true
		}
		if (recv == "" || recv == "Logger") && name == "Output" { // after the call depth
			return sink{args: valueArg(1)}, true
		}
	case "encoding/json":
		if recv == "" && (name == "Marshal" || name == "MarshalIndent") {
			return sink{args: valueArg(0), json: true}, true
		}
		if recv == "Encoder" && name == "Encode" {
			return sink{args: valueArg(0), json: true}, true
		}
	case "os":
		if recv == "File" && (name == "Write" || name == "WriteString") { // os.Stderr.WriteString
			return sink{args: valueArg(0)}, true
		}
	case "io":
		if recv == "" && name == "WriteString" { // to an *os.File only: a hash is a writer too
			return sink{args: valueArg(1), file: true}, true
		}
	case "log/syslog":
		if recv == "Writer" && name != "Close" {
			return sink{args: allArgs}, true
		}
	case "k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog":
		// Info, Infof, InfoS (a message, then key-value pairs), Warning..., Error...,
		// Fatal..., Exit..., and the same on V(level)
		if (recv == "" || recv == "Verbose") && prefixed("Info", "Warning", "Error", "Fatal", "Exit") {
			return sink{args: allArgs}, true
		}
	case "errors":
		if name == "New" { // its text is what the error prints, wherever it is logged
			return sink{args: allArgs}, true
		}
	case "encoding/xml":
		if recv == "" && (name == "Marshal" || name == "MarshalIndent") {
			return sink{args: valueArg(0), reads: true}, true
		}
		if recv == "Encoder" && (name == "Encode" || name == "EncodeElement") {
			return sink{args: valueArg(0), reads: true}, true
		}
	case "text/template", "html/template":
		// the data a template reads its fields from ({{.Email}}): escaping is no redaction
		if recv == "Template" && name == "Execute" {
			return sink{args: valueArg(1), reads: true}, true
		}
		if recv == "Template" && name == "ExecuteTemplate" {
			return sink{args: valueArg(2), reads: true}, true
		}
	case "go.uber.org/zap":
		if recv == "" && (name == "Any" || name == "Reflect") { // zap encodes structs as JSON
			return sink{args: valueArg(1), json: true, hider: zapHider, fields: 1, zapAny: name == "Any"}, true
		}
		if recv == "SugaredLogger" && name == "With" { // key-value pairs made zap fields
			return sink{args: allArgs, hider: zapHider}, true
		}
		if recv == "SugaredLogger" && levelMethod(name) {
			if strings.HasSuffix(name, "w") { // Infow: a message, then key-value pairs
				return sink{args: allArgs, hider: zapHider, fields: 1}, true
			}
			return sink{args: allArgs}, true // formatted into the message
		}
	case "go.uber.org/zap/zapcore":
		// What a type's MarshalLogObject or MarshalLogArray writes: enc.AddString("email",
		// c.Email) is zap.String's field; an object or array marshaler writes itself.
		if name == "AddObject" || name == "AddArray" || name == "AppendObject" || name == "AppendArray" {
			break
		}
		reflected := name == "AddReflected" || name == "AppendReflected" // by encoding/json
		if recv == "ObjectEncoder" && strings.HasPrefix(name, "Add") {
			return sink{args: valueArg(1), json: reflected}, true
		}
		if (recv == "ArrayEncoder" || recv == "PrimitiveArrayEncoder") && strings.HasPrefix(name, "Append") {
			return sink{args: valueArg(0), json: reflected}, true
		}
	case "github.com/rs/zerolog":
		// Through zerolog.InterfaceMarshalFunc (json.Marshal unless set).
		if (recv == "Event" || recv == "Context") && (name == "Interface" || name == "Any") {
			return sink{args: valueArg(1), json: true, hider: zerologIfaceHider}, true
		}
		if recv == "Array" && name == "Interface" {
			return sink{args: valueArg(0), json: true, hider: zerologIfaceHider}, true
		}
		if (recv == "Event" || recv == "Context") && name == "Fields" { // a map or a key/value list
			return sink{args: valueArg(0), json: true, hider: zerologIfaceHider}, true
		}
		if recv == "Event" && name == "Msg" {
			return sink{args: valueArg(0)}, true
		}
		if recv == "Event" && name == "Msgf" { // formats its arguments with fmt
			return sink{args: allArgs}, true
		}
	case "github.com/sirupsen/logrus":
		switch name {
		case "WithField":
			return sink{args: valueArg(1), hider: logrusHider, fields: 1}, true
		case "WithFields": // its logrus.Fields: checkArg looks inside
			return sink{args: valueArg(0), hider: logrusHider}, true
		}
		if (recv == "" || recv == "Logger" || recv == "Entry" || recv == "FieldLogger" || recv == "Ext1FieldLogger") &&
			(levelMethod(name) || prefixed("Print", "Trace", "Log")) {
			return sink{args: allArgs}, true
		}
	case "log/slog":
		return sink{args: allArgs, slog: true}, true
	}
	return sink{}, false
}

// levelMethod reports whether name is a leveled print method of zap's SugaredLogger or
// of logrus ("Infow", "Errorf", "Warnln", ...), which format their arguments with fmt.
func levelMethod(name string) bool {
	for _, l := range []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"} {
		if rest, ok := strings.CutPrefix(name, l); ok {
			switch rest {
			case "", "f", "w", "ln", "ing", "ingf", "ingln": // logrus has Warning, Warningf, Warningln
				return true
			}
		}
	}
	return false
}

// isPIICall reports whether e calls the library's function name.
func isPIICall(pass *analysis.Pass, e ast.Expr, name string) bool {
	return isCall(pass, e, piiPath, name)
}

// isCall reports whether e calls the function name of the package path.
func isCall(pass *analysis.Pass, e ast.Expr, path, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != path {
		return false
	}
	return fn.Origin().Name() == name
}

// calleeName prints fn as a reader would write the call: "fmt.Printf", "json.Encoder.Encode".
func calleeName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			return n.Obj().Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name() // generic.Tree.Dump
		}
		return typeString(t) + "." + fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
