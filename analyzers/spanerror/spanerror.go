package spanerror

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
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

// Analyzer reports errors returned while a span is live without being
// recorded on it. It is the default instance, which requires spans.Analyzer.
var Analyzer = New(spans.Default)

// options are one instance's settings, bound to its flags.
type options struct {
	expected      spans.ListFlag // more sentinel errors that are not failures
	requireStatus bool
	requireRecord bool
	generated     spans.Generated
	strict        bool // expected errors are failures too
}

// New returns a fresh spanerror analyzer that requires the helper h, binds
// its -recorders flag to h's options and its other flags to options of its
// own.
func New(h *spans.Helper) *analysis.Analyzer {
	opts := &options{}
	insp := h.Inspector()
	nr := h.Companion("otelnoreturn", func() *analysis.Analyzer { return noreturn.New(insp) })
	a := &analysis.Analyzer{
		Name:      "spanerror",
		Doc:       docutil.MustExtract(doc, "spanerror"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/spanerror.md",
		Requires:  []*analysis.Analyzer{h.Inspector(), nr, h.Analyzer},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h, opts, nr) }),
		FactTypes: []analysis.Fact{new(expectedError), new(preservesExpected), new(validatesInput), new(failingSentinel)},
	}
	a.Flags.Var(&opts.expected, "expected", "more sentinel errors, or functions whose errors are, that are not failures, by full name (comma-separated)")
	a.Flags.Var(&h.Options.Recorders, "recorders", "functions that record an error on the first span they are passed, by full name (comma-separated)")
	a.Flags.BoolVar(&opts.requireStatus, "status", true, "require SetStatus(codes.Error, ...) on failing paths")
	a.Flags.BoolVar(&opts.requireRecord, "record", false, "also require RecordError when the status is set to codes.Error")
	a.Flags.Var(&opts.generated, "generated", spans.GeneratedUsage)
	a.Flags.BoolVar(&opts.strict, "strict", false, "report expected errors too (not found, invalid argument, a cancelled context...): only nil and the -expected sentinels tested with == or errors.Is are not failures")
	return a
}

func run(pass *analysis.Pass, h *spans.Helper, opts *options, nr *analysis.Analyzer) (any, error) {
	exp := &expecter{pass: pass, extra: opts.expected, local: map[types.Object]bool{}, keep: map[types.Object]int{}, chans: map[*types.Var]bool{}, checks: map[types.Object]bool{}, lits: map[*types.Var]bool{}}
	exp.computeFacts(pass.Files)
	sp := h.Result(pass)
	if !sp.Relevant() {
		return nil, nil
	}
	pass, done := suppress.Filter(pass)
	defer done()
	pass = spans.Note(pass)
	c := &checker{pass: pass, sp: sp, opts: opts, exp: exp, cfgs: pass.ResultOf[nr].(*noreturn.Result), fixed: map[ast.Node]bool{}}
	insp := h.Syntax(pass)
	spans.Funcs(insp, &opts.generated, func(fn ast.Node, body *ast.BlockStmt) {
		for _, f := range pass.Files {
			if f.Pos() <= fn.Pos() && fn.Pos() < f.End() {
				c.file = f
			}
		}
		c.checkFunc(fn, body)
	})
	return nil, nil
}

type checker struct {
	pass  *analysis.Pass
	sp    *spans.Result
	opts  *options
	exp   *expecter
	cfgs  *noreturn.Result
	file  *ast.File
	fixed map[ast.Node]bool // RecordError statements that already carry a fix
	// spanCtx is the context variable the checked span's Start returned
	// (ctx, span := tracer.Start(ctx, ...)), or nil.
	spanCtx *types.Var
	// aliases are the local variables that hold the checked span too
	// (see spanAliases).
	aliases map[*types.Var]bool
}

// fn is the function being checked.
type fn struct {
	sig     *types.Signature
	errVars map[*types.Var]uint // error variables, by bit
	// rangeKeys are the keys of for k := range x statements.
	rangeKeys map[*ast.Ident]*ast.RangeStmt
	// dead are default clauses that cannot run (deadDefault).
	dead  []*ast.CaseClause
	byBit []*types.Var
	named *types.Var // the named error result, if any
	// outcomes: the function is named in -spanerror.expected, so its
	// errors are not failures of its spans either.
	outcomes bool
	// unstable holds the error variables that a function literal assigns
	// or whose address escapes (outside a defer): any call may change
	// them, so nothing is known about their value.
	unstable uint64
	// caseTags maps the expressions of the cases of a switch on an error
	// variable (switch err { case nil, io.EOF: }) to the variable.
	caseTags map[ast.Expr]ast.Expr
	// lookups are the boolean variables that only ever hold whether a
	// lookup found its key (v, ok := m[k]; v, ok := cache.Load(k)).
	lookups map[*types.Var]bool
}

// state is what a path knows when it reaches a node.
type state struct {
	rec, status, ok bool // RecordError, SetStatus(Error), SetStatus(Ok) on the span
	covered         bool // a deferred closure or helper records a failure at exit
	deferRec        bool // a deferred closure calls RecordError but sets no status
	// coverVars are the local error variables a deferred helper or
	// closure records at exit (defer otelx.End(span, &err) with err not
	// the named result): it covers only returns of those variables.
	coverVars uint64
	coverAt   token.Pos // the defer statement that records coverVars
	setVars   uint64    // error variables assigned a value that may not be nil
	nilVars   uint64    // error variables known to be nil
	expVars   uint64    // error variables known to hold an expected error
	sexpVars  uint64    // ... one that is expected in strict mode too (io.EOF after ==)
	after     bool      // an expected error was just recognised (translation)
}

