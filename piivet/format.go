package piivet

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// typeOnly returns the arguments of a printf-style call that its format prints only by
// type or address (%T, %p), never by value: "cannot encode %T" leaks nothing; with
// wraps (fmt.Errorf), also the errors it wraps with %w, which stay in the chain of the
// error it returns, whole, for the library's handlers and adapters to redact where it is
// logged. args are the call's arguments after any receiver; format is 1 + the index of
// the format among them. It returns nil when the format is not a constant, uses explicit
// argument indexes (%[2]v), or the arguments are spread from a slice (args...).
func typeOnly(pass *analysis.Pass, args []ast.Expr, format int, spread, wraps bool) map[ast.Expr]bool {
	if format == 0 || format > len(args) || spread {
		return nil
	}
	tv, ok := pass.TypesInfo.Types[args[format-1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	verbs, ok := argVerbs(constant.StringVal(tv.Value))
	if !ok {
		return nil
	}
	out := map[ast.Expr]bool{}
	for i, v := range verbs {
		j := format + i
		if j >= len(args) {
			continue
		}
		if v == 'T' || v == 'p' || v == 'w' && wraps && isError(pass.TypesInfo.TypeOf(args[j])) {
			out[args[j]] = true
		}
	}
	return out
}

// argVerbs returns, for each argument a printf format consumes in turn, the verb that
// consumes it ('*' for a width or precision), reading the format as fmt does; false if
// the format uses explicit argument indexes, which this does not follow, or a width
// too large for fmt to read.
func argVerbs(f string) ([]rune, bool) {
	var out []rune
	// number reads a width or precision at i: '*' takes an argument.
	number := func(i int) (int, bool) {
		if i < len(f) && f[i] == '*' {
			out = append(out, '*')
			return i + 1, true
		}
		j := i
		for j < len(f) && '0' <= f[j] && f[j] <= '9' {
			j++
		}
		return j, j-i <= 6 // fmt gives up on the rest of a format past 10⁶
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		for i < len(f) && strings.IndexByte("#0+- ", f[i]) >= 0 {
			i++
		}
		ok := true
		if i, ok = number(i); !ok {
			return nil, false
		}
		if i+1 < len(f) && f[i] == '.' {
			if i, ok = number(i + 1); !ok {
				return nil, false
			}
		}
		if i >= len(f) {
			break
		}
		verb, size := utf8.DecodeRuneInString(f[i:])
		switch verb {
		case '[':
			return nil, false
		case '%':
		default:
			out = append(out, verb)
		}
		i += size - 1
	}
	return out, true
}

// isError reports whether t implements error.
func isError(t types.Type) bool {
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}
