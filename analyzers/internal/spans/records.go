package spans

import (
	"go/ast"
	"go/types"
	"slices"
	"sort"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// SpanMethod reports whether call is a method of a span, recv.Name(...),
// and returns the receiver expression and the method name.
func (r *Result) SpanMethod(call *ast.CallExpr) (ast.Expr, string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, "", false
	}
	s := r.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !otelapi.IsSpanType(s.Recv()) {
		return nil, "", false
	}
	return sel.X, sel.Sel.Name, true
}

// StatusCode returns the constant code of a span.SetStatus call
// (otelapi.CodeError, CodeOk, CodeUnset), if it is a constant.
func (r *Result) StatusCode(call *ast.CallExpr) (int, bool) {
	if len(call.Args) == 0 {
		return 0, false
	}
	tv, ok := r.pass.TypesInfo.Types[call.Args[0]]
	if !ok || tv.Value == nil || !otelapi.IsNamed(tv.Type, otelapi.CodesPkg, "Code") {
		return 0, false
	}
	var code int64
	if v, ok := constInt(tv.Value.ExactString()); ok {
		code = v
	} else {
		return 0, false
	}
	return int(code), true
}

func constInt(s string) (int64, bool) {
	var n int64
	if s == "" {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// ArgRecords reports whether call records an error (both halves) on the
// span passed as its argument i: a helper with a RecordsError fact, or one
// configured by name.
func (r *Result) ArgRecords(call *ast.CallExpr, i int) bool {
	fn := r.Callee(call)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if f := r.recordsFact(fn); f != nil && slices.Contains(f.Params, i) {
		return true
	}
	return r.opts.Recorders.HasFunc(fn) && i == firstSpanParam(r.pass.TypesInfo, call)
}

func (r *Result) recordsFact(fn *types.Func) *RecordsError {
	if f, ok := r.records[fn]; ok {
		return f
	}
	if fn.Pkg() != nil && fn.Pkg() != r.pass.Pkg {
		f := new(RecordsError)
		if r.pass.ImportObjectFact(fn, f) {
			return f
		}
	}
	return nil
}

// computeRecords reports which span parameters fn records errors on, with
// both RecordError and SetStatus(codes.Error, ...), and which context
// parameters it marks the span of (trace.SpanFromContext(ctx)).
func (r *Result) computeRecords(d *ast.FuncDecl, fn *types.Func) *RecordsError {
	sig := fn.Signature()
	params := map[*types.Var]int{}
	ctxParams := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if otelapi.MayHoldSpan(p.Type()) {
			params[p] = i
		} else if otelapi.IsContextType(p.Type()) {
			ctxParams[p] = i
		}
	}
	if len(params) == 0 && len(ctxParams) == 0 {
		return nil
	}
	info := r.pass.TypesInfo
	// The span a context parameter carries, borrowed with
	// trace.SpanFromContext(ctx) (directly, or through a local variable
	// assigned once from it): marking it marks the caller's span, as
	// openfga's resolveTypesystem does with
	// telemetry.TraceError(trace.SpanFromContext(ctx), err).
	borrowed := map[*types.Var]int{} // local variable -> context parameter index
	ctxSpan := func(e ast.Expr) (int, bool) {
		e = ast.Unparen(e)
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				i, ok := borrowed[v]
				return i, ok
			}
			return 0, false
		}
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !r.IsBorrowCall(call) {
			return 0, false
		}
		return ParamOf(info, ctxParams, call.Args[0])
	}
	if len(ctxParams) > 0 {
		// Reassigned variables are not known to hold the context's span.
		assigns := func(yield func(ast.Node) bool) {
			stop := false
			ast.Inspect(d.Body, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.AssignStmt, *ast.ValueSpec:
					stop = stop || !yield(n)
				}
				return !stop
			})
		}
		borrowed = singleAssigned(info, assigns, ctxSpan)
	}
	status := map[int]bool{}
	both := map[int]bool{}
	paramOf := func(e ast.Expr) (int, bool) {
		if i, ok := ParamOf(info, params, e); ok {
			return i, true
		}
		return ctxSpan(e)
	}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if recv, name, ok := r.SpanMethod(call); ok {
			if i, ok := paramOf(recv); ok {
				switch name {
				case "SetStatus":
					// A code computed at run time (a helper mapping an
					// HTTP or gRPC status) is the helper's decision.
					if code, ok := r.StatusCode(call); !ok || code == otelapi.CodeError {
						status[i] = true
					}
				}
			}
		}
		for ai, a := range call.Args {
			if i, ok := paramOf(a); ok && r.ArgRecords(call, ai) {
				both[i] = true
			}
		}
		return true
	})
	// A helper that sets the Error status reports the failure where the
	// backend looks; whether it also adds the exception event (RecordError)
	// or error attributes instead is the helper author's choice (ory/x
	// otelx.End sets the status and error attributes).
	for i := range status {
		both[i] = true
	}
	if len(both) == 0 {
		return nil
	}
	f := &RecordsError{}
	for i := range both {
		f.Params = append(f.Params, i)
	}
	sort.Ints(f.Params)
	return f
}

// ParamOf reports whether e names one of the parameters in params, and its
// index.
func ParamOf(info *types.Info, params map[*types.Var]int, e ast.Expr) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	i, ok := params[v]
	return i, ok
}
