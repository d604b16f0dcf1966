package otelapi_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestAttrOf checks AttrOf and IsSpanAttrSink against testdata that
// type-checks with the real attribute and semconv packages: every element
// of the slice in otelapi/attrs carries a comment "attr KEY TYPE".
func TestAttrOf(t *testing.T) {
	cfg := &packages.Config{
		Mode: packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedFiles,
		Dir:  testutil.Dir(),
	}
	pkgs, err := packages.Load(cfg, "./otelapi/attrs")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("load: %v %v", err, pkgs)
	}
	pkg := pkgs[0]
	f := pkg.Syntax[0]
	fset := pkg.Fset
	want := map[int]string{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if s, ok := strings.CutPrefix(c.Text, "// attr "); ok {
				want[fset.Position(c.Pos()).Line] = s
			}
		}
	}
	got := map[int]string{}
	var sinks []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr, *ast.CompositeLit:
			e := n.(ast.Expr)
			if a, ok := otelapi.AttrOf(pkg.TypesInfo, e); ok {
				key, ok := a.KeyString(pkg.TypesInfo)
				if !ok {
					key = "?"
				}
				got[fset.Position(e.Pos()).Line] = fmt.Sprintf("%s %s", key, a.Type)
			}
			if call, ok := n.(*ast.CallExpr); ok {
				var id *ast.Ident
				switch fun := call.Fun.(type) {
				case *ast.SelectorExpr:
					id = fun.Sel
				case *ast.Ident:
					id = fun
				}
				if fn, ok := pkg.TypesInfo.Uses[id].(*types.Func); ok && otelapi.IsSpanAttrSink(fn) {
					sinks = append(sinks, fn.Name())
				}
			}
		}
		return true
	})
	for line, w := range want {
		if got[line] != w {
			t.Errorf("%s:%d: AttrOf = %q, want %q", filepath.Base(fset.File(f.Pos()).Name()), line, got[line], w)
		}
	}
	for line, g := range got {
		if _, ok := want[line]; !ok {
			t.Errorf("line %d: unexpected attribute %q", line, g)
		}
	}
	if strings.Join(sinks, " ") != "SetAttributes WithAttributes LinkFromContext" {
		t.Errorf("sinks = %v", sinks)
	}
}
