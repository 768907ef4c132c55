package piivet

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// A checker visits the calls of one package and reports tagged values handed to sinks:
// directly, through a function variable set to one, or through a function of the
// package (or of another, by its Forwards fact) that hands its arguments on.
type checker struct {
	pass    *analysis.Pass
	c       *carrier
	fl      *flow
	fw      *forwarder
	hides   map[*types.Func]bool  // the package's print methods that call the library
	copies  int                   // the redacted copies met by built
	assumed map[types.Object]bool // the variables built is looking at
	// setsBuilt holds, for each variable, whether each of its sets (in source order)
	// gives a value built of copies and of no personal data: 2 yes, 1 yes and of no
	// copy, -1 no, 0 not known yet.
	setsBuilt map[types.Object][]int8
	// storedBuilt holds, for each variable, what of the values stored into it
	// (out.User = r) is no personal data, likewise kept across its uses.
	storedBuilt map[types.Object]*storedValues
	imported    map[string][]*types.Func        // the methods of the package's dependencies that hand on, by name
	report      bool                            // false while the package's forwarders are being settled
	fn          *types.Func                     // the function whose body is visited; nil at package level
	format      int                             // 1 + the index of fn's parameter that is the format of the call checked
	getters     map[*types.Func]string          // the package's functions that return a tagged field, and which
	yields      map[*types.Func][]YieldedResult // the package's functions that return a tagged value as an interface
	printed     map[*types.Var]string           // the fields a print method reads of its receiver, and which method
	stores      map[*types.Func][]StoredParam   // the package's functions that put a parameter into a printed field
	loggers     map[types.Object]bool           // the package's variables and functions that hold or return a logger on a pii.NewHandler
	unnoted     bool                            // true while a literal is checked: a parameter put in a field is not handed on
	higher      map[*types.Func][]ParamCall     // the package's functions that call a function parameter (see paramCalls)
	// implementedIfaces caches, for each interface, whether a type in sight implements it
	// (see implemented).
	implementedIfaces map[*types.Interface]bool
}

// checkCalls settles which functions of the package hand their arguments to a sink
// (each round may find a wrapper of a wrapper), exports them as facts, then reports.
func checkCalls(pass *analysis.Pass, c *carrier) {
	ck := &checker{pass: pass, c: c, fl: newFlow(pass), fw: newForwarder(pass), hides: findHides(pass, c),
		setsBuilt: map[types.Object][]int8{}, storedBuilt: map[types.Object]*storedValues{}}
	ck.settleBuiltRedacts()
	ck.settleGetters()
	ck.settleYields()
	ck.printed = ck.printedFields()
	ck.settleStores()
	ck.settleLoggers()
	ck.paramCalls()
	// Which functions hand their arguments on, settled by visiting again only what
	// depends on a function found to (see callGraph.run).
	g := ck.fl.callGraph()
	g.run(func(int) bool { return true }, func(i int) []*types.Func {
		ck.fw.touched = nil
		ck.visitDecl(g.decls[i])
		return ck.fw.touched
	})
	ck.fw.export(ck.fl.closures)
	ck.fl.exportRedacts()
	ck.fl.exportPasses()
	ck.fl.exportKeeps()
	ck.fl.exportHolds()
	ck.fl.exportScrubs()
	ck.fl.exportHandler()
	ck.report = true
	ck.visit()
}

// visit checks every call of the package.
func (ck *checker) visit() {
	for _, f := range ck.pass.Files {
		for _, d := range f.Decls {
			ck.visitDecl(d)
		}
	}
}

// visitDecl checks every call of one declaration.
func (ck *checker) visitDecl(d ast.Decl) {
	ck.fn = nil
	if fd, ok := d.(*ast.FuncDecl); ok {
		ck.fn, _ = ck.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	}
	ast.Inspect(d, ck.inspect)
}

// inspect checks the calls under n; in the body of a function literal set to a
// variable, as calls of that literal's function.
func (ck *checker) inspect(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		ck.call(n)
	case *ast.CompositeLit:
		ck.literal(n)
	case *ast.FuncLit:
		if fn, ok := ck.fl.closures[n]; ok {
			outer := ck.fn
			ck.fn = fn
			ast.Inspect(n.Body, ck.inspect)
			ck.fn = outer
			return false
		}
	}
	return true
}