func (c *checker) checkFunc(node ast.Node, body *ast.BlockStmt) {
	safe.At(c.pass, node.Pos())
	info := c.pass.TypesInfo
	var t *types.Signature
	var outcomes bool
	switch fn := node.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			t = obj.Signature()
			// Named in -spanerror.expected: its errors are outcomes,
			// for its own spans too.
			outcomes = c.exp.configured(obj.Origin())
		}
	case *ast.FuncLit:
		t, _ = info.TypeOf(fn).(*types.Signature)
	}
	if t == nil || t.Results().Len() == 0 || !otelapi.IsErrorType(t.Results().At(t.Results().Len()-1).Type()) {
		return // returns no error
	}
	var owned []spans.Site
	for _, s := range c.sp.Sites(node, body) {
		// A span the function never ends (nor defers nor hands on) is
		// spanend's finding, once; its error returns are not reported
		// again here, once per span and return.
		if s.Kind == spans.Owned && s.Released {
			owned = append(owned, s)
		}
	}
	if len(owned) == 0 {
		return
	}
	f := &fn{sig: t, errVars: map[*types.Var]uint{}, outcomes: outcomes}
	if v := t.Results().At(t.Results().Len() - 1); v.Name() != "" && v.Name() != "_" {
		f.named = v
	}
	addVar := func(v *types.Var) {
		if _, ok := f.errVars[v]; !ok && len(f.errVars) < 64 && otelapi.IsErrorType(v.Type()) {
			f.errVars[v] = uint(len(f.errVars))
			f.byBit = append(f.byBit, v)
		}
	}
	for i := 0; i < t.Params().Len(); i++ {
		addVar(t.Params().At(i))
	}
	for i := 0; i < t.Results().Len(); i++ {
		addVar(t.Results().At(i))
	}
	notLookup := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				v, ok := info.ObjectOf(id).(*types.Var)
				if !ok {
					continue
				}
				if i == 1 && len(n.Lhs) == 2 && len(n.Rhs) == 1 && isLookup(info, n.Rhs[0]) {
					if f.lookups == nil {
						f.lookups = map[*types.Var]bool{}
					}
					f.lookups[v] = true
				} else {
					notLookup[v] = true
				}
			}
		case *ast.Ident:
			if v, ok := info.Defs[n].(*types.Var); ok {
				addVar(v)
			}
		case *ast.TypeSwitchStmt:
			if d := deadDefault(info, n); d != nil {
				f.dead = append(f.dead, d)
			}
		case *ast.RangeStmt:
			if id, ok := n.Key.(*ast.Ident); ok && n.Value == nil && n.Tok == token.DEFINE {
				if f.rangeKeys == nil {
					f.rangeKeys = map[*ast.Ident]*ast.RangeStmt{}
				}
				f.rangeKeys[id] = n // the CFG holds the key, not the statement
			}
		case *ast.SwitchStmt:
			if tag, ok := ast.Unparen(n.Tag).(*ast.Ident); ok && otelapi.IsErrorType(info.TypeOf(tag)) {
				for _, cc := range n.Body.List {
					for _, e := range cc.(*ast.CaseClause).List {
						if f.caseTags == nil {
							f.caseTags = map[ast.Expr]ast.Expr{}
						}
						f.caseTags[e] = tag
					}
				}
			}
		}
		return true
	})
	for v := range notLookup {
		delete(f.lookups, v)
	}
	f.unstable = c.unstable(f, body)
	g := c.sp.CFG(body, c.cfgs)
	// Where each Start is in the CFG, and what the paths from the entry
	// know at each block: computed once for all the function's spans.
	at := map[ast.Node]nodeAt{}
	for _, s := range owned {
		at[s.Stmt] = nodeAt{}
	}
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if _, ok := at[n]; ok {
				at[n] = nodeAt{b, i}
			}
		}
	}
	var entry map[*cfg.Block]*state
	for _, s := range owned {
		start := at[s.Stmt]
		if start.b == nil || !start.b.Live {
			continue
		}
		if entry == nil {
			entry = c.entryStates(f, g)
		}
		c.checkSpan(f, node, s, body, start, c.entryState(f, entry, start))
	}
}

// nodeAt is a CFG node's place: its block and index.
type nodeAt struct {
	b *cfg.Block
	i int
}

type visit struct {
	b *cfg.Block
	s state
}

// checkSpan follows the paths from the span's start, where the paths from
// the function's entry know entry.
func (c *checker) checkSpan(f *fn, node ast.Node, site spans.Site, body *ast.BlockStmt, start nodeAt, entry state) {
	c.spanCtx = startContext(c.pass.TypesInfo, site)
	c.aliases = c.spanAliases(node, body, site.Var)
	defer func() { c.spanCtx, c.aliases = nil, nil }()
	reported := map[*ast.ReturnStmt]bool{}
	seen := map[visit]bool{}
	budget := 20000
	var walk func(b *cfg.Block, from int, st state)
	walk = func(b *cfg.Block, from int, st state) {
		if budget--; budget < 0 {
			return
		}
		for i := from; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if ret, ok := n.(*ast.ReturnStmt); ok {
				c.apply(f, site.Var, ret, &st)
				if !reported[ret] {
					if c.checkReturn(f, site, ret, st, body) {
						reported[ret] = true
					}
				}
				return
			}
			if c.apply(f, site.Var, n, &st) {
				return // the span is ended: what follows is not its business
			}
		}
		succs := b.Succs
		if len(b.Nodes) > 0 && len(succs) == 2 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				t, e := st, st
				c.refine(f, cond, &t, &e)
				for k, s := range succs {
					if c.sp.NoSpanOnBranch(site, cond, k == 0) {
						continue // the start failed on this branch: no span
					}
					next := t
					if k == 1 {
						next = e
					}
					if v := (visit{s, next}); !seen[v] {
						seen[v] = true
						walk(s, 0, next)
					}
				}
				return
			}
		}
		for _, s := range succs {
			if v := (visit{s, st}); !seen[v] {
				seen[v] = true
				walk(s, 0, st)
			}
		}
	}
	walk(start.b, start.i+1, entry)
}

