package ctxscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// Where a context goes: can it reach code that starts a span? spanctx asks
// this of the context a Start replaced ("is the old context still passed
// on?"), and the ReachesSpans facts summarise the answer for each context
// parameter.

// CanStartSpans reports whether call, given a context as its argument i,
// may start a span from it (or hand it to code that does):
//
//   - a span start, a function value, an interface method (its
//     implementation is unknown), a propagator's Inject, OTel contrib
//     instrumentation;
//   - a function of this package, or of an analysed package whose
//     dependency closure reaches the trace API, with a ReachesSpans fact for
//     that parameter;
//   - a function of a package loaded without syntax whose closure reaches
//     the trace API.
//
// It cannot for the standard library (except database/sql and requests
// built with a context, see otelapi.StdHandsContextOn), the other OTel APIs
// (metric, log, baggage, the trace API's context helpers), the methods of
// context.Context (Value, Done, Err), packages that do not reach the trace
// API, and functions whose fact says the parameter is ignored, only read or
// only waited on.
func (r *Result) CanStartSpans(call *ast.CallExpr, i int) bool {
	return r.canStart(call, i, r.reach)
}

func (r *Result) canStart(call *ast.CallExpr, i int, local map[*types.Func][]int) bool {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false // a conversion
	}
	obj := typeutil.Callee(info, call)
	if _, ok := obj.(*types.Builtin); ok {
		return false
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return true // a function value: unknown
	}
	fn = fn.Origin()
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			i-- // T.Method(recv, args...)
		}
	}
	if i < 0 || fn.Pkg() == nil {
		return false
	}
	if _, ok := otelapi.StartResult(fn); ok {
		return true
	}
	if _, ok := otelapi.IsStartSignature(fn); ok {
		return true
	}
	path := fn.Pkg().Path()
	switch {
	case otelapi.IsOTelAPIPath(path):
		return otelapi.OTelHandsContextOn(fn)
	case otelapi.IsStdPath(path):
		return otelapi.StdHandsContextOn(fn)
	case isAbstract(fn):
		return true
	}
	sig := fn.Signature()
	p := paramIndex(sig, i)
	if p < 0 || !otelapi.IsContextType(sig.Params().At(p).Type()) {
		return false // a context passed as any: printed or stored, not used
	}
	if fn.Pkg() == r.pass.Pkg {
		return slices.Contains(local[fn], p)
	}
	if !r.PackageTraces(fn.Pkg()) {
		return false
	}
	if r.pass.ImportPackageFact(fn.Pkg(), new(Analysed)) {
		f := new(ReachesSpans)
		return r.pass.ImportObjectFact(fn, f) && slices.Contains(f.Params, p)
	}
	return true // no syntax seen, in a traced package: it can
}

// isAbstract reports whether fn is an interface method.
func isAbstract(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	_, ok := recv.Type().Underlying().(*types.Interface)
	return ok
}

// paramIndex maps argument i to its parameter, or -1.
func paramIndex(sig *types.Signature, i int) int {
	n := sig.Params().Len()
	switch {
	case i < n:
		return i
	case sig.Variadic() && n > 0:
		return n - 1
	}
	return -1
}

// tracker follows the contexts derived from a set of seeds through one
// function body, flow-insensitively: a context variable assigned from a
// tracked one, or from a call that derives a context from a tracked one
// (context.WithTimeout(ctx, ...), signal.NotifyContext(ctx, ...)), is
// tracked. A call that returns a span (a Start) or puts one into the
// context (trace.ContextWithSpan) makes a context that carries another
// span: not tracked.
type tracker struct {
	info *types.Info
	vars map[*types.Var]bool
	reqs map[*types.Var]bool // *http.Request variables whose Context() is tracked
}

func newTracker(info *types.Info, body ast.Node, vars, reqs []*types.Var) *tracker {
	t := &tracker{info: info, vars: map[*types.Var]bool{}, reqs: map[*types.Var]bool{}}
	for _, v := range vars {
		t.vars[v] = true
	}
	for _, v := range reqs {
		t.reqs[v] = true
	}
	type assign struct {
		lhs *types.Var
		rhs ast.Expr
	}
	var as []assign
	note := func(l ast.Expr, rhs ast.Expr) {
		id, ok := l.(*ast.Ident)
		if !ok {
			return
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok && otelapi.IsContextType(v.Type()) {
			as = append(as, assign{v, rhs})
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				switch {
				case len(n.Lhs) == len(n.Rhs):
					note(l, n.Rhs[i])
				case len(n.Rhs) == 1:
					note(l, n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i, l := range n.Names {
				switch {
				case len(n.Names) == len(n.Values):
					note(l, n.Values[i])
				case len(n.Values) == 1:
					note(l, n.Values[0])
				}
			}
		}
		return true
	})
	for changed := true; changed; {
		changed = false
		for _, a := range as {
			if !t.vars[a.lhs] && t.tracked(a.rhs) {
				t.vars[a.lhs] = true
				changed = true
			}
		}
	}
	return t
}

// tracked reports whether e evaluates to (or derives from) a tracked
// context.
func (t *tracker) tracked(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := t.info.Uses[x].(*types.Var)
		return ok && t.vars[v]
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Context" && len(x.Args) == 0 {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				if v, ok := t.info.Uses[id].(*types.Var); ok && t.reqs[v] {
					return true
				}
			}
		}
		return t.derives(x)
	}
	return false
}

