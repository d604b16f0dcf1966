package spans

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// SiteKind says what a function does with a span it starts.
type SiteKind int

const (
	// Owned: bound to a local variable of the function, which must end it
	// or hand it over.
	Owned SiteKind = iota
	// Dropped: assigned to _, and its context does not carry it away.
	Dropped
	// Discarded: the call is a statement of its own.
	Discarded
	// HandedOn: returned, passed on, stored in a field or a named result,
	// or carried away by its context: someone else ends it.
	HandedOn
	// CtxHandOff: bound to a local variable that the function never ends,
	// while the context that carries the span is returned, stored or sent
	// (the stats-handler and query-hook idiom: a later callback ends
	// trace.SpanFromContext(ctx)). The span is handed on at HandOffs and
	// owned by the function on the paths that do not reach one.
	CtxHandOff
)

// Site is a span start in a function body.
type Site struct {
	Kind  SiteKind
	Start Start
	Var   *types.Var // the local variable, for Owned
	Stmt  ast.Node   // the assignment, for Owned and Dropped
	// Path holds the nodes from the function body down to the call's
	// parent (loops, the enclosing statement...).
	Path []ast.Node
	// ErrVar, for Owned and CtxHandOff, is the variable bound to the
	// start's error result when a non-nil error means that no span was
	// started (see NoSpanOnBranch).
	ErrVar *types.Var
	// HandOffs, for CtxHandOff, are the positions where the context that
	// carries the span is returned, stored or sent.
	HandOffs []token.Pos
	// Released, for Owned and CtxHandOff, says whether the function ends
	// the span held by Var, defers its end or hands it on anywhere in its
	// body (closures included). When it does not, the span is never ended
	// at all: spanend reports it, and the other rules leave it alone.
	Released bool
	// errWrites are the other assignments of ErrVar in the body.
	errWrites []errWrite
}

// errWrite is an assignment of a start's error variable other than the
// start itself, and the loops around it.
type errWrite struct {
	pos   token.Pos
	loops []ast.Node
}

// Sites returns the span starts directly in the body of fn (a FuncDecl or
// FuncLit; nested function literals are their own functions), classified
// by what the function does with each span.
//
// The rules share the answer (it is computed once per function); callers
// must not modify it.
func (r *Result) Sites(fn ast.Node, body *ast.BlockStmt) []Site {
	return r.funcSites(fn, body).sites
}

// Mentions returns the mentions of v in the body of fn, closures
// included, in source order: each is the path from the body down to the
// identifier (a use, or the definition). v is the variable of one of the
// Sites of fn; other variables are looked up in a walk of the body.
//
// Callers must not modify the paths.
func (r *Result) Mentions(fn ast.Node, body *ast.BlockStmt, v *types.Var) [][]ast.Node {
	fs := r.funcSites(fn, body)
	if m, ok := fs.mentions[v]; ok {
		return m
	}
	return r.mentions(body, map[*types.Var]bool{v: true})[v]
}

// funcSites is what Sites and Mentions know about one function.
type funcSites struct {
	sites    []Site
	mentions map[*types.Var][][]ast.Node // of the variables the sites bind
}

func (r *Result) funcSites(fn ast.Node, body *ast.BlockStmt) *funcSites {
	// The rules of a package run concurrently on one Result.
	r.sitesMu.Lock()
	s, ok := r.sites[fn]
	r.sitesMu.Unlock()
	if ok {
		return s
	}
	s = r.sites1(fn, body)
	r.sitesMu.Lock()
	defer r.sitesMu.Unlock()
	if old, ok := r.sites[fn]; ok {
		return old // another rule computed it meanwhile: one answer for all
	}
	if r.sites == nil {
		r.sites = map[ast.Node]*funcSites{}
	}
	r.sites[fn] = s
	return s
}

