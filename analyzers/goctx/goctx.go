package goctx

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/ctxscope"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines that drop the context in scope.
var Analyzer = &analysis.Analyzer{
	Name:     "goctx",
	Doc:      docutil.MustExtract(doc, "goctx"),
	URL:      "https://github.com/otellint/otellint/blob/main/docs/rules/goctx.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, spans.Analyzer},
	Run:      safe.Run(run),
}

func run(pass *analysis.Pass) (any, error) {
	sp := pass.ResultOf[spans.Analyzer].(*spans.Result)
	if !sp.Relevant() {
		return nil, nil // no spans can flow: a dropped context breaks no trace
	}
	pass, done := suppress.Filter(pass)
	defer done()
	c := &checker{pass: pass, sp: sp, reported: map[*ast.CallExpr]bool{}}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.scope = ctxscope.New(pass, insp)
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if ast.IsGenerated(f) {
			continue
		}
		for n := range cur.Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
			switch n := n.Node().(type) {
			case *ast.GoStmt:
				safe.At(pass, n.Pos())
				c.checkSpawn(n.Pos(), n.Call.Fun, n.Call.Args)
			case *ast.CallExpr:
				if fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func); ok && otelapi.IsGoroutineSpawner(fn) && len(n.Args) > 0 {
					safe.At(pass, n.Pos())
					c.checkSpawn(n.Pos(), n.Args[len(n.Args)-1], nil)
				}
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	sp       *spans.Result
	reported map[*ast.CallExpr]bool
	scope    *ctxscope.Scope
}

// checkSpawn checks a goroutine started at pos running fun(args...).
func (c *checker) checkSpawn(pos token.Pos, fun ast.Expr, args []ast.Expr) {
	scope := c.scope.At(pos)
	if len(scope) == 0 {
		return // no context to carry: main, a worker loop
	}
	// go f(context.Background(), ...)
	for _, a := range args {
		if call, ok := ast.Unparen(a).(*ast.CallExpr); ok && c.isFresh(call) {
			c.report(call, scope)
		}
	}
	lit, ok := ast.Unparen(fun).(*ast.FuncLit)
	if !ok {
		return
	}
	if isWorkerLoop(lit.Body) {
		return // a long-lived worker: it outlives the caller, and so would its trace
	}
	var stack []ast.Node
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		call, ok := n.(*ast.CallExpr)
		if !ok || !c.isFresh(call) || c.deliberateRoot(stack) {
			return true
		}
		c.report(call, scope)
		return true
	})
}

// isWorkerLoop reports whether body runs a long-lived loop at its top
// level (for { ... }, or for range over a channel or ticker): a worker that
// a constructor starts deliberately from a fresh context, since the
// constructor's context ends when construction does.
func isWorkerLoop(body *ast.BlockStmt) bool {
	for _, st := range body.List {
		switch l := st.(type) {
		case *ast.ForStmt:
			if l.Cond == nil {
				return true
			}
		case *ast.RangeStmt:
			if l.Key == nil || l.Value == nil {
				return true // for range ch / for v := range ch: a channel drain
			}
		}
	}
	return false
}

func (c *checker) isFresh(call *ast.CallExpr) bool { return ctxscope.IsFresh(c.pass.TypesInfo, call) }

// deliberateRoot reports whether the fresh context at the top of stack
// starts a deliberate new root that keeps the trace connected: it carries
// a span (trace.ContextWithSpan and friends) or the span started from it
// links to another (trace.WithLinks).
func (c *checker) deliberateRoot(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	call, ok := stack[len(stack)-2].(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	if otelapi.CarriesSpan(fn) {
		return true
	}
	if _, ok := c.sp.StartCall(call); ok {
		for _, a := range call.Args {
			if opt, ok := ast.Unparen(a).(*ast.CallExpr); ok {
				if ofn, ok := typeutil.Callee(c.pass.TypesInfo, opt).(*types.Func); ok && otelapi.IsLinkOption(ofn) {
					return true
				}
			}
		}
	}
	return false
}

func (c *checker) report(call *ast.CallExpr, scope []ctxscope.Ctx) {
	if c.reported[call] {
		return
	}
	c.reported[call] = true
	fn := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("goroutine starts from context.%s() while a context is in scope (its spans become orphan traces and it ignores cancellation)", fn.Name()),
	}
	if len(scope) == 1 && c.hasContextImport(call) {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if x, ok2 := sel.X.(*ast.Ident); ok && ok2 {
			text := fmt.Sprintf("%s.WithoutCancel(%s)", x.Name, scope[0].Text)
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Use context.WithoutCancel(" + scope[0].Text + ")",
				TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}},
			}}
		}
	}
	c.pass.Report(d)
}

// hasContextImport reports whether call is written pkg.Background() with pkg
// naming the context package, so the fix can reuse that name.
func (c *checker) hasContextImport(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	pn, ok := c.pass.TypesInfo.Uses[id].(*types.PkgName)
	return ok && pn.Imported().Path() == "context"
}
