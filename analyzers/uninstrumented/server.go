package uninstrumented

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// checkHTTPServer reports call if it serves HTTP (http.ListenAndServe,
// ListenAndServeTLS) with a handler that is visibly uninstrumented: a
// local http.NewServeMux used only to register function handlers of this
// package. It is called only in a main package that installs a tracer
// provider, imports no OTel instrumentation and starts no span itself.
func (c *checker) checkHTTPServer(call *ast.CallExpr, fn *types.Func, body *ast.BlockStmt) {
	var h ast.Expr
	switch {
	case otelapi.IsFunc(fn, "net/http.ListenAndServe") && len(call.Args) == 2:
		h = call.Args[1]
	case otelapi.IsFunc(fn, "net/http.ListenAndServeTLS") && len(call.Args) == 4:
		h = call.Args[3]
	default:
		return
	}
	if !c.plainMux(h, body) {
		return
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("http.%s serves a handler that nothing wraps with otelhttp while the program installs a tracer provider: the service starts no server spans and drops its callers' trace context (wrap it in otelhttp.NewHandler)", fn.Name()),
	}
	if name, edit, ok := fiximport.Name(c.pass, c.file, call.Pos(), otelapi.OtelhttpPkg, "otelhttp"); ok {
		id := h.(*ast.Ident)
		edits := []analysis.TextEdit{{Pos: h.Pos(), End: h.End(), NewText: []byte(fmt.Sprintf("%s.NewHandler(%s, %q)", name, id.Name, "server"))}}
		if edit != nil {
			edits = append(edits, *edit)
		}
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Wrap " + id.Name + " in otelhttp.NewHandler", TextEdits: edits}}
	}
	c.pass.Report(d)
}

// plainMux reports whether h is a local variable of body defined from
// http.NewServeMux() and otherwise used only as mux.HandleFunc(pattern,
// f) with f a function literal or a function of this package, and as h.
func (c *checker) plainMux(h ast.Expr, body *ast.BlockStmt) bool {
	id, ok := ast.Unparen(h).(*ast.Ident)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	v, _ := info.Uses[id].(*types.Var)
	if v == nil {
		return false
	}
	defined, plain := false, true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		x, isID := n.(*ast.Ident)
		if !isID || len(stack) < 2 || x == id {
			return true
		}
		if info.Defs[x] == v {
			as, isAs := stack[len(stack)-2].(*ast.AssignStmt)
			if !isAs || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				plain = false
				return true
			}
			init, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			fn, _ := typeutil.Callee(info, init).(*types.Func)
			if !isCall || !otelapi.IsFunc(fn, "net/http.NewServeMux") {
				plain = false
			}
			defined = true
			return true
		}
		if info.Uses[x] != v {
			return true
		}
		sel, isSel := stack[len(stack)-2].(*ast.SelectorExpr)
		if !isSel || sel.Sel.Name != "HandleFunc" || len(stack) < 3 {
			plain = false
			return true
		}
		reg, isCall := stack[len(stack)-3].(*ast.CallExpr)
		if !isCall || reg.Fun != sel || len(reg.Args) != 2 || !c.localFunc(reg.Args[1]) {
			plain = false
		}
		return true
	})
	return defined && plain
}

// localFunc reports whether e is a function literal or names a function or
// method declared in this package.
func (c *checker) localFunc(e ast.Expr) bool {
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		obj = c.pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		obj = c.pass.TypesInfo.Uses[x.Sel]
	}
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() == c.pass.Pkg
}

// importsAnyInstrumentation reports whether pkg imports an OTel
// instrumentation package (otelhttp, otelgin, otelmux...), which may wrap
// its handlers.
func importsAnyInstrumentation(pkg *types.Package) bool {
	for _, p := range pkg.Imports() {
		if strings.HasPrefix(p.Path(), "go.opentelemetry.io/contrib/instrumentation/") {
			return true
		}
	}
	return false
}
