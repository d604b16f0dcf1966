package healthfilter

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports otelhttp handlers that trace health checks. It is the
// instance the drivers run by default; New makes independent ones.
var Analyzer = New(spans.Default)

// New returns a new healthfilter analyzer. It has no options.
// It reads the syntax through the inspector of h's suite
// (spans.Helper.Inspector).
func New(h *spans.Helper) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "healthfilter",
		Doc:       docutil.MustExtract(doc, "healthfilter"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/healthfilter.md",
		Requires:  []*analysis.Analyzer{h.Inspector()},
		FactTypes: []analysis.Fact{new(probes), new(grpcServes)},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h) }),
	}
}

// probes is an object fact about a function: it returns a router on which
// it registers probe routes (Returns), or registers probe routes on its
// router parameters Params (indexes). Paths are the probe patterns' paths.
type probes struct {
	Paths   []string
	Returns bool
	Params  []int
}

func (*probes) AFact() {}
func (f *probes) String() string {
	var parts []string
	if f.Returns {
		parts = append(parts, "returns")
	}
	if len(f.Params) > 0 {
		parts = append(parts, fmt.Sprintf("params%v", f.Params))
	}
	return "probes(" + strings.Join(f.Paths, " ") + "; " + strings.Join(parts, " ") + ")"
}

func (f *probes) equal(g *probes) bool {
	return g != nil && f.Returns == g.Returns && slices.Equal(f.Paths, g.Paths) && slices.Equal(f.Params, g.Params)
}

type checker struct {
	pass  *analysis.Pass
	local map[*types.Func]*probes // this package's functions, so far
	// defaults are the probe paths the package registers on
	// http.DefaultServeMux (http.Handle, http.HandleFunc).
	defaults []string
	// grpcLocal is what the gRPC check knows of this package's functions.
	grpcLocal map[*types.Func]*grpcSummary
}

// A decl is a function declaration the rule checks.
type decl struct {
	fd   *ast.FuncDecl
	fn   *types.Func
	file *ast.File
}

