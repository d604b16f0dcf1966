package spanctx

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
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

// Analyzer reports spans attached to the wrong parent. It is the default
// instance, which requires spans.Analyzer.
var Analyzer = New(spans.Default)

// helperFacts is spanctx's fact type. It is never exported: the facts spanctx
// reads are its helpers' (spans, otelctx). Declaring a fact type of its own
// keeps spanctx, and with it its helpers, running on the packages that Bazel's
// nogo only collects facts from (external repositories, excluded
// packages): rules_go before PR #4615 skips there every analyzer whose
// own FactTypes are empty, and its importers lose the helpers' facts. The
// helpers' types cannot be listed instead: analysis.Validate, which nogo
// runs, allows each fact type one analyzer.
type helperFacts struct{}

func (*helperFacts) AFact()         {}
func (*helperFacts) String() string { return "helperFacts" }

// NogoOnly marks helperFacts as a spans.NogoMarker: the drivers that run
// analyzers.NewSuite drop it.
func (*helperFacts) NogoOnly() {}

// New returns a fresh spanctx analyzer that requires the helper h.
func New(h *spans.Helper) *analysis.Analyzer {
	gen := new(spans.Generated)
	a := &analysis.Analyzer{
		Name:      "spanctx",
		Doc:       docutil.MustExtract(doc, "spanctx"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/spanctx.md",
		Requires:  []*analysis.Analyzer{h.Inspector(), h.Analyzer, ctxscope.For(h)},
		FactTypes: []analysis.Fact{new(helperFacts)},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h, gen) }),
	}
	a.Flags.Var(gen, "generated", spans.GeneratedUsage)
	return a
}

func run(pass *analysis.Pass, h *spans.Helper, gen *spans.Generated) (any, error) {
	sp := h.Result(pass)
	if !sp.Relevant() {
		return nil, nil
	}
	pass, done := suppress.Filter(pass)
	defer done()
	pass = spans.Note(pass)
	insp := h.Syntax(pass)
	c := &checker{pass: pass, sp: sp, scope: ctxscope.New(pass, insp), ctx: ctxscope.ResultOf(pass), insp: insp}
	spans.Funcs(insp, gen, c.checkFunc)
	return nil, nil
}

type checker struct {
	pass  *analysis.Pass
	sp    *spans.Result
	scope *ctxscope.Scope
	ctx   *ctxscope.Result
	insp  *inspector.Inspector
	idx   *bodyIndex // of the function being checked, built on first use
}

func (c *checker) checkFunc(fn ast.Node, body *ast.BlockStmt) {
	safe.At(c.pass, fn.Pos())
	info := c.pass.TypesInfo
	c.idx = nil
	for _, site := range c.sp.Sites(fn, body) {
		call, st := site.Start.Call, site.Start
		if st.Result != 1 || len(call.Args) == 0 || !otelapi.IsContextType(info.TypeOf(call.Args[0])) {
			continue // not a tracer-shaped Start(ctx, name) (ctx, span)
		}
		stack := append(site.Path, call)
		if !ctxscope.IsProgramEntryFile(c.pass.Fset, call.Pos()) {
			at := call.Pos() // contexts declared before the statement are in scope
			for i := len(stack) - 1; i >= 0; i-- {
				if stmt, ok := stack[i].(ast.Stmt); ok {
					at = stmt.Pos()
					break
				}
			}
			c.checkFreshParent(body, stack, call, st, at)
		}
		if as, ok := stack[len(stack)-2].(*ast.AssignStmt); ok && len(as.Lhs) == 2 && len(as.Rhs) == 1 {
			// Tests drop Start's context on purpose, to hand a span
			// (often from a no-op provider) to the code under test
			// with a context of their choosing (go-kratos'
			// TestSetServerSpan): no trace is exported to break.
			if !c.sp.IsTestCode(fn) {
				c.checkDroppedContext(body, as, call, st)
			}
			c.checkLoopNesting(body, stack, as, call, st)
		}
	}
}

// describe names the span: by its name when it is a constant, else by
// where it starts (span started by tracer.Start at line 12).
func (c *checker) describe(st spans.Start) string {
	if name, ok := st.ConstName(c.pass.TypesInfo); ok {
		return "span " + strconv.Quote(name)
	}
	fun := types.ExprString(st.Call.Fun)
	if len(fun) > 40 {
		if sel, ok := ast.Unparen(st.Call.Fun).(*ast.SelectorExpr); ok {
			fun = sel.Sel.Name
		}
	}
	return fmt.Sprintf("span started by %s at line %d", fun, c.pass.Fset.Position(st.Call.Pos()).Line)
}

