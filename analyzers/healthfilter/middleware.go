package healthfilter

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// checkUse reports, in r.Use(mw, ...) (or echo's e.Pre), a tracing
// middleware of the router (otelmux.Middleware, otelecho.Middleware,
// otelgin.Middleware; otelhttp.NewMiddleware on gorilla) without a
// filter, when r serves a probe route: the router runs its middlewares for
// every route it matches (gin: registered after the middleware), the
// probes among them.
func (c *checker) checkUse(file *ast.File, fd *ast.FuncDecl, use *ast.CallExpr, r ast.Expr, vars map[*types.Var][]string) {
	v := c.routerVar(r)
	if v == nil || len(vars[v]) == 0 || use.Ellipsis.IsValid() {
		return
	}
	for _, a := range use.Args {
		mw, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := typeutil.StaticCallee(c.pass.TypesInfo, mw)
		if _, ok := otelapi.IsOtelhttpWrap(fn); ok {
			// r.Use(otelhttp.NewMiddleware("server")) on a gorilla router.
			if len(mw.Args) >= 1 && !c.mayFilter(fd, mw, 1, c.optionMayFilter) {
				c.report(file, mw, mw, "NewMiddleware", vars[v])
			}
			continue
		}
		m, ok := otelapi.RouterMiddlewareOf(fn)
		if !ok || len(mw.Args) < m.Options || c.mayFilter(fd, mw, m.Options, c.middlewareOptionMayFilter(m)) {
			continue
		}
		paths := vars[v]
		if m.Ordered {
			paths = c.probesAfter(fd, v, use.End())
		}
		if len(paths) > 0 {
			c.reportMiddleware(file, mw, m, paths)
		}
	}
}

// probesAfter returns the probe paths fd registers on the router v after
// pos: a gin engine's middlewares apply to the routes registered after
// them only.
func (c *checker) probesAfter(fd *ast.FuncDecl, v *types.Var, pos token.Pos) []string {
	var paths []string
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && call.Pos() >= pos {
			c.routesOf(call, func(w *types.Var, ps ...string) {
				for _, p := range ps {
					if w == v && !slices.Contains(paths, p) {
						paths = append(paths, p)
					}
				}
			})
		}
		return true
	})
	return paths
}

// middlewareOptionMayFilter returns the predicate that reports whether an
// option of the middleware m is a filter or unknown: anything but a call
// of another of m's options.
func (c *checker) middlewareOptionMayFilter(m otelapi.RouterMiddleware) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
		return fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != m.Pkg || slices.Contains(m.Filters, fn.Name())
	}
}

// reportMiddleware reports the router middleware call mw, which traces
// the probe routes paths.
func (c *checker) reportMiddleware(file *ast.File, mw *ast.CallExpr, m otelapi.RouterMiddleware, paths []string) {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = strconv.Quote(p)
	}
	pkg := m.Name[:strings.IndexByte(m.Name, '.')]
	d := analysis.Diagnostic{
		Pos: mw.Pos(), End: mw.End(),
		Message: fmt.Sprintf("%s traces the health-check route %s: it has no %s.%s (every probe from every load balancer and replica becomes a trace of its own; leave the probe paths out)",
			m.Name, strings.Join(quoted, ", "), pkg, m.Filters[0]),
	}
	if fix, ok := c.middlewareFix(file, mw, m, paths); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// middlewareFix appends to the middleware's options a filter of the probe
// paths written as a function literal: otelmux.WithFilter(func(r
// *http.Request) bool { return r.URL.Path != "/healthz" }), or
// otelecho.WithSkipper(func(c echo.Context) bool { return
// c.Request().URL.Path == "/healthz" }). It is offered when the options
// are not a slice passed with ... and the probe paths have no wildcards.
func (c *checker) middlewareFix(file *ast.File, mw *ast.CallExpr, m otelapi.RouterMiddleware, paths []string) (analysis.SuggestedFix, bool) {
	if mw.Ellipsis.IsValid() || len(mw.Args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	clean, ok := literalPaths(paths, "{}:*")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	pos := mw.Args[len(mw.Args)-1].End()
	fn := typeutil.StaticCallee(c.pass.TypesInfo, mw)
	if fn == nil {
		return analysis.SuggestedFix{}, false
	}
	pkgName, e1, ok := fiximport.Name(c.pass, file, pos, m.Pkg, fn.Pkg().Name())
	if !ok || e1 != nil {
		return analysis.SuggestedFix{}, false
	}
	// The filter's parameter: a request, or an echo context.
	paramPath, paramPkg, paramType, req, op, join := "net/http", "http", "Request", "r", " != ", " && "
	if m.Skipper {
		paramPath, paramPkg, paramType, req, op, join = "github.com/labstack/echo/v4", "echo", "Context", "c", " == ", " || "
	}
	param, e2, ok := fiximport.Name(c.pass, file, pos, paramPath, paramPkg)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	ptr, urlPath := "*", req+".URL.Path"
	if m.Skipper {
		ptr, urlPath = "", req+".Request().URL.Path"
	}
	var conds []string
	for _, p := range clean {
		conds = append(conds, urlPath+op+strconv.Quote(p))
	}
	text := fmt.Sprintf(", %s.%s(func(%s %s%s.%s) bool { return %s })", pkgName, m.Filters[0], req, ptr, param, paramType, strings.Join(conds, join))
	edits := []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}
	if e2 != nil {
		edits = append(edits, *e2)
	}
	return analysis.SuggestedFix{
		Message:   "Leave the probe paths out of tracing with " + pkgName + "." + m.Filters[0],
		TextEdits: edits,
	}, true
}
