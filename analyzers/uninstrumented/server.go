package uninstrumented

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
)

const serverMessage = "%s serves a handler that nothing wraps with otelhttp while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context (wrap it in otelhttp.NewHandler)"

// installsProvider is an object fact about a function that installs a
// global tracer provider (otel.SetTracerProvider), itself or through the
// functions it calls.
type installsProvider struct{}

func (*installsProvider) AFact()         {}
func (*installsProvider) String() string { return "installsProvider" }

// instrumentsServer is an object fact about a function that instruments a
// server (otelhttp.NewHandler, otelmux.Middleware,
// otelgrpc.NewServerHandler, a propagator's Extract...), itself or through
// the functions it calls.
type instrumentsServer struct{}

func (*instrumentsServer) AFact()         {}
func (*instrumentsServer) String() string { return "instrumentsServer" }

// callIndex lists, once per package, the functions that the package's own
// code calls statically: per function declaration of its non-test,
// non-generated files, and apart, those called elsewhere in its non-test
// files (package-level initialisers, generated code). reachFacts answers
// from it without walking the bodies again.
type callIndex struct {
	fns     []*types.Func   // the declared function of each entry
	callees [][]*types.Func // its static callees, each once
	outside []*types.Func   // callees of the calls outside those bodies
}

// newCallIndex indexes decls (function declarations with bodies) and the
// other calls of the package's non-test files.
func newCallIndex(pass *analysis.Pass, decls []*ast.FuncDecl) *callIndex {
	info := pass.TypesInfo
	idx := &callIndex{}
	collect := func(n ast.Node, into []*types.Func, seen map[*types.Func]bool) []*types.Func {
		ast.Inspect(n, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn := typeutil.StaticCallee(info, call); fn != nil && !seen[fn] {
					seen[fn] = true
					into = append(into, fn)
				}
			}
			return true
		})
		return into
	}
	indexed := map[*ast.FuncDecl]bool{}
	for _, fd := range decls {
		fn, _ := info.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		indexed[fd] = true
		idx.fns = append(idx.fns, fn)
		idx.callees = append(idx.callees, collect(fd.Body, nil, map[*types.Func]bool{}))
	}
	seen := map[*types.Func]bool{}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf == nil || strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && indexed[fd] {
				continue
			}
			idx.outside = collect(d, idx.outside, seen)
		}
	}
	return idx
}

// reachFacts finds, to a fixed point, the functions of the package that
// call a function for which direct holds, or one with the fact newFact
// makes, exports the facts of the exported ones, and reports whether the
// package's code (not its tests: a tracetest recorder does not count)
// makes such a call anywhere.
func reachFacts(pass *analysis.Pass, idx *callIndex, direct func(*types.Func) bool, newFact func() analysis.Fact) bool {
	local := map[*types.Func]bool{}
	reaches := func(fn *types.Func) bool {
		if direct(fn) {
			return true
		}
		fn = fn.Origin()
		if fn.Pkg() == pass.Pkg {
			return local[fn]
		}
		return fn.Pkg() != nil && pass.ImportObjectFact(fn, newFact())
	}
	found := false
	for changed := true; changed; {
		changed = false
		for i, fn := range idx.fns {
			if local[fn] {
				continue
			}
			for _, c := range idx.callees[i] {
				if reaches(c) {
					local[fn] = true
					found = true
					changed = true
					break
				}
			}
		}
	}
	for fn := range local {
		if exportable(fn) {
			pass.ExportObjectFact(fn, newFact())
		}
	}
	for _, c := range idx.outside {
		if found {
			break
		}
		found = reaches(c)
	}
	return found
}

func isSetTracerProvider(fn *types.Func) bool {
	return otelapi.IsFunc(fn, otelapi.OtelModule+".SetTracerProvider")
}

func mayTraceServerFunc(fn *types.Func) bool { return otelapi.MayTraceServer(fn) }

// checkServers reports, in fd of a main package that installs a tracer
// provider, the HTTP servers whose handler tree is visibly uninstrumented:
// http.ListenAndServe, http.Serve and their TLS forms, and http.Server
// literals served in fd.
func (c *checker) checkServers(tr *trees, fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	s := tr.scope(fd.Type, fd.Body)
	var stack []ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.CallExpr:
			safe.At(c.pass, n.Pos())
			fn := typeutil.StaticCallee(info, n)
			if i, ok := otelapi.HTTPServe(fn); ok && i < len(n.Args) && plainTree(tr, fd, n.Args[i]) {
				c.reportServer(n, "http."+fn.Name(), n.Args[i])
			}
		case *ast.CompositeLit:
			if t := info.TypeOf(n); t != nil && otelapi.IsNamed(t, "net/http", "Server") {
				if h := c.servedHandler(s, n, stack); h != nil && plainTree(tr, fd, h) {
					c.reportServer(h, "http.Server", h)
				}
			}
		}
		return true
	})
}