// mentions returns the mentions of the variables in vars in body, closures
// included: for each, the paths from body down to its identifiers, in
// source order. One walk serves every question about those variables,
// where a walk per question would cost the body's size times the number
// of spans.
func (r *Result) mentions(body *ast.BlockStmt, vars map[*types.Var]bool) map[*types.Var][][]ast.Node {
	out := map[*types.Var][][]ast.Node{}
	if len(vars) == 0 {
		return out
	}
	info := r.pass.TypesInfo
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok && vars[v] {
				out[v] = append(out[v], slices.Clone(stack))
			}
		}
		return true
	})
	return out
}

// candidate is a span start found in a function body, before it is
// classified.
type candidate struct {
	st     Start
	path   []ast.Node // from the body down to the call's parent
	lhs    ast.Expr   // what the span is assigned to
	stmt   ast.Node   // the statement that assigns it, or nil
	v      *types.Var // the local variable lhs names, if any
	ctx    *types.Var // the variable the start's context is assigned to, if any
	errVar *types.Var // the variable the start's error is assigned to, if any
}

func (r *Result) sites1(fn ast.Node, body *ast.BlockStmt) *funcSites {
	info := r.pass.TypesInfo
	results := map[*types.Var]bool{}
	var ftype *ast.FuncType
	switch f := fn.(type) {
	case *ast.FuncDecl:
		ftype = f.Type
	case *ast.FuncLit:
		ftype = f.Type
	}
	if ftype != nil && ftype.Results != nil {
		for _, fld := range ftype.Results.List {
			for _, n := range fld.Names {
				if v, ok := info.Defs[n].(*types.Var); ok {
					results[v] = true
				}
			}
		}
	}
	identVar := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		return v
	}
	// The starts, and the variables the questions below are about.
	var cands []candidate
	vars := map[*types.Var]bool{}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false // a function of its own
		}
		stack = append(stack, n)
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		st, ok := r.StartCall(call)
		if !ok {
			return true
		}
		parent := stack[len(stack)-2]
		lhs, stmt := startTarget(parent, call, st)
		c := candidate{st: st, path: slices.Clip(append([]ast.Node(nil), stack[:len(stack)-1]...)), lhs: lhs, stmt: stmt}
		if stmt != nil {
			c.v = identVar(lhs)
			c.ctx = identVar(ctxTarget(stmt))
			c.errVar = identVar(errTarget(stmt, st))
			for _, v := range []*types.Var{c.v, c.ctx, c.errVar} {
				if v != nil {
					vars[v] = true
				}
			}
		}
		cands = append(cands, c)
		return true
	})
	fs := &funcSites{mentions: r.mentions(body, vars)}
	for _, c := range cands {
		site := Site{Kind: HandedOn, Start: c.st, Stmt: c.stmt, Path: c.path}
		switch {
		case c.stmt == nil:
			if _, ok := c.path[len(c.path)-1].(*ast.ExprStmt); ok {
				site.Kind = Discarded
			}
			// Otherwise the span flows into a return, an argument or a
			// composite: its new owner ends it.
		case isBlank(c.lhs):
			if flow := r.ctxFlow(fn, body, c, fs.mentions); !flow.away && len(flow.handOffs) == 0 {
				site.Kind = Dropped
			}
		default:
			if _, ok := ast.Unparen(c.lhs).(*ast.Ident); !ok {
				break // stored in a field, element or through a pointer
			}
			v := c.v
			if v == nil || results[v] || !Within(v.Pos(), fn) {
				break // a named result, or a variable of an enclosing function or package
			}
			// A function that ends the span itself owns it, whatever
			// it does with the context.
			if !r.endsVar(fs.mentions[v], v) {
				flow := r.ctxFlow(fn, body, c, fs.mentions)
				if flow.away {
					break // the context carrying the span has a new owner
				}
				if len(flow.handOffs) > 0 {
					site.Kind, site.Var, site.HandOffs = CtxHandOff, v, flow.handOffs
					r.bindErr(&site, c.errVar, fs.mentions[c.errVar])
					break
				}
			}
			site.Kind, site.Var = Owned, v
			r.bindErr(&site, c.errVar, fs.mentions[c.errVar])
		}
		if site.Var != nil {
			site.Released = r.released(fs.mentions[site.Var])
		}
		fs.sites = append(fs.sites, site)
	}
	return fs
}

