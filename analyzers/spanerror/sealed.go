package spanerror

import (
	"go/ast"
	"go/types"
)

// deadDefault returns the default clause of a type switch that cannot
// run: the switch is over a sealed interface (one with an unexported
// method, so only its own package can implement it, as every protobuf
// oneof is) and its cases name nil and every type of that package that
// implements it. openfga's resolveUserset returns ErrUnsupportedUserSet
// from such a default.
func deadDefault(info *types.Info, ts *ast.TypeSwitchStmt) *ast.CaseClause {
	var x ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.ExprStmt:
		x = a.X
	case *ast.AssignStmt:
		if len(a.Rhs) == 1 {
			x = a.Rhs[0]
		}
	}
	ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr)
	if !ok {
		return nil
	}
	t := info.TypeOf(ta.X)
	if t == nil {
		return nil
	}
	iface, ok := t.Underlying().(*types.Interface)
	named, isNamed := types.Unalias(t).(*types.Named)
	if !ok || !isNamed || named.Obj().Pkg() == nil {
		return nil
	}
	sealed := false
	for i := 0; i < iface.NumMethods(); i++ {
		if !iface.Method(i).Exported() {
			sealed = true
		}
	}
	if !sealed {
		return nil
	}
	var def *ast.CaseClause
	var cases []types.Type
	hasNil := false
	for _, s := range ts.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
			continue
		}
		for _, e := range cc.List {
			tv, ok := info.Types[e]
			switch {
			case !ok:
				return nil
			case tv.IsNil():
				hasNil = true
			default:
				cases = append(cases, tv.Type)
			}
		}
	}
	if def == nil || !hasNil {
		return nil
	}
	covered := func(t types.Type) bool {
		for _, c := range cases {
			if types.Identical(c, t) {
				return true
			}
		}
		return false
	}
	scope := named.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
			continue
		}
		if _, generic := tn.Type().(*types.Named); generic && tn.Type().(*types.Named).TypeParams().Len() > 0 {
			return nil
		}
		ptr := types.NewPointer(tn.Type())
		if types.Implements(tn.Type(), iface) && !covered(tn.Type()) && !covered(ptr) {
			return nil
		}
		if types.Implements(ptr, iface) && !types.Implements(tn.Type(), iface) && !covered(ptr) {
			return nil
		}
	}
	return def
}
