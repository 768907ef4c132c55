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
	verbs, _, ok := readVerbs(f)
	return verbs, ok
}

// argForms returns, for the arguments of a printf-style call (args, after any receiver,
// the format at 1 + format among them) that its format prints by value, how it prints
// each: its verb, "#v" for %#v (GoString, not String). nil when the format is not known
// (see typeOnly); an argument it leaves out is printed with the default, %v.
func argForms(pass *analysis.Pass, args []ast.Expr, format int, spread bool) map[ast.Expr]string {
	if format == 0 || format > len(args) || spread {
		return nil
	}
	tv, ok := pass.TypesInfo.Types[args[format-1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	verbs, sharp, ok := readVerbs(constant.StringVal(tv.Value))
	if !ok {
		return nil
	}
	out := map[ast.Expr]string{}
	for i, v := range verbs {
		if j := format + i; j < len(args) {
			out[args[j]] = string(v)
			if sharp[i] && v == 'v' {
				out[args[j]] = "#v"
			}
		}
	}
	return out
}

// readVerbs is argVerbs, and for each verb whether its flags hold '#'.
func readVerbs(f string) ([]rune, []bool, bool) {
	var out []rune
	var sharp []bool
	// number reads a width or precision at i: '*' takes an argument.
	number := func(i int) (int, bool) {
		if i < len(f) && f[i] == '*' {
			out, sharp = append(out, '*'), append(sharp, false)
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
		hash := false
		for i < len(f) && strings.IndexByte("#0+- ", f[i]) >= 0 {
			hash = hash || f[i] == '#'
			i++
		}
		ok := true
		if i, ok = number(i); !ok {
			return nil, nil, false
		}
		if i+1 < len(f) && f[i] == '.' {
			if i, ok = number(i + 1); !ok {
				return nil, nil, false
			}
		}
		if i >= len(f) {
			break
		}
		verb, size := utf8.DecodeRuneInString(f[i:])
		switch verb {
		case '[':
			return nil, nil, false
		case '%':
		default:
			out, sharp = append(out, verb), append(sharp, hash)
		}
		i += size - 1
	}
	return out, sharp, true
}

// isError reports whether t implements error.
func isError(t types.Type) bool {
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}