// call checks one call, if what it calls is a sink or hands its arguments to one.
func (ck *checker) call(call *ast.CallExpr) {
	ck.checkKeyed(call)
	if b, ok := calleeObject(ck.pass, call.Fun).(*types.Builtin); ok {
		switch b.Name() {
		case "print", "println", "panic": // to standard error, as they are
			ck.args(call, sink{args: allArgs, basic: true, panics: b.Name() == "panic"}, b.Name(), call.Args, call.Args)
		}
		return
	}
	if s, name, ok := ck.unknownFuncField(call); ok { // s.logf("%v", u), logf set by main
		ck.args(call, s, name, call.Args, call.Args)
		return
	}
	for _, fn := range callees(ck.pass, ck.fl, call) {
		recv, args := ck.split(call)
		ck.higherOrder(call, fn, recv, args) // process(u, log.Printf)
		if s, ok := sinkOf(fn); ok {
			if s.slog && ck.inLogValue() {
				return // a value describing itself: where it is logged is checked
			}
			if s.slog && recv == nil {
				recv = ck.boundReceiver(call) // logf := logging.Log.Info; logf(...)
			}
			if s.slog && (ck.fl.handler || ck.defaultLogger(fn, recv) && ck.fl.importsHandler() || recv != nil && ck.handledLogger(recv)) {
				s.hidden = true // the handler redacts by type: a tagged string it cannot see
			}
			if zerologErr(fn) {
				s.hider = zerologErrHider
			}
			if s.file && (len(args) == 0 || !isOSFile(ck.pass.TypesInfo.TypeOf(args[0]))) {
				return
			}
			if ck.toResponse(fn, recv, args) || ck.piizapMarshals(fn) {
				return
			}
			ck.args(call, s, calleeName(fn), args, s.args(&ast.CallExpr{Args: args}))
			return
		}
		if f, ok := ck.fw.of(fn); ok {
			ck.forwarded(call, fn, f, calleeName(fn), recv, args)
			return
		}
		// A method of an interface the code declares (type Logger interface{ Info(string,
		// ...any) }): what the types of this package, or of those it imports, that
		// implement it do with their arguments.
		for _, impl := range ck.implementations(fn) {
			if f, ok := ck.fw.of(impl); ok {
				ck.forwarded(call, impl, f, calleeName(fn)+" (as "+calleeName(impl)+")", nil, args)
				return
			}
		}
		// None in sight: a logger's interface, injected (s.log.Printf("created %v", u)).
		if s, ok := unknownLogger(fn); ok && !ck.implemented(fn) {
			ck.args(call, s, calleeName(fn), args, args)
			return
		}
	}
}

// handsOn names the chain from name to sink, the chain of the functions name hands its
// argument to: at most its first three links, a count of those left out and its last,
// so that a report (and the Forwards fact it is kept in) does not grow with every
// wrapper of a wrapper.
func handsOn(name, sink string) string {
	const link = ", which hands it to "
	links := strings.Split(name+link+sink, link)
	if len(links) <= 5 {
		return strings.Join(links, link)
	}
	left := 0
	for _, l := range links[3 : len(links)-1] {
		var n int
		if _, err := fmt.Sscanf(l, "… (%d more)", &n); err == nil {
			left += n
		} else {
			left++
		}
	}
	return strings.Join(append(links[:3:3], fmt.Sprintf("… (%d more)", left), links[len(links)-1]), link)
}

// forwarded checks a call of fn, which hands its arguments on as f says; name is how
// the report names it.
func (ck *checker) forwarded(call *ast.CallExpr, fn *types.Func, f *Forwards, name string, recv ast.Expr, args []ast.Expr) {
	s, to := sink{format: f.Format, json: f.JSON, slog: f.Slog, hider: hider(f.Hider), hidden: f.Hidden, wraps: f.Wraps, forwarded: true, basic: f.Basic, hint: f.Hint, hintFunc: f.HintFunc}, handsOn(name, f.Sink)
	if f.Slog && (ck.fl.handler || ck.fl.importsHandler()) {
		s.hidden = true
	}
	if zerologErr(fn) {
		s.hider = zerologErrHider
	}
	if f.Recv && recv != nil {
		ck.arg(s, to, recv)
	}
	ck.args(call, s, to, args, f.args(fn, args))
}