// spanAliases returns the local variables that hold the span of v too,
// assigned from v itself or from another of them (var a any = span;
// s := a.(trace.Span)), a conversion (any(span)), or a struct literal (or
// its address) of a type that embeds the span (w := &wrapped{Span: span}),
// where w.RecordError(err) records on the span.
func (c *checker) spanAliases(fn ast.Node, body *ast.BlockStmt, v *types.Var) map[*types.Var]bool {
	if v == nil {
		return nil
	}
	info := c.pass.TypesInfo
	var out map[*types.Var]bool
	work := []*types.Var{v}
	for len(work) > 0 && len(out) < 16 {
		x := work[0]
		work = work[1:]
		for _, stack := range c.sp.Mentions(fn, body, x) {
			id := stack[len(stack)-1].(*ast.Ident)
			if info.Uses[id] != x {
				continue
			}
			w := aliasTarget(info, stack)
			if w == nil || w == v || out[w] || !spans.Within(w.Pos(), fn) {
				continue
			}
			if out == nil {
				out = map[*types.Var]bool{}
			}
			out[w] = true
			work = append(work, w)
		}
	}
	return out
}

// aliasTarget returns the local variable that the value at the top of
// stack, a mention of a span variable, is assigned to whole: through
// parentheses, a conversion, a type assertion, a struct literal of a type
// that embeds the span, or its address. It returns nil for any other use.
func aliasTarget(info *types.Info, stack []ast.Node) *types.Var {
	var child ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		var target ast.Expr
		switch p := stack[i].(type) {
		case *ast.ParenExpr, *ast.KeyValueExpr:
		case *ast.TypeAssertExpr:
			if p.X != child {
				return nil
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[p.Fun]; !ok || !tv.IsType() {
				return nil // an argument: not an alias
			}
		case *ast.CompositeLit:
			if !otelapi.IsSpanType(info.TypeOf(p)) {
				return nil // a value that does not embed the span
			}
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return nil
			}
		case *ast.AssignStmt:
			if len(p.Lhs) == len(p.Rhs) {
				for j, r := range p.Rhs {
					if r == child {
						target = p.Lhs[j]
					}
				}
			}
		case *ast.ValueSpec:
			if len(p.Names) == len(p.Values) {
				for j, r := range p.Values {
					if r == child {
						target = p.Names[j]
					}
				}
			}
		default:
			return nil
		}
		switch stack[i].(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			id, ok := target.(*ast.Ident)
			if !ok || id.Name == "_" {
				return nil
			}
			w, _ := info.ObjectOf(id).(*types.Var)
			return w
		}
		child = stack[i]
	}
	return nil
}

// apply updates st with what node n does, and reports whether n ends the
// span held by v.
func (c *checker) apply(f *fn, v *types.Var, n ast.Node, st *state) (ended bool) {
	info := c.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if ta, ok := e.(*ast.TypeAssertExpr); ok {
			e = ast.Unparen(ta.X) // a.(trace.Span), the span kept as any
		}
		id, ok := e.(*ast.Ident)
		if !ok || v == nil {
			return false
		}
		// The span's variable, a variable that holds it too, or the
		// context Start returned, which carries the span to helpers
		// that mark or end it through trace.SpanFromContext (their
		// facts list the context parameter).
		u, _ := info.Uses[id].(*types.Var)
		return u != nil && (u == v || c.aliases[u] || u == c.spanCtx)
	}
	deferred := false
	if d, ok := n.(*ast.DeferStmt); ok {
		deferred = true
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
			var inner state
			vc := &varClass{x: c.exp, body: lit.Body, memo: map[*types.Var]bool{}}
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				if call, ok := m.(*ast.CallExpr); ok && !c.recordsExpected(call, isV, vc) {
					c.callEffect(call, isV, &inner)
				}
				return true
			})
			if (inner.rec || !c.opts.requireRecord) && (inner.status || !c.opts.requireStatus) && (inner.rec || inner.status) {
				c.cover(f, d, c.closureRecords(f, lit, isV), st)
			} else if inner.rec && !inner.status && c.opts.requireStatus {
				st.deferRec = true
			}
			return false
		}
		var inner state
		c.callEffect(d.Call, isV, &inner)
		if inner.rec && inner.status {
			c.cover(f, d, c.helperRecords(f, d.Call, isV, st), st)
		}
		return false
	}
	_, isReturn := n.(*ast.ReturnStmt)
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if recv, ok := c.sp.EndCall(m); ok && isV(recv) && !deferred {
				ended = true
			}
			for ai, a := range m.Args {
				if isV(a) && c.sp.ArgEffect(m, ai) == spans.ArgEnded && !deferred {
					ended = true
				}
			}
			c.callEffect(m, isV, st)
			if !isReturn && returnsError(info, m) {
				st.after = false // a new failure may have happened since
			}
		}
		return true
	})
	c.varEffect(f, n, st)
	return ended
}

