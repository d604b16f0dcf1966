package spanend

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/noreturn"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports spans that are not ended on every path. It is the
// default instance, which requires spans.Analyzer.
var Analyzer = New(spans.Default)

// helperFacts is spanend's fact type. It is never exported: the facts spanend
// reads are its helpers' (spans, noreturn). Declaring a fact type of its own
// keeps spanend, and with it its helpers, running on the packages that Bazel's
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

// New returns a fresh spanend analyzer that requires the helper h and
// binds its -start and -end flags to h's options.
func New(h *spans.Helper) *analysis.Analyzer {
	gen := new(spans.Generated)
	insp := h.Inspector()
	nr := h.Companion("otelnoreturn", func() *analysis.Analyzer { return noreturn.New(insp) })
	a := &analysis.Analyzer{
		Name:      "spanend",
		Doc:       docutil.MustExtract(doc, "spanend"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/spanend.md",
		Requires:  []*analysis.Analyzer{h.Inspector(), nr, h.Analyzer},
		FactTypes: []analysis.Fact{new(helperFacts)},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h, gen, nr) }),
	}
	a.Flags.Var(gen, "generated", spans.GeneratedUsage)
	a.Flags.Var(&h.Options.Starts, "start", "extra functions that start a span, by full name (comma-separated)")
	a.Flags.Var(&h.Options.Ends, "end", "extra functions that end the first span they are passed, by full name (comma-separated)")
	return a
}

const consequence = "spans are lost or leak memory"

func run(pass *analysis.Pass, h *spans.Helper, gen *spans.Generated, nr *analysis.Analyzer) (any, error) {
	sp := h.Result(pass)
	if !sp.Relevant() {
		return nil, nil // the package cannot involve spans
	}
	pass, done := suppress.Filter(pass)
	defer done()
	pass = spans.Note(pass)
	c := &checker{
		pass: pass,
		sp:   sp,
		cfgs: pass.ResultOf[nr].(*noreturn.Result),
	}
	insp := h.Syntax(pass)
	spans.Funcs(insp, gen, c.checkFunc)
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	sp   *spans.Result
	cfgs *noreturn.Result
}

// A tracked span: a start whose span is bound to a local variable.
type tracked struct {
	v     *types.Var
	stmt  ast.Node // the statement that starts the span
	start spans.Start
	site  spans.Site
}

type effect int

const (
	noEffect effect = iota
	release         // ended, deferred end, or handed to an owner
	redefine        // the variable is assigned again
)

// checkFunc checks the spans started directly in one function body.
func (c *checker) checkFunc(fn ast.Node, body *ast.BlockStmt) {
	safe.At(c.pass, fn.Pos())

	// In test code a span that is dropped, or never ended at all, comes
	// from a no-op or test provider or is left open on purpose; a span the
	// test ends on some paths but not on others is still a mistake.
	test := c.sp.IsTestCode(fn)
	var starts []tracked
	for _, site := range c.sp.Sites(fn, body) {
		if test && (site.Kind == spans.Discarded || site.Kind == spans.Dropped) {
			continue
		}
		switch site.Kind {
		case spans.Discarded:
			c.pass.Report(analysis.Diagnostic{
				Pos: site.Start.Call.Pos(), End: site.Start.Call.End(),
				Message: fmt.Sprintf("%s is discarded and never ended (%s)", c.describe(site.Start), consequence),
			})
		case spans.Dropped:
			c.pass.Report(analysis.Diagnostic{
				Pos: site.Start.Call.Pos(), End: site.Start.Call.End(),
				Message: fmt.Sprintf("%s is dropped with _ and never ended (%s)", c.describe(site.Start), consequence),
			})
		case spans.Owned, spans.CtxHandOff:
			starts = append(starts, tracked{v: site.Var, stmt: site.Stmt, start: site.Start, site: site})
		}
	}
	if len(starts) == 0 {
		return
	}

	g := c.sp.CFG(body, c.cfgs)
	idx := indexNodes(g)
	byVar := map[*types.Var][]tracked{}
	var order []*types.Var
	for _, t := range starts {
		if byVar[t.v] == nil {
			order = append(order, t.v)
		}
		byVar[t.v] = append(byVar[t.v], t)
	}
	for _, v := range order {
		events, defers := c.effects(fn, body, v, idx)
		if test && !released(events) {
			continue // never ended in a test: deliberate, or harmless
		}
		for _, t := range byVar[v] {
			c.checkStart(t, body, g, idx, events)
		}
		if !test {
			c.checkDeferInLoop(body, byVar[v], defers)
		}
	}
}

