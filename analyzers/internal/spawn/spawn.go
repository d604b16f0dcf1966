// Package spawn finds goroutine-spawning helpers: functions that run a
// function parameter in a new goroutine, so that code passed to them is
// detached from the caller. goctx and blockinghandler both need to know,
// each for its own facts.
package spawn

import (
	"go/ast"
	"go/types"

	"github.com/otellint/otellint/analyzers/internal/spans"
)

// Params returns the indexes of fn's function parameters that body runs in
// a new goroutine, in the order found: go p(...), a go statement whose
// function literal calls p, or p passed as argument i of a call for which
// spawnsArg(call) reports (i, true) (errgroup.Group.Go, another helper
// with a fact). spawnsArg may be nil.
func Params(info *types.Info, fn *types.Func, body *ast.BlockStmt, spawnsArg func(*ast.CallExpr) (int, bool)) []int {
	params := map[*types.Var]int{}
	sig := fn.Signature()
	for i := range sig.Params().Len() {
		if _, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); ok {
			params[sig.Params().At(i)] = i
		}
	}
	if len(params) == 0 || body == nil {
		return nil
	}
	var found []int
	add := func(e ast.Expr) {
		if i, ok := spans.ParamOf(info, params, e); ok {
			for _, f := range found {
				if f == i {
					return
				}
			}
			found = append(found, i)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			add(n.Call.Fun)
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				ast.Inspect(lit.Body, func(m ast.Node) bool {
					if call, ok := m.(*ast.CallExpr); ok {
						add(call.Fun)
					}
					return true
				})
			}
		case *ast.CallExpr:
			if spawnsArg != nil {
				if i, ok := spawnsArg(n); ok && i < len(n.Args) {
					add(n.Args[i])
				}
			}
		}
		return true
	})
	return found
}