// checkFreshParent reports Start(context.Background(), ...) while a context
// is in scope, unless the span is a deliberate new root.
func (c *checker) checkFreshParent(body *ast.BlockStmt, stack []ast.Node, call *ast.CallExpr, st spans.Start, at token.Pos) {
	arg, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok || !ctxscope.IsFresh(c.pass.TypesInfo, arg) {
		return
	}
	for _, a := range call.Args[1:] {
		if opt, ok := ast.Unparen(a).(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(c.pass.TypesInfo, opt).(*types.Func); ok &&
				(otelapi.IsNewRootOption(fn) || otelapi.IsLinkOption(fn)) {
				return // a deliberate new root
			}
		}
	}
	scope := c.scope.At(at)
	if len(scope) == 0 {
		return // program entry, worker loop: nothing to attach to
	}
	if c.inGoroutine(call) {
		return // goctx reports the goroutine, or accepts it as a worker
	}
	if c.deliberateRoot(body, stack, call) {
		return
	}
	fn := typeutil.Callee(c.pass.TypesInfo, arg).(*types.Func)
	d := analysis.Diagnostic{
		Pos: arg.Pos(), End: arg.End(),
		Message: fmt.Sprintf("%s starts from context.%s() while %s is in scope (an orphan root: it is missing from the request's trace)",
			c.describe(st), fn.Name(), scope[0].Text),
	}
	if len(scope) == 1 {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Start from " + scope[0].Text,
			TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(scope[0].Text)}},
		}}
	}
	c.pass.Report(d)
}

// checkDroppedContext reports _, span := tracer.Start(ctx, ...) followed,
// while the span lives, by calls that still pass ctx.
func (c *checker) checkDroppedContext(body *ast.BlockStmt, as *ast.AssignStmt, call *ast.CallExpr, st spans.Start) {
	info := c.pass.TypesInfo
	ctxID, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	idx := c.index(body)
	if ctxID.Name != "_" && !idx.unusedAfter(info.ObjectOf(ctxID), as.End()) {
		return // the returned context is used
	}
	// The parent is a context variable, or r.Context() of a request variable.
	parentExpr := ast.Unparen(call.Args[0])
	if c2, ok := parentExpr.(*ast.CallExpr); ok && len(c2.Args) == 0 {
		if sel, ok := ast.Unparen(c2.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Context" {
			parentExpr = sel.X
		}
	}
	parentID, ok := ast.Unparen(parentExpr).(*ast.Ident)
	if !ok {
		return
	}
	parent, ok := info.Uses[parentID].(*types.Var)
	if !ok {
		return
	}
	viaRequest := parentExpr != ast.Unparen(call.Args[0])
	spanID, ok := as.Lhs[1].(*ast.Ident)
	if !ok {
		return
	}
	span, _ := info.ObjectOf(spanID).(*types.Var)
	if span != nil && after(idx.carried[span], as.End()) {
		return // ctx = trace.ContextWithSpan(ctx, span): bound after all
	}
	// The span lives until its first End that is not deferred.
	life := body.End()
	if span != nil {
		ends := idx.ends[span]
		if i, _ := slices.BinarySearch(ends, as.End()+1); i < len(ends) {
			life = ends[i]
		}
	}
	// A call that is also handed a function ending the span (an
	// interceptor's shim handler) ends the span itself before the work
	// that gets the old context: that work is not the span's child.
	endsSpan := func(call *ast.CallExpr) bool { return span != nil && c.passesSpanEnder(idx, call, span) }
	use := c.ctx.OldContextUse(body, parent, viaRequest, as.End(), life, endsSpan)
	if use == nil {
		return // a leaf span: nothing that can start a span gets the old context
	}
	d := analysis.Diagnostic{
		Pos: as.Lhs[0].Pos(), End: as.Lhs[0].End(),
		Message: fmt.Sprintf("the context returned by Start for %s is %s while the old context is still passed on (children of the span become its siblings)",
			c.describe(st), dropWord(ctxID)),
		Related: []analysis.RelatedInformation{{Pos: use.Pos(), Message: "the old context is passed on here"}},
	}
	// Bind it to the variable that was passed in: legal with := when the
	// span is new (at least one new variable), and with =.
	if ctxID.Name == "_" && !viaRequest && (as.Tok == token.ASSIGN || (as.Tok == token.DEFINE && info.Defs[spanID] != nil && c.rebindReaches(as, use))) {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Bind the returned context to " + parent.Name(),
			TextEdits: []analysis.TextEdit{{Pos: as.Lhs[0].Pos(), End: as.Lhs[0].End(), NewText: []byte(parent.Name())}},
		}}
	}
	c.pass.Report(d)
}