// released reports whether one of the mentions of a span variable
// releases the span it holds (see Releases).
func (r *Result) released(mentions [][]ast.Node) bool {
	for _, stack := range mentions {
		if !IsAssigned(stack) && r.Releases(stack) {
			return true
		}
	}
	return false
}

// IsAssigned reports whether the identifier at the top of stack is being
// assigned (or declared).
func IsAssigned(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	id := stack[len(stack)-1]
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == id {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, n := range p.Names {
			if n == id {
				return true
			}
		}
	case *ast.RangeStmt:
		return p.Key == id || p.Value == id
	}
	return false
}

// ctxTarget returns the expression a start statement assigns the start's
// context to (ctx in ctx, span := tracer.Start(...)), or nil.
func ctxTarget(stmt ast.Node) ast.Expr {
	switch p := stmt.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 1 {
			return p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 1 {
			return p.Names[0]
		}
	}
	return nil
}

// errTarget returns the expression a start statement assigns the start's
// error result to, or nil.
func errTarget(stmt ast.Node, st Start) ast.Expr {
	if st.Err < 0 {
		return nil
	}
	switch p := stmt.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && st.Err < len(p.Lhs) {
			return p.Lhs[st.Err]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && st.Err < len(p.Names) {
			return p.Names[st.Err]
		}
	}
	return nil
}

