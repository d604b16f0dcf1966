package blockinghandler

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/ctxscope"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/handlers"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/spawn"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports request handlers that block on calls that ignore the
// request's context. It is the instance the drivers run by default; New
// makes independent ones.
var Analyzer = New(spans.Default)

// New returns a new blockinghandler analyzer with its own options.
// It reads the syntax through the inspector of h's suite
// (spans.Helper.Inspector).
func New(h *spans.Helper) *analysis.Analyzer {
	r := new(rule)
	r.h = h
	a := &analysis.Analyzer{
		Name:      "blockinghandler",
		Doc:       docutil.MustExtract(doc, "blockinghandler"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/blockinghandler.md",
		Requires:  []*analysis.Analyzer{h.Inspector()},
		Run:       safe.Run(r.run),
		FactTypes: []analysis.Fact{new(blocks), new(spawns)},
	}
	a.Flags.Var(&r.extra, "calls", "more functions that block and ignore the caller's context, by full name (comma-separated)")
	r.depth = 1
	a.Flags.Var(&r.depth, "depth", "how many calls deep, from a handler, a blocking call in the module's own functions is followed (1: only functions that make it themselves)")
	return a
}

// rule holds one analyzer's options.
type rule struct {
	h     *spans.Helper // its suite's
	extra spans.ListFlag
	depth depth
}

// depth is the -depth option: a number of calls, 1 or more. It is a
// flag.Getter whose Get returns an int, which tells configuration front
// ends (the golangci-lint plugin) that it takes a number.
type depth int

func (d *depth) String() string { return strconv.Itoa(int(*d)) }

// Set implements flag.Value.
func (d *depth) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return fmt.Errorf("want a number of calls, 1 or more, got %q", s)
	}
	*d = depth(n)
	return nil
}

// Get implements flag.Getter.
func (d *depth) Get() any { return int(*d) }

// blocks is an object fact: the function takes no context and, on some
// path, makes a blocking call from the table (directly or through other
// functions with this fact).
type blocks struct {
	Call   string   // the call in the table, as messages name it
	Effect effect   // what blocking there costs
	Via    []string // the functions between this one and Call, outermost first
}

func (*blocks) AFact()           {}
func (f *blocks) String() string { return "blocks(" + f.Call + ")" }

// afterReceive is the row for a bare receive from time.After.
var afterReceive = call{name: "<-time.After", effect: keepsBlocking, advice: "a select that also waits on %s.Done()"}

// site is a blocking call found in a function body: a row of the table, or
// a call to a function that may carry a blocks fact.
type site struct {
	node   ast.Node // the call, or the receive from time.After
	call   *ast.CallExpr
	row    *call
	callee *types.Func
}

type checker struct {
	pass    *analysis.Pass
	rule    *rule
	blocked map[*types.Func]*blocks // this package's functions that block
	spawns  map[*types.Func][]int   // this package's functions that run a function parameter in a goroutine
	// detached holds the context variables assigned a
	// context.WithoutCancel(...): never the context to pass to a call
	// that should stop with the request.
	detached map[types.Object]bool
	// example is set in example programs and demos, whose pauses stand
	// for the work a real handler would do.
	example bool
	// carries memoises handlers.CarriesRequest, which builds a method
	// set, for the parameter types of the package's functions.
	carries map[typeKey]bool
	// imported memoises the blocks facts of other packages' functions
	// (nil: none), which the fixed point below asks about every round.
	imported map[*types.Func]*blocks
}

// typeKey identifies a type, or a pointer to it (types.Pointer values are
// made afresh for each occurrence in the source).
type typeKey struct {
	t   types.Type
	ptr bool
}

// carriesRequest is handlers.CarriesRequest(t), memoised.
func (c *checker) carriesRequest(t types.Type) bool {
	k := typeKey{t: t}
	if p, ok := t.(*types.Pointer); ok {
		k = typeKey{t: p.Elem(), ptr: true}
	}
	v, ok := c.carries[k]
	if !ok {
		v = handlers.CarriesRequest(t)
		if c.carries == nil {
			c.carries = map[typeKey]bool{}
		}
		c.carries[k] = v
	}
	return v
}

