package spanerror

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// preservesExpected is an object fact on a function: its error result is
// expected whenever its error parameter number Param is. Such a function
// rewrites an error without making a failure of an outcome: it returns
// nil, its argument, the gRPC status its argument carries, or the gRPC
// form of a context that is over (spicedb's rewriteError).
type preservesExpected struct{ Param int }

func (*preservesExpected) AFact() {}

func (f *preservesExpected) String() string { return fmt.Sprintf("preservesExpected(%d)", f.Param) }

// preserved reports whether fn carries the preservesExpected fact, and
// for which parameter.
func (x *expecter) preserved(fn *types.Func) (int, bool) {
	if fn.Pkg() == nil {
		return 0, false
	}
	if fn.Pkg() == x.pass.Pkg {
		i, ok := x.keep[fn]
		if !ok {
			x.pending = true
		}
		return i, ok
	}
	var f preservesExpected
	if x.pass.ImportObjectFact(fn, &f) {
		return f.Param, true
	}
	return 0, false
}

// preservedCall reports whether call is a call of a rewriter with the
// preservesExpected fact whose argument is expected.
func (x *expecter) preservedCall(fn *types.Func, call *ast.CallExpr, k known) bool {
	i, ok := x.preserved(fn)
	if !ok || fn.Signature().Variadic() && i >= fn.Signature().Params().Len()-1 || i >= len(call.Args) {
		return false
	}
	return x.expected(call.Args[i], k, false)
}

// preservesParam returns the index of the error parameter whose
// expectedness every return of fd keeps, if there is one.
func (x *expecter) preservesParam(fd *ast.FuncDecl) (int, bool) {
	info := x.pass.TypesInfo
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return 0, false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if p.Name() == "" || p.Name() == "_" || !otelapi.IsErrorType(p.Type()) {
			continue
		}
		if x.preserves(fd, fn, p) {
			return i, true
		}
	}
	return 0, false
}

// preserves reports whether every return of fd yields nil, an expected
// error, or one that is expected when p is: p itself (never assigned in
// fd), st.Err() of st := status.FromError(p) or status.Convert(p), and a
// gRPC Canceled or DeadlineExceeded status in a branch that found p to be
// context.Canceled or context.DeadlineExceeded.
func (x *expecter) preserves(fd *ast.FuncDecl, fn *types.Func, p *types.Var) bool {
	info := x.pass.TypesInfo
	res := fn.Signature().Results()
	n := res.Len()
	vars := &varClass{x: x, body: fd.Body, memo: map[*types.Var]bool{p: true}, results: map[*types.Var]bool{}}
	for i := 0; i < n; i++ {
		vars.results[res.At(i)] = true
	}
	statusVars := map[*types.Var]bool{} // st := status.Convert(p)
	all, some := true, false
	var stack []ast.Node
	ast.Inspect(fd.Body, func(node ast.Node) bool {
		if node == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !all {
			return false
		}
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(node.X).(*ast.Ident); ok && node.Op == token.AND && info.Uses[id] == p {
				all = false // &p: assigned elsewhere
			}
		case *ast.AssignStmt:
			for _, l := range node.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == p {
					all = false
				}
			}
			if len(node.Rhs) == 1 && len(node.Lhs) >= 1 {
				if call, ok := ast.Unparen(node.Rhs[0]).(*ast.CallExpr); ok && x.statusOfParam(call, p) {
					if id, ok := node.Lhs[0].(*ast.Ident); ok {
						if v, ok := info.ObjectOf(id).(*types.Var); ok {
							statusVars[v] = true
						}
					}
				}
			}
		case *ast.ReturnStmt:
			e, isRet := returnedError(node, n)
			if !isRet {
				all = false // a bare return
				return false
			}
			e = ast.Unparen(e)
			switch {
			case isNilExpr(info, e):
			case x.expected(e, vars.expected, false):
				if id, ok := e.(*ast.Ident); ok && info.Uses[id] == p {
					some = true
				}
			case x.statusErrOf(e, statusVars):
				some = true
			case x.ctxStatus(e) && guardedByCtxErr(info, stack, p):
			default:
				all = false
			}
			return false
		}
		stack = append(stack, node)
		return true
	})
	return all && some
}

// statusOfParam reports whether call is status.FromError(p) or
// status.Convert(p): the *Status p carries.
func (x *expecter) statusOfParam(call *ast.CallExpr, p *types.Var) bool {
	fn, ok := typeutil.Callee(x.pass.TypesInfo, call).(*types.Func)
	if !ok || len(call.Args) != 1 || !otelapi.IsStatusOf(fn) {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && x.pass.TypesInfo.Uses[id] == p
}

// statusErrOf reports whether e is st.Err() for a status variable of
// statusVars.
func (x *expecter) statusErrOf(e ast.Expr, statusVars map[*types.Var]bool) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(x.pass.TypesInfo, call).(*types.Func)
	if !ok || !otelapi.IsStatusErr(fn) {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := x.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && statusVars[v]
}

// ctxStatus reports whether e builds a gRPC error with the constant code
// Canceled or DeadlineExceeded: the gRPC form of a context that is over.
func (x *expecter) ctxStatus(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(x.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	c, ok := otelapi.ErrorConstructor(fn)
	if !ok || c.Scheme != otelapi.GRPCCodes || c.Arg >= len(call.Args) {
		return false
	}
	tv, ok := x.pass.TypesInfo.Types[call.Args[c.Arg]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	code, _ := constant.Int64Val(tv.Value)
	return code == 1 || code == 4 // Canceled, DeadlineExceeded
}

// guardedByCtxErr reports whether the innermost statements on stack
// include an if body or a switch case whose condition is errors.Is(p,
// context.Canceled) or errors.Is(p, context.DeadlineExceeded).
func guardedByCtxErr(info *types.Info, stack []ast.Node, p *types.Var) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		var conds []ast.Expr
		switch s := stack[i].(type) {
		case *ast.IfStmt:
			if i+1 < len(stack) && stack[i+1] == s.Body {
				conds = []ast.Expr{s.Cond}
			}
		case *ast.CaseClause:
			conds = s.List
		}
		for _, c := range conds {
			if isCtxErrTest(info, c, p) {
				return true
			}
		}
	}
	return false
}

// isCtxErrTest reports whether cond is errors.Is(p, context.Canceled) or
// errors.Is(p, context.DeadlineExceeded).
func isCtxErrTest(info *types.Info, cond ast.Expr, p *types.Var) bool {
	call, ok := ast.Unparen(cond).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "Is" {
		return false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok || info.Uses[id] != p {
		return false
	}
	var target *ast.Ident
	switch t := ast.Unparen(call.Args[1]).(type) {
	case *ast.SelectorExpr:
		target = t.Sel
	case *ast.Ident:
		target = t
	default:
		return false
	}
	v, ok := info.Uses[target].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "context" && (v.Name() == "Canceled" || v.Name() == "DeadlineExceeded")
}
