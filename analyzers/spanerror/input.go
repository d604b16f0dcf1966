package spanerror

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// rejectsInput reports whether fd can only fail by judging its arguments:
// it reads nothing but its parameters, its own variables, constants and
// error sentinels (no receiver, no package state), makes no call that can
// fail (only calls without an error result, error constructors and
// functions whose errors are expected), it returns a nil error on some
// path, and every error it returns is expected or one of its own making
// (errors.New, fmt.Errorf without a wrapped error, a sentinel) under an
// if or a case: a decision on its arguments. Such a function is a validation: jaeger's
// validateQuery, spicedb's dispatch.CheckDepth, kratos's
// validateBcryptPasswordLength. Its errors answer the caller's input, as
// InvalidArgument does.
func (x *expecter) rejectsInput(fd *ast.FuncDecl) bool {
	info := x.pass.TypesInfo
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	params := map[*types.Var]bool{}
	for i := 0; i < sig.Params().Len(); i++ {
		params[sig.Params().At(i)] = true
	}
	res := sig.Results()
	n := res.Len()
	for i := 0; i < n; i++ {
		if res.At(i).Name() != "" && res.At(i).Name() != "_" {
			return false // named results: bare returns, deferred changes
		}
	}
	vars := &varClass{x: x, body: fd.Body, memo: map[*types.Var]bool{}, results: map[*types.Var]bool{}}
	ok, own, succeeds := true, false, false
	depth := 0 // if and case bodies around the node
	var stack []ast.Node
	ast.Inspect(fd.Body, func(node ast.Node) bool {
		if node == nil {
			switch stack[len(stack)-1].(type) {
			case *ast.IfStmt, *ast.CaseClause:
				depth--
			}
			stack = stack[:len(stack)-1]
			return true
		}
		if !ok {
			return false
		}
		stack = append(stack, node)
		switch node.(type) {
		case *ast.IfStmt, *ast.CaseClause:
			depth++
		}
		switch node := node.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt, *ast.SelectStmt, *ast.SendStmt:
			ok = false
		case *ast.UnaryExpr:
			if node.Op.String() == "<-" {
				ok = false
			}
		case *ast.Ident:
			v, isVar := info.Uses[node].(*types.Var)
			switch {
			case !isVar, v.IsField(), params[v], within(v.Pos(), fd.Body):
			case v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && types.Implements(v.Type(), errorIface):
				// an error sentinel
			default:
				ok = false // the receiver, package state
			}
		case *ast.CallExpr:
			if !x.cannotFail(node) {
				ok = false
			}
		case *ast.ReturnStmt:
			e, isRet := returnedError(node, n)
			if !isRet {
				ok = false
				return true
			}
			switch {
			case isNilExpr(info, e):
				succeeds = true
			case x.expected(e, vars.expected, false):
			case x.ownError(e) && depth > 0:
				own = true // a decision on the arguments
			default:
				ok = false
			}
		}
		return true
	})
	return ok && own && succeeds
}

// cannotFail reports whether call cannot fail: a conversion, a builtin, a
// call without an error result, an error constructor, or a function whose
// errors are expected.
func (x *expecter) cannotFail(call *ast.CallExpr) bool {
	info := x.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() != "recover"
	case *types.Func:
		if isOwnErrorCtor(fn) || x.hasFact(fn.Origin()) {
			return true
		}
		if _, ok := otelapi.ErrorConstructor(fn); ok {
			return true
		}
	}
	t, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < t.Results().Len(); i++ {
		if types.Implements(t.Results().At(i).Type(), errorIface) {
			return false
		}
	}
	return true
}

// ownError reports whether e is an error the function makes itself:
// errors.New(...), fmt.Errorf(...) wrapping no error, or a package-level
// sentinel.
func (x *expecter) ownError(e ast.Expr) bool {
	info := x.pass.TypesInfo
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return isPackageVar(info, e)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || !isOwnErrorCtor(fn) {
			return false
		}
		for _, a := range e.Args {
			if isErrorValue(info, a) {
				return false // wraps an error: not of its own making
			}
		}
		return true
	}
	return false
}

