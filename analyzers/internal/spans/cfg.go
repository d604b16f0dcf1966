package spans

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// CFG builds the control-flow graph of a function body with the edges after
// calls that never return cut: panic, the otelapi no-return table (which
// works without facts about the standard library), and the knowledge of
// the package's own functions and imported facts that cfgs has (a
// noreturn.Result, or ctrlflow's CFGs).
func (r *Result) CFG(body *ast.BlockStmt, cfgs interface{ NoReturn(*types.Func) bool }) *cfg.CFG {
	info := r.pass.TypesInfo
	return cfg.New(body, func(call *ast.CallExpr) bool {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
				return false
			}
		}
		if r.NoReturnTable(call) {
			return false
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && cfgs != nil && cfgs.NoReturn(fn) {
			return false
		}
		return true
	})
}
