package uninstrumented

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports requests sent without trace context. It is the default
// instance, which requires spans.Analyzer.
var Analyzer = New(spans.Default)

// New returns a fresh uninstrumented analyzer that requires the helper h.
func New(h *spans.Helper) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "uninstrumented",
		Doc:       docutil.MustExtract(doc, "uninstrumented"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/uninstrumented.md",
		Requires:  []*analysis.Analyzer{h.Inspector(), h.Analyzer},
		FactTypes: []analysis.Fact{new(plainHandler), new(installsProvider), new(instrumentsServer), new(untracedServer)},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h) }),
	}
}

const fixAdvice = "send it through a client whose Transport is otelhttp.NewTransport(http.DefaultTransport)"

func run(pass *analysis.Pass, h *spans.Helper) (any, error) {
	if _, ok := testcode.SupportPackage(pass.Pkg.Path()); ok {
		return nil, nil // fakes and test helpers talk to test servers
	}
	sp := h.Result(pass)
	insp := h.Syntax(pass)
	pass, done := suppress.Filter(pass)
	defer done()
	type decl struct {
		fd   *ast.FuncDecl
		file *ast.File
	}
	var decls []decl
	var fds []*ast.FuncDecl
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if cgofile.IsGenerated(f) || strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, decl{fd, f})
				fds = append(fds, fd)
			}
		}
	}
	// Facts first: every package may install the provider or build the
	// handler tree of a program.
	calls := newCallIndex(pass, fds)
	provider := reachFacts(pass, calls, isSetTracerProvider, func() analysis.Fact { return new(installsProvider) })
	tracesServer := reachFacts(pass, calls, mayTraceServerFunc, func() analysis.Fact { return new(instrumentsServer) })
	serverFacts(pass, fds)
	var tr *trees
	if importsPath(pass.Pkg, "net/http") {
		tr = &trees{pass: pass, clean: !mayTraceServer(pass.TypesInfo, startsAnySpan(sp, insp)), local: map[*types.Func]*plainHandler{}}
		tr.computeFacts(fds)
	}
	serves := pass.Pkg.Name() == "main" && provider
	// A program that instruments a server somewhere (in main, or through
	// the functions it calls) starts server spans: another server it
	// leaves untraced (an admin port) is its choice.
	servesHTTP := serves && tr != nil && tr.clean && !tracesServer
	if !sp.Relevant() && !importsInstrumentation(pass.Pkg) && !serves {
		return nil, nil // the package traces nothing: there is no trace to continue
	}
	// A package that neither starts spans nor instruments a handler or a
	// client has no trace of its own to continue (jaeger's anonymizer, a
	// command that only reads traces): its outbound calls are not checked.
	traces := importsInstrumentation(pass.Pkg) || startsAnySpan(sp, insp)
	for _, d := range decls {
		fd := d.fd
		safe.At(pass, fd.Pos())
		c := &checker{pass: pass, sp: sp, file: d.file, clients: map[*types.Var]*client{}}
		if traces {
			c.findClients(fd.Body)
			c.checkFunc(fd.Type, fd.Body, false)
		}
		if servesHTTP {
			c.checkServers(tr, fd)
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok {
					if traces {
						c.checkDial(call, fn, fd.Body)
					}
					if serves {
						c.checkServer(call, fn, fd.Body)
						c.checkServerCall(call)
					}
				}
			}
			return true
		})
	}
	return nil, nil
}

// importsPath reports whether pkg imports the package path.
func importsPath(pkg *types.Package, path string) bool {
	for _, p := range pkg.Imports() {
		if p.Path() == path {
			return true
		}
	}
	return false
}

// startsAnySpan reports whether the package starts a span anywhere (a
// handler may start its own server spans).
func startsAnySpan(sp *spans.Result, insp *inspector.Inspector) bool {
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		if _, ok := sp.StartCall(cur.Node().(*ast.CallExpr)); ok {
			return true
		}
	}
	return false
}

// importsInstrumentation reports whether pkg imports otelhttp or otelgrpc.
func importsInstrumentation(pkg *types.Package) bool {
	for _, p := range pkg.Imports() {
		if p.Path() == otelapi.OtelhttpPkg || p.Path() == otelapi.OtelgrpcPkg {
			return true
		}
	}
	return false
}

