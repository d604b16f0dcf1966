package healthfilter

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
)

// Full names of the gRPC and otelgrpc functions the gRPC check reads; the
// health service's registration is otelapi's knowledge.
const (
	grpcNewServer            = otelapi.GRPCPkg + ".NewServer"
	grpcStatsHandler         = otelapi.GRPCPkg + ".StatsHandler"
	otelgrpcNewServerHandler = otelapi.OtelgrpcPkg + ".NewServerHandler"
	otelgrpcFiltersPkg       = otelapi.OtelgrpcPkg + "/filters"
)

// grpcServes is an object fact about a function: what it returns (gRPC
// server options, an options slice or a *grpc.Server) includes an
// otelgrpc server handler without a filter (Traced); it registers the
// gRPC health service on its *grpc.Server parameters Health (indexes); the
// options of its parameters HealthFrom end on a server it registers the
// health service on; those of its parameters Passes are in what it
// returns.
type grpcServes struct {
	Traced     bool
	Health     []int
	HealthFrom []int
	Passes     []int
}

func (*grpcServes) AFact() {}
func (f *grpcServes) String() string {
	var parts []string
	if f.Traced {
		parts = append(parts, "traced")
	}
	if len(f.Health) > 0 {
		parts = append(parts, fmt.Sprintf("health%v", f.Health))
	}
	if len(f.HealthFrom) > 0 {
		parts = append(parts, fmt.Sprintf("healthfrom%v", f.HealthFrom))
	}
	if len(f.Passes) > 0 {
		parts = append(parts, fmt.Sprintf("passes%v", f.Passes))
	}
	return "grpc(" + strings.Join(parts, " ") + ")"
}

// A source is where an unfiltered otelgrpc server handler comes from: a
// NewServerHandler call of this package (handler, in file); the result
// of via, a function of another package with a Traced fact, called at at;
// or the options parameter param-1 of the function analysed, whatever its
// callers pass.
type source struct {
	handler *ast.CallExpr
	file    *ast.File
	via     *types.Func
	at      *ast.CallExpr
	param   int
}

// sourceKey identifies a source.
type sourceKey struct {
	call  *ast.CallExpr
	param int
}

func (s source) key() sourceKey {
	if s.handler != nil {
		return sourceKey{call: s.handler}
	}
	return sourceKey{call: s.at, param: s.param}
}

// node is the call a finding about the source is reported at.
func (s source) node() *ast.CallExpr {
	if s.handler != nil {
		return s.handler
	}
	return s.at
}

// has reports whether a holds the source s.
func has(a []source, s source) bool {
	return slices.ContainsFunc(a, func(t source) bool { return t.key() == s.key() })
}