func run(pass *analysis.Pass, h *spans.Helper) (any, error) {
	serveHTTP, serveGRPC := importsNetHTTP(pass.Pkg), importsGRPC(pass.Pkg)
	if !serveHTTP && !serveGRPC {
		return nil, nil
	}
	pass, done := suppress.Filter(pass)
	defer done()
	insp := h.Syntax(pass)
	c := &checker{pass: pass, local: map[*types.Func]*probes{}}

	var decls []decl
	for fcur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := fcur.Node().(*ast.File)
		if cgofile.IsGenerated(f) {
			continue
		}
		if tf := pass.Fset.File(f.Pos()); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
			continue // a test's probes cost nothing
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			decls = append(decls, decl{fd, fn, f})
		}
	}
	if serveGRPC {
		c.checkGRPCPackage(decls)
	}
	if !serveHTTP {
		return nil, nil
	}
	for _, d := range decls {
		c.findDefaults(d.fd)
	}
	// Facts of this package's functions, to a fixed point (a function
	// that calls another registering routes learns it on a later round).
	for round := 0; round < 8; round++ {
		changed := false
		for _, d := range decls {
			if d.fn == nil {
				continue
			}
			_, fact := c.analyse(d.fd)
			old := c.local[d.fn]
			if fact == nil {
				continue
			}
			if !fact.equal(old) {
				c.local[d.fn] = fact
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for _, d := range decls {
		if f := c.local[d.fn]; f != nil && d.fn.Exported() {
			pass.ExportObjectFact(d.fn, f)
		}
	}
	for _, d := range decls {
		vars, _ := c.analyse(d.fd)
		c.check(d.file, d.fd, vars)
	}
	return nil, nil
}

// importsNetHTTP reports whether pkg imports net/http, a router the rule
// reads or an HTTP tracing middleware: it may register routes or trace them.
func importsNetHTTP(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch imp.Path() {
		case "net/http", otelapi.OtelhttpPkg, otelapi.OtelmuxPkg, otelapi.OtelechoPkg, "github.com/gorilla/mux", "github.com/labstack/echo/v4":
			return true
		}
	}
	return false
}

// factOf returns what is known of fn: this package's own analysis, or an
// imported fact.
func (c *checker) factOf(fn *types.Func) *probes {
	if fn == nil {
		return nil
	}
	if f, ok := c.local[fn]; ok {
		return f
	}
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var f probes
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// routerVar returns the local router variable e names, or nil.
func (c *checker) routerVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || !otelapi.IsRouter(v.Type()) {
		return nil
	}
	return v
}

// analyse finds, in fd, the router variables on which probe routes are
// registered (directly, through functions that register routes on their
// parameter, or as the result of a function that returns such a router),
// with the probe paths, and the fact fd itself earns.
func (c *checker) analyse(fd *ast.FuncDecl) (map[*types.Var][]string, *probes) {
	info := c.pass.TypesInfo
	vars := map[*types.Var][]string{}
	add := func(v *types.Var, paths ...string) {
		for _, p := range paths {
			if !slices.Contains(vars[v], p) {
				vars[v] = append(vars[v], p)
			}
		}
	}
	var returns []ast.Expr
	assigned := func(lhs, rhs ast.Expr) {
		v := c.routerVar(lhs)
		if v == nil {
			return
		}
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			return
		}
		if f := c.factOf(typeutil.StaticCallee(info, call)); f != nil && f.Returns {
			add(v, f.Paths...)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			safe.At(c.pass, n.Pos())
			c.routesOf(n, add)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					assigned(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					assigned(n.Names[i], n.Values[i])
				}
			}
		case *ast.FuncLit:
			return true // routes registered in a closure on the function's router count
		case *ast.ReturnStmt:
			returns = append(returns, n.Results...)
		}
		return true
	})
	fact := &probes{}
	var paths []string
	addPath := func(ps []string) {
		for _, p := range ps {
			if !slices.Contains(paths, p) {
				paths = append(paths, p)
			}
		}
	}
	for _, r := range returns {
		if ps := c.probedBy(r, vars); len(ps) > 0 {
			fact.Returns = true
			addPath(ps)
		}
	}
	if fn, _ := info.Defs[fd.Name].(*types.Func); fn != nil {
		params := fn.Signature().Params()
		for i := 0; i < params.Len(); i++ {
			if ps := vars[params.At(i)]; len(ps) > 0 {
				fact.Params = append(fact.Params, i)
				addPath(ps)
			}
		}
	}
	if !fact.Returns && len(fact.Params) == 0 {
		return vars, nil
	}
	slices.Sort(paths)
	fact.Paths = paths
	return vars, fact
}

// routesOf calls add with the router variables on which call registers
// probe routes, directly (mux.HandleFunc("/healthz", ...)) or through a
// function that registers them on its router parameter, and their paths.
func (c *checker) routesOf(call *ast.CallExpr, add func(v *types.Var, paths ...string)) {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if v := c.routerVar(sel.X); v != nil {
			if i, ok := otelapi.RoutePatternArg(v.Type(), sel.Sel.Name); ok && i < len(call.Args) {
				if p, ok := c.probePattern(call.Args[i]); ok {
					add(v, p)
				}
			}
		}
	}
	if f := c.factOf(typeutil.StaticCallee(c.pass.TypesInfo, call)); f != nil {
		for _, i := range f.Params {
			if i < len(call.Args) {
				if v := c.routerVar(call.Args[i]); v != nil {
					add(v, f.Paths...)
				}
			}
		}
	}
}

// findDefaults adds to c.defaults the probe routes fd registers on
// http.DefaultServeMux.
func (c *checker) findDefaults(fd *ast.FuncDecl) {
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) < 1 {
			return true
		}
		fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || fn.Signature().Recv() != nil || fn.Name() != "Handle" && fn.Name() != "HandleFunc" {
			return true
		}
		if p, ok := c.probePattern(call.Args[0]); ok && !slices.Contains(c.defaults, p) {
			c.defaults = append(c.defaults, p)
		}
		return true
	})
}

// probePattern reports whether e is a constant route pattern that serves a
// probe, and returns its path.
func (c *checker) probePattern(e ast.Expr) (string, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return otelapi.ProbePath(constant.StringVal(tv.Value))
}

// isDefaultMux reports whether e is http.DefaultServeMux.
func (c *checker) isDefaultMux(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux"
}

