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
		r.sites = map[ast.Node][]Site{}
	}
	r.sites[fn] = s
	return s
}

func (r *Result) sites1(fn ast.Node, body *ast.BlockStmt) []Site {
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
	var sites []Site
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
		site := Site{Kind: HandedOn, Start: st, Stmt: stmt, Path: slices.Clip(append([]ast.Node(nil), stack[:len(stack)-1]...))}
		switch {
		case stmt == nil:
			if _, ok := parent.(*ast.ExprStmt); ok {
				site.Kind = Discarded
			}
			// Otherwise the span flows into a return, an argument or a
			// composite: its new owner ends it.
		case isBlank(lhs):
			if flow := r.ctxFlow(fn, body, stmt); !flow.away && len(flow.handOffs) == 0 {
				site.Kind = Dropped
			}
		default:
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				break // stored in a field, element or through a pointer
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok || results[v] || !Within(v.Pos(), fn) {
				break // a named result, or a variable of an enclosing function or package
			}
			// A function that ends the span itself owns it, whatever
			// it does with the context.
			if !r.endsVar(body, v) {
				flow := r.ctxFlow(fn, body, stmt)
				if flow.away {
					break // the context carrying the span has a new owner
				}
				if len(flow.handOffs) > 0 {
					site.Kind, site.Var, site.HandOffs = CtxHandOff, v, flow.handOffs
					r.bindErr(&site, body)
					break
				}
			}
			site.Kind, site.Var = Owned, v
			r.bindErr(&site, body)
		}
		sites = append(sites, site)
		return true
	})
	return sites
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

// ctxFlow reports where the context returned by a start takes the span.
func (r *Result) ctxFlow(fn ast.Node, body *ast.BlockStmt, stmt ast.Node) ctxFlowResult {
	var res ctxFlowResult
	var ctxExpr ast.Expr
	switch p := stmt.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 1 {
			ctxExpr = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 1 {
			ctxExpr = p.Names[0]
		}
	}
	if ctxExpr == nil || isBlank(ctxExpr) {
		return res
	}
	id, ok := ast.Unparen(ctxExpr).(*ast.Ident)
	if !ok {
		res.away = true // stored in a field or element
		return res
	}
	info := r.pass.TypesInfo
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return res
	}
	if !Within(v.Pos(), fn) {
		res.away = true // a variable of an enclosing function or the package
		return res
	}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if res.away {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		use, ok := n.(*ast.Ident)
		if !ok || info.Uses[use] != v || use.Pos() < stmt.End() {
			return true // not the context, or a mention before the Start
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
		return true
	})
	return res
}

// endsVar reports whether body (closures included) ends the span held by
// v: calls v.End, hands on the method value v.End, or passes v to a
// function that ends it.
func (r *Result) endsVar(body *ast.BlockStmt, v *types.Var) bool {
	info := r.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	ends := false
	ast.Inspect(body, func(n ast.Node) bool {
		if ends {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name == "End" && isV(n.X) {
				if sel := info.Selections[n]; sel != nil && sel.Kind() != types.FieldVal {
					ends = true
				}
			}
		case *ast.CallExpr:
			for i, a := range n.Args {
				if isV(a) && r.ArgEffect(n, i) == ArgEnded {
					ends = true
				}
			}
		}
		return true
	})
	return ends
}

// bindErr sets site.ErrVar when the start returns no span with a non-nil
// error and the statement binds that error to a variable, and records the
// other assignments of that variable.
func (r *Result) bindErr(site *Site, body *ast.BlockStmt) {
	st := site.Start
	if st.Err < 0 || st.LiveOnErr {
		return
	}
	var lhs ast.Expr
	switch p := site.Stmt.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && st.Err < len(p.Lhs) {
			lhs = p.Lhs[st.Err]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && st.Err < len(p.Names) {
			lhs = p.Names[st.Err]
		}
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	info := r.pass.TypesInfo
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	site.ErrVar = v
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		if n == site.Stmt {
			return true
		}
		id, ok := n.(*ast.Ident)
		if !ok || info.ObjectOf(id) != v || len(stack) < 2 || !writes(stack) {
			return true
		}
		w := errWrite{pos: id.Pos()}
		for _, s := range stack {
			switch s.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				w.loops = append(w.loops, s)
			}
		}
		site.errWrites = append(site.errWrites, w)
		return true
	})
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