// union returns a with the sources of b it lacks.
func union(a, b []source) []source {
	for _, s := range b {
		if !has(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// grpcSummary is what this package knows of one of its functions: the
// unfiltered handlers in what it returns, and the server parameters it
// registers the health service on.
type grpcSummary struct {
	sources    []source
	health     []int
	healthFrom []int
	passes     []int
}

func (s *grpcSummary) equal(t *grpcSummary) bool {
	if s == nil || t == nil {
		return s == t
	}
	if len(s.sources) != len(t.sources) || !slices.Equal(s.health, t.health) || !slices.Equal(s.healthFrom, t.healthFrom) || !slices.Equal(s.passes, t.passes) {
		return false
	}
	for i := range s.sources {
		if s.sources[i].key() != t.sources[i].key() {
			return false
		}
	}
	return true
}

// A grpcJoin is an unfiltered handler on a server on which the health
// service is registered, at reg (directly, or by via).
type grpcJoin struct {
	src source
	reg *ast.CallExpr
	via *types.Func
}

// importsGRPC reports whether pkg imports gRPC or otelgrpc: a package
// that builds or serves a gRPC server names one of them.
func importsGRPC(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == otelapi.OtelgrpcPkg || imp.Path() == otelapi.GRPCPkg {
			return true
		}
	}
	return false
}

// isGRPCTracked reports whether values of type t may carry an otelgrpc
// server handler to a server: grpc.ServerOption, []grpc.ServerOption, a
// *grpc.Server, a stats.Handler.
func isGRPCTracked(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := types.Unalias(t).(type) {
	case *types.Slice:
		_, ptr := types.Unalias(u.Elem()).(*types.Pointer)
		return !ptr && otelapi.IsNamed(u.Elem(), otelapi.GRPCPkg, "ServerOption")
	case *types.Pointer:
		return otelapi.IsNamed(t, otelapi.GRPCPkg, "Server")
	}
	return otelapi.IsNamed(t, otelapi.GRPCPkg, "ServerOption") || otelapi.IsNamed(t, otelapi.GRPCPkg+"/stats", "Handler")
}

// checkGRPCPackage learns, to a fixed point, which of the package's
// functions return unfiltered otelgrpc handlers (in options or a server),
// which register the health service on a server parameter, and what they
// do with their options parameters; exports the facts of exported ones;
// and reports the unfiltered handlers of servers that register the health
// service.
func (c *checker) checkGRPCPackage(decls []decl) {
	c.grpcLocal = map[*types.Func]*grpcSummary{}
	// The joins of the last round: when nothing changed in it, every
	// function was analysed with the final summaries, and its joins stand.
	joins := make([][]grpcJoin, len(decls))
	settled := false
	for round := 0; round < 8 && !settled; round++ {
		changed := false
		for i, d := range decls {
			if d.fn == nil {
				continue
			}
			sum, js := c.grpcAnalyse(d.file, d.fd)
			joins[i] = js
			if !sum.equal(c.grpcLocal[d.fn]) {
				changed = true
				if sum == nil {
					delete(c.grpcLocal, d.fn)
				} else {
					c.grpcLocal[d.fn] = sum
				}
			}
		}
		settled = !changed
	}
	for _, d := range decls {
		if s := c.grpcLocal[d.fn]; s != nil && d.fn.Exported() {
			c.pass.ExportObjectFact(d.fn, &grpcServes{Traced: len(s.sources) > 0, Health: s.health, HealthFrom: s.healthFrom, Passes: s.passes})
		}
	}
	reported := map[sourceKey]bool{}
	for i, d := range decls {
		js := joins[i]
		if !settled || d.fn == nil {
			_, js = c.grpcAnalyse(d.file, d.fd)
		}
		for _, j := range js {
			if k := j.src.key(); !reported[k] {
				reported[k] = true
				c.reportGRPC(j)
			}
		}
	}
}

// grpcOf returns what is known of fn: the unfiltered handlers in its
// results (for a function of another package, one source: its call at),
// the server parameters it registers the health service on, and what it
// does with its options parameters.
func (c *checker) grpcOf(fn *types.Func, at *ast.CallExpr) *grpcSummary {
	if fn == nil {
		return nil
	}
	if s, ok := c.grpcLocal[fn]; ok {
		return s
	}
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var f grpcServes
	if !c.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	s := &grpcSummary{health: f.Health, healthFrom: f.HealthFrom, passes: f.Passes}
	if f.Traced {
		s.sources = []source{{via: fn, at: at}}
	}
	return s
}

// argsFor returns the arguments of call for the parameter i of fn: one,
// or the variadic ones (the slice passed with ...).
func argsFor(fn *types.Func, call *ast.CallExpr, i int) []ast.Expr {
	sig := fn.Signature()
	if sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
		return call.Args[min(i, len(call.Args)):]
	}
	if i < len(call.Args) {
		return call.Args[i : i+1]
	}
	return nil
}

// grpcFunc is the state of the analysis of one function.
type grpcFunc struct {
	fd   *ast.FuncDecl
	file *ast.File
	vars map[place][]source // options, slices, servers, handlers → their unfiltered handlers
}

// A place holds a value in one function: a variable v, or its field
// (v.field, one level: s.server = grpc.NewServer(...) and the health
// registration on s.server in the same function).
type place struct {
	v, field *types.Var
}

// placeOf returns the place e names, a variable or a field of one, and
// whether it names one; package variables are not places.
func (c *checker) placeOf(e ast.Expr) (place, bool) {
	info := c.pass.TypesInfo
	local := func(id *ast.Ident) *types.Var {
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return nil
		}
		return v
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := local(e); v != nil {
			return place{v: v}, true
		}
	case *ast.SelectorExpr:
		x, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			break
		}
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			break
		}
		f, _ := sel.Obj().(*types.Var)
		if v := local(x); v != nil && f != nil {
			return place{v: v, field: f}, true
		}
	}
	return place{}, false
}