// implementations returns, for a method of an interface, the methods of that name that
// hand their arguments on, of types that implement the interface (T or *T): the
// package's own, and those of the packages it imports (by their Forwards facts: the
// types it may put in the interface; a *slog.Logger in a Logger interface logs as slog
// does), but for an interface of the standard library, as io.Writer, which is no
// logger's (a zerolog.Logger implements it): only the package's own.
func (ck *checker) implementations(m *types.Func) []*types.Func {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok || m.Pkg() == nil {
		return nil
	}
	if ck.imported == nil { // once per package: the methods of its imports that hand on
		ck.imported = map[string][]*types.Func{}
		direct := map[*types.Package]bool{}
		for _, p := range ck.pass.Pkg.Imports() {
			direct[p] = true
		}
		var facts []analysis.ObjectFact
		if ck.pass.AllObjectFacts != nil { // a driver may not offer them
			facts = ck.pass.AllObjectFacts()
		}
		for _, f := range facts {
			if _, ok := f.Fact.(*Forwards); !ok || f.Object == nil || !direct[f.Object.Pkg()] {
				continue
			}
			if fn, ok := f.Object.(*types.Func); ok && fn.Type().(*types.Signature).Recv() != nil {
				ck.imported[fn.Name()] = append(ck.imported[fn.Name()], fn)
			}
		}
	}
	candidates := slices.Clone(ck.fw.methods[m.Name()])
	if !standard(m.Pkg().Path()) { // io.Writer: not a logger's interface, but the package's own writer may log
		candidates = append(candidates, ck.imported[m.Name()]...)
	}
	var out []*types.Func
	for _, fn := range candidates {
		t := fn.Type().(*types.Signature).Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			out = append(out, fn)
		}
	}
	return out
}

// standard reports whether path is a package of the standard library: no dot in its
// first element, and found in GOROOT (a module named "myapp" is not).
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	if v, ok := stdPaths.Load(path); ok {
		return v.(bool)
	}
	std := true
	if root := build.Default.GOROOT; root != "" {
		fi, err := os.Stat(filepath.Join(root, "src", filepath.FromSlash(path)))
		std = err == nil && fi.IsDir()
	}
	stdPaths.Store(path, std)
	return std
}

// stdPaths caches standard's answers.
var stdPaths sync.Map