// startTarget returns the expression the span of a start call is assigned
// to, and the statement that assigns it; a nil statement means the call is
// not assigned.
func startTarget(parent ast.Node, call *ast.CallExpr, st Start) (ast.Expr, ast.Node) {
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && ast.Unparen(p.Rhs[0]) == call {
			if len(p.Lhs) == 1 {
				return p.Lhs[0], p
			}
			if st.Result < len(p.Lhs) {
				return p.Lhs[st.Result], p
			}
			return nil, nil
		}
		for i, r := range p.Rhs {
			if ast.Unparen(r) == call && i < len(p.Lhs) {
				return p.Lhs[i], p
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && ast.Unparen(p.Values[0]) == call {
			if len(p.Names) == 1 {
				return p.Names[0], p
			}
			if st.Result < len(p.Names) {
				return p.Names[st.Result], p
			}
			return nil, nil
		}
		for i, r := range p.Values {
			if ast.Unparen(r) == call && i < len(p.Names) {
				return p.Names[i], p
			}
		}
	}
	return nil, nil
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// Within reports whether pos lies inside n.
func Within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

// ctxFlowResult is what a function does with the context a start returns.
type ctxFlowResult struct {
	// away: the context takes the span to someone who ends it on every
	// path: the function ends trace.SpanFromContext(ctx) or passes the
	// context to a function that does, or the start assigns the context
	// to a field or a variable of an enclosing function.
	away bool
	// handOffs: the positions after the start where the context is
	// returned, stored or sent (the stats-handler and query-hook idiom,
	// where a later callback ends trace.SpanFromContext(ctx)).
	handOffs []token.Pos
}

// ctxFlow reports where the context returned by the start c takes the
// span, from the mentions of the variables of the function's starts.
func (r *Result) ctxFlow(fn ast.Node, body *ast.BlockStmt, c candidate, mentions map[*types.Var][][]ast.Node) ctxFlowResult {
	var res ctxFlowResult
	ctxExpr := ctxTarget(c.stmt)
	if ctxExpr == nil || isBlank(ctxExpr) {
		return res
	}
	if _, ok := ast.Unparen(ctxExpr).(*ast.Ident); !ok {
		res.away = true // stored in a field or element
		return res
	}
	v := c.ctx
	if v == nil {
		return res
	}
	if !Within(v.Pos(), fn) {
		res.away = true // a variable of an enclosing function or the package
		return res
	}
	info := r.pass.TypesInfo
	for _, stack := range mentions[v] {
		use := stack[len(stack)-1].(*ast.Ident)
		if info.Uses[use] != v || use.Pos() < c.stmt.End() {
			continue // the definition, or a mention before the Start
		}
		for i := len(stack) - 2; i >= 0; i-- {
			switch p := stack[i].(type) {
			case *ast.ReturnStmt, *ast.CompositeLit, *ast.SendStmt:
				res.handOffs = append(res.handOffs, use.Pos())
			case *ast.AssignStmt:
				for _, l := range p.Lhs {
					if _, isID := ast.Unparen(l).(*ast.Ident); !isID {
						// stored in a field, element or through a pointer
						res.handOffs = append(res.handOffs, use.Pos())
						break
					}
				}
			case *ast.CallExpr:
				if r.EndsContextSpan(p, stack[i+1]) {
					res.away = true
				} else if r.IsBorrowCall(p) && r.borrowedSpanEnded(body, stack[:i+1]) {
					res.away = true // trace.SpanFromContext(ctx).End() here
				} else if derivesContext(info, p) {
					continue // context.WithValue(ctx, ...): follow the new context
				}
			default:
				continue
			}
			break
		}
		if res.away {
			return res
		}
	}
	return res
}

// endsVar reports whether the function ends the span held by v, given the
// mentions of v in its body (closures included): it calls v.End, hands on
// the method value v.End, or passes v to a function that ends it.
func (r *Result) endsVar(mentions [][]ast.Node, v *types.Var) bool {
	info := r.pass.TypesInfo
	for _, stack := range mentions {
		id := stack[len(stack)-1].(*ast.Ident)
		if info.Uses[id] != v {
			continue
		}
		// The mention's parent, through parentheses.
		i := len(stack) - 2
		var child ast.Node = id
		for i >= 0 {
			if p, ok := stack[i].(*ast.ParenExpr); ok {
				child = p
				i--
				continue
			}
			break
		}
		if i < 0 {
			continue
		}
		switch p := stack[i].(type) {
		case *ast.SelectorExpr:
			if p.X == child && p.Sel.Name == "End" {
				if sel := info.Selections[p]; sel != nil && sel.Kind() != types.FieldVal {
					return true
				}
			}
		case *ast.CallExpr:
			for ai, a := range p.Args {
				if a == child && r.ArgEffect(p, ai) == ArgEnded {
					return true
				}
			}
		}
	}
	return false
}

// bindErr sets site.ErrVar to errVar, the variable the start statement
// binds its error to, when the start returns no span with a non-nil error,
// and records the other assignments of that variable from its mentions.
func (r *Result) bindErr(site *Site, errVar *types.Var, mentions [][]ast.Node) {
	st := site.Start
	if st.Err < 0 || st.LiveOnErr || errVar == nil {
		return
	}
	site.ErrVar = errVar
	for _, stack := range mentions {
		if len(stack) < 2 || !writes(stack) {
			continue
		}
		id := stack[len(stack)-1]
		w := errWrite{pos: id.Pos()}
		for _, s := range stack {
			switch s.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				w.loops = append(w.loops, s)
			}
		}
		site.errWrites = append(site.errWrites, w)
	}
}

// writes reports whether the identifier at the top of stack may be
// written: assigned (or declared), a range variable, or its address taken
// outside a defer statement.
func writes(stack []ast.Node) bool {
	id := stack[len(stack)-1]
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == id {
				return true
			}
		}
	case *ast.RangeStmt:
		return p.Key == id || p.Value == id
	case *ast.UnaryExpr:
		if p.Op != token.AND {
			return false
		}
		for _, s := range stack {
			if _, ok := s.(*ast.DeferStmt); ok {
				return false // defer end(span, &err) reads it at exit
			}
		}
		return true
	}
	return false
}