// spawns is an object fact: the function runs its function parameters
// Params (indexes) in new goroutines, like a go statement: code passed to
// it is detached from the caller.
type spawns struct{ Params []int }

func (*spawns) AFact() {}
func (f *spawns) String() string {
	return fmt.Sprintf("spawns%v", f.Params)
}

// findSpawners finds this package's functions that run a function
// parameter in a go statement (go f(), or go func() { ... f() ... }()),
// and exports a spawns fact for each.
func (c *checker) findSpawners(insp *inspector.Inspector) {
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		fn, ok := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
		if !ok {
			continue
		}
		if found := spawn.Params(c.pass.TypesInfo, fn, d.Body, nil); len(found) > 0 {
			c.spawns[fn] = found
			c.pass.ExportObjectFact(fn, &spawns{Params: found})
		}
	}
}

// spawnsArg reports whether fn runs its i-th argument in a new goroutine.
func (c *checker) spawnsArg(fn *types.Func, i int) bool {
	if ps, ok := c.spawns[fn]; ok {
		return slices.Contains(ps, i)
	}
	var f spawns
	return fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) && slices.Contains(f.Params, i)
}

func (r *rule) run(pass *analysis.Pass) (any, error) {
	insp := r.h.Syntax(pass)
	c := &checker{pass: pass, rule: r, blocked: map[*types.Func]*blocks{}, spawns: map[*types.Func][]int{}}
	c.detached = detachedVars(pass.TypesInfo, insp)

	type handler struct {
		fn   ast.Node
		body *ast.BlockStmt
		h    handlers.Handler
	}
	type helper struct {
		fn    *types.Func
		sites []site
	}
	var hs []handler
	var helpers []helper
	own := ownCode(pass)
	// A test-support package's handlers are fakes that serve tests, not
	// clients: only its helpers' facts are of interest.
	_, fake := testcode.SupportPackage(pass.Pkg.Path())
	_, c.example = testcode.ExamplePackage(pass.Pkg.Path())
	if own {
		c.findSpawners(insp)
	}
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if cgofile.IsGenerated(f) || ctxscope.IsProgramEntryFile(pass.Fset, f.Pos()) {
			continue // tests run no handlers for real clients
		}
		for fcur := range cur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var body *ast.BlockStmt
			switch fn := fcur.Node().(type) {
			case *ast.FuncDecl:
				body = fn.Body
			case *ast.FuncLit:
				body = fn.Body
			}
			if body == nil {
				continue
			}
			safe.At(pass, fcur.Node().Pos())
			if h, ok := handlers.Of(pass.TypesInfo, fcur.Node()); ok {
				if !fake {
					hs = append(hs, handler{fcur.Node(), body, h})
				}
				continue
			}
			d, ok := fcur.Node().(*ast.FuncDecl)
			if !ok || !own || c.takesContext(d) || isEntry(pass, d) {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
				helpers = append(helpers, helper{fn, c.sites(body)})
			}
		}
	}

	// Which of this package's context-free functions block, and through
	// the shortest chain of calls: a fixed point, since they call each
	// other in any order. Chains longer than the depth option are not
	// followed: the deeper a blocking call sits, the likelier it is on a
	// path the handler never takes.
	for changed := true; changed; {
		changed = false
		for _, h := range helpers {
			best := c.blocked[h.fn]
			for _, s := range h.sites {
				// The chain's length first: most sites block in nothing,
				// and a chain is built only when it is the shortest yet.
				if n, ok := c.chainLen(s); ok && n < int(r.depth) && (best == nil || n < len(best.Via)) {
					best = c.blocks(s)
				}
			}
			if best != c.blocked[h.fn] {
				c.blocked[h.fn] = best
				changed = true
			}
		}
	}
	for _, h := range helpers {
		if b := c.blocked[h.fn]; b != nil {
			pass.ExportObjectFact(h.fn, b)
		}
	}

	pass, done := suppress.Filter(pass)
	defer done()
	c.pass = pass
	var scope *ctxscope.Scope // built for the first site: most packages have none
	for _, h := range hs {
		for _, s := range c.sites(h.body) {
			safe.At(pass, s.node.Pos())
			if scope == nil {
				scope = ctxscope.New(pass, insp)
			}
			c.report(h.fn, h.h, scope, s)
		}
	}
	return nil, nil
}