// released reports whether some node releases the span.
func released(events map[ast.Node]effect) bool {
	for _, e := range events {
		if e == release {
			return true
		}
	}
	return false
}

// describe names a span for a message: by its constant name, else by the
// call that starts it and its line (span started by tracer.Start at line
// 12).
func (c *checker) describe(st spans.Start) string {
	if name, ok := st.ConstName(c.pass.TypesInfo); ok {
		return fmt.Sprintf("span %q", name)
	}
	callee := types.ExprString(st.Call.Fun)
	if len(callee) > 40 {
		callee = "Start"
		if fn := c.sp.Callee(st.Call); fn != nil {
			callee = fn.Name()
		}
	}
	return fmt.Sprintf("span started by %s at line %d", callee, c.pass.Fset.Position(st.Call.Pos()).Line)
}

// nodeIndex locates CFG nodes by position.
type nodeIndex struct {
	nodes []nodeAt // sorted by start position, then by size (larger first)
}

type nodeAt struct {
	n     ast.Node
	block *cfg.Block
	i     int
}

func indexNodes(g *cfg.CFG) *nodeIndex {
	idx := &nodeIndex{}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			idx.nodes = append(idx.nodes, nodeAt{n, b, i})
		}
	}
	sort.Slice(idx.nodes, func(i, j int) bool {
		a, b := idx.nodes[i].n, idx.nodes[j].n
		if a.Pos() != b.Pos() {
			return a.Pos() < b.Pos()
		}
		return a.End() > b.End()
	})
	return idx
}

// at returns the innermost CFG node that contains pos. CFG nodes are
// statements and conditions, which do not overlap except that a node may
// contain a function literal; so it is the containing node that starts
// last at or before pos.
func (x *nodeIndex) at(pos token.Pos) (nodeAt, bool) {
	i := sort.Search(len(x.nodes), func(i int) bool { return x.nodes[i].n.Pos() > pos })
	for j := i - 1; j >= 0; j-- {
		if na := x.nodes[j]; pos < na.n.End() {
			return na, true
		}
	}
	return nodeAt{}, false
}

// effects classifies every mention of v in the function body (closures
// included) and returns the effect of each CFG node on the span in v, and
// the defer statements that end it.
func (c *checker) effects(fn ast.Node, body *ast.BlockStmt, v *types.Var, idx *nodeIndex) (map[ast.Node]effect, []*ast.DeferStmt) {
	events := map[ast.Node]effect{}
	var defers []*ast.DeferStmt
	mark := func(pos token.Pos, e effect) {
		na, ok := idx.at(pos)
		if !ok {
			return
		}
		if events[na.n] != release { // a release wins over a reassignment
			events[na.n] = e
		}
	}
	for _, stack := range c.sp.Mentions(fn, body, v) {
		id := stack[len(stack)-1]
		// Find the outermost closure between the body and the mention.
		var lit ast.Node
		for _, s := range stack {
			if fl, ok := s.(*ast.FuncLit); ok {
				lit = fl
				break
			}
		}
		if spans.IsAssigned(stack) {
			if lit == nil {
				mark(id.Pos(), redefine)
			}
			continue
		}
		if !c.sp.Releases(stack) {
			continue
		}
		if lit != nil {
			mark(lit.Pos(), release)
		} else {
			mark(id.Pos(), release)
		}
		// Is this release a defer statement?
		for i := len(stack) - 1; i >= 0; i-- {
			if d, ok := stack[i].(*ast.DeferStmt); ok {
				defers = append(defers, d)
				break
			}
		}
	}
	return events, defers
}

