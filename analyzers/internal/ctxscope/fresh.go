package ctxscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// IsFreshRootCall reports whether call returns a fresh root that carries
// no span: context.Background() or context.TODO(), or a call of a function
// with a FreshRoot fact (signals.NewInterruptContext()).
func (r *Result) IsFreshRootCall(call *ast.CallExpr) bool {
	if IsFresh(r.pass.TypesInfo, call) {
		return true
	}
	fn, ok := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.fresh[fn]
	}
	return fn.Pkg() != nil && !r.noFacts && r.pass.ImportObjectFact(fn, new(FreshRoot))
}

// computeFresh finds the context variables that only ever hold a fresh
// root and this package's functions that only return fresh roots, to a
// fixed point: a function is fresh when every context it returns is, and
// a variable assigned from a fresh function is fresh.
func (r *Result) computeFresh(decls []*ast.FuncDecl) {
	info := r.pass.TypesInfo
	var cands []*ast.FuncDecl
	for _, d := range decls {
		res := info.Defs[d.Name].(*types.Func).Signature().Results()
		for i := range res.Len() {
			if otelapi.IsContextType(res.At(i).Type()) {
				cands = append(cands, d)
				break
			}
		}
	}
	for {
		r.freshV = r.freshVars()
		changed := false
		for _, d := range cands {
			fn := info.Defs[d.Name].(*types.Func)
			if !r.fresh[fn] && r.returnsFresh(d, fn) {
				r.fresh[fn] = true
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// returnsFresh reports whether every context d returns is a fresh root.
func (r *Result) returnsFresh(d *ast.FuncDecl, fn *types.Func) bool {
	res := fn.Signature().Results()
	ok, any := true, false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			any = true
			switch {
			case len(n.Results) == 0: // named results
				for i := range res.Len() {
					if v := res.At(i); otelapi.IsContextType(v.Type()) && !r.freshV[v] {
						ok = false
					}
				}
			case len(n.Results) == res.Len():
				for i, e := range n.Results {
					if otelapi.IsContextType(res.At(i).Type()) && !r.isFreshExpr(e) {
						ok = false
					}
				}
			default: // return f(): a tuple
				if !r.isFreshExpr(n.Results[0]) {
					ok = false
				}
			}
		}
		return ok
	})
	return ok && any
}

// isFreshExpr reports whether e is a fresh root: a fresh variable, a call
// returning one, or a context derived from one by the context package or
// another standard function (signal.NotifyContext), which add no span.
func (r *Result) isFreshExpr(e ast.Expr) bool {
	info := r.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && r.freshV[v]
	case *ast.CallExpr:
		if r.IsFreshRootCall(x) {
			return true
		}
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || fn.Pkg() == nil || !otelapi.IsStdPath(fn.Pkg().Path()) || len(x.Args) == 0 {
			return false
		}
		if !otelapi.IsContextType(info.TypeOf(x.Args[0])) {
			return false
		}
		return r.isFreshExpr(x.Args[0])
	}
	return false
}

// freshVars finds the context variables that only ever hold a fresh root:
// context.Background() or context.TODO(), a context derived from one
// (context.WithTimeout(context.Background(), ...)), or the result of a
// FreshRoot function. A goroutine that drops one of them loses no trace
// (typical in tests and in main).
func (r *Result) freshVars() map[*types.Var]bool {
	info := r.pass.TypesInfo
	var assigns []ctxAssign
	for cur := range r.insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		assigns = appendCtxAssigns(info, assigns, cur.Node())
	}
	fresh := map[*types.Var]bool{}
	for _, a := range assigns {
		fresh[a.v] = true
	}
	saved := r.freshV
	r.freshV = fresh
	defer func() { r.freshV = saved }()
	// Greatest fixed point: drop a variable as soon as one of its
	// assignments is not fresh.
	for changed := true; changed; {
		changed = false
		for _, a := range assigns {
			if fresh[a.v] && (a.rhs == nil || !r.isFreshExpr(a.rhs)) {
				delete(fresh, a.v)
				changed = true
			}
		}
	}
	return fresh
}