// grpcAnalyse follows, in fd, the unfiltered otelgrpc server handlers
// into options, option slices (literals, appends) and servers
// (grpc.NewServer, functions that return them), flow-insensitively, and
// finds the servers on which the health service is registered (directly
// or by a function that registers it on its parameter). It returns fd's
// summary (nil when there is nothing to say) and the handlers of servers
// that serve the health service.
func (c *checker) grpcAnalyse(file *ast.File, fd *ast.FuncDecl) (*grpcSummary, []grpcJoin) {
	info := c.pass.TypesInfo
	g := &grpcFunc{fd: fd, file: file, vars: map[place][]source{}}
	tracked := func(e ast.Expr) (place, bool) {
		p, ok := c.placeOf(e)
		if !ok || !isGRPCTracked(info.TypeOf(e)) {
			return place{}, false
		}
		return p, true
	}
	fn, _ := info.Defs[fd.Name].(*types.Func)
	if fn != nil {
		// Options parameters carry their callers' handlers.
		params := fn.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			if p := params.At(i); isGRPCTracked(p.Type()) && !otelapi.IsNamed(p.Type(), otelapi.GRPCPkg, "Server") {
				g.vars[place{v: p}] = []source{{param: i + 1}}
			}
		}
	}
	changed := false
	add := func(v place, ok bool, srcs []source) {
		if !ok || len(srcs) == 0 {
			return
		}
		if u := union(g.vars[v], srcs); len(u) != len(g.vars[v]) {
			g.vars[v] = u
			changed = true
		}
	}
	assign := func(lhs, rhs []ast.Expr) {
		if len(lhs) == len(rhs) {
			for i := range lhs {
				v, ok := tracked(lhs[i])
				add(v, ok, c.sourcesOf(g, rhs[i]))
			}
		} else if len(rhs) == 1 {
			// opts, metrics, err := buildServerOpts(...)
			srcs := c.sourcesOf(g, rhs[0])
			for _, l := range lhs {
				v, ok := tracked(l)
				add(v, ok, srcs)
			}
		}
	}
	// Flow-insensitive: a variable holds the handlers of every value
	// assigned to it; a few passes let a value reach later copies.
	for pass := 0; pass < 4; pass++ {
		changed = false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				safe.At(c.pass, n.Pos())
				assign(n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				names := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					names[i] = id
				}
				assign(names, n.Values)
			}
			return true
		})
		if !changed {
			break
		}
	}

	// The servers on which the health service is registered.
	type reg struct {
		v    place
		call *ast.CallExpr
		via  *types.Func
	}
	var regs []reg
	var joins []grpcJoin
	serverVar := func(e ast.Expr) (place, bool) {
		p, ok := c.placeOf(e)
		if !ok || !otelapi.IsNamed(info.TypeOf(e), otelapi.GRPCPkg, "Server") {
			return place{}, false
		}
		return p, true
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := calleeFunc(info, call)
		if otelapi.RegistersGRPCHealth(fn) && len(call.Args) >= 1 {
			if v, ok := serverVar(call.Args[0]); ok {
				regs = append(regs, reg{v, call, nil})
			}
			return true
		}
		sum := c.grpcOf(fn, call)
		if sum == nil {
			return true
		}
		for _, i := range sum.health {
			if i < len(call.Args) && !call.Ellipsis.IsValid() {
				if v, ok := serverVar(call.Args[i]); ok {
					regs = append(regs, reg{v, call, fn})
				}
			}
		}
		for _, i := range sum.healthFrom {
			for _, a := range argsFor(fn, call, i) {
				for _, s := range c.sourcesOf(g, a) {
					joins = append(joins, grpcJoin{s, call, fn})
				}
			}
		}
		return true
	})
	for _, r := range regs {
		for _, s := range g.vars[r.v] {
			joins = append(joins, grpcJoin{s, r.call, r.via})
		}
	}
	// Handlers from a parameter are the callers' to report.
	var joined []source
	var healthFrom []int
	for _, j := range joins {
		joined = union(joined, []source{j.src})
		if j.src.param > 0 {
			if !slices.Contains(healthFrom, j.src.param-1) {
				healthFrom = append(healthFrom, j.src.param-1)
			}
		}
	}
	joins = slices.DeleteFunc(joins, func(j grpcJoin) bool { return j.src.param > 0 })

	if fn == nil {
		return nil, joins
	}
	sig := fn.Signature()
	sum := &grpcSummary{healthFrom: healthFrom}
	slices.Sort(sum.healthFrom)
	returned := func(srcs []source) {
		for _, s := range srcs {
			switch {
			case has(joined, s):
			case s.param > 0:
				if !slices.Contains(sum.passes, s.param-1) {
					sum.passes = append(sum.passes, s.param-1)
				}
			default:
				sum.sources = union(sum.sources, []source{s})
			}
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are the closure's
		case *ast.ReturnStmt:
			if len(n.Results) == 0 { // a bare return of named results
				for i := 0; i < sig.Results().Len(); i++ {
					returned(g.vars[place{v: sig.Results().At(i)}])
				}
			}
			for _, r := range n.Results {
				if isGRPCTracked(info.TypeOf(r)) {
					returned(c.sourcesOf(g, r))
				}
			}
		}
		return true
	})
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if slices.ContainsFunc(regs, func(r reg) bool { return r.v == place{v: p} }) {
			sum.health = append(sum.health, i)
		}
	}
	slices.Sort(sum.passes)
	if len(sum.sources) == 0 && len(sum.health) == 0 && len(sum.healthFrom) == 0 && len(sum.passes) == 0 {
		return nil, joins
	}
	return sum, joins
}

