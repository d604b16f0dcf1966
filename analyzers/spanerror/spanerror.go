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
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/docutil"
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
}

// New returns a fresh spanerror analyzer that requires the helper h, binds
// its -recorders flag to h's options and its other flags to options of its
// own.
func New(h *spans.Helper) *analysis.Analyzer {
	opts := &options{}
	a := &analysis.Analyzer{
		Name:     "spanerror",
		Doc:      docutil.MustExtract(doc, "spanerror"),
		URL:      "https://github.com/otellint/otellint/blob/main/docs/rules/spanerror.md",
		Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer, h.Analyzer},
		Run:      safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h, opts) }),
	}
	a.Flags.Var(&opts.expected, "expected", "more sentinel errors that are not failures, by full name (comma-separated)")
	a.Flags.Var(&h.Options.Recorders, "recorders", "functions that record an error on the first span they are passed, by full name (comma-separated)")
	a.Flags.BoolVar(&opts.requireStatus, "status", true, "require SetStatus(codes.Error, ...) on failing paths")
	a.Flags.BoolVar(&opts.requireRecord, "record", false, "also require RecordError when the status is set to codes.Error")
	a.Flags.Var(&opts.generated, "generated", spans.GeneratedUsage)
	return a
}

func run(pass *analysis.Pass, h *spans.Helper, opts *options) (any, error) {
	sp := h.Result(pass)
	if !sp.Relevant() {
		return nil, nil
	}
	pass, done := suppress.Filter(pass)
	defer done()
	pass = spans.Note(pass)
	c := &checker{pass: pass, sp: sp, opts: opts, cfgs: pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs), fixed: map[ast.Node]bool{}}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
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
	cfgs  *ctrlflow.CFGs
	file  *ast.File
	fixed map[ast.Node]bool // RecordError statements that already carry a fix
}

// fn is the function being checked.
type fn struct {
	sig     *types.Signature
	errVars map[*types.Var]uint // error variables, by bit
	named   *types.Var          // the named error result, if any
}

// state is what a path knows when it reaches a node.
type state struct {
	rec, status, ok bool   // RecordError, SetStatus(Error), SetStatus(Ok) on the span
	covered         bool   // a deferred closure or helper records a failure at exit
	nilVars         uint64 // error variables known to be nil
	expVars         uint64 // error variables known to hold an expected sentinel
}

func (c *checker) checkFunc(node ast.Node, body *ast.BlockStmt) {
	safe.At(c.pass, node.Pos())
	info := c.pass.TypesInfo
	var t *types.Signature
	switch fn := node.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			t = obj.Signature()
		}
	case *ast.FuncLit:
		t, _ = info.TypeOf(fn).(*types.Signature)
	}
	if t == nil || t.Results().Len() == 0 || !otelapi.IsErrorType(t.Results().At(t.Results().Len()-1).Type()) {
		return // returns no error
	}
	var owned []spans.Site
	for _, s := range c.sp.Sites(node, body) {
		if s.Kind == spans.Owned {
			owned = append(owned, s)
		}
	}
	if len(owned) == 0 {
		return
	}
	f := &fn{sig: t, errVars: map[*types.Var]uint{}}
	if v := t.Results().At(t.Results().Len() - 1); v.Name() != "" && v.Name() != "_" {
		f.named = v
	}
	addVar := func(v *types.Var) {
		if _, ok := f.errVars[v]; !ok && len(f.errVars) < 64 && otelapi.IsErrorType(v.Type()) {
			f.errVars[v] = uint(len(f.errVars))
		}
	}
	for i := 0; i < t.Params().Len(); i++ {
		addVar(t.Params().At(i))
	}
	for i := 0; i < t.Results().Len(); i++ {
		addVar(t.Results().At(i))
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Defs[id].(*types.Var); ok {
				addVar(v)
			}
		}
		return true
	})
	g := c.sp.CFG(body, c.cfgs)
	for _, s := range owned {
		c.checkSpan(f, s, body, g)
	}
}

type visit struct {
	b *cfg.Block
	s state
}