// inLogValue reports whether the function visited is a LogValue method, which builds
// the slog.Value its receiver is logged as: slog's functions there log nothing.
func (ck *checker) inLogValue() bool {
	if ck.fn == nil || ck.fn.Name() != "LogValue" {
		return false
	}
	sig, ok := ck.fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// args checks the arguments of call (args, after any receiver) that reach sink s, but
// for those its format prints only by type. When the function being visited hands its
// own format and arguments on (logf(format string, args ...any)), the format is noted
// with them.
func (ck *checker) args(call *ast.CallExpr, s sink, to string, args, printed []ast.Expr) {
	skip := typeOnly(ck.pass, args, s.format, call.Ellipsis.IsValid(), s.wraps)
	ck.format = 0
	if s.format > 0 && s.format <= len(args) && call.Ellipsis.IsValid() && ck.fn != nil {
		if id, ok := ast.Unparen(args[s.format-1]).(*ast.Ident); ok {
			if v, ok := ck.pass.TypesInfo.Uses[id].(*types.Var); ok {
				ck.format = paramIndex(ck.fn.Type().(*types.Signature), v) + 1
			}
		}
	}
	forms := argForms(ck.pass, args, s.format, call.Ellipsis.IsValid())
	for _, arg := range printed {
		if !skip[arg] {
			as := fieldOf(s, args, arg)
			as.verb = forms[arg]
			if call.Ellipsis.IsValid() && arg == args[len(args)-1] {
				as.level = -1 // log.Println(args...): each element is an argument
			}
			ck.arg(as, to, arg)
		}
	}
	ck.format = 0
}

// fieldOf returns s as it applies to arg, one of args: with no hider where arg is not
// one of the values the hider redacts (the message of Infow).
func fieldOf(s sink, args []ast.Expr, arg ast.Expr) sink {
	for i, a := range args {
		if a == arg && i < s.fields {
			s.hider = noHider
		}
	}
	return s
}

// split returns the receiver of a method call (x in x.M(...), in (*T).M(x, ...), or in
// pf(x, ...) for pf set to (*T).M), or nil, and the arguments that follow it.
func (ck *checker) split(call *ast.CallExpr) (ast.Expr, []ast.Expr) {
	if v, ok := calleeObject(ck.pass, call.Fun).(*types.Var); ok && ck.fl.methodExprs[v] && len(call.Args) > 0 {
		return call.Args[0], call.Args[1:] // pf := (*log.Logger).Printf; pf(l, ...)
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, call.Args
	}
	s, ok := ck.pass.TypesInfo.Selections[sel]
	switch {
	case !ok:
		return nil, call.Args
	case s.Kind() == types.MethodExpr:
		if len(call.Args) == 0 {
			return nil, nil
		}
		return call.Args[0], call.Args[1:]
	case s.Kind() == types.MethodVal:
		return sel.X, call.Args
	}
	return nil, call.Args
}

// boundReceiver returns the receiver a method value was bound to, where call calls a
// local variable last set to one (logf := logger.Info): nil otherwise.
func (ck *checker) boundReceiver(call *ast.CallExpr) ast.Expr {
	v, ok := identVar(ck.pass, call.Fun)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(ck.fl.lastValue(v, call.Pos())).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s, ok := ck.pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.MethodVal {
		return sel.X
	}
	return nil
}

// callees returns the function a call calls: the one it names, or the functions a
// variable it calls through was set to.
func callees(pass *analysis.Pass, fl *flow, call *ast.CallExpr) []*types.Func {
	switch o := calleeObject(pass, call.Fun).(type) {
	case *types.Func:
		return []*types.Func{o}
	case *types.Var:
		return fl.funcs[o]
	}
	return nil
}

// arg reports arg, an argument that reaches the output of a sink (named to), when it
// carries pii tags itself or holds (as an interface, an argument list, a field map) a
// value that does. Where it cannot tell, because the value is a parameter of the
// function being visited, it notes that the function hands that parameter on.
func (ck *checker) arg(s sink, to string, arg ast.Expr) {
	if ck.fl.redacted(arg) || ck.builtOfCopies(arg) {
		return
	}
	if ck.keyedArg(s, to, arg) || ck.safeUnread(s, to, arg) {
		return
	}
	if why, ok := ck.personal(s, arg); ok {
		ck.reportf(s, to, arg, "", arg, why)
		return
	}
	if why, ok := ck.yielded(s, arg); ok { // log.Println(lookup(x))
		ck.reportf(s, to, arg, "", arg, why)
		return
	}
	if held, why, ok := ck.storedData(s, to, arg, 0); ok { // log.Println(apperr.Invalid("email", u.Email))
		s.field = true
		ck.reportf(s, to, arg, types.ExprString(arg)+" holds ", held, why)
		return
	}
	ck.note(s, to, arg)
	seen := map[types.Object]bool{}
	var walk func(e ast.Expr, depth int, s sink) bool
	walk = func(e ast.Expr, depth int, s sink) bool {
		if depth > 8 {
			return false
		}
		var unwritten map[ast.Expr]bool
		if s.json {
			unwritten = jsonUnwritten(ck.pass, e) // Hidden{Data: u}, Data behind json:"-"
		}
		if _, lit := ast.Unparen(e).(*ast.CompositeLit); lit {
			s.level++ // what a literal holds, fmt prints inside it
		}
		for _, held := range ck.fl.contents(e, seen) {
			if ck.fl.redacted(held) || ck.builtOfCopies(held) || unwritten[held] {
				continue
			}
			if why, ok := ck.personal(s, held); ok {
				ck.reportf(s, to, arg, types.ExprString(arg)+" holds ", held, why)
				return true
			}
			if inner, why, ok := ck.storedData(s, to, held, 0); ok { // fmt.Errorf("x: %w", apperr.Invalid(...))
				fs := s
				fs.field = true
				ck.reportf(fs, to, arg, types.ExprString(arg)+" holds ", inner, why)
				return true
			}
			ck.note(s, to, held)
			if ck.container(held) && !ck.printsHidden(s, held) && walk(held, depth+1, s) {
				return true
			}
		}
		return false
	}
	if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND && ck.printsHidden(s, arg) {
		// &p, where *PUser's String hides: the sink calls it, and p is not printed as
		// it is; what p was filled with (&Note{Text: u.Email}) still is.
		if ck.container(u.X) {
			walk(u.X, 0, s)
		}
		return
	}
	if ck.container(arg) {
		walk(arg, 0, s)
	}
}

// printsHidden reports whether e is of a type that prints itself without its personal
// data where sink s writes it (&NotFound{...} whose Error prints the ID only): what its
// fields hold is not printed as it is, so the walk does not go into them. A
// strings.Builder's or bytes.Buffer's String prints what was written to it.
func (ck *checker) printsHidden(s sink, e ast.Expr) bool {
	t := ck.pass.TypesInfo.TypeOf(e)
	return t != nil && !types.IsInterface(t) && !isTextBuffer(t) && ck.printedHidden(t, s)
}

// container reports whether e may hold values that are personal data while its type
// says nothing: an interface, a slice, array or map of them, a composite literal
// ([]string{u.Email}), a concatenation ("user " + u.Email), a conversion, a part of a
// text (email[:3], parts[0] of a split), the text of errors and Stringers (see
// flow.textOf), or what a mapping call's function literal returns (see
// flow.mappedResults).
func (ck *checker) container(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return true
		}
	case *ast.CallExpr:
		if isConversion(ck.pass, x) || keepsText(ck.pass, x) || ck.fl.textOf(x) != nil || ck.fl.keptArgs(x) != nil || ck.fl.heldArgs(x) != nil || ck.fl.mappedResults(x) != nil {
			return true
		}
	case *ast.SliceExpr:
		return true // a part of what it slices: u.Email[:3]
	case *ast.IndexExpr:
		if t := ck.pass.TypesInfo.TypeOf(x.X); ck.fl.splitText(x.X, x.Pos()) || t != nil && isCollection(t) {
			return true // a part of a split text, an element of a collection: args[0]
		}
	case *ast.SelectorExpr:
		if ck.fl.fieldValues(x) != nil {
			return true // a field of a variable set to a literal, or assigned: e.Payload
		}
	}
	if v, ok := identVar(ck.pass, e); ok && !collects(v.Type()) {
		if _, ok := v.Type().Underlying().(*types.Chan); ok {
			return len(ck.fl.stored[v]) > 0 // what was sent on it: for ev := range events
		}
		return ck.fl.lastValue(v, e.Pos()) != nil // a local copy: email := u.Email
	}
	t := ck.pass.TypesInfo.TypeOf(e)
	return t != nil && collects(t)
}