type checker struct {
	pass    *analysis.Pass
	sp      *spans.Result
	file    *ast.File
	clients map[*types.Var]*client // local clients of the function being checked
}

// client is an http.Client built in the function being checked.
type client struct {
	lit   *ast.CompositeLit
	plain bool // its Transport is visibly uninstrumented
	fixed bool // a fix has been offered for it
}

// checkFunc checks the body of a function of type ft; outer reports
// whether an enclosing function traces.
func (c *checker) checkFunc(ft *ast.FuncType, body *ast.BlockStmt, outer bool) {
	tracing := outer || c.receivesContext(ft) || c.startsSpan(body)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			c.checkFunc(n.Type, n.Body, tracing)
			return false
		case *ast.CallExpr:
			if tracing {
				c.checkCall(n)
			}
		}
		return true
	})
}

// receivesContext reports whether ft has a context.Context or
// *http.Request parameter.
func (c *checker) receivesContext(ft *ast.FuncType) bool {
	if ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		t := c.pass.TypesInfo.TypeOf(f.Type)
		if t == nil {
			continue
		}
		if otelapi.IsContextType(t) {
			return true
		}
		if p, ok := t.(*types.Pointer); ok && otelapi.IsNamed(p.Elem(), "net/http", "Request") {
			return true
		}
	}
	return false
}

// startsSpan reports whether body starts a span outside nested function
// literals.
func (c *checker) startsSpan(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if _, ok := c.sp.StartCall(n); ok {
				found = true
			}
		}
		return true
	})
	return found
}

// checkCall reports call if it sends a request without trace context.
func (c *checker) checkCall(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	if otelapi.IsPlainHTTPSend(fn) {
		c.pass.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: fmt.Sprintf("http.%s sends the request without trace context (the callee starts a new trace; %s)", fn.Name(), fixAdvice),
		})
		return
	}
	if !otelapi.IsHTTPClientSend(fn) {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	recv := ast.Unparen(sel.X)
	if u, ok := recv.(*ast.UnaryExpr); ok && u.Op == token.AND {
		recv = ast.Unparen(u.X)
	}
	switch x := recv.(type) {
	case *ast.SelectorExpr, *ast.Ident:
		var id *ast.Ident
		if s, ok := x.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = x.(*ast.Ident)
		}
		v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		if otelapi.IsPlainHTTPVar(v) && v.Name() == "DefaultClient" {
			c.pass.Report(analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(),
				Message: fmt.Sprintf("http.DefaultClient.%s sends the request without trace context (the callee starts a new trace; %s)", fn.Name(), fixAdvice),
			})
			return
		}
		if cl := c.clients[v]; cl != nil && cl.plain {
			c.reportClient(call, id.Name+"."+fn.Name(), cl)
		}
	case *ast.CompositeLit:
		if cl := c.literal(x); cl != nil && cl.plain {
			c.reportClient(call, "http.Client."+fn.Name(), cl)
		}
	}
}

func (c *checker) reportClient(call *ast.CallExpr, name string, cl *client) {
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("%s sends the request through an http.Client whose Transport is not otelhttp.NewTransport, without trace context (the callee starts a new trace; set Transport: otelhttp.NewTransport(http.DefaultTransport))", name),
	}
	if cl.lit.Pos() < call.Pos() || cl.lit.End() > call.End() {
		d.Related = []analysis.RelatedInformation{{Pos: cl.lit.Pos(), End: cl.lit.End(), Message: "the client is built here"}}
	}
	if !cl.fixed && transportField(cl.lit) == nil {
		if fix, ok := c.fix(cl.lit); ok {
			cl.fixed = true
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.pass.Report(d)
}

// fix adds Transport: otelhttp.NewTransport(http.DefaultTransport) to lit.
func (c *checker) fix(lit *ast.CompositeLit) (analysis.SuggestedFix, bool) {
	httpName, e1, ok := fiximport.Name(c.pass, c.file, lit.Lbrace, "net/http", "http", "nethttp")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	otelName, e2, ok := fiximport.Name(c.pass, c.file, lit.Lbrace, otelapi.OtelhttpPkg, "otelhttp")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	field := fmt.Sprintf("Transport: %s.NewTransport(%s.DefaultTransport)", otelName, httpName)
	var edit analysis.TextEdit
	fset := c.pass.Fset
	switch {
	case len(lit.Elts) == 0:
		edit = analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(field)}
	case fset.Position(lit.Elts[0].Pos()).Line == fset.Position(lit.Lbrace).Line:
		edit = analysis.TextEdit{Pos: lit.Elts[0].Pos(), End: lit.Elts[0].Pos(), NewText: []byte(field + ", ")}
	default:
		indent := strings.Repeat("\t", fset.Position(lit.Elts[0].Pos()).Column-1)
		edit = analysis.TextEdit{Pos: lit.Elts[0].Pos(), End: lit.Elts[0].Pos(), NewText: []byte(field + ",\n" + indent)}
	}
	edits := []analysis.TextEdit{edit}
	for _, e := range []*analysis.TextEdit{e1, e2} {
		if e != nil {
			edits = append(edits, *e)
		}
	}
	return analysis.SuggestedFix{Message: "Add " + field + " to the client", TextEdits: edits}, true
}

