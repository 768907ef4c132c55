package piivet

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"
)

// unknownFuncField returns the sink a call through a struct field of function type is,
// and how to name it, when the package never sets that field to a function it knows
// (Service{logf: logf}, given log.Printf by main) and the field is named as a logger's
// (logf, Debug, printer: a name with "log" or "print" in it, or a logger's method name)
// and takes its values as ...any: a hint, as with a logger's interface whose
// implementation is not known (see unknownLogger). Its format, for a name that ends in
// f, is its string parameter before the values.
func (ck *checker) unknownFuncField(call *ast.CallExpr) (sink, string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return sink{}, "", false
	}
	s, ok := ck.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return sink{}, "", false
	}
	v, ok := s.Obj().(*types.Var)
	if !ok || len(ck.fl.funcs[v]) > 0 || !loggerName(v.Name()) {
		return sink{}, "", false
	}
	sig, ok := v.Type().Underlying().(*types.Signature)
	if !ok || !sig.Variadic() {
		return sink{}, "", false
	}
	params := sig.Params()
	last, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	if !ok {
		return sink{}, "", false
	}
	if iface, ok := last.Elem().Underlying().(*types.Interface); !ok || !iface.Empty() {
		return sink{}, "", false
	}
	out := sink{args: allArgs, hint: true, hintFunc: true}
	if n := params.Len(); strings.HasSuffix(v.Name(), "f") && n >= 2 && isString(params.At(n-2).Type()) {
		out.format = n - 1
	}
	recv := s.Recv()
	if p, ok := recv.Underlying().(*types.Pointer); ok {
		recv = p.Elem()
	}
	return out, typeString(recv) + "." + v.Name(), true
}

// loggerName reports whether name is a logger's: one of its words (logf, errLog,
// debug_logger, Printf) is a logger's word, or it is a logger's method name (Debug,
// infof). Words are whole: Fingerprint, OnLogin and Catalog are no loggers.
func loggerName(name string) bool {
	for _, w := range nameWords(name) {
		if loggerWords[strings.ToLower(w)] {
			return true
		}
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return loggerMethods[string(r)]
}

// loggerWords are the words of a logger's name.
var loggerWords = map[string]bool{
	"log": true, "logf": true, "logln": true, "logger": true, "slog": true,
	"print": true, "printf": true, "println": true, "printer": true,
}

// nameWords splits an identifier into its words: at underscores, and where a lower-case
// letter or digit meets an upper-case one (errLog: err, Log; HTTPLog: HTTPLog).
func nameWords(name string) []string {
	var words []string
	start := 0
	runes := []rune(name)
	for i, r := range runes {
		switch {
		case r == '_':
			if i > start {
				words = append(words, string(runes[start:i]))
			}
			start = i + 1
		case i > start && unicode.IsUpper(r) && !unicode.IsUpper(runes[i-1]):
			words = append(words, string(runes[start:i]))
			start = i
		}
	}
	if start < len(runes) {
		words = append(words, string(runes[start:]))
	}
	return words
}
