// Package ctxscope finds the contexts in scope at a position, for the rules
// that ask "was a context available here?": context.Context variables and
// the Context() of *http.Request variables of the enclosing functions,
// minus those that only ever hold a fresh root (Background, TODO, a
// context derived from one, or the result of a function that returns only
// fresh roots), which carry no trace to lose, and those already over.
//
// Its helper analyzer (Analyzer) summarises, as facts, what functions do
// with contexts: whether a context parameter can reach code that starts
// spans, whether a function returns only fresh roots, whether it runs a
// long-lived worker loop.
package ctxscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// Scope answers At queries for one package.
type Scope struct {
	pkg   *types.Package
	fresh map[*types.Var]bool
	over  []overRegion
	dad   map[*types.Var]*types.Var // a context derived from one other only
}

// New prepares the queries for pass. When pass's analyzer requires the
// helper (For), fresh roots made by helper functions count too.
func New(pass *analysis.Pass, insp *inspector.Inspector) *Scope {
	r := ResultOf(pass)
	if r == nil {
		r = local(pass, insp)
	}
	sc := &Scope{pkg: pass.Pkg, fresh: r.freshV}
	sc.findOver(pass.TypesInfo, insp)
	return sc
}

// IsProgramEntryFile reports whether the file holding pos is a test file.
// A test is a program entry, like main: it has no caller whose trace a
// fresh context would lose, so the context rules leave it alone.
func IsProgramEntryFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// IsFresh reports whether call is context.Background() or context.TODO().
func IsFresh(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && (otelapi.IsFunc(fn, "context.Background") || otelapi.IsFunc(fn, "context.TODO"))
}

// Ctx is a context available at a position: its expression in source.
type Ctx struct {
	Text string     // "ctx", "r.Context()"
	Var  *types.Var // the variable
}

// At returns the contexts visible at pos: context.Context
// variables and the Context() of *http.Request variables, declared in the
// enclosing functions before pos, minus fresh roots and contexts known to
// be over at pos (after <-ctx.Done(), in a select case on ctx.Done()):
// cleanup after cancellation must use a fresh context.
func (sc *Scope) At(pos token.Pos) []Ctx {
	var out []Ctx
	scope := sc.pkg.Scope().Innermost(pos)
	for s := scope; s != nil && s != sc.pkg.Scope() && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || v.Pos() >= pos || name == "_" {
				continue
			}
			switch {
			case otelapi.IsContextType(v.Type()):
				if !sc.fresh[v] && !sc.isOver(v, pos) {
					out = append(out, Ctx{name, v})
				}
			case otelapi.IsNamed(v.Type(), "net/http", "Request"):
				if _, isPtr := v.Type().(*types.Pointer); isPtr {
					out = append(out, Ctx{name + ".Context()", v})
				}
			}
		}
	}
	return out
}

// Live returns the contexts of ctxs (found by At elsewhere) that are not
// known to be over at pos: a goroutine body checked with the contexts in
// scope where it starts may wait for them to end before its cleanup.
func (sc *Scope) Live(ctxs []Ctx, pos token.Pos) []Ctx {
	var out []Ctx
	for _, c := range ctxs {
		if !sc.isOver(c.Var, pos) {
			out = append(out, c)
		}
	}
	return out
}

// overRegion is a stretch of source where the context in v is known to be
// cancelled: the statements after <-v.Done(), the body of a select case
// receiving from v.Done().
type overRegion struct {
	v          *types.Var
	start, end token.Pos
}

func (sc *Scope) findOver(info *types.Info, insp *inspector.Inspector) {
	doneOf := func(e ast.Expr) *types.Var {
		if as, ok := e.(*ast.UnaryExpr); ok && as.Op == token.ARROW {
			if call, ok := ast.Unparen(as.X).(*ast.CallExpr); ok && len(call.Args) == 0 {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Done" {
					if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok && otelapi.IsContextType(v.Type()) {
							return v
						}
					}
				}
			}
		}
		return nil
	}
	sc.dad = map[*types.Var]*types.Var{}
	multi := map[*types.Var]bool{}
	for cur := range insp.Root().Preorder((*ast.BlockStmt)(nil), (*ast.CommClause)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.BlockStmt:
			for _, st := range n.List {
				if es, ok := st.(*ast.ExprStmt); ok {
					if v := doneOf(ast.Unparen(es.X)); v != nil {
						sc.over = append(sc.over, overRegion{v, st.End(), n.End()})
					}
				}
			}
		case *ast.CommClause:
			var e ast.Expr
			switch c := n.Comm.(type) {
			case *ast.ExprStmt:
				e = c.X
			case *ast.AssignStmt:
				if len(c.Rhs) == 1 {
					e = c.Rhs[0]
				}
			}
			if e != nil {
				if v := doneOf(ast.Unparen(e)); v != nil {
					sc.over = append(sc.over, overRegion{v, n.Colon, n.End()})
				}
			}
		case *ast.AssignStmt:
			// ctx2, cancel := context.WithCancel(ctx): ctx2 ends when ctx does.
			for i, l := range n.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok {
					continue
				}
				v, ok := info.ObjectOf(id).(*types.Var)
				if !ok || !otelapi.IsContextType(v.Type()) {
					continue
				}
				var parent *types.Var
				rhs := n.Rhs[0]
				if len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && len(call.Args) > 0 {
					if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "context" {
						if pid, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
							parent, _ = info.Uses[pid].(*types.Var)
						}
					}
				}
				if old, seen := sc.dad[v]; parent == nil || parent == v || (seen && old != parent) {
					multi[v] = true
				}
				sc.dad[v] = parent
			}
		}
	}
	for v := range multi {
		delete(sc.dad, v)
	}
}

// isOver reports whether the context in v is known to be cancelled at pos:
// pos follows <-v.Done() (or the Done of a context v derives from).
func (sc *Scope) isOver(v *types.Var, pos token.Pos) bool {
	for depth := 0; v != nil && depth < 8; depth++ {
		for _, o := range sc.over {
			if o.v == v && o.start <= pos && pos < o.end {
				return true
			}
		}
		v = sc.dad[v]
	}
	return false
}

// SpawnedBody returns the function literal enclosing the top of stack that
// runs in a new goroutine (go func() { ... }(), or a literal argument i of
// a call for which spawned reports (i, true): errgroup's Go, a helper),
// and the position of the statement or call that starts it. goctx checks
// exactly these bodies, with the contexts in scope at that position;
// spanctx leaves a fresh Start in them to goctx.
func SpawnedBody(stack []ast.Node, spawned func(*ast.CallExpr) (int, bool)) (*ast.FuncLit, token.Pos) {
	for k := len(stack) - 1; k > 0; k-- {
		lit, ok := stack[k].(*ast.FuncLit)
		if !ok {
			continue
		}
		switch p := stack[k-1].(type) {
		case *ast.CallExpr:
			if p.Fun == lit && k >= 2 {
				if g, ok := stack[k-2].(*ast.GoStmt); ok {
					return lit, g.Pos()
				}
			}
			if spawned != nil {
				if i, ok := spawned(p); ok && i < len(p.Args) && ast.Unparen(p.Args[i]) == lit {
					return lit, p.Pos()
				}
			}
		}
	}
	return nil, token.NoPos
}