// identVar returns the variable (not a struct field) e names, if e is an identifier.
func identVar(pass *analysis.Pass, e ast.Expr) (*types.Var, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	return v, ok && !v.IsField()
}

// note records that the function being visited hands e on to a sink, when e is one of
// its parameters (or its receiver), or part of one whose contents it cannot know: an
// interface, or a value of one of its type parameters.
func (ck *checker) note(s sink, to string, e ast.Expr) {
	ck.noteAt(s, to, e, 0)
}

func (ck *checker) noteAt(s sink, to string, e ast.Expr, depth int) {
	if ck.report || ck.unnoted || ck.fn == nil || depth > 8 {
		return
	}
	if t := ck.pass.TypesInfo.TypeOf(e); s.basic && t != nil && !isBasic(t) && !types.IsInterface(t) && !mentionsTypeParam(t, 0) {
		return // panic(u): an address
	}
	generic := mentionsTypeParam(ck.pass.TypesInfo.TypeOf(e), 0)
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		// The parameter itself, whatever its type: a caller may pass u.Email.
		if v, ok := ck.pass.TypesInfo.Uses[id].(*types.Var); ok {
			ck.param(s, v, to)
			// A local set from a parameter: x := v, an element ranged over
			// (for _, x := range xs) or received (x := <-ch).
			if from := ck.fl.lastValue(v, id.Pos()); from != nil {
				if u, ok := ast.Unparen(from).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					from = u.X
				}
				if _, reported := ck.personal(s, from); !reported {
					ck.noteAt(s, to, from, depth+1)
				}
			}
		}
		return
	}
	if id, ok := rootIdent(ck.pass, e); ok {
		// args[0] of args ...any; not u.ID of a struct u, whose other fields stay put,
		// nor us[0].ID of a slice of structs: a field of a string or number is
		// personal data by its own tag, which is judged where it is written.
		if v, ok := ck.pass.TypesInfo.Uses[id].(*types.Var); ok && (generic || collects(v.Type()) && !isStructish(v.Type()) && !ck.basicField(e)) {
			ck.param(s, v, to)
		}
		return
	}
	if !generic {
		return
	}
	// &Tree[T]{Val: x}: a value of a type parameter built from the parameters in it.
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := ck.pass.TypesInfo.Uses[id].(*types.Var); ok && mentionsTypeParam(v.Type(), 0) {
				ck.param(s, v, to)
			}
		}
		return true
	})
}

