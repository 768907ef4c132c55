package piivet

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A callGraph knows, for each function of the package, which of the package's
// declarations name it (call it, take it as a value): those whose settled facts may
// change when its own do. A fixpoint over it revisits only them (see settle), so that a
// chain of helpers costs one visit per helper, not one round of the package per link.
type callGraph struct {
	decls   []ast.Decl
	funcs   []*types.Func         // the function each of decls declares; nil for a GenDecl
	callers map[*types.Func][]int // indexes into decls
	// methods holds, by name, the declarations that name a method of that name: a call
	// of an interface's method is followed to the package's methods that implement it.
	methods map[string][]int
	// global holds the functions taken as a value (logf := helper, Server{logf: helper},
	// var logf = helper) or named outside any function: a call through what holds them
	// does not name them, so every declaration may depend on them.
	global map[*types.Func]bool
	index  map[*types.Func]int // the declaration of each of funcs
}

// newCallGraph builds the call graph of the package's declarations.
func newCallGraph(pass *analysis.Pass) *callGraph {
	g := &callGraph{callers: map[*types.Func][]int{}, methods: map[string][]int{}, global: map[*types.Func]bool{}, index: map[*types.Func]int{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			i := len(g.decls)
			g.decls = append(g.decls, d)
			var fn *types.Func
			var body ast.Node = d
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fd.Body == nil { // declared in assembly
					g.funcs = append(g.funcs, nil)
					continue
				}
				fn, _ = pass.TypesInfo.Defs[fd.Name].(*types.Func)
				body = fd.Body
				if fn != nil {
					g.index[fn] = i
				}
			}
			g.funcs = append(g.funcs, fn)
			called := map[*ast.Ident]bool{}
			seen := map[*types.Func]bool{}
			ast.Inspect(body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					// What is stored in a package-level variable is read by functions
					// that do not name the functions it came from (lastErr = lookup(e),
					// read by get): those are depended on by every declaration.
					for _, lhs := range n.Lhs {
						if packageVar(pass, lhs) {
							markGlobal(pass, g, n.Rhs)
							break
						}
					}
				case *ast.CallExpr:
					switch fun := ast.Unparen(n.Fun).(type) {
					case *ast.Ident:
						called[fun] = true
					case *ast.SelectorExpr:
						called[fun.Sel] = true
					case *ast.IndexExpr: // f[T](...)
						if id, ok := fun.X.(*ast.Ident); ok {
							called[id] = true
						}
					}
				case *ast.Ident:
					callee, ok := pass.TypesInfo.Uses[n].(*types.Func)
					if !ok {
						return true
					}
					callee = callee.Origin()
					if !called[n] || fn == nil {
						g.global[callee] = true
					}
					if !seen[callee] {
						seen[callee] = true
						g.callers[callee] = append(g.callers[callee], i)
						if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil {
							g.methods[callee.Name()] = append(g.methods[callee.Name()], i)
						}
					}
				}
				return true
			})
		}
	}
	return g
}

// packageVar reports whether e, the left side of an assignment, stores into a
// package-level variable: the variable itself, or a field, element or pointee of one.
func packageVar(pass *analysis.Pass, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if v, ok := pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && !v.IsField() {
				return v.Parent() == v.Pkg().Scope() // pkg.Var
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, ok := pass.TypesInfo.Uses[x].(*types.Var)
			return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		default:
			return false
		}
	}
}

// markGlobal marks the functions exprs name as depended on by every declaration.
func markGlobal(pass *analysis.Pass, g *callGraph, exprs []ast.Expr) {
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := pass.TypesInfo.Uses[id].(*types.Func); ok {
					g.global[fn.Origin()] = true
				}
			}
			return true
		})
	}
}

// callGraph returns the package's call graph, built once.
func (fl *flow) callGraph() *callGraph {
	if fl.graph == nil {
		fl.graph = newCallGraph(fl.pass)
	}
	return fl.graph
}

// dependents returns the declarations whose settled facts may change when fn's do:
// those that name it, or name a method of its name (an interface's); all of them (all)
// for a function taken as a value, or not declared at the package's top level (a
// function literal's).
func (g *callGraph) dependents(fn *types.Func) (deps []int, all bool) {
	if _, declared := g.index[fn]; g.global[fn] || !declared {
		return nil, true
	}
	out := g.callers[fn]
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		out = append(append([]int(nil), out...), g.methods[fn.Name()]...)
	}
	return out, false
}

// run runs visit on each of the declarations that only accepts (the functions, for
// settle) in order, and again on the dependents of each function that visit reports
// changed, until it reports none: the fixpoint that a loop over the whole package until
// a round finds nothing reaches, as each visit only learns more the more it knows of
// the functions its declaration names. A change that every declaration may depend on
// is met by one more round over them all once the queue is empty, however many such
// changes were found before it.
func (g *callGraph) run(only func(i int) bool, visit func(i int) []*types.Func) {
	queued := make([]bool, len(g.decls))
	var queue []int
	enqueue := func(j int) {
		if !queued[j] && only(j) {
			queued[j] = true
			queue = append(queue, j)
		}
	}
	for round := true; round; {
		round = false
		for i := range g.decls {
			enqueue(i)
		}
		for len(queue) > 0 {
			i := queue[0]
			queue, queued[i] = queue[1:], false
			for _, fn := range visit(i) {
				deps, all := g.dependents(fn)
				round = round || all
				for _, j := range deps {
					enqueue(j)
				}
			}
		}
	}
}

// settle runs step on each of the package's functions, in order, and again on the
// functions that depend on each one whose step found something new about it, until
// none does (see run).
func (g *callGraph) settle(step func(*ast.FuncDecl, *types.Func) bool) {
	g.run(func(i int) bool { return g.funcs[i] != nil }, func(i int) []*types.Func {
		if step(g.decls[i].(*ast.FuncDecl), g.funcs[i]) {
			return []*types.Func{g.funcs[i]}
		}
		return nil
	})
}

// settleParams settles a fact that names parameters (Scrubs, Keeps, Holds): m holds
// each function's, and found finds them for one function from what m says of the
// others; a fact only grows, until none does (see callGraph.settle).
func (fl *flow) settleParams(m map[*types.Func][]int, found func(*ast.FuncDecl, *types.Func) []int) {
	fl.callGraph().settle(func(fd *ast.FuncDecl, fn *types.Func) bool {
		if ps := found(fd, fn); len(ps) > len(m[fn]) {
			m[fn] = ps
			return true
		}
		return false
	})
}
