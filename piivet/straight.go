package piivet

import (
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
)

// runsFirst reports whether the simple statement at (an assignment, or a call written as
// a statement: e.Payload = u.ID, b.Reset()) runs before the code at use on every path
// that reaches use, and nothing runs between them but the code written between: the
// statement is in a list (a block, a case or select clause) that holds, after it, the
// statement use is in, with no label on the way that a goto could enter by, nor any
// in that statement; and on the way down from that statement to use there is no loop
// (which could run use again after what is written after it) nor function literal
// (which runs where it is called, not where it is written). What the flow follows in
// source order is then what runs in that order, so an overwrite there hides what came
// before it; anywhere else (a branch, a loop) it may not run first, and hides nothing.
func (fl *flow) runsFirst(at, use token.Pos) bool {
	key := [2]token.Pos{at, use}
	if first, ok := fl.firsts[key]; ok {
		return first
	}
	first := fl.straightBefore(at, use)
	fl.firsts[key] = first
	return first
}

// straightBefore is runsFirst, not cached.
func (fl *flow) straightBefore(at, use token.Pos) bool {
	file := fl.fileAt(at)
	if file == nil || use < file.FileStart || use > file.FileEnd {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, at, at)
	for i, n := range path {
		st, ok := n.(ast.Stmt)
		if !ok {
			continue
		}
		switch st.(type) {
		case *ast.AssignStmt, *ast.ExprStmt:
		default:
			return false
		}
		if i+1 >= len(path) {
			return false
		}
		list := stmtList(path[i+1])
		k := slices.Index(list, st)
		if k < 0 {
			return false
		}
		for _, next := range list[k+1:] {
			if _, labeled := next.(*ast.LabeledStmt); labeled {
				return false // goto next: it may run without the statement
			}
			if next.Pos() <= use && use < next.End() {
				return fl.noLoopTo(file, next, use)
			}
		}
		return false
	}
	return false
}

// noLoopTo reports whether, from st down to the code at use, which st holds, there is
// no loop nor function literal, and st holds no label (a goto back to it is a loop).
func (fl *flow) noLoopTo(file *ast.File, st ast.Stmt, use token.Pos) bool {
	path, _ := astutil.PathEnclosingInterval(file, use, use)
	for _, n := range path {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return false
		}
		if n == st {
			break
		}
	}
	labeled := false
	ast.Inspect(st, func(n ast.Node) bool {
		if _, ok := n.(*ast.LabeledStmt); ok {
			labeled = true
		}
		return !labeled
	})
	return !labeled
}

// stmtList returns the statements n holds in order, when n is a block or a case or
// select clause: nil otherwise.
func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// fileAt returns the file of the package that holds pos, or nil.
func (fl *flow) fileAt(pos token.Pos) *ast.File {
	for _, f := range fl.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
