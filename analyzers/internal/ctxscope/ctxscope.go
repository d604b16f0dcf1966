// Package ctxscope finds the contexts in scope at a position, for the rules
// that ask "was a context available here?": context.Context variables and
// the Context() of *http.Request variables of the enclosing functions,
// minus those that only ever hold a fresh root (Background, TODO or a
// context derived from one), which carry no trace to lose.
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
}

// New prepares the queries for pass.
func New(pass *analysis.Pass, insp *inspector.Inspector) *Scope {
	return &Scope{pkg: pass.Pkg, fresh: freshVars(pass.TypesInfo, insp)}
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
	return ok && (fn.FullName() == "context.Background" || fn.FullName() == "context.TODO")
}

// Ctx is a context available at a position: its expression in source.
type Ctx struct {
	Text string     // "ctx", "r.Context()"
	Var  *types.Var // the variable
}

// At returns the contexts visible at pos: context.Context
// variables and the Context() of *http.Request variables, declared in the
// enclosing functions before pos.
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
				if !sc.fresh[v] {
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

// freshVars finds the context variables that only ever hold a fresh root:
// context.Background() or context.TODO(), or a context derived from one
// (context.WithTimeout(context.Background(), ...)). A goroutine that drops
// one of them loses no trace (typical in tests and in main).
func freshVars(info *types.Info, insp *inspector.Inspector) map[*types.Var]bool {
	type assign struct {
		v   *types.Var
		rhs ast.Expr // nil: not a simple assignment
	}
	var assigns []assign
	note := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok && otelapi.IsContextType(v.Type()) {
			assigns = append(assigns, assign{v, rhs})
		}
	}
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				switch {
				case len(n.Lhs) == len(n.Rhs):
					note(l, n.Rhs[i])
				case len(n.Rhs) == 1 && i == 0:
					note(l, n.Rhs[0]) // ctx, cancel := context.WithCancel(...)
				default:
					note(l, nil)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Names) == len(n.Values):
					note(name, n.Values[i])
				case len(n.Values) == 1 && i == 0:
					note(name, n.Values[0])
				default:
					note(name, nil)
				}
			}
		}
	}
	fresh := map[*types.Var]bool{}
	for _, a := range assigns {
		fresh[a.v] = true
	}
	var isFreshExpr func(e ast.Expr) bool
	isFreshExpr = func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			return ok && fresh[v]
		case *ast.CallExpr:
			if IsFresh(info, x) {
				return true
			}
			fn, ok := typeutil.Callee(info, x).(*types.Func)
			return ok && fn.Pkg() != nil && fn.Pkg().Path() == "context" && len(x.Args) > 0 && isFreshExpr(x.Args[0])
		}
		return false
	}
	// Greatest fixed point: drop a variable as soon as one of its
	// assignments is not fresh.
	for changed := true; changed; {
		changed = false
		for _, a := range assigns {
			if fresh[a.v] && (a.rhs == nil || !isFreshExpr(a.rhs)) {
				delete(fresh, a.v)
				changed = true
			}
		}
	}
	return fresh
}