// checkLoopNesting reports ctx, span = tracer.Start(ctx, ...) in a loop,
// where ctx is declared outside the loop: each iteration nests under the
// previous one.
func (c *checker) checkLoopNesting(body *ast.BlockStmt, stack []ast.Node, as *ast.AssignStmt, call *ast.CallExpr, st spans.Start) {
	info := c.pass.TypesInfo
	if as.Tok != token.ASSIGN {
		return
	}
	lhs, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := info.Uses[lhs].(*types.Var)
	if !ok || info.Uses[arg] != v {
		return
	}
	for i := len(stack) - 1; i >= 0; i-- {
		var loopBody *ast.BlockStmt
		switch l := stack[i].(type) {
		case *ast.ForStmt:
			loopBody = l.Body
		case *ast.RangeStmt:
			loopBody = l.Body
		default:
			continue
		}
		if v.Pos() < loopBody.Pos() || v.Pos() >= loopBody.End() {
			c.pass.Report(analysis.Diagnostic{
				Pos: as.Pos(), End: as.End(),
				Message: fmt.Sprintf("%s reassigns %s in a loop: each iteration's span nests under the previous one instead of sharing a parent",
					c.describe(st), v.Name()),
			})
		}
		return
	}
}

// deliberateRoot reports whether the span started by call (the top of
// stack) is made a root on purpose: the function links it to another span
// (span.AddLink) or carries it on in a context (trace.ContextWithSpan).
func (c *checker) deliberateRoot(body *ast.BlockStmt, stack []ast.Node, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if len(stack) < 2 {
		return false
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 {
		return false
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok {
		return false
	}
	span := info.ObjectOf(id)
	if span == nil {
		return false
	}
	isSpan := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[x] == span
	}
	var ctxVar types.Object
	if cid, ok := as.Lhs[0].(*ast.Ident); ok && cid.Name != "_" {
		ctxVar = info.ObjectOf(cid)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if recv, name, ok := c.sp.SpanMethod(call); ok && name == "AddLink" && isSpan(recv) {
			found = true
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
			switch {
			case otelapi.CarriesSpan(fn):
				for _, a := range call.Args {
					if isSpan(a) {
						found = true
					}
				}
			case otelapi.IsLinkFromContext(fn) && ctxVar != nil && len(call.Args) == 1:
				// another span links to this new root
				if x, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && info.Uses[x] == ctxVar {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// passesSpanEnder reports whether call is given a function that ends span:
// a function literal, or a local variable bound to one.
func (c *checker) passesSpanEnder(idx *bodyIndex, call *ast.CallExpr, span *types.Var) bool {
	info := c.pass.TypesInfo
	lits := idx.lits
	for _, a := range call.Args {
		var lit *ast.FuncLit
		switch x := ast.Unparen(a).(type) {
		case *ast.FuncLit:
			lit = x
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok {
				lit = lits[v]
			}
		}
		if lit == nil {
			continue
		}
		ends := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if recv, ok := c.sp.EndCall(call); ok {
					if id, ok := ast.Unparen(recv).(*ast.Ident); ok && info.Uses[id] == span {
						ends = true
					}
				}
			}
			return !ends
		})
		if ends {
			return true
		}
	}
	return false
}

// rebindReaches reports whether binding the context of as, a :=
// statement, to the parent's name would change what use receives. := binds
// a new variable in the innermost scope around the statement (a block, an
// if or switch with its init statement, a case), unless the parent is
// declared in that scope, where := assigns it. A use outside that scope
// (if ok { ctx, span := ... }; g(ctx)) would still get the old context,
// and the new variable might be declared and never used.
func (c *checker) rebindReaches(as *ast.AssignStmt, use ast.Node) bool {
	scope := c.pass.Pkg.Scope().Innermost(as.Pos())
	return scope != nil && scope.Pos().IsValid() && scope.Contains(use.Pos())
}

func dropWord(id *ast.Ident) string {
	if id.Name == "_" {
		return "dropped"
	}
	return "assigned to " + id.Name + " and never used"
}

// bodyIndex is what checkDroppedContext asks about one function body,
// gathered in one walk and shared by the spans it starts. Positions are in
// source order.
type bodyIndex struct {
	// reads are the mentions of each local variable that read it (closures
	// included); assigning it to the blank identifier (_ = sctx, to
	// silence the compiler) is not a read.
	reads map[*types.Var][]token.Pos
	// ends are the End calls on each span variable (span.End(),
	// trace.Span.End(span), a method value bound to a local), outside
	// defer statements and function literals.
	ends map[*types.Var][]token.Pos
	// carried are the calls that put each span variable into a context
	// (trace.ContextWithSpan(ctx, span)), closures included.
	carried map[*types.Var][]token.Pos
	// lits are the function literals assigned to local variables.
	lits map[*types.Var]*ast.FuncLit
}

// index returns the index of body, the function being checked.
func (c *checker) index(body *ast.BlockStmt) *bodyIndex {
	if c.idx != nil {
		return c.idx
	}
	info := c.pass.TypesInfo
	x := &bodyIndex{
		reads:   map[*types.Var][]token.Pos{},
		ends:    map[*types.Var][]token.Pos{},
		carried: map[*types.Var][]token.Pos{},
		lits:    map[*types.Var]*ast.FuncLit{},
	}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	// deferred counts the defer statements and function literals around
	// the node being visited, blank the assignments to _ only.
	var stack []ast.Node
	deferred, blank := 0, 0
	enter := func(n ast.Node, d int) {
		switch n := n.(type) {
		case *ast.DeferStmt, *ast.FuncLit:
			deferred += d
		case *ast.AssignStmt:
			if allBlank(n.Lhs) {
				blank += d
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			enter(stack[len(stack)-1], -1)
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.FuncLit); ok {
							if v, ok := info.ObjectOf(id).(*types.Var); ok {
								x.lits[v] = lit
							}
						}
					}
				}
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && blank == 0 {
				x.reads[v] = append(x.reads[v], n.Pos()) // _ = ctx reads nothing
			}
		case *ast.CallExpr:
			if deferred == 0 {
				if recv, ok := c.sp.EndCall(n); ok {
					if v := varOf(recv); v != nil {
						x.ends[v] = append(x.ends[v], n.Pos())
					}
				}
			}
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok {
				if i, ok := otelapi.SpanIntoContextArg(fn); ok && i < len(n.Args) {
					if v := varOf(n.Args[i]); v != nil {
						x.carried[v] = append(x.carried[v], n.Pos())
					}
				}
			}
		}
		enter(n, +1)
		stack = append(stack, n)
		return true
	})
	c.idx = x
	return x
}

// unusedAfter reports whether v is never read after pos.
func (x *bodyIndex) unusedAfter(v types.Object, pos token.Pos) bool {
	w, ok := v.(*types.Var)
	return ok && !after(x.reads[w], pos)
}

// after reports whether some position of the ascending list ps is after
// pos.
func after(ps []token.Pos, pos token.Pos) bool {
	return len(ps) > 0 && ps[len(ps)-1] > pos
}

func allBlank(lhs []ast.Expr) bool {
	for _, l := range lhs {
		if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	return true
}

// inGoroutine reports whether the Start call runs in a goroutine body that
// goctx checks, started where a context is in scope: a fresh context there
// is goctx's finding (or a worker loop goctx accepts), not a second one.
func (c *checker) inGoroutine(call *ast.CallExpr) bool {
	cur, ok := c.insp.Root().FindNode(call)
	if !ok {
		return false
	}
	var stack []ast.Node
	for p := cur; p != c.insp.Root(); p = p.Parent() {
		stack = append(stack, p.Node())
	}
	slices.Reverse(stack)
	lit, at := ctxscope.SpawnedBody(stack, c.ctx.SpawnedArg)
	return lit != nil && len(c.scope.At(at)) > 0
}