// ownCode reports whether the package belongs to the code under analysis
// (the main module), as opposed to the standard library or a dependency.
// Facts are computed for it only, so that every driver reports the same:
// some analyse dependencies from source, some from export data. (go vet
// before Go 1.27 gives the module's path and version only: the main
// module's version is "".) Bazel's nogo gives no module, and names files
// relative to the execution root: there the code of external repositories
// and the standard library is under external/, and the rest is the
// workspace's own, whatever its import paths look like.
func ownCode(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		return m.Main || m.Version == ""
	}
	if len(pass.Files) > 0 {
		if f := pass.Fset.File(pass.Files[0].Pos()); f != nil && f.Name() != "" && !filepath.IsAbs(f.Name()) {
			return !strings.HasPrefix(filepath.ToSlash(f.Name()), "external/")
		}
	}
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	return strings.Contains(first, ".")
}

// isEntry reports whether d is init, or main in package main: no one can
// call them.
func isEntry(pass *analysis.Pass, d *ast.FuncDecl) bool {
	return d.Recv == nil && (d.Name.Name == "init" || d.Name.Name == "main" && pass.Pkg.Name() == "main")
}

// takesContext reports whether the function has a parameter that carries a
// request's context: blocking in it is its callers' business only if it
// ignores that context, which is beyond this rule.
func (c *checker) takesContext(d *ast.FuncDecl) bool {
	for _, f := range d.Type.Params.List {
		if t := c.pass.TypesInfo.TypeOf(f.Type); t != nil && c.carriesRequest(t) {
			return true
		}
	}
	return false
}

// calleeBlocks returns what fn, a function of this package or another,
// blocks in, or nil.
func (c *checker) calleeBlocks(fn *types.Func) *blocks {
	if b := c.blocked[fn]; b != nil || fn.Pkg() == c.pass.Pkg {
		return b
	}
	b, ok := c.imported[fn]
	if !ok {
		var f blocks
		if c.pass.ImportObjectFact(fn, &f) {
			b = &f
		}
		if c.imported == nil {
			c.imported = map[*types.Func]*blocks{}
		}
		c.imported[fn] = b
	}
	return b
}

// chainLen returns the length of the chain of calls through which s
// blocks (0 for a blocking call itself), or false.
func (c *checker) chainLen(s site) (int, bool) {
	if s.row != nil {
		return 0, true
	}
	b := c.calleeBlocks(s.callee)
	if b == nil {
		return 0, false
	}
	return len(b.Via) + 1, true
}

// blocks returns what s blocks in, or nil.
func (c *checker) blocks(s site) *blocks {
	if s.row != nil {
		return &blocks{Call: s.row.name, Effect: s.row.effect}
	}
	b := c.calleeBlocks(s.callee)
	if b == nil {
		return nil
	}
	// Through the callee: name it in the chain.
	return &blocks{Call: b.Call, Effect: b.Effect, Via: append([]string{funcName(s.callee)}, b.Via...)}
}

// sites returns the blocking calls made by body itself, including those in
// the function literals it runs synchronously, but not in goroutines it
// starts, callbacks it schedules for later, or handlers it defines.
func (c *checker) sites(body *ast.BlockStmt) []site {
	info := c.pass.TypesInfo
	var out []site
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			return false // detached on purpose: it outlives the request
		case *ast.FuncLit:
			if _, ok := handlers.Of(info, n); ok || c.scheduled(n, stack) {
				return false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && c.isCallTo(n.X, "time.After") && !inSelectCase(n, stack) && !c.inStoppingLoop(stack, pause(n.X)) {
				out = append(out, site{node: n, row: &afterReceive})
			}
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(info, n)
			if fn == nil {
				break
			}
			var row call
			ok := false
			if callNames[fn.Name()] {
				row, ok = calls[fn.FullName()]
			}
			if !ok && c.rule.extra.HasFunc(fn) {
				row, ok = call{name: fn.FullName(), effect: keepsBlocking, advice: "a form that takes %s"}, true
			}
			switch {
			case !ok:
				if fn.Pkg() != nil {
					out = append(out, site{node: n, call: n, callee: fn})
				}
			case row.guard == whenRun && !c.isRun(n, stack, body),
				row.guard == noContextLater && c.getsContext(n, stack, body),
				row.name == "time.Sleep" && c.inStoppingLoop(stack, pause(n)):
			default:
				out = append(out, site{node: n, call: n, row: &row})
			}
		}
		stack = append(stack, n)
		return true
	})
	return out
}