// recordsExpected reports whether call is span.RecordError(e) on the span
// with an expected error e (defer func() { if err := ctx.Err(); err != nil
// { span.RecordError(err) } }()): it notes a cancellation on the span, and
// says nothing about the errors the function returns. Not in strict mode.
func (c *checker) recordsExpected(call *ast.CallExpr, isV func(ast.Expr) bool, vc *varClass) bool {
	recv, name, ok := c.sp.SpanMethod(call)
	if !ok || name != "RecordError" || !isV(recv) || len(call.Args) == 0 || c.opts.strict {
		return false
	}
	return c.exp.expected(call.Args[0], vc.expected, false) && !isNil(c.pass.TypesInfo, call.Args[0])
}

// startContext returns the local context variable that a Start binds
// beside its span (ctx, span := tracer.Start(ctx, ...)), or nil.
func startContext(info *types.Info, site spans.Site) *types.Var {
	as, ok := site.Stmt.(*ast.AssignStmt)
	if !ok || len(as.Lhs) < 2 || len(as.Rhs) != 1 || site.Start.Result == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || !otelapi.IsContextType(v.Type()) {
		return nil
	}
	return v
}

// returnsError reports whether call has an error among its results.
func returnsError(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call]
	if !ok || tv.Type == nil {
		return false
	}
	if tup, ok := tv.Type.(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			if otelapi.IsErrorType(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return otelapi.IsErrorType(tv.Type)
}

// varEffect updates what st knows about the error variables that node n
// assigns or declares.
func (c *checker) varEffect(f *fn, n ast.Node, st *state) {
	info := c.pass.TypesInfo
	type change struct {
		m                uint64
		isNil, exp, sexp bool
	}
	var changes []change
	// classify decides what the variable id holds after it is given rhs
	// (nil rhs: its zero value; multi: result i of n of one call), from
	// the state before the statement: err = fmt.Errorf("...: %w", err)
	// reads the old err.
	classify := func(id *ast.Ident, rhs ast.Expr, multi bool, i, of int) {
		bit, ok := f.errVars[varOf(info, id)]
		if !ok {
			return
		}
		ch := change{m: uint64(1) << bit}
		switch {
		case f.unstable&ch.m != 0:
		case rhs == nil: // var err error
			ch.isNil = true
		case multi:
			// x, err := lookup(ctx): the last result of a function
			// whose errors are all expected.
			// One named in -spanerror.expected is, strict or not.
			if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && i == of-1 {
				fn, isFn := typeutil.Callee(info, call).(*types.Func)
				switch {
				case isFn && c.exp.configured(fn.Origin()):
					ch.exp, ch.sexp = true, true
				case c.opts.strict:
				case isFn && c.exp.hasFact(fn.Origin()) || !isFn && c.exp.closureExpected(call):
					ch.exp = true
				}
			}
		case isNil(info, rhs):
			ch.isNil = true
		default:
			ch.exp = c.exp.expected(rhs, c.knownIn(f, st, false), c.opts.strict)
			ch.sexp = c.exp.expected(rhs, c.knownIn(f, st, true), true)
		}
		changes = append(changes, ch)
	}
	if id, ok := n.(*ast.Ident); ok && f.rangeKeys[id] != nil {
		// for err := range errc: expected when every send to errc is.
		if bit, ok := f.errVars[varOf(info, id)]; ok {
			ch := change{m: uint64(1) << bit}
			if f.unstable&ch.m == 0 && !c.opts.strict {
				ch.exp = c.exp.rangesExpected(f.rangeKeys[id], varOf(info, id))
			}
			changes = append(changes, ch)
		}
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			// for _, err := range errs: unknown; the body is not this node.
			for _, e := range []ast.Expr{m.Key, m.Value} {
				if id, ok := e.(*ast.Ident); ok {
					classify(id, id, true, 0, 2)
				}
			}
			return false
		case *ast.AssignStmt:
			for i, l := range m.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				switch {
				case m.Tok != token.ASSIGN && m.Tok != token.DEFINE:
					classify(id, id, true, 0, 2) // err += ...: unknown
				case len(m.Lhs) == len(m.Rhs):
					classify(id, m.Rhs[i], false, i, len(m.Lhs))
				default:
					classify(id, m.Rhs[0], true, i, len(m.Lhs))
				}
			}
		case *ast.ValueSpec:
			for i, id := range m.Names {
				switch {
				case len(m.Values) == 0:
					classify(id, nil, false, i, len(m.Names))
				case len(m.Values) == len(m.Names):
					classify(id, m.Values[i], false, i, len(m.Names))
				default:
					classify(id, m.Values[0], true, i, len(m.Names))
				}
			}
		}
		return true
	})
	for _, ch := range changes {
		st.setVars |= ch.m
		if ch.isNil {
			st.setVars &^= ch.m
		}
		st.nilVars &^= ch.m
		st.expVars &^= ch.m
		st.sexpVars &^= ch.m
		if ch.isNil {
			st.nilVars |= ch.m
		}
		if ch.exp {
			st.expVars |= ch.m
		}
		if ch.sexp {
			st.sexpVars |= ch.m
		}
	}
}

