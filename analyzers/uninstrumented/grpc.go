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
)

// checkDial reports call if it builds a gRPC client connection whose dial
// options are all visible and none installs a stats handler or an
// interceptor. body is the function containing call, where an options
// slice passed with ... is followed.
func (c *checker) checkDial(call *ast.CallExpr, fn *types.Func, body *ast.BlockStmt) {
	first, ok := otelapi.GRPCDial(fn)
	if !ok || len(call.Args) < first {
		return
	}
	spread := call.Ellipsis.IsValid()
	if !c.plainOptions(call.Args[first:], spread, body, otelapi.IsInstrumentingClientHandler) {
		return
	}
	if c.feedsExporter(call, body) {
		return // the exporter's own connection: tracing it would trace the export of spans
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("grpc.%s builds a connection without otelgrpc's stats handler: its calls carry no trace context (the server starts a new trace; add grpc.WithStatsHandler(otelgrpc.NewClientHandler()))", fn.Name()),
	}
	if !spread {
		if fix, ok := c.optionFix(call, "WithStatsHandler", "NewClientHandler"); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.pass.Report(d)
}

type optKind int

const (
	plainOpt     optKind = iota // a gRPC option that adds no tracing
	instrumented                // grpc.WithStatsHandler(otelgrpc.NewClientHandler(...))
	unknown                     // anything else: a helper, a variable, a custom handler
)

// plainOptions reports whether the options opts (the last one a slice
// passed with ... if spread) are all visible gRPC options, none of which
// installs a stats handler or an interceptor: the connection or server
// they configure is visibly uninstrumented.
func (c *checker) plainOptions(opts []ast.Expr, spread bool, body *ast.BlockStmt, handler func(*types.Func) bool) bool {
	if spread {
		if len(opts) == 0 {
			return false
		}
		more, ok := c.sliceOptions(opts[len(opts)-1], body)
		if !ok {
			return false
		}
		opts = append(opts[:len(opts)-1:len(opts)-1], more...)
	}
	for _, o := range opts {
		if c.optionKind(o, handler) != plainOpt {
			return false
		}
	}
	return true
}

// checkServer reports call if it builds a gRPC server whose options are
// all visible and none installs a stats handler or an interceptor, in a
// main package that installs a tracer provider.
func (c *checker) checkServer(call *ast.CallExpr, fn *types.Func, body *ast.BlockStmt) {
	if !otelapi.IsGRPCNewServer(fn) {
		return
	}
	spread := call.Ellipsis.IsValid()
	if !c.plainOptions(call.Args, spread, body, otelapi.IsInstrumentingServerHandler) {
		return
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: "grpc.NewServer has no otelgrpc stats handler while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context (add grpc.StatsHandler(otelgrpc.NewServerHandler()))",
	}
	if !spread {
		if fix, ok := c.optionFix(call, "StatsHandler", "NewServerHandler"); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.pass.Report(d)
}

func (c *checker) optionKind(o ast.Expr, handler func(*types.Func) bool) optKind {
	call, ok := ast.Unparen(o).(*ast.CallExpr)
	if !ok {
		return unknown
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != otelapi.GRPCPkg {
		return unknown
	}
	if otelapi.IsGRPCStatsOption(fn) && len(call.Args) == 1 {
		if h, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			if hfn, ok := typeutil.Callee(c.pass.TypesInfo, h).(*types.Func); ok && handler(hfn) {
				return instrumented
			}
		}
		return unknown
	}
	if otelapi.IsGRPCHookOption(fn) {
		return unknown
	}
	return plainOpt
}

// sliceOptions returns the options in the local slice e: defined in body
// from a composite literal or as an empty var, and only appended to
// (opts = append(opts, ...)). Any other use and ok is false.
func (c *checker) sliceOptions(e ast.Expr, body *ast.BlockStmt) (opts []ast.Expr, ok bool) {
	id, isID := ast.Unparen(e).(*ast.Ident)
	if !isID {
		return nil, false
	}
	info := c.pass.TypesInfo
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, false
	}
	defined := false
	ok = true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		x, isID := n.(*ast.Ident)
		if !isID || len(stack) < 2 {
			return true
		}
		if info.Defs[x] == v {
			switch p := stack[len(stack)-2].(type) {
			case *ast.AssignStmt:
				for i, l := range p.Lhs {
					if l == x && len(p.Lhs) == len(p.Rhs) {
						lit, isLit := ast.Unparen(p.Rhs[i]).(*ast.CompositeLit)
						if !isLit {
							ok = false
						} else {
							opts = append(opts, lit.Elts...)
							defined = true
						}
					}
				}
			case *ast.ValueSpec:
				if len(p.Values) == 0 {
					defined = true
				} else if len(p.Values) == len(p.Names) {
					for i, nm := range p.Names {
						if nm == x {
							lit, isLit := ast.Unparen(p.Values[i]).(*ast.CompositeLit)
							if !isLit {
								ok = false
							} else {
								opts = append(opts, lit.Elts...)
								defined = true
							}
						}
					}
				}
			}
			return true
		}
		if info.Uses[x] != v || x == id {
			return true
		}
		parent := stack[len(stack)-2]
		// opts = append(opts, o...): the x inside append, or the x assigned.
		if app, isCall := parent.(*ast.CallExpr); isCall && len(app.Args) > 0 && app.Args[0] == x && !app.Ellipsis.IsValid() {
			if b, isB := info.Uses[identOf(app.Fun)].(*types.Builtin); isB && b.Name() == "append" && len(stack) >= 3 {
				if as, isAs := stack[len(stack)-3].(*ast.AssignStmt); isAs && len(as.Lhs) == 1 && len(as.Rhs) == 1 && as.Rhs[0] == app {
					if l, isL := as.Lhs[0].(*ast.Ident); isL && info.Uses[l] == v {
						opts = append(opts, app.Args[1:]...)
						return true
					}
				}
			}
		}
		if as, isAs := parent.(*ast.AssignStmt); isAs && as.Tok == token.ASSIGN && len(as.Lhs) == 1 && as.Lhs[0] == x && len(as.Rhs) == 1 {
			if app, isCall := as.Rhs[0].(*ast.CallExpr); isCall && len(app.Args) > 0 && identOf(app.Args[0]) != nil && info.Uses[identOf(app.Args[0])] == v {
				return true // the append above
			}
		}
		ok = false
		return true
	})
	return opts, ok && defined
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// optionFix appends grpc.<option>(otelgrpc.<handler>()) to the options of
// call.
func (c *checker) optionFix(call *ast.CallExpr, option, handler string) (analysis.SuggestedFix, bool) {
	grpcName, e1, ok := fiximport.Name(c.pass, c.file, call.Pos(), otelapi.GRPCPkg, "grpc")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	otelName, e2, ok := fiximport.Name(c.pass, c.file, call.Pos(), otelapi.OtelgrpcPkg, "otelgrpc")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	opt := fmt.Sprintf("%s.%s(%s.%s())", grpcName, option, otelName, handler)
	var edits []analysis.TextEdit
	if len(call.Args) == 0 {
		edits = []analysis.TextEdit{{Pos: call.Rparen, End: call.Rparen, NewText: []byte(opt)}}
	} else {
		last := call.Args[len(call.Args)-1]
		edits = []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(", " + opt)}}
	}
	for _, e := range []*analysis.TextEdit{e1, e2} {
		if e != nil {
			edits = append(edits, *e)
		}
	}
	return analysis.SuggestedFix{Message: "Add " + strings.TrimSpace(opt), TextEdits: edits}, true
}