// isOwnErrorCtor reports whether fn builds a new error from a message.
func isOwnErrorCtor(fn *types.Func) bool {
	switch fn.FullName() {
	case "errors.New", "fmt.Errorf", "github.com/pkg/errors.New", "github.com/pkg/errors.Errorf":
		return true
	}
	return false
}

// validatesInput is an object fact on a function that can only fail by
// judging its arguments (rejectsInput). Its error is expected where the
// caller hands it the caller's own inputs (validateQuery(q) with q a
// parameter): then it judges the request. Given data read from a store or
// a constant, the same function checks the data's integrity or an
// invariant, and its error is a failure.
type validatesInput struct{}

func (*validatesInput) AFact() {}

func (*validatesInput) String() string { return "validatesInput" }

// validatesCall reports whether call is a call of a function with the
// validatesInput fact whose every argument is an input of the calling
// function.
func (x *expecter) validatesCall(fn *types.Func, call *ast.CallExpr) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == x.pass.Pkg {
		if !x.checks[fn] {
			return false
		}
	} else if !x.pass.ImportObjectFact(fn, new(validatesInput)) {
		return false
	}
	params := x.enclosingParams(call.Pos())
	if params == nil || len(call.Args) == 0 {
		return false
	}
	for _, a := range call.Args {
		if otelapi.IsContextType(x.pass.TypesInfo.TypeOf(a)) {
			continue
		}
		if !x.isInput(a, params) {
			return false
		}
	}
	return true
}

// isInput reports whether e is a parameter of params, or a field or a
// getter (a method called without arguments) of one.
func (x *expecter) isInput(e ast.Expr, params map[*types.Var]bool) bool {
	info := x.pass.TypesInfo
	for {
		switch t := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := info.Uses[t].(*types.Var)
			return ok && params[v]
		case *ast.SelectorExpr:
			if _, ok := info.Selections[t]; !ok {
				return false // a package-qualified name
			}
			e = t.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(t.Fun).(*ast.SelectorExpr)
			if !ok || len(t.Args) != 0 {
				return false
			}
			if s, ok := info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
				return false
			}
			e = sel.X // req.GetMetadata()
		case *ast.StarExpr:
			e = t.X
		default:
			return false
		}
	}
}

// enclosingParams returns the parameters of the innermost function
// (declaration or literal) that holds pos.
func (x *expecter) enclosingParams(pos token.Pos) map[*types.Var]bool {
	info := x.pass.TypesInfo
	var sig *types.Signature
	for _, f := range x.pass.Files {
		if !within(pos, f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || !within(pos, n) {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := info.Defs[n.Name].(*types.Func); ok {
					sig = fn.Signature()
				}
			case *ast.FuncLit:
				if t, ok := info.TypeOf(n).(*types.Signature); ok {
					sig = t
				}
			}
			return true
		})
	}
	if sig == nil {
		return nil
	}
	params := map[*types.Var]bool{}
	for i := 0; i < sig.Params().Len(); i++ {
		params[sig.Params().At(i)] = true
	}
	return params
}

// isPackageVar reports whether e (an identifier or a qualified one) names
// a package-level variable: a sentinel.
func isPackageVar(info *types.Info, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if sel, isSel := e.(*ast.SelectorExpr); isSel {
		id, ok = sel.Sel, true
	}
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// returnedError returns the expression of ret that gives the error, the
// last of n results: the last result, or the one call whose results are
// returned (return f(x)); false for a bare return.
func returnedError(ret *ast.ReturnStmt, n int) (ast.Expr, bool) {
	switch {
	case n > 0 && len(ret.Results) == n:
		return ret.Results[n-1], true
	case len(ret.Results) == 1:
		return ret.Results[0], true
	}
	return nil, false
}