func (c *checker) isCallTo(e ast.Expr, full string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	return otelapi.IsFunc(fn, full)
}

// scheduled reports whether lit is handed to a function that runs it later
// in its own goroutine (time.AfterFunc, context.AfterFunc, a helper of the
// module that runs its argument in a go statement): like a go statement,
// it is detached from the request.
func (c *checker) scheduled(lit *ast.FuncLit, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	if !ok {
		return false
	}
	i := slices.Index(call.Args, ast.Expr(lit))
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if i < 0 || fn == nil {
		return false
	}
	switch fn.FullName() {
	case "time.AfterFunc", "context.AfterFunc", "(*net/http.Server).RegisterOnShutdown":
		return true
	}
	return c.spawnsArg(fn, i)
}

// inSelectCase reports whether the receive recv is the communication of a
// select case: the select waits on its other cases too (ctx.Done()).
func inSelectCase(recv *ast.UnaryExpr, stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.CommClause:
			return n.Comm != nil && n.Comm.Pos() <= recv.Pos() && recv.End() <= n.Comm.End()
		case *ast.ExprStmt, *ast.AssignStmt, *ast.ParenExpr:
			continue
		}
		return false
	}
	return false
}

// inStoppingLoop reports whether the innermost loop around the top of
// stack, which pauses for d, stops within an iteration once the request is
// gone: it checks a context (ctx.Err() or ctx.Done() in its condition, post
// statement or body: a retry loop with a back-off), or the pause is short
// and every iteration makes a call that takes the request's context (a
// poll or a throttled batch, whose next call fails once the request is
// gone).
func (c *checker) inStoppingLoop(stack []ast.Node, d ast.Expr) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return c.checksContext(n) || c.isShort(d) && c.callsWithContextEachIteration(n)
		}
	}
	return false
}

// maxThrottle is the longest constant pause that counts as throttling a
// loop: once the request is gone the handler still waits this long.
const maxThrottle = time.Second

// pause returns the duration argument of time.Sleep(d) or time.After(d),
// or nil.
func pause(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	return call.Args[0]
}

// isShort reports whether the pause d is not a constant longer than
// maxThrottle. A computed pause (an interval from configuration, a
// back-off) is taken as short: what it holds is unknown.
func (c *checker) isShort(d ast.Expr) bool {
	if d == nil {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[d]
	if !ok || tv.Value == nil {
		return true
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return exact && n <= int64(maxThrottle)
}

// callsWithContextEachIteration reports whether every iteration of loop
// makes a context-aware call: one that is passed a context of the request
// (not a fresh or detached one), or a send or receive on a gRPC server
// stream, outside any branch of the loop body (in its statements, the
// init and condition of its if and switch statements, or the loop's
// condition and post statement).
func (c *checker) callsWithContextEachIteration(loop ast.Node) bool {
	var exprs []ast.Node
	var stmts func(list []ast.Stmt)
	var stmt func(s ast.Stmt)
	stmt = func(s ast.Stmt) {
		switch s := s.(type) {
		case *ast.ExprStmt:
			exprs = append(exprs, s.X)
		case *ast.AssignStmt:
			for _, e := range s.Rhs {
				exprs = append(exprs, e)
			}
		case *ast.DeclStmt:
			exprs = append(exprs, s)
		case *ast.SendStmt:
			exprs = append(exprs, s.Chan, s.Value)
		case *ast.ReturnStmt:
			for _, e := range s.Results {
				exprs = append(exprs, e)
			}
		case *ast.IfStmt:
			if s.Init != nil {
				stmt(s.Init)
			}
			exprs = append(exprs, s.Cond)
		case *ast.SwitchStmt:
			if s.Init != nil {
				stmt(s.Init)
			}
			if s.Tag != nil {
				exprs = append(exprs, s.Tag)
			}
		case *ast.LabeledStmt:
			stmt(s.Stmt)
		case *ast.BlockStmt:
			stmts(s.List)
		}
	}
	stmts = func(list []ast.Stmt) {
		for _, s := range list {
			stmt(s)
		}
	}
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Cond != nil {
			exprs = append(exprs, l.Cond)
		}
		if l.Post != nil {
			stmt(l.Post)
		}
		stmts(l.Body.List)
	case *ast.RangeStmt:
		stmts(l.Body.List)
	}
	for _, e := range exprs {
		if c.callsWithContext(e) {
			return true
		}
	}
	return false
}

// callsWithContext reports whether n, outside function literals, calls a
// function with a context of the request, or a method of a gRPC server
// stream.
func (c *checker) callsWithContext(n ast.Node) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if t := info.TypeOf(sel.X); t != nil && handlers.IsServerStream(t) {
					found = true
				}
			}
			for _, a := range n.Args {
				if t := info.TypeOf(a); t != nil && handlers.CarriesRequest(t) && c.fromRequest(a) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// fromRequest reports whether the context expression e may be the
// request's: not context.Background() or TODO(), nor a variable assigned
// context.WithoutCancel(...).
func (c *checker) fromRequest(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return !ctxscope.IsFresh(c.pass.TypesInfo, e) && !c.isCallTo(e, "context.WithoutCancel")
	case *ast.Ident:
		return !c.detached[c.pass.TypesInfo.Uses[e]]
	}
	return true
}