// basicField reports whether e selects, on its way from the variable at its root, a
// field (us[0].ID, m[k].Email), and is of a basic type: a string or a number.
func (ck *checker) basicField(e ast.Expr) bool {
	t := ck.pass.TypesInfo.TypeOf(e)
	if t == nil || !isBasic(t) {
		return false
	}
	for range 32 {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if sel, ok := ck.pass.TypesInfo.Selections[x]; ok && sel.Kind() == types.FieldVal {
				return true
			}
			return false
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
	return false
}

// param records that the function being visited hands v on, if v is its receiver or
// one of its parameters, and it never sets v to something else.
func (ck *checker) param(s sink, v *types.Var, to string) {
	if len(ck.fl.sets[v]) == 0 {
		ck.fw.add(ck.fn, v, sink{format: ck.format, json: s.json, slog: s.slog, hider: s.hider, hidden: ck.hidden(s), wraps: s.wraps && ck.format > 0, basic: s.basic, hint: s.hint, hintFunc: s.hintFunc}, to)
	}
}

// personal says why e is personal data that sink s writes, if it is: its type carries pii tags
// ("models.User carries pii tags"), or it is a field tagged as personal data, or inside
// one ("tagged pii:\"email\" at models.User.Email"), or what a getter returns of one, but
// a pointer s prints as an address (see addressOnly).
func (ck *checker) personal(s sink, e ast.Expr) (string, bool) {
	t := ck.pass.TypesInfo.TypeOf(e)
	held := t
	if t != nil && s.forwarded {
		switch u := t.Underlying().(type) {
		case *types.Chan:
			held = u.Elem() // a function given a channel may print what it receives
		case *types.Signature:
			// an iterator (iter.Seq[User]): a function given one may print what it yields
			if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() > 0 {
				held = types.NewTuple(typeArgVars(n)...)
			}
		}
	}
	if t != nil && !ck.hidden(s) && (!s.basic || isBasic(t) || s.panics && printsItself(t)) && ck.c.carriesAs(held, s.json) && !ck.printedHidden(held, s) {
		return typeString(t) + " carries pii tags", true
	}
	if why, ok := ck.safeField(e); ok {
		return why, true
	}
	if why, ok := taggedField(ck.pass, e); ok {
		return why, true
	}
	if _, call := ast.Unparen(e).(*ast.CallExpr); !call {
		// err, last set to lookup(x)'s result; a call itself only where it is the
		// argument (see arg): a variable of interface type holds what was stored in it
		// in any order, and an error is replaced, not added to
		if why, ok := ck.yielded(s, e); ok {
			return why, true
		}
	}
	if why, ok := ck.getter(e); ok && !ck.addressOnly(s, e) { // not log.Println(c.EmailPtr())
		return why, true
	}
	return "", false
}

// isOSFile reports whether t is *os.File.
func isOSFile(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), "os", "File")
}

// printsItself reports whether t has an Error or a String method, which panic prints
// a value by.
func printsItself(t types.Type) bool {
	ms := types.NewMethodSet(t)
	return ms.Lookup(nil, "Error") != nil || ms.Lookup(nil, "String") != nil
}

// isBasic reports whether t is a string, a number or a boolean.
func isBasic(t types.Type) bool {
	_, ok := t.Underlying().(*types.Basic)
	return ok
}