// checkStart searches the CFG for a path from t's start statement to a
// function exit, or to a reassignment of its variable, on which the span
// is not released.
func (c *checker) checkStart(t tracked, body *ast.BlockStmt, g *cfg.CFG, idx *nodeIndex, events map[ast.Node]effect) {
	start, ok := idx.at(t.stmt.Pos())
	if !ok || !start.block.Live {
		return
	}
	// The statements that return, store or send the context that carries
	// a span the function never ends hand the span on.
	handOff := map[ast.Node]bool{}
	for _, pos := range t.site.HandOffs {
		if na, ok := idx.at(pos); ok {
			handOff[na.n] = true
		}
	}
	seen := map[*cfg.Block]bool{}
	var leak ast.Node // a return, or a reassignment
	var search func(b *cfg.Block, from int) bool
	search = func(b *cfg.Block, from int) bool {
		for i := from; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if handOff[n] {
				return false
			}
			switch events[n] {
			case release:
				return false
			case redefine:
				leak = n
				return true
			}
			if ret, ok := n.(*ast.ReturnStmt); ok {
				leak = ret
				return true
			}
		}
		succs := b.Succs
		if len(b.Nodes) > 0 && len(succs) == 2 {
			last := b.Nodes[len(b.Nodes)-1]
			keep := [2]bool{true, true}
			// if span != nil { span.End() }: the nil branch has nothing to end.
			switch nilTest(c.pass.TypesInfo, last, t.v) {
			case +1:
				keep[1] = false
			case -1:
				keep[0] = false
			}
			// if err != nil { return err }: a start that failed
			// returned no span.
			if cond, ok := last.(ast.Expr); ok {
				keep[0] = keep[0] && !c.sp.NoSpanOnBranch(t.site, cond, true)
				keep[1] = keep[1] && !c.sp.NoSpanOnBranch(t.site, cond, false)
			}
			var kept []*cfg.Block
			for k, s := range succs {
				if keep[k] {
					kept = append(kept, s)
				}
			}
			succs = kept
		}
		for _, s := range succs {
			if seen[s] {
				continue
			}
			seen[s] = true
			if search(s, 0) {
				return true
			}
		}
		return false
	}
	if !search(start.block, start.i+1) {
		return
	}
	d := analysis.Diagnostic{Pos: t.start.Call.Pos(), End: t.start.Call.End()}
	name := c.describe(t.start)
	if ret, ok := leak.(*ast.ReturnStmt); ok {
		d.Message = fmt.Sprintf("%s is not ended on all paths (%s)", name, consequence)
		where := "this return leaks the span"
		if ret.Pos() == body.End()-1 || !ret.Return.IsValid() {
			where = "the function ends here without ending the span"
		}
		d.Related = []analysis.RelatedInformation{{Pos: ret.Pos(), Message: where}}
		if fix, ok := c.fix(t, body, events); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	} else if leak == t.stmt {
		d.Message = fmt.Sprintf("%s is started again before it is ended (each earlier span is lost or leaks memory)", name)
		d.Related = []analysis.RelatedInformation{{Pos: leak.Pos(), Message: "a path goes round the loop to this Start without ending the span"}}
	} else {
		d.Message = fmt.Sprintf("%s is overwritten before it is ended (%s)", name, consequence)
		d.Related = []analysis.RelatedInformation{{Pos: leak.Pos(), Message: "overwritten here"}}
	}
	c.pass.Report(d)
}

// nilTest reports whether cond tests v against nil or for recording:
// +1 if the true branch holds a live span (v != nil, v.IsRecording()),
// -1 if the false branch does, 0 otherwise.
func nilTest(info *types.Info, n ast.Node, v *types.Var) int {
	e, ok := n.(ast.Expr)
	if !ok {
		return 0
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return -nilTest(info, u.X, v)
	}
	isV := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	isNil := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && id.Name == "nil" && info.Types[x].IsNil()
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if (isV(x.X) && isNil(x.Y)) || (isNil(x.X) && isV(x.Y)) {
			switch x.Op {
			case token.NEQ:
				return +1
			case token.EQL:
				return -1
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "IsRecording" && isV(sel.X) {
			return +1
		}
	}
	return 0
}

// fix offers to insert defer span.End() after the start, when the span is
// never released anywhere and the start is not in a loop. The Start must
// be a statement of a block or a case: the init statement of an if or a
// switch has nowhere to put the defer (in the if's body it would not run
// when the condition is false; after the statement the span's variable is
// out of scope), and neither has a labelled Start.
func (c *checker) fix(t tracked, body *ast.BlockStmt, events map[ast.Node]effect) (analysis.SuggestedFix, bool) {
	if released(events) || len(t.site.HandOffs) > 0 {
		return analysis.SuggestedFix{}, false
	}
	if t.start.Err >= 0 && !t.start.LiveOnErr {
		return analysis.SuggestedFix{}, false // the span is nil when the start fails
	}
	as, ok := t.stmt.(*ast.AssignStmt)
	if !ok || inLoop(body, as) {
		return analysis.SuggestedFix{}, false
	}
	next, ok := nextInList(t.site.Path, as)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	defer_ := "defer " + t.v.Name() + ".End()"
	fix := analysis.SuggestedFix{Message: "Add " + defer_}
	tf := c.pass.Fset.File(as.Pos())
	line := tf.Line(as.End())
	if tf.Line(next) == line {
		// The next statement or the closing brace is on the Start's
		// line (a one-line function): the defer goes right after it.
		fix.TextEdits = []analysis.TextEdit{{Pos: as.End(), End: as.End(), NewText: []byte("; " + defer_)}}
		return fix, true
	}
	// Insert on the line after the statement, so that a comment trailing
	// the Start stays where it is.
	at := tf.LineStart(line + 1)
	col := c.pass.Fset.Position(as.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	fix.TextEdits = []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(indent + defer_ + "\n")}}
	return fix, true
}

