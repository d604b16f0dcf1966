package goctx

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/ctxscope"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines that drop the context in scope. It is the
// default instance, which requires spans.Analyzer.
var Analyzer = New(spans.Default)

// New returns a fresh goctx analyzer that requires the helper h. Its fact
// types are shared with every other instance.
func New(h *spans.Helper) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "goctx",
		Doc:       docutil.MustExtract(doc, "goctx"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/goctx.md",
		Requires:  []*analysis.Analyzer{h.Inspector(), h.Analyzer, ctxscope.For(h)},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h) }),
		FactTypes: []analysis.Fact{new(freshStart)},
	}
}

// freshStart is an object fact: the function takes no context and starts
// its work from context.Background() or context.TODO(); running it in a
// goroutine drops the caller's context.
type freshStart struct{}

func (*freshStart) AFact()         {}
func (*freshStart) String() string { return "startsFromFreshContext" }

func run(pass *analysis.Pass, h *spans.Helper) (any, error) {
	sp := h.Result(pass)
	insp := h.Syntax(pass)
	c := &checker{pass: pass, sp: sp, ctx: ctxscope.ResultOf(pass), reported: map[*ast.CallExpr]bool{}, fresh: map[*types.Func]bool{}}
	c.computeFacts(insp) // also where no span flows: helpers are used elsewhere
	if !sp.Relevant() {
		return nil, nil // no spans can flow: a dropped context breaks no trace
	}
	pass, done := suppress.Filter(pass)
	defer done()
	c.pass = pass
	c.scope = ctxscope.New(pass, insp)
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if cgofile.IsGenerated(f) || ctxscope.IsProgramEntryFile(pass.Fset, f.Pos()) {
			continue
		}
		for ncur := range cur.Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
			cur := ncur
			switch n := ncur.Node().(type) {
			case *ast.GoStmt:
				safe.At(pass, n.Pos())
				c.encl = enclosingFunc(pass.TypesInfo, cur)
				c.checkSpawn(n.Pos(), n.Call.Fun, n.Call.Args)
			case *ast.CallExpr:
				if i, ok := c.spawnedArg(n); ok {
					safe.At(pass, n.Pos())
					c.encl = enclosingFunc(pass.TypesInfo, cur)
					c.checkSpawn(n.Pos(), n.Args[i], nil)
				}
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	sp       *spans.Result
	ctx      *ctxscope.Result
	encl     *types.Func // the declared function enclosing the goroutine being checked
	reported map[*ast.CallExpr]bool
	scope    *ctxscope.Scope
	fresh    map[*types.Func]bool // this package's functions with a freshStart fact
}

// checkSpawn checks a goroutine started at pos running fun(args...).
func (c *checker) checkSpawn(pos token.Pos, fun ast.Expr, args []ast.Expr) {
	scope := c.scope.At(pos)
	if len(scope) == 0 {
		return // no context to carry: main, a worker loop
	}
	// go f(context.Background(), ...), unless f is a worker loop
	if c.ctx.IsWorkerFunc(c.funcOf(fun)) {
		return
	}
	for _, a := range args {
		if call, ok := ast.Unparen(a).(*ast.CallExpr); ok && c.isFresh(call) {
			c.report(call, scope)
		}
	}
	lit, ok := ast.Unparen(fun).(*ast.FuncLit)
	if !ok {
		// go s.refresh(): a named function that starts from a fresh context.
		if fn := c.funcOf(fun); fn != nil && c.startsFresh(fn) {
			c.pass.Report(analysis.Diagnostic{
				Pos: pos, End: fun.End(),
				Message: fmt.Sprintf("goroutine runs %s, which starts from context.Background() instead of the context in scope (its spans become orphan traces and it ignores cancellation)", fn.Name()),
			})
		}
		return
	}
	if c.ctx.IsWorkerLoop(lit.Body) || c.ctx.Rearms(lit.Body, c.encl) {
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
		if live := c.scope.Live(scope, call.Pos()); len(live) > 0 {
			c.report(call, live) // not after <-ctx.Done(): cleanup needs a fresh context
		}
		return true
	})
}

// enclosingFunc returns the declared function enclosing cur, or nil.
func enclosingFunc(info *types.Info, cur inspector.Cursor) *types.Func {
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		if d, ok := p.Node().(*ast.FuncDecl); ok {
			fn, _ := info.Defs[d.Name].(*types.Func)
			return fn
		}
	}
	return nil
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

// funcOf returns the function a function-valued expression names: f,
// pkg.F, s.Method (a method value).
func (c *checker) funcOf(e ast.Expr) *types.Func {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := c.pass.TypesInfo.Uses[x].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := c.pass.TypesInfo.Uses[x.Sel].(*types.Func)
		return fn
	}
	return nil
}

func (c *checker) startsFresh(fn *types.Func) bool {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.fresh[fn]
	}
	return c.pass.ImportObjectFact(fn, new(freshStart))
}

// spawnedArg reports whether call runs one of its arguments in a new
// goroutine (errgroup, sync.WaitGroup.Go, or a helper with a spawns fact,
// shared with spanctx through ctxscope), and which.
func (c *checker) spawnedArg(call *ast.CallExpr) (int, bool) { return c.ctx.SpawnedArg(call) }

// computeFacts finds this package's functions that start from a fresh
// context and exports them. (Goroutine-spawning helpers are ctxscope's
// Spawns facts, shared with spanctx.)
func (c *checker) computeFacts(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	var decls []*ast.FuncDecl
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if d.Body != nil && !ctxscope.IsProgramEntryFile(c.pass.Fset, d.Pos()) {
			decls = append(decls, d)
		}
	}
	for _, d := range decls {
		fn, ok := info.Defs[d.Name].(*types.Func)
		if ok && c.freshBody(d, fn) {
			c.fresh[fn] = true
		}
	}
	for fn := range c.fresh {
		c.pass.ExportObjectFact(fn, new(freshStart))
	}
}

// freshBody reports whether fn takes no context and starts from a fresh
// one (outside a worker loop and a deliberate root).
func (c *checker) freshBody(d *ast.FuncDecl, fn *types.Func) bool {
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if otelapi.IsContextType(t) || otelapi.IsNamed(t, "net/http", "Request") {
			return false
		}
	}
	if c.ctx.IsWorkerLoop(d.Body) {
		return false
	}
	found := false
	var stack []ast.Node
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if found {
			return false
		}
		if _, ok := n.(*ast.GoStmt); ok {
			return false // its own goroutine
		}
		stack = append(stack, n)
		if call, ok := n.(*ast.CallExpr); ok && c.isFresh(call) && !c.deliberateRoot(stack) {
			found = true
		}
		return true
	})
	return found
}