// plainTree reports whether the handler h served in fd is a visible,
// uninstrumented tree that serves more than probes.
func plainTree(tr *trees, fd *ast.FuncDecl, h ast.Expr) bool {
	s := tr.scope(fd.Type, fd.Body) // afresh: serving is the tree's own
	return s.plain(h) && s.serving
}

// servedHandler returns the handler of the http.Server literal lit (stack
// ends with it) when the server is served in the function and its Handler
// is set once: in the literal, or later on the variable holding it. With
// the server used otherwise (passed on, stored, returned), it returns nil.
func (c *checker) servedHandler(s *scope, lit *ast.CompositeLit, stack []ast.Node) ast.Expr {
	info := c.pass.TypesInfo
	var handlers []ast.Expr
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Handler" {
				handlers = append(handlers, kv.Value)
			}
		}
	}
	parent := func(i int) ast.Node { // the i-th node above lit, parens skipped
		for j := len(stack) - 2; j >= 0; j-- {
			if _, ok := stack[j].(*ast.ParenExpr); ok {
				continue
			}
			if i == 0 {
				return stack[j]
			}
			i--
		}
		return nil
	}
	up, i := parent(0), 0
	var x ast.Node = lit
	if u, ok := up.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x, i = u, 1
		up = parent(1)
	}
	served := false
	switch p := up.(type) {
	case *ast.SelectorExpr: // (&http.Server{...}).ListenAndServe()
		call, ok := parent(i + 1).(*ast.CallExpr)
		if !ok || call.Fun != p {
			return nil
		}
		if fn, _ := typeutil.Callee(info, call).(*types.Func); !otelapi.IsHTTPServerServe(fn) {
			return nil
		}
		served = true
	case *ast.AssignStmt, *ast.ValueSpec:
		var srv *types.Var
		if as, ok := p.(*ast.AssignStmt); ok {
			if j := indexOf(as.Rhs, x); j >= 0 && len(as.Lhs) == len(as.Rhs) {
				if id, ok := as.Lhs[j].(*ast.Ident); ok {
					srv, _ = info.ObjectOf(id).(*types.Var)
				}
			}
		} else if vs := p.(*ast.ValueSpec); len(vs.Values) == len(vs.Names) {
			if j := indexOf(vs.Values, x); j >= 0 {
				srv, _ = info.Defs[vs.Names[j]].(*types.Var)
			}
		}
		if srv == nil || !s.inBody(srv) {
			return nil
		}
		defs := 0
		for _, st := range s.sites[srv] {
			if st.def {
				defs++
				continue
			}
			sel, ok := st.parents[0].(*ast.SelectorExpr)
			if !ok || sel.X != st.id {
				return nil // the server is passed on, stored or copied
			}
			if call, ok := st.parents[1].(*ast.CallExpr); ok && call.Fun == sel {
				if fn, _ := typeutil.Callee(info, call).(*types.Func); otelapi.IsHTTPServerServe(fn) {
					served = true
				}
				continue // Shutdown, Close, RegisterOnShutdown...
			}
			if sel.Sel.Name != "Handler" {
				continue // srv.Addr, srv.TLSConfig = ...
			}
			as, ok := st.parents[1].(*ast.AssignStmt)
			if !ok {
				continue // srv.Handler read
			}
			j := indexOf(as.Lhs, sel)
			if j < 0 {
				continue
			}
			if len(as.Lhs) != len(as.Rhs) {
				return nil
			}
			handlers = append(handlers, as.Rhs[j])
		}
		if defs != 1 {
			return nil
		}
	default:
		return nil
	}
	if !served || len(handlers) != 1 {
		return nil // a nil Handler serves http.DefaultServeMux, not followed
	}
	return handlers[0]
}

func indexOf(list []ast.Expr, n ast.Node) int {
	for i, e := range list {
		if ast.Node(ast.Unparen(e)) == n || ast.Node(e) == n {
			return i
		}
	}
	return -1
}

// reportServer reports at node the server called name serving the
// handler h, with a fix that wraps h in otelhttp.NewHandler.
func (c *checker) reportServer(node ast.Node, name string, h ast.Expr) {
	d := analysis.Diagnostic{
		Pos: node.Pos(), End: node.End(),
		Message: fmt.Sprintf(serverMessage, name),
	}
	if otel, edit, ok := fiximport.Name(c.pass, c.file, h.Pos(), otelapi.OtelhttpPkg, "otelhttp"); ok {
		edits := []analysis.TextEdit{
			{Pos: h.Pos(), End: h.Pos(), NewText: []byte(otel + ".NewHandler(")},
			{Pos: h.End(), End: h.End(), NewText: []byte(`, "server")`)},
		}
		if edit != nil {
			edits = append(edits, *edit)
		}
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Wrap the handler in otelhttp.NewHandler", TextEdits: edits}}
	}
	c.pass.Report(d)
}