// literal returns the client lit builds, or nil if lit is no http.Client.
func (c *checker) literal(lit *ast.CompositeLit) *client {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil || !otelapi.IsNamed(t, "net/http", "Client") {
		return nil
	}
	cl := &client{lit: lit, plain: true}
	if kv := transportField(lit); kv != nil {
		cl.plain = c.plainTransport(kv.Value)
	}
	return cl
}

// transportField returns lit's Transport element, or nil.
func transportField(lit *ast.CompositeLit) *ast.KeyValueExpr {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Transport" {
				return kv
			}
		}
	}
	return nil
}

// plainTransport reports whether e is visibly an uninstrumented
// Transport: nil, http.DefaultTransport or an *http.Transport literal.
func (c *checker) plainTransport(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.CompositeLit:
		t := info.TypeOf(x)
		return t != nil && otelapi.IsNamed(t, "net/http", "Transport")
	case *ast.Ident:
		return info.Types[x].IsNil()
	case *ast.SelectorExpr:
		v, _ := info.Uses[x.Sel].(*types.Var)
		return otelapi.IsPlainHTTPVar(v) && v.Name() == "DefaultTransport"
	}
	return false
}

// findClients records the local variables of body defined from an
// http.Client literal, and whether their Transport stays visibly
// uninstrumented: a client used otherwise than through its methods and
// fields is not followed.
func (c *checker) findClients(body *ast.BlockStmt) {
	info := c.pass.TypesInfo
	bind := func(id *ast.Ident, val ast.Expr) {
		v, ok := info.Defs[id].(*types.Var)
		if !ok {
			return
		}
		val = ast.Unparen(val)
		if u, ok := val.(*ast.UnaryExpr); ok && u.Op == token.AND {
			val = ast.Unparen(u.X)
		}
		if lit, ok := val.(*ast.CompositeLit); ok {
			if cl := c.literal(lit); cl != nil {
				c.clients[v] = cl
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						bind(id, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					bind(id, n.Values[i])
				}
			}
		}
		return true
	})
	if len(c.clients) == 0 {
		return
	}
	varOf := func(e ast.Expr) *types.Var {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, _ := info.Uses[id].(*types.Var)
			return v
		}
		return nil
	}
	// The uses a client survives: a method call or a field read on it
	// (c.Do, c.Timeout), a field set to a visibly plain Transport. Any
	// other use (reassigned, copied, its address taken, passed to a
	// function, stored) may give it an instrumented Transport.
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || len(stack) < 2 {
			return true
		}
		v := varOf(id)
		cl := c.clients[v]
		if cl == nil {
			return true
		}
		if s, ok := stack[len(stack)-2].(*ast.SelectorExpr); ok && s.X == id {
			if s.Sel.Name != "Transport" {
				return true
			}
			if len(stack) >= 3 {
				if as, ok := stack[len(stack)-3].(*ast.AssignStmt); ok {
					for i, l := range as.Lhs {
						if l == s && len(as.Lhs) == len(as.Rhs) && c.plainTransport(as.Rhs[i]) {
							return true // c.Transport = http.DefaultTransport
						}
						if l == s {
							cl.plain = false // set later, maybe instrumented
							return true
						}
					}
				}
			}
			return true // read: c.Transport
		}
		cl.plain = false
		return true
	})
}