// feedsExporter reports whether the connection call builds is handed, in
// body, to an OTel exporter (otlptracegrpc.WithGRPCConn(conn)): that
// connection carries telemetry, not requests.
func (c *checker) feedsExporter(call *ast.CallExpr, body *ast.BlockStmt) bool {
	info := c.pass.TypesInfo
	var conn types.Object
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call && len(as.Lhs) > 0 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok {
				conn = info.ObjectOf(id)
			}
		}
		return conn == nil
	})
	if conn == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		x, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || fn.Pkg() == nil || !isExporterPath(fn.Pkg().Path()) {
			return true
		}
		for _, a := range x.Args {
			if id := identOf(a); id != nil && info.Uses[id] == conn {
				found = true
			}
		}
		return true
	})
	return found
}

// isExporterPath reports whether path is an OTel exporter package.
func isExporterPath(path string) bool {
	return strings.HasPrefix(path, "go.opentelemetry.io/otel/exporters/") || strings.HasPrefix(path, "go.opentelemetry.io/contrib/exporters/")
}

// untracedServer is an object fact about a function that returns a gRPC
// server built by grpc.NewServer with options all visible, none of which
// traces (directly or through another such function). A server's options
// are fixed when it is built: nothing its caller does can trace it.
type untracedServer struct{}