// checksContext reports whether n calls Err or Done on a context.
func (c *checker) checksContext(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Err" && sel.Sel.Name != "Done") {
			return true
		}
		if t := c.pass.TypesInfo.TypeOf(sel.X); t != nil && handlers.CarriesRequest(t) {
			found = true
		}
		return !found
	})
	return found
}

// isRun reports whether the *exec.Cmd that call makes is run in body:
// exec.Command(...).Run(), or cmd := exec.Command(...) and cmd.Run(),
// Output(), CombinedOutput() or Start().
func (c *checker) isRun(call *ast.CallExpr, stack []ast.Node, body *ast.BlockStmt) bool {
	runs := func(name string) bool {
		return name == "Run" || name == "Output" || name == "CombinedOutput" || name == "Start"
	}
	if len(stack) > 0 {
		if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && sel.X == call {
			return runs(sel.Sel.Name)
		}
	}
	return c.usedWith(call, stack, body, runs)
}

// getsContext reports whether the request that http.NewRequest call makes
// may get a context later: in body (req = req.WithContext(ctx), or
// req.Clone(ctx)), or from the caller it is returned to, which decides how
// to send it.
func (c *checker) getsContext(call *ast.CallExpr, stack []ast.Node, body *ast.BlockStmt) bool {
	if len(stack) > 0 {
		if _, ok := stack[len(stack)-1].(*ast.ReturnStmt); ok {
			return true // return http.NewRequest(...)
		}
	}
	return c.usedWith(call, stack, body, func(name string) bool { return name == "WithContext" || name == "Clone" }) ||
		c.returnsResult(call, stack, body)
}

