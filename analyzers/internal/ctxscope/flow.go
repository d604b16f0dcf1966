package ctxscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

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
	case otelapi.IsPluggable(path):
		return true
	case isAbstract(fn) && !r.sameModule(fn.Pkg()) && !r.PackageTraces(fn.Pkg()):
		// A third-party interface in a package that cannot reach the
		// trace API (a CEL program's ContextEval).
		return false
	case isAbstract(fn) && fn.Pkg() == r.pass.Pkg:
		return slices.Contains(local[fn], paramIndex(fn.Signature(), i))
	case isAbstract(fn):
		// Its fact sums up the implementations in its package; a package
		// without syntax tells nothing: unknown, so it can.
		if r.pass.ImportPackageFact(fn.Pkg(), new(Analysed)) {
			f := new(ReachesSpans)
			return r.pass.ImportObjectFact(fn, f) && slices.Contains(f.Params, paramIndex(fn.Signature(), i))
		}
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

// sameModule reports whether pkg belongs to the module of the package
// being analysed (by the pass's module, or, when the driver does not say,
// by the first three elements of the import path).
func (r *Result) sameModule(pkg *types.Package) bool {
	if pkg == r.pass.Pkg {
		return true
	}
	if m := r.pass.Module; m != nil && m.Path != "" {
		return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
	}
	prefix := func(p string) string {
		parts := strings.SplitN(p, "/", 4)
		return strings.Join(parts[:min(3, len(parts))], "/")
	}
	return prefix(pkg.Path()) == prefix(r.pass.Pkg.Path())
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
	return newTrackerOf(info, ctxAssigns(info, body), vars, reqs)
}

// ctxAssigns returns the assignments of context variables in body.
func ctxAssigns(info *types.Info, body ast.Node) []ctxAssign {
	var as []ctxAssign
	ast.Inspect(body, func(n ast.Node) bool {
		as = appendCtxAssigns(info, as, n)
		return true
	})
	return as
}