func (*untracedServer) AFact()         {}
func (*untracedServer) String() string { return "untracedServer" }

// serverFacts finds, to a fixed point, the functions of the package that
// return an untraced gRPC server, and exports the facts of the exported
// ones.
func serverFacts(pass *analysis.Pass, decls []*ast.FuncDecl) {
	if !importsPath(pass.Pkg, otelapi.GRPCPkg) {
		return
	}
	info := pass.TypesInfo
	local := map[*types.Func]bool{}
	c := &checker{pass: pass}
	for round := 0; round < 8; round++ {
		changed := false
		for _, fd := range decls {
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil || local[fn] {
				continue
			}
			if c.returnsUntracedServer(fd, fn, local) {
				local[fn] = true
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn := range local {
		if exportable(fn) {
			pass.ExportObjectFact(fn, new(untracedServer))
		}
	}
}

// isGRPCServer reports whether t is *grpc.Server.
func isGRPCServer(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && otelapi.IsNamed(p.Elem(), otelapi.GRPCPkg, "Server")
}

// returnsUntracedServer reports whether fd returns, wherever it returns a
// server, one built untraced: by grpc.NewServer with visible plain
// options, by a function of local, or held by a variable given only such
// a value.
func (c *checker) returnsUntracedServer(fd *ast.FuncDecl, fn *types.Func, local map[*types.Func]bool) bool {
	sig := fn.Signature()
	res := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if isGRPCServer(sig.Results().At(i).Type()) {
			res = i
			break
		}
	}
	if res < 0 {
		return false
	}
	info := c.pass.TypesInfo
	var untraced func(e ast.Expr, depth int) bool
	untraced = func(e ast.Expr, depth int) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			callee := typeutil.StaticCallee(info, x)
			if otelapi.IsGRPCNewServer(callee) {
				return c.plainOptions(x.Args, x.Ellipsis.IsValid(), fd.Body, otelapi.IsInstrumentingServerHandler)
			}
			return callee != nil && local[callee.Origin()]
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok || depth > 0 || v.Pos() < fd.Body.Pos() || v.Pos() >= fd.Body.End() {
				return false
			}
			// Every value given to v is untraced.
			given := false
			ok = true
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				as, isAs := n.(*ast.AssignStmt)
				if !isAs {
					if vs, isVs := n.(*ast.ValueSpec); isVs {
						for i, nm := range vs.Names {
							if info.Defs[nm] == v {
								if len(vs.Values) != len(vs.Names) || !untraced(vs.Values[i], depth+1) {
									ok = false
								}
								given = true
							}
						}
					}
					return ok
				}
				for i, l := range as.Lhs {
					if id, isID := l.(*ast.Ident); isID && info.ObjectOf(id) == v {
						if len(as.Lhs) != len(as.Rhs) || !untraced(as.Rhs[i], depth+1) {
							ok = false
						}
						given = true
					}
				}
				return ok
			})
			return ok && given
		}
		return false
	}
	seen := false
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() {
				ok = false
				return false
			}
			e := n.Results[res]
			if info.Types[e].IsNil() {
				return false // an error path
			}
			if !untraced(e, 0) {
				ok = false
			}
			seen = true
		}
		return ok
	})
	return ok && seen
}

// checkServerCall reports call, in a main package that installs a tracer
// provider, if it calls another package's function that returns an
// untraced gRPC server.
func (c *checker) checkServerCall(call *ast.CallExpr) {
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || !c.pass.ImportObjectFact(fn.Origin(), new(untracedServer)) {
		return
	}
	name := fn.Pkg().Name() + "." + fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = fn.Pkg().Name() + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s returns a gRPC server without otelgrpc's stats handler while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context (add grpc.StatsHandler(otelgrpc.NewServerHandler()) to its grpc.NewServer)", name),
	})
}