// derives reports whether call returns a context derived from a tracked
// argument, carrying the same span.
func (t *tracker) derives(call *ast.CallExpr) bool {
	if fn, ok := typeutil.Callee(t.info, call).(*types.Func); ok && otelapi.CarriesSpan(fn) {
		return false
	}
	returnsCtx := false
	switch rt := t.info.TypeOf(call).(type) {
	case *types.Tuple:
		for i := range rt.Len() {
			if otelapi.IsSpanType(rt.At(i).Type()) {
				return false // a Start: the context carries the new span
			}
			if otelapi.IsContextType(rt.At(i).Type()) {
				returnsCtx = true
			}
		}
	case nil:
	default:
		returnsCtx = otelapi.IsContextType(rt)
	}
	if !returnsCtx {
		return false
	}
	for _, a := range call.Args {
		if t.tracked(a) {
			return true
		}
	}
	return false
}

// reaching returns the first node in body, within [from, to), where a
// tracked context reaches code that can start spans: a call given it as an
// argument for which canStart reports true. With escapes, storing it
// (a field, a composite literal, a non-context result) also counts when
// the package's closure reaches the trace API. A channel send does not: the
// receiver's spans are its own business.
func (r *Result) reaching(t *tracker, body ast.Node, from, to token.Pos, escapes bool, local map[*types.Func][]int) ast.Node {
	var found ast.Node
	in := func(n ast.Node) bool { return n.Pos() >= from && n.Pos() < to }
	tracing := escapes && r.PackageTraces(r.pass.Pkg)
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			return false
		case *ast.CallExpr:
			if !in(n) {
				return true
			}
			for i, a := range n.Args {
				if t.tracked(a) && r.canStart(n, i, local) {
					found = n
					return false
				}
			}
		case *ast.CompositeLit:
			if tracing && in(n) {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						e = kv.Value
					}
					if t.tracked(e) {
						found = n
						return false
					}
				}
			}
		case *ast.AssignStmt:
			if tracing && in(n) && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if _, ok := ast.Unparen(l).(*ast.Ident); !ok && t.tracked(n.Rhs[i]) {
						found = n
						return false
					}
				}
			}
		case *ast.ReturnStmt:
			if tracing && in(n) {
				for _, e := range n.Results {
					if t.tracked(e) && !otelapi.IsContextType(t.info.TypeOf(e)) {
						found = n
						return false
					}
				}
			}
		}
		return true
	})
	return found
}

// OldContextUse returns the first call in body, within [from, to), that
// passes the context held in v (or r.Context() of the request variable
// req, when req is not nil), or one derived from it, to code that can start
// spans, or nil.
func (r *Result) OldContextUse(body ast.Node, v *types.Var, viaRequest bool, from, to token.Pos) ast.Node {
	var t *tracker
	if viaRequest {
		t = newTracker(r.pass.TypesInfo, body, nil, []*types.Var{v})
	} else {
		t = newTracker(r.pass.TypesInfo, body, []*types.Var{v}, nil)
	}
	return r.reaching(t, body, from, to, false, r.reach)
}

// computeReach computes the ReachesSpans facts of this package's
// functions, to a fixed point (helpers calling helpers declared later).
func (r *Result) computeReach(decls []*ast.FuncDecl) {
	info := r.pass.TypesInfo
	type param struct {
		idx int
		t   *tracker
	}
	type fnInfo struct {
		fn     *types.Func
		body   *ast.BlockStmt
		params []param
	}
	var fns []fnInfo
	for _, d := range decls {
		fn := info.Defs[d.Name].(*types.Func)
		sig := fn.Signature()
		var ps []param
		for i := range sig.Params().Len() {
			v := sig.Params().At(i)
			if otelapi.IsContextType(v.Type()) && v.Name() != "_" && v.Name() != "" {
				ps = append(ps, param{i, newTracker(info, d.Body, []*types.Var{v}, nil)})
			}
		}
		if len(ps) > 0 {
			fns = append(fns, fnInfo{fn, d.Body, ps})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range fns {
			for _, p := range f.params {
				if slices.Contains(r.reach[f.fn], p.idx) {
					continue
				}
				if r.reaching(p.t, f.body, f.body.Pos(), f.body.End(), true, r.reach) != nil {
					r.reach[f.fn] = append(r.reach[f.fn], p.idx)
					slices.Sort(r.reach[f.fn])
					changed = true
				}
			}
		}
	}
}