// probedBy returns the probe paths the handler expression h serves: a
// local router with probe routes, or the result of a function that returns
// one.
func (c *checker) probedBy(h ast.Expr, vars map[*types.Var][]string) []string {
	h = ast.Unparen(h)
	if c.isDefaultMux(h) {
		return c.defaults
	}
	if v := c.routerVar(h); v != nil {
		return vars[v]
	}
	if call, ok := h.(*ast.CallExpr); ok {
		if f := c.factOf(typeutil.StaticCallee(c.pass.TypesInfo, call)); f != nil && f.Returns {
			return f.Paths
		}
	}
	return nil
}

// check reports the otelhttp wrappers in fd whose handler serves probes
// and whose options have no filter.
func (c *checker) check(file *ast.File, fd *ast.FuncDecl, vars map[*types.Var][]string) {
	info := c.pass.TypesInfo
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		safe.At(c.pass, call.Pos())
		var (
			h    ast.Expr
			opts *ast.CallExpr // the call whose arguments hold the options
			from int           // the index of its first option
			name string
		)
		if handler, _ := otelapi.IsOtelhttpWrap(typeutil.StaticCallee(info, call)); handler && len(call.Args) >= 2 {
			h, opts, from, name = call.Args[0], call, 2, "NewHandler"
		} else if inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if _, mw := otelapi.IsOtelhttpWrap(typeutil.StaticCallee(info, inner)); mw && len(inner.Args) >= 1 {
				h, opts, from, name = call.Args[0], inner, 1, "NewMiddleware"
			} else if m, ok := otelapi.RouterMiddlewareOf(typeutil.StaticCallee(info, inner)); ok && len(inner.Args) >= m.Options {
				// otelmux.Middleware("server")(r): r wrapped whole.
				if paths := c.probedBy(call.Args[0], vars); len(paths) > 0 && !c.mayFilter(fd, inner, m.Options, c.middlewareOptionMayFilter(m)) && !c.servedDirectly(fd, call.Args[0]) {
					c.reportMiddleware(file, inner, m, paths)
				}
				return true
			}
		} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Use" || sel.Sel.Name == "Pre") {
			c.checkUse(file, fd, call, sel.X, vars)
			return true
		}
		if h == nil {
			return true
		}
		paths := c.probedBy(h, vars)
		if len(paths) == 0 || c.mayFilter(fd, opts, from, c.optionMayFilter) || c.servedDirectly(fd, h) {
			return true
		}
		c.report(file, call, opts, name, paths)
		return true
	})
}

// servedDirectly reports whether fd also calls the ServeHTTP method of
// the router h itself: a hand-written filter that sends some requests
// (the probes) past the otelhttp handler.
func (c *checker) servedDirectly(fd *ast.FuncDecl, h ast.Expr) bool {
	v := c.routerVar(h)
	if v == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(x) == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// mayFilter reports whether the options of call, from index from, may
// hold a filter: an option for which optionMayFilter is true (a filter,
// or an option this rule cannot see through: a helper's result), or an
// options slice from elsewhere.
func (c *checker) mayFilter(fd *ast.FuncDecl, call *ast.CallExpr, from int, optionMayFilter func(ast.Expr) bool) bool {
	args := call.Args[min(from, len(call.Args)):]
	if call.Ellipsis.IsValid() && len(args) > 0 {
		last := args[len(args)-1]
		args = args[:len(args)-1]
		if c.sliceMayFilter(fd, last, optionMayFilter) {
			return true
		}
	}
	for _, a := range args {
		if optionMayFilter(a) {
			return true
		}
	}
	return false
}

// optionMayFilter reports whether the option expression e is a filter or
// unknown: anything but a call of another otelhttp option.
func (c *checker) optionMayFilter(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return true
	}
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != otelapi.OtelhttpPkg {
		return true
	}
	return otelapi.IsOtelhttpFilter(fn)
}