func (c *checker) checkSpan(f *fn, site spans.Site, body *ast.BlockStmt, g *cfg.CFG) {
	var startBlock *cfg.Block
	startIdx := -1
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == site.Stmt {
				startBlock, startIdx = b, i
			}
		}
	}
	if startBlock == nil || !startBlock.Live {
		return
	}
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
	walk(startBlock, startIdx+1, state{})
}

// apply updates st with what node n does, and reports whether n ends the
// span held by v.
func (c *checker) apply(f *fn, v *types.Var, n ast.Node, st *state) (ended bool) {
	info := c.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	deferred := false
	if d, ok := n.(*ast.DeferStmt); ok {
		deferred = true
		if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
			var inner state
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				if call, ok := m.(*ast.CallExpr); ok {
					c.callEffect(call, isV, &inner)
				}
				return true
			})
			if (inner.rec || !c.opts.requireRecord) && (inner.status || !c.opts.requireStatus) && (inner.rec || inner.status) {
				st.covered = true
			}
			return false
		}
		var inner state
		c.callEffect(d.Call, isV, &inner)
		if inner.rec && inner.status {
			st.covered = true
		}
		return false
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if recv, name, ok := c.sp.SpanMethod(m); ok && name == "End" && isV(recv) && !deferred {
				ended = true
			}
			for ai, a := range m.Args {
				if isV(a) && c.sp.ArgEffect(m, ai) == spans.ArgEnded && !deferred {
					ended = true
				}
			}
			c.callEffect(m, isV, st)
		case *ast.AssignStmt:
			for i, l := range m.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				ev, ok := info.ObjectOf(id).(*types.Var)
				if !ok {
					continue
				}
				bit, ok := f.errVars[ev]
				if !ok {
					continue
				}
				st.nilVars &^= 1 << bit
				st.expVars &^= 1 << bit
				if len(m.Lhs) == len(m.Rhs) && isNil(info, m.Rhs[i]) {
					st.nilVars |= 1 << bit
				}
			}
		}
		return true
	})
	return ended
}

