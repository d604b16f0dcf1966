package spans

import (
	"go/ast"
	"go/token"
	"go/types"

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
}

// Sites returns the span starts directly in the body of fn (a FuncDecl or
// FuncLit; nested function literals are their own functions), classified
// by what the function does with each span.
func (r *Result) Sites(fn ast.Node, body *ast.BlockStmt) []Site {
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
		site := Site{Kind: HandedOn, Start: st, Stmt: stmt, Path: append([]ast.Node(nil), stack[:len(stack)-1]...)}
		switch {
		case stmt == nil:
			if _, ok := parent.(*ast.ExprStmt); ok {
				site.Kind = Discarded
			}
			// Otherwise the span flows into a return, an argument or a
			// composite: its new owner ends it.
		case isBlank(lhs):
			if !r.ctxCarriesSpanAway(fn, body, stmt) {
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
			if r.ctxCarriesSpanAway(fn, body, stmt) {
				break // the context carrying the span has a new owner (a hook pair)
			}
			site.Kind, site.Var = Owned, v
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

// ctxCarriesSpanAway reports whether the context returned by a start takes
// the span to someone who ends it: after the start, the context is
// returned or stored (the stats-handler and query-hook idiom, where a
// later callback ends trace.SpanFromContext(ctx)), the function itself
// ends trace.SpanFromContext(ctx), or passes the context to a function
// that does.
func (r *Result) ctxCarriesSpanAway(fn ast.Node, body *ast.BlockStmt, stmt ast.Node) bool {
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
		return false
	}
	id, ok := ast.Unparen(ctxExpr).(*ast.Ident)
	if !ok {
		return true // stored in a field or element
	}
	info := r.pass.TypesInfo
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	if !Within(v.Pos(), fn) {
		return true // a variable of an enclosing function or the package
	}
	away := false
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if away {
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
				away = true
			case *ast.AssignStmt:
				for _, l := range p.Lhs {
					if _, isID := ast.Unparen(l).(*ast.Ident); !isID {
						away = true // stored in a field, element or through a pointer
					}
				}
			case *ast.CallExpr:
				if r.EndsContextSpan(p, stack[i+1]) {
					away = true
				} else if r.IsBorrowCall(p) && r.borrowedSpanEnded(body, stack[:i+1]) {
					away = true // trace.SpanFromContext(ctx).End() here
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
	return away
}

// borrowedSpanEnded reports whether the trace.SpanFromContext call at the
// top of stack is ended: called .End() on directly, or assigned to a local
// variable whose End method is called somewhere in body.
func (r *Result) borrowedSpanEnded(body *ast.BlockStmt, stack []ast.Node) bool {
	call := stack[len(stack)-1]
	if len(stack) < 2 {
		return false
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.SelectorExpr:
		return p.X == call && p.Sel.Name == "End"
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
			ended := false
			ast.Inspect(body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "End" {
					if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && r.pass.TypesInfo.Uses[x] == v {
						ended = true
					}
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