func varOf(info *types.Info, id *ast.Ident) *types.Var {
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// knownIn returns what st says about local error variables: nil or
// expected (in strict mode: expected by the sentinel table).
func (c *checker) knownIn(f *fn, st *state, strict bool) known {
	exp := st.expVars
	if strict {
		exp = st.sexpVars
	}
	nilVars := st.nilVars
	return func(v *types.Var) bool {
		b, ok := f.errVars[v]
		return ok && (nilVars|exp)&(1<<b) != 0
	}
}

// unstable returns the error variables of f that a function literal in
// body assigns (a deferred one runs only at exit: it does not count), or
// whose address is taken outside a defer statement.
func (c *checker) unstable(f *fn, body *ast.BlockStmt) uint64 {
	info := c.pass.TypesInfo
	var bits uint64
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if b, ok := f.errVars[varOf(info, id)]; ok {
				bits |= 1 << b
			}
		}
	}
	var lits []*ast.FuncLit
	var visit func(n ast.Node, inDefer bool)
	visit = func(n ast.Node, inDefer bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.DeferStmt:
				if m != n {
					visit(m, true)
					return false
				}
			case *ast.FuncLit:
				if !inDefer {
					lits = append(lits, m) // a deferred closure runs at exit only
				}
			case *ast.UnaryExpr:
				if m.Op == token.AND && !inDefer {
					mark(m.X)
				}
			}
			return true
		})
	}
	visit(body, false)
	for _, lit := range lits {
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if as, ok := m.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if v := varOf(info, id); v != nil && !within(v.Pos(), lit) {
							mark(id)
						}
					}
				}
			}
			return true
		})
	}
	return bits
}

// records describes which errors a deferred call records at exit.
type records struct {
	all  bool   // whatever the function returns (the named result)
	vars uint64 // only these local variables
	none bool   // nothing: the error it was given is nil
}

// cover sets what the deferred recorder d covers.
func (c *checker) cover(f *fn, d *ast.DeferStmt, r records, st *state) {
	switch {
	case r.none:
	case r.all || r.vars == 0:
		st.covered = true
	default:
		st.coverVars |= r.vars
		st.coverAt = d.Pos()
	}
}

// closureRecords returns the errors a deferred closure records: the
// error variables of the function named in its recording calls. A
// return assigns the named result before deferred calls run, so a
// closure that records the named result sees every returned error; one
// that records another variable sees only that variable. A closure that
// records no variable of the function (a recovered panic, a field) is
// taken to cover every path.
func (c *checker) closureRecords(f *fn, lit *ast.FuncLit, isV func(ast.Expr) bool) records {
	info := c.pass.TypesInfo
	var r records
	ast.Inspect(lit.Body, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return true
		}
		var inner state
		c.callEffect(call, isV, &inner)
		if !inner.rec && !inner.status {
			return true
		}
		for _, a := range call.Args {
			ast.Inspect(a, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				v := varOf(info, id)
				b, ok := f.errVars[v]
				if !ok || within(v.Pos(), lit) {
					return true
				}
				if v == f.named {
					r.all = true
				}
				r.vars |= 1 << b
				return true
			})
		}
		return true
	})
	return r
}

// helperRecords returns the errors that a deferred recording helper,
// defer otelx.End(span, &err), records. Its arguments are evaluated at
// the defer: given &err it reads err at exit, which is every returned
// error when err is the named result (the return assigns it before
// deferred calls run) and only err itself otherwise; given err, it
// records err's value at the defer, nothing when err is known nil there.
func (c *checker) helperRecords(f *fn, call *ast.CallExpr, isV func(ast.Expr) bool, st *state) records {
	info := c.pass.TypesInfo
	var r records
	seen := false
	for _, a := range call.Args {
		if isV(a) {
			continue
		}
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			id, ok := ast.Unparen(u.X).(*ast.Ident)
			if !ok {
				continue // &s.err, &res: not an error variable
			}
			v := varOf(info, id)
			b, ok := f.errVars[v]
			switch {
			case v == f.named:
				r.all = true
			case ok:
				r.vars |= 1 << b
			default:
				continue
			}
			seen = true
			continue
		}
		if !isErrorValue(info, a) {
			continue
		}
		seen = true
		id, ok := a.(*ast.Ident)
		if b, tracked := f.errVars[varOf(info, id)]; ok && tracked && st.nilVars&(1<<b) != 0 {
			continue // records nil
		}
		r.all = true
	}
	if !seen {
		return records{all: true} // the helper finds the error some other way
	}
	if !r.all && r.vars == 0 {
		r.none = true
	}
	return r
}

// callEffect records what a call does to the span: RecordError,
// SetStatus, or a helper that does both. A status code that is not a
// constant (a helper mapping an HTTP or gRPC status to codes.Code) is the
// author's decision: it counts as setting the status.
func (c *checker) callEffect(call *ast.CallExpr, isV func(ast.Expr) bool, st *state) {
	if recv, name, ok := c.sp.SpanMethod(call); ok && isV(recv) {
		switch name {
		case "RecordError":
			st.rec = true
		case "SetStatus":
			code, known := c.sp.StatusCode(call)
			switch {
			case !known:
				st.status = true
			case code == otelapi.CodeError:
				st.status = true
			case code == otelapi.CodeOk:
				st.ok = true
			}
		}
	}
	for ai, a := range call.Args {
		if isV(a) && c.sp.ArgRecords(call, ai) {
			st.rec, st.status = true, true
		}
	}
}

// facts is what a branch learns about error variables.
// nonNil holds the variables known not nil (the true branch of err !=
// nil), which a deferred recorder given their address then records.
// miss says a lookup did not find its key (the false branch of ok after
// v, ok := m[k]): what the code returns next reports a not-found.
type facts struct {
	nilVars, expVars, sexpVars, nonNil uint64
	miss                               bool
}

func (a facts) and(b facts) facts {
	return facts{a.nilVars | b.nilVars, a.expVars | b.expVars, a.sexpVars | b.sexpVars, a.nonNil | b.nonNil, a.miss || b.miss}
}
func (a facts) or(b facts) facts {
	return facts{a.nilVars & b.nilVars, a.expVars & b.expVars, a.sexpVars & b.sexpVars, a.nonNil & b.nonNil, a.miss && b.miss}
}