// newTrackerOf returns the tracker of the seeds, given the context
// assignments of the body.
func newTrackerOf(info *types.Info, as []ctxAssign, vars, reqs []*types.Var) *tracker {
	t := &tracker{info: info, vars: map[*types.Var]bool{}, reqs: map[*types.Var]bool{}}
	for _, v := range vars {
		t.vars[v] = true
	}
	for _, v := range reqs {
		t.reqs[v] = true
	}
	for changed := true; changed; {
		changed = false
		for _, a := range as {
			if a.rhs != nil && !t.vars[a.v] && t.tracked(a.rhs) {
				t.vars[a.v] = true
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
func (r *Result) reaching(t *tracker, body ast.Node, from, to token.Pos, escapes bool, local map[*types.Func][]int, skip func(*ast.CallExpr) bool) ast.Node {
	var found ast.Node
	in := func(n ast.Node) bool { return n.Pos() >= from && n.Pos() < to }
	tracing := escapes && r.PackageTraces(r.pass.Pkg)
	detached := func(*ast.FuncLit) bool { return false }
	if !escapes {
		detached = r.goroutinesOf(body).detached(to)
	}
	inspectWindow(body, from, to, func(n ast.Node) bool {
		if found != nil || n == nil {
			return false
		}
		if n.End() <= from || n.Pos() >= to {
			return false // nothing in it is in [from, to)
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			return false
		case *ast.FuncLit:
			return !detached(n)
		case *ast.CallExpr:
			if !in(n) {
				return true
			}
			for i, a := range n.Args {
				if t.tracked(a) && r.canStart(n, i, local) && (skip == nil || !skip(n)) {
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

// inspectWindow is ast.Inspect(body, f) for an f that prunes every node
// outside [from, to): of a block's statements it visits only those that
// overlap the window, found by binary search, so that a query on a long
// function costs what its window holds, not the whole body.
func inspectWindow(body ast.Node, from, to token.Pos, f func(ast.Node) bool) {
	b, ok := body.(*ast.BlockStmt)
	if !ok {
		ast.Inspect(body, f)
		return
	}
	i := sort.Search(len(b.List), func(i int) bool { return b.List[i].End() > from })
	for ; i < len(b.List) && b.List[i].Pos() < to; i++ {
		ast.Inspect(b.List[i], f)
	}
}

// goroutines lists the function literals of a body run in a new goroutine
// (go func() {...}(), errgroup's or a WaitGroup's Go), and the positions
// that wait for goroutines: Wait() calls, channel receives and ranges over
// channels, in order.
type goroutines struct {
	lits  []*ast.FuncLit
	waits []token.Pos
}

func (r *Result) goroutines(body ast.Node) *goroutines {
	info := r.pass.TypesInfo
	g := &goroutines{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				g.lits = append(g.lits, lit)
			}
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && len(n.Args) > 0 && otelapi.IsGoroutineSpawner(fn) {
				if lit, ok := ast.Unparen(n.Args[len(n.Args)-1]).(*ast.FuncLit); ok {
					g.lits = append(g.lits, lit)
				}
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
				g.waits = append(g.waits, n.Pos())
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				g.waits = append(g.waits, n.Pos())
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					g.waits = append(g.waits, n.Pos())
				}
			}
		}
		return true
	})
	slices.Sort(g.waits)
	return g
}

// detached returns a predicate that reports whether a function literal is
// a goroutine body that nothing waits for before to: no wait follows it.
// Such goroutines outlive the span (pipeline workers), so the context they
// get is not the span's business.
func (g *goroutines) detached(to token.Pos) func(*ast.FuncLit) bool {
	if len(g.lits) == 0 {
		return func(*ast.FuncLit) bool { return false }
	}
	out := map[*ast.FuncLit]bool{}
	for _, lit := range g.lits {
		// The first wait after the literal.
		i, _ := slices.BinarySearch(g.waits, lit.End()+1)
		if i == len(g.waits) || g.waits[i] >= to {
			out[lit] = true
		}
	}
	return func(lit *ast.FuncLit) bool { return out[lit] }
}

// flow is what OldContextUse learns about one function body, shared by
// the questions about its spans: the context assignments, the trackers of
// the contexts asked about, and its goroutines.
type flow struct {
	assigns    []ctxAssign
	trackers   map[trackerKey]*tracker
	goroutines *goroutines
}

type trackerKey struct {
	v          *types.Var
	viaRequest bool
}

// flowOf returns the flow of body, computing it on first use.
func (r *Result) flowOf(body ast.Node) *flow {
	r.flowsMu.Lock()
	defer r.flowsMu.Unlock()
	f, ok := r.flows[body]
	if !ok {
		if r.flows == nil {
			r.flows = map[ast.Node]*flow{}
		}
		f = &flow{assigns: ctxAssigns(r.pass.TypesInfo, body), trackers: map[trackerKey]*tracker{}}
		r.flows[body] = f
	}
	return f
}

// goroutinesOf returns the goroutines of body, computing them on first
// use.
func (r *Result) goroutinesOf(body ast.Node) *goroutines {
	f := r.flowOf(body)
	r.flowsMu.Lock()
	g := f.goroutines
	r.flowsMu.Unlock()
	if g == nil {
		g = r.goroutines(body)
		r.flowsMu.Lock()
		f.goroutines = g
		r.flowsMu.Unlock()
	}
	return g
}

// trackerOf returns the tracker of the context v (or of r.Context() of
// the request v) in body, computing it on first use.
func (r *Result) trackerOf(body ast.Node, v *types.Var, viaRequest bool) *tracker {
	f := r.flowOf(body)
	key := trackerKey{v, viaRequest}
	r.flowsMu.Lock()
	t, ok := f.trackers[key]
	r.flowsMu.Unlock()
	if ok {
		return t
	}
	if viaRequest {
		t = newTrackerOf(r.pass.TypesInfo, f.assigns, nil, []*types.Var{v})
	} else {
		t = newTrackerOf(r.pass.TypesInfo, f.assigns, []*types.Var{v}, nil)
	}
	r.flowsMu.Lock()
	f.trackers[key] = t
	r.flowsMu.Unlock()
	return t
}

// OldContextUse returns the first call in body, within [from, to), that
// passes the context held in v (or r.Context() of the request variable
// req, when req is not nil), or one derived from it, to code that can start
// spans, or nil. Calls for which skip reports true do not count.
//
// The context assignments, trackers and goroutines of body are computed
// once and shared by the calls on it.
func (r *Result) OldContextUse(body ast.Node, v *types.Var, viaRequest bool, from, to token.Pos, skip func(*ast.CallExpr) bool) ast.Node {
	return r.reaching(r.trackerOf(body, v, viaRequest), body, from, to, false, r.reach, skip)
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
	ifaces := r.interfaceMethods()
	for changed := true; changed; {
		changed = false
		for _, m := range ifaces {
			if ps := r.abstractReach(m); len(ps) > len(r.reach[m.fn]) {
				r.reach[m.fn] = ps
				changed = true
			}
		}
		for _, f := range fns {
			for _, p := range f.params {
				if slices.Contains(r.reach[f.fn], p.idx) {
					continue
				}
				if r.reaching(p.t, f.body, f.body.Pos(), f.body.End(), true, r.reach, nil) != nil {
					r.reach[f.fn] = append(r.reach[f.fn], p.idx)
					slices.Sort(r.reach[f.fn])
					changed = true
				}
			}
		}
	}
}

// ifaceMethod is a method with context parameters of an interface
// declared in this package, and the concrete methods that implement it
// here.
type ifaceMethod struct {
	fn    *types.Func
	ctx   []int
	impls []*types.Func
}

// interfaceMethods lists this package's interface methods that take
// contexts, with their implementations in this package.
func (r *Result) interfaceMethods() []ifaceMethod {
	scope := r.pass.Pkg.Scope()
	// Concrete types by method name, so that Implements is only asked of
	// types that have the method at all.
	byMethod := map[string][]types.Type{}
	var ifaces []*types.TypeName
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 {
			continue
		}
		if iface, ok := n.Underlying().(*types.Interface); ok {
			if iface.IsMethodSet() {
				ifaces = append(ifaces, tn)
			}
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(n))
		for i := range ms.Len() {
			byMethod[ms.At(i).Obj().Name()] = append(byMethod[ms.At(i).Obj().Name()], n)
		}
	}
	var out []ifaceMethod
	for _, tn := range ifaces {
		iface := tn.Type().Underlying().(*types.Interface)
		var impls []types.Type
		checked := false
		for i := range iface.NumExplicitMethods() {
			m := iface.ExplicitMethod(i)
			if m.Pkg() != r.pass.Pkg {
				// type Handler stats.Handler: the methods are another
				// package's, which can carry no fact of this one.
				continue
			}
			sig := m.Signature()
			var ctx []int
			for j := range sig.Params().Len() {
				if otelapi.IsContextType(sig.Params().At(j).Type()) {
					ctx = append(ctx, j)
				}
			}
			if len(ctx) == 0 {
				continue
			}
			if !checked {
				checked = true
				for _, t := range byMethod[m.Name()] {
					if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
						impls = append(impls, t)
					}
				}
			}
			im := ifaceMethod{fn: m, ctx: ctx}
			for _, t := range impls {
				obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, r.pass.Pkg, m.Name())
				if f, ok := obj.(*types.Func); ok {
					im.impls = append(im.impls, f)
				}
			}
			out = append(out, im)
		}
	}
	return out
}

// abstractReach is the ReachesSpans of an interface method: the union of
// its implementations' in this package, or every context parameter when
// the package implements it nowhere (implementations elsewhere are
// unknown).
func (r *Result) abstractReach(m ifaceMethod) []int {
	if len(m.impls) == 0 {
		return m.ctx
	}
	var out []int
	for _, f := range m.impls {
		if isAbstract(f) || r.decls[f.Origin()] == nil {
			return m.ctx // promoted from an embedded interface, or no body
		}
		for _, p := range r.reach[f.Origin()] {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}