// safeField says why e, a pii.Safe (or Policy.Safe) of a field tagged as personal data
// whose type carries no tag (pii.Safe(u.Email)), hides nothing: the tag is the field's,
// not the string's, and Safe prints the string as it is.
func (ck *checker) safeField(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !isPIICall(ck.pass, call, "Safe") {
		return "", false
	}
	why, ok := taggedField(ck.pass, call.Args[0])
	if !ok {
		why, ok = ck.getter(call.Args[0]) // pii.Safe(u.Contact())
	}
	t := ck.pass.TypesInfo.TypeOf(call.Args[0])
	if !ok || t == nil || ck.c.carries(t) {
		return "", false
	}
	return fmt.Sprintf("pii.Safe hides nothing in it: %s is %s, and its type %s carries no tag", types.ExprString(call.Args[0]), why, typeString(t)), true
}

// hidden reports whether what sink s is given is redacted by type on the way: by an
// adapter this package sets up, or one the package of a function that hands it on does.
func (ck *checker) hidden(s sink) bool {
	return s.hidden || s.hider != noHider && ck.fl.hides[s.hider]
}

// reportf reports at arg that held reaches a sink (named to), and why held is personal
// data; holder says through what ("args holds "), or is empty when arg is held itself.
func (ck *checker) reportf(s sink, to string, arg ast.Expr, holder string, held ast.Expr, why string) {
	if !ck.report {
		return
	}
	what := fmt.Sprintf("%s%s (%s)", holder, types.ExprString(held), why)
	// A value of a tagged type is hidden whole; a tagged field, by the value holding it.
	advice, slogAdvice := "wrap it in pii.Safe, or pass pii.Redacted's copy", "wrap it in pii.Safe"
	switch {
	case s.field:
		advice = "tag the field as personal data (its type then carries tags, and is redacted by them), or put no personal data there (an ID)"
	case s.reads:
		advice = "pass pii.Redacted's copy (pii.Safe's wrapper has no fields for it to read)"
		if !strings.HasSuffix(why, " carries pii tags") {
			advice = "pass the field of pii.Redacted's copy, or that copy"
		}
	case !strings.HasSuffix(why, " carries pii tags"):
		advice = "pass the field of pii.Redacted's copy, or wrap the value that holds it in pii.Safe"
		slogAdvice = "log the value that holds it in pii.Safe, or the field of pii.Redacted's copy"
	default:
		if a, ok := hiderAdvice[s.hider]; ok {
			advice = "wrap it in pii.Safe, pass pii.Redacted's copy, or " + a
		}
	}
	if holder != "" {
		what += ", which" // args holds u (...), which reaches
	}
	if s.hint {
		ck.pass.Report(analysis.Diagnostic{Pos: arg.Pos(), Message: hintMessage(what, to, types.ExprString(held), !strings.HasSuffix(why, " carries pii tags"), s.hintFunc)})
		return
	}
	if s.slog {
		through := ""
		if i := strings.Index(to, ", which hands it to "); i >= 0 {
			through = ", through " + to[:i]
		}
		if ck.fl.handler || !strings.HasSuffix(why, " carries pii tags") { // no handler sees a tag in a string
			ck.pass.Reportf(arg.Pos(), "pii: %s is logged through slog%s as it is: pii.NewHandler redacts values by their type, and a tag is the field's, not its value's: log the value that holds it, or the field of pii.Redacted's copy", what, through)
			return
		}
		ck.pass.Reportf(arg.Pos(), "pii: %s is logged through slog%s, and this package never builds a pii.NewHandler, nor imports one that sets it as slog's default: fine if the handler is set up elsewhere (main), otherwise %s", what, through, slogAdvice)
		return
	}
	ck.pass.Reportf(arg.Pos(), "pii: %s reaches %s as it is: %s", what, to, advice)
}

// piizapMarshals reports whether fn, called in the function visited, is a zapcore
// encoder's method (enc.AddString, enc.AppendString) called by the MarshalLogObject or
// MarshalLogArray method of a type that carries pii tags, in a package that sets up
// piizap (piizap.NewCore): piizap runs such a marshaler on the value's redacted copy,
// through an encoder that redacts, so what it writes is redacted. An untagged type's
// marshaler, or one in a package that sets up no piizap, is still checked.
func (ck *checker) piizapMarshals(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "go.uber.org/zap/zapcore" || ck.fn == nil || !ck.fl.hides[zapHider] {
		return false
	}
	if name := ck.fn.Name(); name != "MarshalLogObject" && name != "MarshalLogArray" {
		return false
	}
	sig, ok := ck.fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && ck.c.carries(sig.Recv().Type())
}