// nextInList returns the position of what follows stmt in the statement
// list that holds it (the next statement, or the end of the block or
// case), when stmt is a statement of a block or of a case or select
// clause. path runs from the function body down to stmt.
func nextInList(path []ast.Node, stmt ast.Stmt) (token.Pos, bool) {
	if len(path) < 2 || path[len(path)-1] != stmt {
		return token.NoPos, false
	}
	var list []ast.Stmt
	var end token.Pos // what follows the list
	switch p := path[len(path)-2].(type) {
	case *ast.BlockStmt:
		list, end = p.List, p.Rbrace
	case *ast.CaseClause, *ast.CommClause:
		if len(path) < 3 {
			return token.NoPos, false
		}
		clauses, ok := path[len(path)-3].(*ast.BlockStmt) // the switch or select body
		if !ok {
			return token.NoPos, false
		}
		if cc, ok := p.(*ast.CaseClause); ok {
			list = cc.Body
		} else {
			list = p.(*ast.CommClause).Body
		}
		end = clauses.Rbrace
		if i := slices.Index(clauses.List, ast.Stmt(p.(ast.Stmt))); i >= 0 && i+1 < len(clauses.List) {
			end = clauses.List[i+1].Pos()
		}
	default:
		return token.NoPos, false // an init statement, a label...
	}
	i := slices.Index(list, stmt)
	switch {
	case i < 0:
		return token.NoPos, false
	case i+1 < len(list):
		return list[i+1].Pos(), true
	}
	return end, end.IsValid()
}

// inLoop reports whether n lies inside a for or range statement of body
// (not counting loops that enclose body itself).
func inLoop(body *ast.BlockStmt, n ast.Node) bool {
	found := false
	var depth int
	ast.Inspect(body, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		if m.Pos() > n.Pos() || m.End() < n.End() {
			return false // does not enclose n
		}
		switch m.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			depth++
		}
		if m == n {
			found = depth > 0
			return false
		}
		return true
	})
	return found
}

// checkDeferInLoop reports a defer that ends a span started in the same
// loop: the spans end only when the function returns.
func (c *checker) checkDeferInLoop(body *ast.BlockStmt, starts []tracked, defers []*ast.DeferStmt) {
	for _, d := range defers {
		loop := innermostLoop(body, d)
		if loop == nil {
			continue
		}
		for _, t := range starts {
			if spans.Within(t.stmt.Pos(), loop) {
				if c.outlivesIteration(t, loop) {
					break // the spans cover work that ends when the function returns
				}
				c.pass.Report(analysis.Diagnostic{
					Pos: d.Pos(), End: d.End(),
					Message: fmt.Sprintf("defer ends %s only when the function returns, not at the end of each loop iteration (spans outlive their work and pile up)",
						c.describe(t.start)),
					Related: []analysis.RelatedInformation{{Pos: t.start.Call.Pos(), Message: "span started in the loop here"}},
				})
				break
			}
		}
	}
}

// innermostLoop returns the innermost for or range statement of body that
// encloses n, not crossing a function literal.
func innermostLoop(body *ast.BlockStmt, n ast.Node) ast.Node {
	var loop ast.Node
	ast.Inspect(body, func(m ast.Node) bool {
		if m == nil || m.Pos() > n.Pos() || m.End() < n.End() {
			return false
		}
		switch m.(type) {
		case *ast.FuncLit:
			loop = nil
			return m != n
		case *ast.ForStmt, *ast.RangeStmt:
			loop = m
		}
		return m != n
	})
	return loop
}