// callEffect records what a call does to the span: RecordError,
// SetStatus, or a helper that does both.
func (c *checker) callEffect(call *ast.CallExpr, isV func(ast.Expr) bool, st *state) {
	if recv, name, ok := c.sp.SpanMethod(call); ok && isV(recv) {
		switch name {
		case "RecordError":
			st.rec = true
		case "SetStatus":
			switch code, _ := c.sp.StatusCode(call); code {
			case otelapi.CodeError:
				st.status = true
			case otelapi.CodeOk:
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
type facts struct{ nilVars, expVars uint64 }

func (a facts) and(b facts) facts { return facts{a.nilVars | b.nilVars, a.expVars | b.expVars} }
func (a facts) or(b facts) facts  { return facts{a.nilVars & b.nilVars, a.expVars & b.expVars} }

// refine sets what the true (t) and false (e) branches of cond know about
// error variables.
func (c *checker) refine(f *fn, cond ast.Expr, t, e *state) {
	tf, ef := c.learn(f, cond)
	t.nilVars |= tf.nilVars
	t.expVars |= tf.expVars
	e.nilVars |= ef.nilVars
	e.expVars |= ef.expVars
}

// learn returns what cond being true, and being false, says about error
// variables: err == nil, err != nil, err == io.EOF, errors.Is(err,
// io.EOF), and their combinations with !, && and ||.
func (c *checker) learn(f *fn, cond ast.Expr) (onTrue, onFalse facts) {
	info := c.pass.TypesInfo
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
	switch x := cond.(type) {
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
			l, r := x.X, x.Y
			if _, ok := bitOf(l); !ok {
				l, r = r, l
			}
			b, ok := bitOf(l)
			if !ok {
				return
			}
			var eq facts
			switch {
			case isNil(info, r):
				eq.nilVars = 1 << b
			case c.isExpected(r):
				eq.expVars = 1 << b
			}
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
		if b, ok := bitOf(x.Args[0]); ok && c.isExpected(x.Args[1]) {
			return facts{expVars: 1 << b}, facts{}
		}
	}
	return
}

func (c *checker) isExpected(e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	return otelapi.IsExpectedError(v, c.opts.expected)
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// checkReturn reports a return that leaves the span with an unrecorded
// error. It reports whether it reported.
func (c *checker) checkReturn(f *fn, site spans.Site, ret *ast.ReturnStmt, st state, body *ast.BlockStmt) bool {
	if !c.mayFail(f, site.Var, ret, st) {
		return false
	}
	name := c.describe(site)
	related := []analysis.RelatedInformation{{Pos: site.Start.Call.Pos(), Message: "the span starts here"}}
	d := analysis.Diagnostic{Pos: ret.Pos(), End: ret.End(), Related: related}
	switch {
	case st.ok:
		d.Message = fmt.Sprintf("span %s is set to codes.Ok on a path that returns an error (the trace shows the failure as a success)", name)
	case st.covered:
		return false
	case !st.rec && !st.status:
		d.Message = fmt.Sprintf("error returned while span %s is live, without RecordError and SetStatus(codes.Error, ...) (the trace shows the failed operation as OK)", name)
	case c.opts.requireStatus && st.rec && !st.status:
		d.Message = fmt.Sprintf("span %s records the error but its status is not set to codes.Error (RecordError alone leaves the status Unset: the backend shows the span as OK)", name)
		if fix, ok := c.statusFix(site.Var, body); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	case c.opts.requireRecord && st.status && !st.rec:
		d.Message = fmt.Sprintf("span %s is set to codes.Error but the error is not recorded with RecordError (no exception event on the span)", name)
	default:
		return false
	}
	c.pass.Report(d)
	return true
}

// mayFail reports whether ret may return a non-nil, unexpected error.
func (c *checker) mayFail(f *fn, v *types.Var, ret *ast.ReturnStmt, st state) bool {
	info := c.pass.TypesInfo
	n := f.sig.Results().Len()
	var e ast.Expr
	switch {
	case len(ret.Results) == 0:
		if f.named == nil {
			return false
		}
		b, ok := f.errVars[f.named]
		return !ok || (st.nilVars&(1<<b) == 0 && st.expVars&(1<<b) == 0)
	case len(ret.Results) == 1 && n > 1:
		e = ret.Results[0] // return f(...) with several results
	case len(ret.Results) == n:
		e = ret.Results[n-1]
	default:
		return false
	}
	e = ast.Unparen(e)
	if isNil(info, e) || c.isExpected(e) {
		return false
	}
	if id, ok := e.(*ast.Ident); ok {
		if ev, ok := info.Uses[id].(*types.Var); ok {
			if b, ok := f.errVars[ev]; ok {
				return st.nilVars&(1<<b) == 0 && st.expVars&(1<<b) == 0
			}
		}
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

func (c *checker) describe(site spans.Site) string {
	if name, ok := site.Start.ConstName(c.pass.TypesInfo); ok {
		return strconv.Quote(name)
	}
	return strconv.Quote(site.Var.Name())
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
	codesName, importEdit, ok := c.codesImport()
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
// package, or an edit that imports it.
func (c *checker) codesImport() (string, *analysis.TextEdit, bool) {
	for _, imp := range c.file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == otelapi.CodesPkg {
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					return "", nil, false
				}
				return imp.Name.Name, nil, true
			}
			return "codes", nil, true
		}
	}
	// The name must be free in the file scope.
	if c.pass.Pkg.Scope().Lookup("codes") != nil {
		return "", nil, false
	}
	for _, imp := range c.file.Imports {
		if imp.Name != nil && imp.Name.Name == "codes" {
			return "", nil, false
		}
		if path, _ := strconv.Unquote(imp.Path.Value); strings.HasSuffix(path, "/codes") {
			return "", nil, false // another codes package, e.g. gRPC's
		}
	}
	for _, d := range c.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return "codes", &analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t\"" + otelapi.CodesPkg + "\"\n")}, true
		}
		return "codes", &analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport \"" + otelapi.CodesPkg + "\"")}, true
	}
	return "", nil, false
}
