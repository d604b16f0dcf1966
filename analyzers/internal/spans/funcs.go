package spans

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
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

// testingTypes are the types of the testing package whose presence among
// a function's parameters makes it test code.
var testingTypes = []string{"T", "B", "F", "TB"}

// IsTestCode reports whether fn (a FuncDecl or FuncLit) is test code: it
// is in a _test.go file, or it or the declaration around it takes a
// *testing.T, *testing.B, *testing.F or testing.TB (a test helper in a
// test-support package).
func (r *Result) IsTestCode(fn ast.Node) bool {
	if f := r.pass.Fset.File(fn.Pos()); f != nil && strings.HasSuffix(f.Name(), "_test.go") {
		return true
	}
	info := r.pass.TypesInfo
	takesTesting := func(ft *ast.FuncType) bool {
		if ft == nil || ft.Params == nil {
			return false
		}
		for _, p := range ft.Params.List {
			t := info.TypeOf(p.Type)
			for _, name := range testingTypes {
				if t != nil && otelapi.IsNamed(t, "testing", name) {
					return true
				}
			}
		}
		return false
	}
	if lit, ok := fn.(*ast.FuncLit); ok && takesTesting(lit.Type) {
		return true
	}
	for _, f := range r.pass.Files {
		if !Within(fn.Pos(), f) {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && Within(fn.Pos(), fd) {
				return takesTesting(fd.Type)
			}
		}
	}
	return false
}