// returnsResult reports whether the variable that call's first result is
// assigned to is returned in body.
func (c *checker) returnsResult(call *ast.CallExpr, stack []ast.Node, body *ast.BlockStmt) bool {
	v := c.resultVar(call, stack)
	if v == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // its returns are not body's
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			for _, r := range ret.Results {
				if id, ok := ast.Unparen(r).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// resultVar returns the variable that call's first result is assigned
// (or declared) to, or nil.
func (c *checker) resultVar(call *ast.CallExpr, stack []ast.Node) types.Object {
	if len(stack) == 0 {
		return nil
	}
	var lhs ast.Expr
	switch p := stack[len(stack)-1].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == call && len(p.Lhs) > 0 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == call && len(p.Names) > 0 {
			lhs = p.Names[0]
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	return c.pass.TypesInfo.ObjectOf(id)
}

// usedWith reports whether the first result of call is assigned to a
// variable on which body calls a method that method accepts.
func (c *checker) usedWith(call *ast.CallExpr, stack []ast.Node, body *ast.BlockStmt, method func(string) bool) bool {
	v := c.resultVar(call, stack)
	if v == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if ok && method(sel.Sel.Name) {
			if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[x] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// report reports s in handler h, whose function is fn.
func (c *checker) report(fn ast.Node, h handlers.Handler, scope *ctxscope.Scope, s site) {
	ctx := c.contextAt(fn, h, scope, s.node.Pos())
	shown := ctx
	if shown == "" {
		shown = "ctx"
	}
	if c.example && c.simulatesWork(s) {
		return // a demo's pause stands for the work it shows
	}
	if s.row != nil {
		d := analysis.Diagnostic{
			Pos: s.node.Pos(), End: s.node.End(),
			Message: fmt.Sprintf("%s in %s ignores the request context: %s (use %s)",
				s.row.name, h.Describe(), s.row.effect, fmt.Sprintf(s.row.advice, shown)),
		}
		if s.row.fix != nil && ctx != "" && s.call != nil {
			src, _ := c.pass.ReadFile(c.pass.Fset.File(s.call.Pos()).Name())
			if edits := s.row.fix(c.pass.Fset, src, s.call, ctx); edits != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   fmt.Sprintf("Pass %s to the context-aware form", ctx),
					TextEdits: edits,
				}}
			}
		}
		c.pass.Report(d)
		return
	}
	b := c.blocks(s)
	if b == nil {
		return
	}
	in := b.Call
	if len(b.Via) > 1 {
		in += " through " + strings.Join(b.Via[1:], ", ")
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: s.call.Pos(), End: s.call.End(),
		Message: fmt.Sprintf("%s calls %s, which blocks in %s without a context: %s (pass %s down and use the context-aware call)",
			h.Describe(), calleeText(s.call), in, b.Effect, shown),
	})
}

// simulatesWork reports whether s pauses (time.Sleep, <-time.After),
// itself or in the functions it calls, rather than doing I/O.
func (c *checker) simulatesWork(s site) bool {
	name := ""
	if s.row != nil {
		name = s.row.name
	} else if b := c.blocks(s); b != nil {
		name = b.Call
	}
	return name == "time.Sleep" || name == afterReceive.name
}

// contextAt returns the expression of the request's context at pos in the
// handler fn: the innermost context variable declared in the handler (it
// carries the spans the handler started), else the handler's own
// expression (r.Context(), c.Request.Context(), ...); "" if neither is
// available.
func (c *checker) contextAt(fn ast.Node, h handlers.Handler, scope *ctxscope.Scope, pos token.Pos) string {
	for _, x := range scope.At(pos) {
		if x.Var.Pos() >= fn.Pos() && x.Var.Pos() < fn.End() && isContext(x.Var.Type()) && !c.detached[x.Var] {
			return x.Text
		}
	}
	if h.Param == nil {
		return ""
	}
	if _, obj := c.pass.Pkg.Scope().Innermost(pos).LookupParent(h.Param.Name(), pos); obj != h.Param {
		return "" // shadowed
	}
	return h.Context
}

// detachedVars returns the variables assigned a context.WithoutCancel(...)
// anywhere in the package.
func detachedVars(info *types.Info, insp *inspector.Inspector) map[types.Object]bool {
	out := map[types.Object]bool{}
	mark := func(lhs ast.Expr, rhs ast.Expr) {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			return
		}
		if fn := typeutil.StaticCallee(info, call); !otelapi.IsFunc(fn, "context.WithoutCancel") {
			return
		}
		if id, ok := lhs.(*ast.Ident); ok {
			if obj := info.ObjectOf(id); obj != nil {
				out[obj] = true
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					mark(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					mark(n.Names[i], n.Values[i])
				}
			}
		}
	}
	return out
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// funcName names fn for a chain: "load", "(*Store).load".
func funcName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	ptr := ""
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t, ptr = p.Elem(), "*"
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return "(" + ptr + n.Obj().Name() + ")." + fn.Name()
	}
	return fn.Name()
}

// calleeText names the function call calls, as written: "s.load".
func calleeText(call *ast.CallExpr) string {
	s := types.ExprString(call.Fun)
	if len(s) > 40 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.Sel.Name
		}
	}
	return s
}