// IsWorkerLoop reports whether body runs a long-lived loop at its top
// level: for { ... }, for ctx.Err() == nil { ... }, for !stopped() { ... },
// for range over a
// channel (a ticker's, a queue's), or a call of a function that does
// (same package: its body; across packages: a WorkerLoop fact). Such a
// goroutine is a worker that outlives its starter (a dispatcher running
// until Stop, a poller): it is started from a fresh context on purpose,
// since chaining every iteration into the starter's trace would make one
// unbounded trace.
func (r *Result) IsWorkerLoop(body *ast.BlockStmt) bool {
	return r.isWorkerLoop(body, map[*types.Func]bool{})
}

func (r *Result) isWorkerLoop(body *ast.BlockStmt, seen map[*types.Func]bool) bool {
	if body == nil {
		return false
	}
	info := r.pass.TypesInfo
	for _, st := range body.List {
		switch l := st.(type) {
		case *ast.ForStmt:
			if l.Cond == nil || r.untilContextEnds(l.Cond) {
				return true
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(l.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					return true // for v := range ch: a channel drain
				}
			}
		case *ast.ExprStmt:
			call, ok := ast.Unparen(l.X).(*ast.CallExpr)
			if !ok {
				continue
			}
			if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && r.isWorkerFunc(fn, seen) {
				return true
			}
		}
	}
	return false
}

// IsWorkerFunc reports whether fn runs a worker loop (see IsWorkerLoop):
// go d.run(context.Background()) starts a worker.
func (r *Result) IsWorkerFunc(fn *types.Func) bool {
	return fn != nil && r.isWorkerFunc(fn, map[*types.Func]bool{})
}

func (r *Result) isWorkerFunc(fn *types.Func, seen map[*types.Func]bool) bool {
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		d := r.decls[fn]
		if d == nil || seen[fn] {
			return false
		}
		seen[fn] = true
		return r.workers[fn] || r.isWorkerLoop(d.Body, seen)
	}
	return fn.Pkg() != nil && r.pass.ImportObjectFact(fn, new(WorkerLoop))
}

// Rearms reports whether a goroutine body started by encl calls encl again
// at its top level: a poller that re-arms itself (sleep, poll, schedule
// the next round), a loop in disguise.
func (r *Result) Rearms(body *ast.BlockStmt, encl *types.Func) bool {
	if body == nil || encl == nil {
		return false
	}
	for _, st := range body.List {
		var call *ast.CallExpr
		switch st := st.(type) {
		case *ast.ExprStmt:
			call, _ = ast.Unparen(st.X).(*ast.CallExpr)
		case *ast.DeferStmt:
			call = st.Call
		}
		if call == nil {
			continue
		}
		if fn, ok := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func); ok && fn.Origin() == encl.Origin() {
			return true
		}
	}
	return false
}

// untilContextEnds reports whether cond is ctx.Err() == nil, or a negated
// stop signal: !shutdown.IsShutdown(), !stopped, !s.closed.Load().
func (r *Result) untilContextEnds(cond ast.Expr) bool {
	if u, ok := ast.Unparen(cond).(*ast.UnaryExpr); ok && u.Op == token.NOT {
		switch x := ast.Unparen(u.X).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			return true
		case *ast.CallExpr:
			return len(x.Args) == 0
		}
		return false
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL {
		return false
	}
	call, ok := ast.Unparen(b.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Err" && otelapi.IsContextType(r.pass.TypesInfo.TypeOf(sel.X))
}

func (r *Result) computeWorkers(decls []*ast.FuncDecl) {
	for _, d := range decls {
		fn := r.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if r.IsWorkerLoop(d.Body) {
			r.workers[fn] = true
		}
	}
}

// ctxAssign is an assignment to a context variable: rhs is the value
// assigned, the call of a multi-value assignment (ctx, cancel :=
// context.WithCancel(...)), or nil when it cannot be told.
type ctxAssign struct {
	v   *types.Var
	rhs ast.Expr
}

// appendCtxAssigns appends the context variables that n, an assignment or
// a value spec, assigns, with their values.
func appendCtxAssigns(info *types.Info, out []ctxAssign, n ast.Node) []ctxAssign {
	note := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok && otelapi.IsContextType(v.Type()) {
			out = append(out, ctxAssign{v, rhs})
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			switch {
			case len(n.Lhs) == len(n.Rhs):
				note(l, n.Rhs[i])
			case len(n.Rhs) == 1:
				note(l, n.Rhs[0])
			default:
				note(l, nil)
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			switch {
			case len(n.Names) == len(n.Values):
				note(name, n.Values[i])
			case len(n.Values) == 1:
				note(name, n.Values[0])
			default:
				note(name, nil)
			}
		}
	}
	return out
}
