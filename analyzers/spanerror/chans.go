package spanerror

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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
