package spans

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"
)

// Funcs calls f for every function with a body (declarations and
// literals, nested ones included) in the package's files that are not
// generated: the unit every rule checks.
func Funcs(insp *inspector.Inspector, f func(fn ast.Node, body *ast.BlockStmt)) {
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		if ast.IsGenerated(cur.Node().(*ast.File)) {
			continue
		}
		for fcur := range cur.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch fn := fcur.Node().(type) {
			case *ast.FuncDecl:
				if fn.Body != nil {
					f(fn, fn.Body)
				}
			case *ast.FuncLit:
				f(fn, fn.Body)
			}
		}
	}
}