// NoSpanOnBranch reports whether the span of site is known not to exist on
// one branch of cond, a branch condition after the start: the true branch
// if onTrue, else the false one. That is the case when the start returns no
// span with a non-nil error and cond says that its error, still the one
// the start returned, is non-nil (if err != nil { return err }).
func (r *Result) NoSpanOnBranch(site Site, cond ast.Expr, onTrue bool) bool {
	v := site.ErrVar
	if v == nil || site.Stmt == nil || cond == nil || cond.Pos() < site.Stmt.End() {
		return false
	}
	t, f := NonNil(r.pass.TypesInfo, cond, v)
	if onTrue && !t || !onTrue && !f {
		return false
	}
	for _, w := range site.errWrites {
		if site.Stmt.End() <= w.pos && w.pos < cond.Pos() {
			return false // assigned between the start and the test
		}
		for _, l := range w.loops {
			if Within(cond.Pos(), l) && !Within(site.Stmt.Pos(), l) {
				return false // assigned in a loop that may come back to the test
			}
		}
	}
	return true
}

// NonNil reports whether cond being true (onTrue), and being false
// (onFalse), says that v is not nil: v != nil, v == nil, and their
// combinations with !, && and ||.
func NonNil(info *types.Info, cond ast.Expr, v *types.Var) (onTrue, onFalse bool) {
	isV := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	isNil := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && id.Name == "nil" && info.Types[x].IsNil()
	}
	switch x := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, f := NonNil(info, x.X, v)
			return f, t
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			at, af := NonNil(info, x.X, v)
			bt, bf := NonNil(info, x.Y, v)
			return at || bt, af && bf
		case token.LOR:
			at, af := NonNil(info, x.X, v)
			bt, bf := NonNil(info, x.Y, v)
			return at && bt, af || bf
		case token.NEQ, token.EQL:
			if (isV(x.X) && isNil(x.Y)) || (isNil(x.X) && isV(x.Y)) {
				return x.Op == token.NEQ, x.Op == token.EQL
			}
		}
	}
	return false, false
}

// borrowedSpanEnded reports whether the trace.SpanFromContext call at the
// top of stack is ended: called .End() on directly (or given to the method
// expression trace.Span.End), or assigned to a local variable that body
// ends (v.End(), the method value v.End, trace.Span.End(v)).
func (r *Result) borrowedSpanEnded(body *ast.BlockStmt, stack []ast.Node) bool {
	call := stack[len(stack)-1]
	if len(stack) < 2 {
		return false
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.SelectorExpr:
		return p.X == call && p.Sel.Name == "End"
	case *ast.CallExpr:
		recv, ok := r.EndCall(p)
		return ok && ast.Unparen(recv) == call
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs != call || i >= len(p.Lhs) {
				continue
			}
			id, ok := p.Lhs[i].(*ast.Ident)
			if !ok {
				return false
			}
			v := r.pass.TypesInfo.ObjectOf(id)
			isV := func(e ast.Expr) bool {
				x, ok := ast.Unparen(e).(*ast.Ident)
				return ok && r.pass.TypesInfo.Uses[x] == v
			}
			ended := false
			ast.Inspect(body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					ended = n.Sel.Name == "End" && isV(n.X)
				case *ast.CallExpr:
					recv, ok := r.EndCall(n)
					ended = ok && isV(recv)
				}
				return !ended
			})
			return ended
		}
	}
	return false
}

// derivesContext reports whether call makes a new context from its
// arguments (context.WithValue, context.WithCancel, ...): the result
// carries the same span.
func derivesContext(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call]
	if !ok {
		return false
	}
	t := tv.Type
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(0).Type()
	}
	return otelapi.IsContextType(t)
}