// sourcesOf returns the unfiltered otelgrpc server handlers the value of
// e holds: an otelgrpc.NewServerHandler call without a filter, the
// grpc.StatsHandler or grpc.NewServer given one, a slice literal or append
// with one, a local variable assigned one, the result of a function
// known to return one.
func (c *checker) sourcesOf(g *grpcFunc, e ast.Expr) []source {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if p, ok := c.placeOf(e); ok {
			return g.vars[p]
		}
	case *ast.CompositeLit:
		if !isGRPCTracked(info.TypeOf(e)) {
			return nil
		}
		var out []source
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			out = union(out, c.sourcesOf(g, elt))
		}
		return out
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" {
			if _, ok := info.Uses[id].(*types.Builtin); ok {
				var out []source
				for _, a := range e.Args {
					out = union(out, c.sourcesOf(g, a))
				}
				return out
			}
		}
		fn := calleeFunc(info, e)
		switch {
		case otelapi.IsFunc(fn, otelgrpcNewServerHandler):
			if c.grpcMayFilter(g.fd, e) {
				return nil
			}
			return []source{{handler: e, file: g.file}}
		case otelapi.IsFunc(fn, grpcStatsHandler), otelapi.IsFunc(fn, grpcNewServer):
			var out []source
			for _, a := range e.Args {
				out = union(out, c.sourcesOf(g, a))
			}
			return out
		}
		fn = typeutil.StaticCallee(info, e)
		sum := c.grpcOf(fn, e)
		if sum == nil {
			return nil
		}
		out := sum.sources
		for _, i := range sum.passes {
			for _, a := range argsFor(fn, e, i) {
				out = union(out, c.sourcesOf(g, a))
			}
		}
		return out
	}
	return nil
}