// isLookup reports whether e, the right side of v, ok := e, looks a key
// up: a map index, or the Load of a sync.Map.
func isLookup(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		_, ok := info.TypeOf(e.X).Underlying().(*types.Map)
		return ok
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		return ok && fn.FullName() == "(*sync.Map).Load"
	}
	return false
}

// refine sets what the true (t) and false (e) branches of cond know about
// error variables.
func (c *checker) refine(f *fn, cond ast.Expr, t, e *state) {
	tf, ef := c.learn(f, cond)
	for _, x := range []struct {
		st *state
		fs facts
	}{{t, tf}, {e, ef}} {
		fs := x.fs
		fs.nilVars &^= f.unstable
		fs.expVars &^= f.unstable
		fs.sexpVars &^= f.unstable
		if (fs.expVars&^x.st.expVars != 0 || fs.nonNil&x.st.expVars&^f.unstable != 0) && !c.opts.strict {
			// An expected error was just recognised (errors.Is(err,
			// sql.ErrNoRows)), or one known expected was found set
			// (err != nil after err := getRelation(...)).
			x.st.after = true
		}
		if fs.miss && !c.opts.strict {
			x.st.after = true // if !ok { return nil, errors.New("no such user") }
		}
		x.st.nilVars |= fs.nilVars
		x.st.expVars |= fs.expVars
		x.st.sexpVars |= fs.sexpVars
		x.st.setVars |= fs.nonNil &^ f.unstable
	}
}

// learn returns what cond being true, and being false, says about error
// variables: err == nil, err != nil, err == io.EOF, errors.Is(err,
// io.EOF), status.Code(err) == codes.NotFound, and their combinations
// with !, && and ||.
func (c *checker) learn(f *fn, cond ast.Expr) (onTrue, onFalse facts) {
	info := c.pass.TypesInfo
	if tag, ok := f.caseTags[cond]; ok {
		cond = &ast.BinaryExpr{X: tag, Op: token.EQL, Y: cond} // case io.EOF: of switch err
	}
	cond = ast.Unparen(cond)
	bitOf := func(x ast.Expr) (uint, bool) {
		id, ok := ast.Unparen(x).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		b, ok := f.errVars[v]
		return b, ok
	}
	sentinel := func(b uint, x ast.Expr) (eq facts) {
		if c.exp.expected(x, nil, c.opts.strict) {
			eq.expVars = 1 << b
		}
		if c.exp.expected(x, nil, true) {
			eq.sexpVars = 1 << b
		}
		return eq
	}
	switch x := cond.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && f.lookups[v] {
			return facts{}, facts{miss: true}
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, e := c.learn(f, x.X)
			return e, t
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			at, af := c.learn(f, x.X)
			bt, bf := c.learn(f, x.Y)
			return at.and(bt), af.or(bf)
		case token.LOR:
			at, af := c.learn(f, x.X)
			bt, bf := c.learn(f, x.Y)
			return at.or(bt), af.and(bf)
		case token.EQL, token.NEQ:
			if v, ok := c.exp.codeTest(&ast.BinaryExpr{X: x.X, Op: token.EQL, Y: x.Y}); ok && !c.opts.strict {
				if b, ok := f.errVars[v]; ok {
					eq := facts{expVars: 1 << b}
					if x.Op == token.EQL {
						return eq, facts{}
					}
					return facts{}, eq
				}
			}
			l, r := x.X, x.Y
			if _, ok := bitOf(l); !ok {
				l, r = r, l
			}
			b, ok := bitOf(l)
			if !ok {
				return
			}
			var eq facts
			if isNil(info, r) {
				eq.nilVars = 1 << b
				if x.Op == token.EQL {
					return eq, facts{nonNil: 1 << b}
				}
				return facts{nonNil: 1 << b}, eq
			}
			eq = sentinel(b, r)
			if x.Op == token.EQL {
				return eq, facts{}
			}
			return facts{}, eq
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok || fn.FullName() != "errors.Is" || len(x.Args) != 2 {
			return
		}
		if b, ok := bitOf(x.Args[0]); ok && !isNil(info, x.Args[1]) {
			return sentinel(b, x.Args[1]), facts{}
		}
	}
	return
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// entryStates returns what the paths from the function's entry know about
// error variables at the start of each block: if err != nil { return err }
// leaves err nil after it. It is a forward must-analysis over the CFG: a
// fact holds at a block when it holds on every edge into it. It does not
// depend on the span, so one run serves all the function's spans; it
// returns an empty map when the function is too big to finish.
func (c *checker) entryStates(f *fn, g *cfg.CFG) map[*cfg.Block]*state {
	if len(g.Blocks) == 0 {
		return map[*cfg.Block]*state{}
	}
	var init state
	for i := 0; i < f.sig.Results().Len(); i++ {
		if r := f.sig.Results().At(i); r.Name() != "" {
			if b, ok := f.errVars[r]; ok && f.unstable&(1<<b) == 0 {
				init.nilVars |= 1 << b // named results start nil
			}
		}
	}
	in := map[*cfg.Block]*state{g.Blocks[0]: &init}
	work := []*cfg.Block{g.Blocks[0]}
	queued := map[*cfg.Block]bool{g.Blocks[0]: true}
	budget := 20000
	for len(work) > 0 && budget > 0 {
		budget--
		b := work[0]
		work = work[1:]
		queued[b] = false
		st := *in[b]
		for _, n := range b.Nodes {
			c.varEffect(f, n, &st)
		}
		outs := []state{st, st}
		if len(b.Nodes) > 0 && len(b.Succs) == 2 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				c.refine(f, cond, &outs[0], &outs[1])
			}
		}
		for k, s := range b.Succs {
			out := outs[min(k, 1)]
			old, ok := in[s]
			if ok {
				m := state{nilVars: old.nilVars & out.nilVars, expVars: old.expVars & out.expVars, sexpVars: old.sexpVars & out.sexpVars}
				if m == *old {
					continue
				}
				out = m
			} else {
				out = state{nilVars: out.nilVars, expVars: out.expVars, sexpVars: out.sexpVars}
			}
			in[s] = &out
			if !queued[s] {
				queued[s] = true
				work = append(work, s)
			}
		}
	}
	if budget <= 0 {
		return map[*cfg.Block]*state{}
	}
	return in
}