// sliceMayFilter reports whether the options slice s, passed with ...,
// may hold a filter: it is not a literal or a local variable built in fd
// only from literals and appends of visible options, those for which
// optionMayFilter is false.
func (c *checker) sliceMayFilter(fd *ast.FuncDecl, s ast.Expr, optionMayFilter func(ast.Expr) bool) bool {
	s = ast.Unparen(s)
	if lit, ok := s.(*ast.CompositeLit); ok {
		return slices.ContainsFunc(lit.Elts, optionMayFilter)
	}
	id, ok := s.(*ast.Ident)
	if !ok {
		return true
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Pos() < fd.Body.Pos() || v.Pos() >= fd.Body.End() {
		return true // a parameter, a field, a package variable
	}
	may := false
	value := func(rhs ast.Expr) {
		rhs = ast.Unparen(rhs)
		switch r := rhs.(type) {
		case *ast.CompositeLit:
			if slices.ContainsFunc(r.Elts, optionMayFilter) {
				may = true
			}
			return
		case *ast.CallExpr:
			if b, ok := ast.Unparen(r.Fun).(*ast.Ident); ok && b.Name == "append" && len(r.Args) >= 1 {
				if _, ok := c.pass.TypesInfo.ObjectOf(b).(*types.Builtin); ok {
					if x, ok := ast.Unparen(r.Args[0]).(*ast.Ident); !ok || c.pass.TypesInfo.ObjectOf(x) != v || r.Ellipsis.IsValid() {
						may = true
						return
					}
					if slices.ContainsFunc(r.Args[1:], optionMayFilter) {
						may = true
					}
					return
				}
			}
		}
		may = true
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if x, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(x) == v {
					if len(n.Lhs) != len(n.Rhs) {
						may = true
					} else {
						value(n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, x := range n.Names {
				if c.pass.TypesInfo.ObjectOf(x) == v && i < len(n.Values) {
					if len(n.Names) != len(n.Values) {
						may = true
					} else {
						value(n.Values[i])
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(x) == v {
					may = true // its address escapes
				}
			}
		}
		return !may
	})
	return may
}

func (c *checker) report(file *ast.File, call, opts *ast.CallExpr, name string, paths []string) {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = strconv.Quote(p)
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("otelhttp.%s traces the health-check route %s: it has no otelhttp.WithFilter (every probe from every load balancer and replica becomes a trace of its own; filter the probe paths out)",
			name, strings.Join(quoted, ", ")),
	}
	if fix, ok := c.fix(file, opts, paths); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// literalPaths returns the probe paths, each once and without a trailing
// {$}, or false when one holds a character of wild (a pattern wildcard):
// a filter can only compare whole paths.
func literalPaths(paths []string, wild string) ([]string, bool) {
	var clean []string
	for _, p := range paths {
		p = strings.TrimSuffix(p, "{$}")
		if strings.ContainsAny(p, wild) {
			return nil, false
		}
		if !slices.Contains(clean, p) {
			clean = append(clean, p)
		}
	}
	return clean, true
}

// fix appends otelhttp.WithFilter(filters.Not(...)) to the options, when
// they are not a slice passed with ... and every probe path is literal.
func (c *checker) fix(file *ast.File, opts *ast.CallExpr, paths []string) (analysis.SuggestedFix, bool) {
	if opts.Ellipsis.IsValid() || len(opts.Args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	clean, ok := literalPaths(paths, "{}")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	pos := opts.Args[len(opts.Args)-1].End()
	otelhttp, e1, ok := fiximport.Name(c.pass, file, pos, otelapi.OtelhttpPkg, "otelhttp")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	filters, e2, ok := fiximport.Name(c.pass, file, pos, otelapi.OtelhttpFiltersPkg, "filters", "otelhttpfilters")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	var fs []string
	for _, p := range clean {
		fs = append(fs, filters+".Path("+strconv.Quote(p)+")")
	}
	f := fs[0]
	if len(fs) > 1 {
		f = filters + ".Any(" + strings.Join(fs, ", ") + ")"
	}
	text := ", " + otelhttp + ".WithFilter(" + filters + ".Not(" + f + "))"
	edits := []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}
	switch {
	case e1 != nil && e2 != nil:
		return analysis.SuggestedFix{}, false // two imports at one place: rare (a dot import), no fix
	case e1 != nil:
		edits = append(edits, *e1)
	case e2 != nil:
		edits = append(edits, *e2)
	}
	return analysis.SuggestedFix{
		Message:   "Filter the probe paths out of tracing with otelhttp.WithFilter",
		TextEdits: edits,
	}, true
}