// outlivesIteration reports whether work started in an iteration of loop
// with t's span or the context that carries it outlives the iteration: a
// value made with them that can hold the context (see mayHoldContext) is
// stored in a variable declared outside the loop, appended to one, stored
// in a field or element, sent or returned, or they reach a goroutine. Then
// the span covers that work, and ending it when the function returns is
// right (iterators opened in a loop and merged after it).
func (c *checker) outlivesIteration(t tracked, loop ast.Node) bool {
	info := c.pass.TypesInfo
	vars := []*types.Var{t.v}
	if as, ok := t.stmt.(*ast.AssignStmt); ok && len(as.Lhs) > 1 && len(as.Rhs) == 1 {
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok && otelapi.IsContextType(v.Type()) {
				vars = append(vars, v)
			}
		}
	}
	seen := map[*types.Var]bool{}
	for len(vars) > 0 && len(seen) < 32 {
		v := vars[0]
		vars = vars[1:]
		if seen[v] {
			continue
		}
		seen[v] = true
		var stack []ast.Node
		outlives := false
		ast.Inspect(loop, func(n ast.Node) bool {
			if outlives {
				return false
			}
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			if n == t.stmt {
				return false // the Start itself
			}
			stack = append(stack, n)
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
				more, out := c.escapes(stack, loop)
				outlives = out
				vars = append(vars, more...)
			}
			return true
		})
		if outlives {
			return true
		}
	}
	return false
}

// escapes follows the value at the top of stack (a path inside loop) up to
// the statement that uses it, and reports whether it leaves the iteration,
// or else the variables declared in the loop that it is assigned to.
func (c *checker) escapes(stack []ast.Node, loop ast.Node) ([]*types.Var, bool) {
	info := c.pass.TypesInfo
	// A closure that captures the value carries it.
	top := len(stack) - 1
	for i, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			top = i
			break
		}
	}
	for i := top - 1; i >= 0; i-- {
		child := stack[i+1]
		switch p := stack[i].(type) {
		case *ast.GoStmt:
			return nil, true
		case *ast.SendStmt:
			return nil, child == p.Value && mayHoldContext(info.TypeOf(p.Value))
		case *ast.ReturnStmt:
			e, _ := child.(ast.Expr)
			return nil, e != nil && mayHoldContext(info.TypeOf(e))
		case *ast.CallExpr:
			if child != p.Fun {
				if fn, ok := typeutil.Callee(info, p).(*types.Func); ok && otelapi.IsGoroutineSpawner(fn) {
					return nil, true
				}
			}
			// The call's result may carry the value: follow it.
		case *ast.AssignStmt:
			if e, ok := child.(ast.Expr); !ok || !slices.Contains(p.Rhs, e) {
				return nil, false
			}
			var more []*types.Var
			for _, l := range p.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					if mayHoldContext(info.TypeOf(l)) {
						return nil, true // stored in a field or element
					}
					continue
				}
				v, ok := info.ObjectOf(id).(*types.Var)
				if !ok || id.Name == "_" {
					continue
				}
				if !spans.Within(v.Pos(), loop) {
					if mayHoldContext(v.Type()) {
						return nil, true // kept after the iteration
					}
					continue
				}
				more = append(more, v)
			}
			return more, false
		case *ast.ValueSpec:
			var more []*types.Var
			for _, id := range p.Names {
				if v, ok := info.Defs[id].(*types.Var); ok {
					more = append(more, v)
				}
			}
			return more, false
		case ast.Stmt:
			return nil, false
		}
	}
	return nil, false
}

// mayHoldContext reports whether a value of type t can hold a context or
// a span: a context, a span or another interface except error, a function,
// a channel, or a pointer, container or struct (two levels of fields deep)
// with such an element. Plain data, such as a result record, cannot.
func mayHoldContext(t types.Type) bool {
	return mayHold(t, 0, map[types.Type]bool{})
}

func mayHold(t types.Type, depth int, seen map[types.Type]bool) bool {
	if t == nil {
		return false
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Interface:
		return !otelapi.IsErrorType(t)
	case *types.Signature, *types.Chan, *types.TypeParam:
		return true
	case *types.Pointer:
		return mayHold(u.Elem(), depth, seen)
	case *types.Slice:
		return mayHold(u.Elem(), depth, seen)
	case *types.Array:
		return mayHold(u.Elem(), depth, seen)
	case *types.Map:
		return mayHold(u.Key(), depth, seen) || mayHold(u.Elem(), depth, seen)
	case *types.Struct:
		if depth >= 2 {
			return false
		}
		for i := 0; i < u.NumFields(); i++ {
			if mayHold(u.Field(i).Type(), depth+1, seen) {
				return true
			}
		}
		return false
	case *types.Tuple:
		for i := 0; i < u.Len(); i++ {
			if mayHold(u.At(i).Type(), depth, seen) {
				return true
			}
		}
		return false
	}
	return true
}
