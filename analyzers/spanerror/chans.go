package spanerror

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// expectedChan reports whether e is a local channel of errors, made in
// the function that declares it and used there only to send, receive,
// range over, close or measure, whose every send is nil or an expected
// error: what comes out of it is expected (openfga's moduleAuthorize
// gathers its workers' authorization errors in one).
func (x *expecter) expectedChan(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := x.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != x.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return false
	}
	if r, done := x.chans[v]; done {
		return r
	}
	x.chans[v] = false // a send of what it receives is not expected
	pending := x.pending
	x.pending = false
	r := x.chanSendsExpected(v)
	if x.pending {
		delete(x.chans, v) // a helper's fact may still come: ask again
	} else {
		x.chans[v] = r
	}
	x.pending = x.pending || pending
	return r
}

// rangesExpected reports whether r is for v := range errc over such a
// channel.
func (x *expecter) rangesExpected(r *ast.RangeStmt, v *types.Var) bool {
	id, ok := r.Key.(*ast.Ident)
	return ok && v != nil && r.Tok == token.DEFINE && r.Value == nil && x.pass.TypesInfo.Defs[id] == v && x.expectedChan(r.X)
}

func (x *expecter) chanSendsExpected(v *types.Var) bool {
	if _, ok := v.Type().Underlying().(*types.Chan); !ok {
		return false
	}
	body := x.enclosingBody(v.Pos())
	if body == nil {
		return false
	}
	info := x.pass.TypesInfo
	vars := &varClass{x: x, body: body, memo: map[*types.Var]bool{}, results: map[*types.Var]bool{}}
	allowed := map[*ast.Ident]bool{} // uses of v that cannot add values
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			if id, isID := ast.Unparen(n.Chan).(*ast.Ident); isID && info.Uses[id] == v {
				allowed[id] = true
				if !isNilExpr(info, n.Value) && !x.expected(n.Value, vars.expected, false) {
					ok = false
				}
			}
		case *ast.UnaryExpr:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && n.Op == token.ARROW && info.Uses[id] == v {
				allowed[id] = true
			}
		case *ast.RangeStmt:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && info.Uses[id] == v {
				allowed[id] = true
			}
		case *ast.CallExpr:
			if b, isB := typeutil.Callee(info, n).(*types.Builtin); isB && len(n.Args) == 1 {
				switch b.Name() {
				case "close", "len", "cap":
					if id, isID := ast.Unparen(n.Args[0]).(*ast.Ident); isID && info.Uses[id] == v {
						allowed[id] = true
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, isID := ast.Unparen(l).(*ast.Ident)
				if !isID || info.ObjectOf(id) != v {
					continue
				}
				allowed[id] = true
				if len(n.Lhs) != len(n.Rhs) || !isMake(info, n.Rhs[i]) {
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] == v && (len(n.Values) != len(n.Names) || !isMake(info, n.Values[i])) {
					ok = false
				}
			}
		}
		return true
	})
	if !ok {
		return false
	}
	// Every other use (passed to a function, stored, returned) may add
	// errors of any kind.
	ast.Inspect(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && info.Uses[id] == v && !allowed[id] {
			ok = false
		}
		return ok
	})
	return ok
}

func isMake(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	b, ok := typeutil.Callee(info, call).(*types.Builtin)
	return ok && b.Name() == "make"
}

// enclosingBody returns the body of the function declaration that holds
// pos.
func (x *expecter) enclosingBody(pos token.Pos) *ast.BlockStmt {
	for _, f := range x.pass.Files {
		if !within(pos, f) {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && within(pos, fd.Body) {
				return fd.Body
			}
		}
	}
	return nil
}

// closureExpected reports whether call calls a local variable bound once,
// where it is declared, to a function literal whose every error is nil or
// expected (spicedb's invert := func(r *CaveatResult) (*CaveatResult,
// error) { ...; return r, nil }).
func (x *expecter) closureExpected(call *ast.CallExpr) bool {
	info := x.pass.TypesInfo
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != x.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return false
	}
	if r, done := x.lits[v]; done {
		return r
	}
	x.lits[v] = false // a closure that returns its own call's error
	pending := x.pending
	x.pending = false
	r := x.litExpected(v)
	if x.pending {
		delete(x.lits, v)
	} else {
		x.lits[v] = r
	}
	x.pending = x.pending || pending
	return r
}

func (x *expecter) litExpected(v *types.Var) bool {
	info := x.pass.TypesInfo
	body := x.enclosingBody(v.Pos())
	if body == nil {
		return false
	}
	var lit *ast.FuncLit
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				lid, isID := ast.Unparen(l).(*ast.Ident)
				if !isID || info.ObjectOf(lid) != v {
					continue
				}
				f, isLit := (ast.Expr)(nil), false
				if len(n.Lhs) == len(n.Rhs) {
					f = ast.Unparen(n.Rhs[i])
					_, isLit = f.(*ast.FuncLit)
				}
				if !isLit || n.Tok.String() != ":=" || lit != nil {
					ok = false
					return false
				}
				lit = f.(*ast.FuncLit)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				if len(n.Values) != len(n.Names) || lit != nil {
					ok = false
					return false
				}
				f, isLit := ast.Unparen(n.Values[i]).(*ast.FuncLit)
				if !isLit {
					ok = false
					return false
				}
				lit = f
			}
		case *ast.UnaryExpr:
			if uid, isID := ast.Unparen(n.X).(*ast.Ident); isID && n.Op.String() == "&" && info.Uses[uid] == v {
				ok = false
			}
		}
		return true
	})
	if !ok || lit == nil {
		return false
	}
	sig, isSig := info.TypeOf(lit).(*types.Signature)
	if !isSig {
		return false
	}
	res := sig.Results()
	if res.Len() == 0 || !otelapi.IsErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	return x.returnsOnlyExpected(sig, lit.Body)
}