// grpcMayFilter reports whether an option of the otelgrpc handler call h
// may be a filter: otelgrpc.WithFilter, or an option the rule cannot see
// into (a variable, a helper's result, a slice from elsewhere).
func (c *checker) grpcMayFilter(fd *ast.FuncDecl, h *ast.CallExpr) bool {
	args := h.Args
	if h.Ellipsis.IsValid() && len(args) > 0 {
		if c.sliceMayFilter(fd, args[len(args)-1], c.grpcOptionMayFilter) {
			return true
		}
		args = args[:len(args)-1]
	}
	return slices.ContainsFunc(args, c.grpcOptionMayFilter)
}

// grpcOptionMayFilter reports whether the otelgrpc option e is a filter or
// unknown: anything but a call of another otelgrpc option.
func (c *checker) grpcOptionMayFilter(e ast.Expr) bool {
	opt, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return true // an option from a variable: not seen
	}
	fn := calleeFunc(c.pass.TypesInfo, opt)
	return fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != otelapi.OtelgrpcPkg || fn.Name() == "WithFilter"
}

// reportGRPC reports an unfiltered handler on a server that serves the
// health service: at the handler call when it is in this package (with a
// fix), else at the call of the function of another package that returns
// it.
func (c *checker) reportGRPC(j grpcJoin) {
	related := "the health service is registered here"
	if j.via != nil {
		related = "the health service is registered by " + funcName(j.via) + " here"
	}
	d := analysis.Diagnostic{
		Related: []analysis.RelatedInformation{{Pos: j.reg.Pos(), End: j.reg.End(), Message: related}},
	}
	if h := j.src.handler; h != nil {
		d.Pos, d.End = h.Pos(), h.End()
		d.Message = "otelgrpc.NewServerHandler traces the gRPC health service registered on this server: it has no otelgrpc.WithFilter (every health check from every load balancer and replica becomes a trace of its own; filter it out with filters.Not(filters.HealthCheck()))"
		if fix, ok := c.grpcFix(j.src.file, h); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	} else {
		d.Pos, d.End = j.src.at.Pos(), j.src.at.End()
		d.Message = fmt.Sprintf("%s traces the gRPC server with an otelgrpc.NewServerHandler that has no otelgrpc.WithFilter, and the health service is registered on that server (every health check from every load balancer and replica becomes a trace of its own; filter it out in %[1]s with filters.Not(filters.HealthCheck()))", funcName(j.src.via))
	}
	c.pass.Report(d)
}

// funcName names fn as its package's users write it: pkg.F, pkg.T.M.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// grpcFix appends otelgrpc.WithFilter(filters.Not(filters.HealthCheck()))
// to the handler's options, importing otelgrpc's filters package. Options
// passed as a slice with ... get no fix.
func (c *checker) grpcFix(file *ast.File, h *ast.CallExpr) (analysis.SuggestedFix, bool) {
	if file == nil || h.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	// After the last option, not before the parenthesis: options written
	// over several lines end with a comma.
	pos, sep := h.Rparen, ""
	if len(h.Args) > 0 {
		pos, sep = h.Args[len(h.Args)-1].End(), ", "
	}
	otelgrpc, e1, ok := fiximport.Name(c.pass, file, pos, otelapi.OtelgrpcPkg, "otelgrpc")
	if !ok || e1 != nil {
		return analysis.SuggestedFix{}, false
	}
	filters, e2, ok := fiximport.Name(c.pass, file, pos, otelgrpcFiltersPkg, "filters", "grpcfilters")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits := []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(sep + otelgrpc + ".WithFilter(" + filters + ".Not(" + filters + ".HealthCheck()))")}}
	if e2 != nil {
		edits = append(edits, *e2)
	}
	return analysis.SuggestedFix{Message: "Leave the health checks out of tracing with otelgrpc.WithFilter", TextEdits: edits}, true
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}