// entryState returns what the paths from the function's entry know about
// error variables right after the start statement at start, from the
// states at the start of each block.
func (c *checker) entryState(f *fn, in map[*cfg.Block]*state, start nodeAt) state {
	st, ok := in[start.b]
	if !ok {
		return state{}
	}
	res := *st
	for i := 0; i <= start.i && i < len(start.b.Nodes); i++ {
		c.varEffect(f, start.b.Nodes[i], &res)
	}
	return state{nilVars: res.nilVars, expVars: res.expVars, sexpVars: res.sexpVars}
}

// checkReturn reports a return that leaves the span with an unrecorded
// error. It reports whether it reported.
func (c *checker) checkReturn(f *fn, site spans.Site, ret *ast.ReturnStmt, st state, body *ast.BlockStmt) bool {
	for _, d := range f.dead {
		if within(ret.Pos(), d) {
			return false // the default of a type switch that names every case
		}
	}
	// Nil, or a sentinel of the table tested with == or errors.Is: never
	// a failure, as before expected errors were told apart.
	if !c.mayFail(f, site.Var, ret, st, true) {
		return false
	}
	// An expected error (not found, a cancelled context...) is an outcome,
	// unless -spanerror.strict.
	fails := (c.opts.strict || c.mayFail(f, site.Var, ret, st, false)) && !f.outcomes
	name := c.describe(site)
	related := []analysis.RelatedInformation{{Pos: site.Start.Call.Pos(), Message: "the span starts here"}}
	d := analysis.Diagnostic{Pos: ret.Pos(), End: ret.End(), Related: related}
	switch {
	case st.ok && fails:
		d.Message = fmt.Sprintf("span %s is set to codes.Ok on a path that returns an error (the trace shows the failure as a success)", name)
	case st.covered || st.coverVars != 0 && (c.mentions(f, ret, st.coverVars) || st.coverVars&st.setVars&^st.nilVars != 0):
		// The deferred recorder sees this error, or a variable it reads
		// was given a failure on the way (retErr = err; return err).
		return false
	case c.opts.requireStatus && st.rec && !st.status:
		// The author recorded the error: expected or not, the status
		// must say so.
		d.Message = fmt.Sprintf("span %s records the error but its status is not set to codes.Error (RecordError alone leaves the status Unset: the backend shows the span as OK)", name)
		if fix, ok := c.statusFix(site.Var, body); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	case c.opts.requireStatus && st.deferRec && !st.status:
		d.Message = fmt.Sprintf("span %s records the error but never sets codes.Error (RecordError alone leaves the status Unset: the backend shows the span as OK)", name)
	case c.opts.requireRecord && st.status && !st.rec:
		// Likewise: the Error status says the author treats it as a
		// failure.
		d.Message = fmt.Sprintf("span %s is set to codes.Error but the error is not recorded with RecordError (no exception event on the span)", name)
	case !fails:
		return false
	case !st.rec && !st.status && !st.deferRec && st.coverVars != 0:
		v, at := c.coverVar(f, st)
		d.Message = fmt.Sprintf("span %s is live and the error returned here is not %s, the one the deferred call at line %d records (this failure is never recorded: the trace shows the operation as OK)", name, v, at)
	case !st.rec && !st.status && !st.deferRec:
		d.Message = fmt.Sprintf("error returned while span %s is live, without RecordError and SetStatus(codes.Error, ...) (the trace shows the failed operation as OK)", name)
	default:
		return false
	}
	c.pass.Report(d)
	return true
}

// mentions reports whether ret returns an error that mentions one of the
// variables in bits (return err, return fmt.Errorf("...: %w", err)).
func (c *checker) mentions(f *fn, ret *ast.ReturnStmt, bits uint64) bool {
	info := c.pass.TypesInfo
	if len(ret.Results) == 0 {
		b, ok := f.errVars[f.named]
		return ok && bits&(1<<b) != 0
	}
	found := false
	ast.Inspect(ret.Results[len(ret.Results)-1], func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if b, ok := f.errVars[varOf(info, id)]; ok && bits&(1<<b) != 0 {
				found = true
			}
		}
		return !found
	})
	return found
}

// coverVar names a variable the deferred recorder covers, and the line of
// the defer.
func (c *checker) coverVar(f *fn, st state) (string, int) {
	name := "the variable"
	for b, v := range f.byBit {
		if st.coverVars&(1<<b) != 0 {
			name = fmt.Sprintf("%s (declared at line %d)", v.Name(), c.pass.Fset.Position(v.Pos()).Line)
			break
		}
	}
	return name, c.pass.Fset.Position(st.coverAt).Line
}

// mayFail reports whether ret may return a non-nil error that is not
// expected; strict counts only nil and the sentinel table as not failing.
func (c *checker) mayFail(f *fn, v *types.Var, ret *ast.ReturnStmt, st state, strict bool) bool {
	info := c.pass.TypesInfo
	n := f.sig.Results().Len()
	k := c.knownIn(f, &st, strict)
	var e ast.Expr
	switch {
	case len(ret.Results) == 0:
		if f.named == nil {
			return false
		}
		return !k(f.named)
	case len(ret.Results) == 1 && n > 1:
		e = ret.Results[0] // return f(...) with several results
	case len(ret.Results) == n:
		e = ret.Results[n-1]
	default:
		return false
	}
	e = ast.Unparen(e)
	if c.exp.expected(e, k, strict) {
		return false
	}
	if !strict && st.after && c.exp.translation(e, k) {
		return false // if errors.Is(err, sql.ErrNoRows) { return ErrNotFound }
	}
	if call, ok := e.(*ast.CallExpr); ok {
		// return telemetry.Fail(span, err): the helper records it.
		for ai, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == v && c.sp.ArgRecords(call, ai) {
				return false
			}
		}
	}
	return true
}

// describe names the span: its constant name, or where it starts (span
// started by tracer.Start at line 12).
func (c *checker) describe(site spans.Site) string {
	if name, ok := site.Start.ConstName(c.pass.TypesInfo); ok {
		return strconv.Quote(name)
	}
	call := site.Start.Call
	by, ok := c.source(call.Fun)
	if !ok {
		by = "a call"
		if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
			by = sel.Sel.Name
		}
	}
	return fmt.Sprintf("started by %s at line %d", by, c.pass.Fset.Position(call.Pos()).Line)
}

// statusFix adds span.SetStatus(codes.Error, err.Error()) after the one
// span.RecordError(err) statement of the function, when there is exactly
// one and no SetStatus call on the span at all.
func (c *checker) statusFix(v *types.Var, body *ast.BlockStmt) (analysis.SuggestedFix, bool) {
	info := c.pass.TypesInfo
	var recs []*ast.ExprStmt
	hasStatus := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if es, ok := n.(*ast.ExprStmt); ok {
			if call, ok := es.X.(*ast.CallExpr); ok {
				if recv, name, ok := c.sp.SpanMethod(call); ok {
					if id, ok := ast.Unparen(recv).(*ast.Ident); ok && info.Uses[id] == v {
						switch name {
						case "RecordError":
							recs = append(recs, es)
						case "SetStatus":
							hasStatus = true
						}
					}
				}
			}
		}
		return true
	})
	if len(recs) != 1 || hasStatus || c.fixed[recs[0]] {
		return analysis.SuggestedFix{}, false
	}
	rec := recs[0]
	call := rec.X.(*ast.CallExpr)
	if len(call.Args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	errText, ok := c.source(call.Args[0])
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	codesName, importEdit, ok := c.codesImport(rec.End())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	tf := c.pass.Fset.File(rec.Pos())
	line := tf.Line(rec.End())
	if line >= tf.LineCount() {
		return analysis.SuggestedFix{}, false
	}
	at := tf.LineStart(line + 1)
	indent := strings.Repeat("\t", max(c.pass.Fset.Position(rec.Pos()).Column-1, 0))
	text := fmt.Sprintf("%s%s.SetStatus(%s.Error, %s.Error())\n", indent, v.Name(), codesName, errText)
	edits := []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	c.fixed[rec] = true
	return analysis.SuggestedFix{Message: "Add " + v.Name() + ".SetStatus(codes.Error, ...)", TextEdits: edits}, true
}

// source returns the source text of a simple expression (an identifier or
// a selector chain), which the fix can repeat safely.
func (c *checker) source(e ast.Expr) (string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name, true
	case *ast.SelectorExpr:
		s, ok := c.source(x.X)
		return s + "." + x.Sel.Name, ok
	}
	return "", false
}

// codesImport returns the name under which the file imports the codes
// package, or a name and an edit that imports it, for code at pos. The
// file's import name is used when it is not shadowed at pos (codes :=
// []int{1}); otherwise the package is imported as codes, or as otelcodes
// when codes is taken, and with neither name free there is no fix.
func (c *checker) codesImport(pos token.Pos) (string, *analysis.TextEdit, bool) {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", nil, false
	}
	// free reports whether name is declared nowhere the inserted code or
	// a new import would clash with it.
	free := func(name string) bool {
		if c.pass.Pkg.Scope().Lookup(name) != nil {
			return false
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			return false
		}
		for _, imp := range c.file.Imports {
			if imp.Name != nil && imp.Name.Name == name {
				return false
			}
		}
		return true
	}
	for _, imp := range c.file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == otelapi.CodesPkg {
			name := "codes"
			if imp.Name != nil {
				name = imp.Name.Name
			}
			if name == "_" || name == "." {
				continue
			}
			if _, obj := scope.LookupParent(name, pos); obj != nil {
				if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == otelapi.CodesPkg {
					return name, nil, true
				}
			}
		}
	}
	name := ""
	switch {
	case free("codes") && !c.importsOtherCodes():
		name = "codes"
	case free("otelcodes"):
		name = "otelcodes"
	default:
		return "", nil, false
	}
	spec := strconv.Quote(otelapi.CodesPkg)
	if name != "codes" {
		spec = name + " " + spec
	}
	for _, d := range c.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return name, &analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + spec + "\n")}, true
		}
		return name, &analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + spec)}, true
	}
	return "", nil, false
}

// importsOtherCodes reports whether the file imports another package
// whose path ends in /codes, e.g. gRPC's: codes.Error next to it would
// read as that package's.
func (c *checker) importsOtherCodes() bool {
	for _, imp := range c.file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path != otelapi.CodesPkg && strings.HasSuffix(path, "/codes") {
			return true
		}
	}
	return false
}
