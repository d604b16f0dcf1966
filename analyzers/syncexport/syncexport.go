package syncexport

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports synchronous span export in production code. It is the
// instance the drivers run by default; New makes independent ones.
var Analyzer = New(spans.Default)

// New returns a new syncexport analyzer. It has no options.
// It reads the syntax through the inspector of h's suite
// (spans.Helper.Inspector).
func New(h *spans.Helper) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "syncexport",
		Doc:      docutil.MustExtract(doc, "syncexport"),
		URL:      "https://github.com/otellint/otellint/blob/main/docs/rules/syncexport.md",
		Requires: []*analysis.Analyzer{h.Inspector()},
		Run:      safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h) }),
	}
}

func run(pass *analysis.Pass, h *spans.Helper) (any, error) {
	if !importsSDK(pass.Pkg) {
		return nil, nil // WithSyncer cannot be named without importing the SDK
	}
	if _, ok := testcode.SupportPackage(pass.Pkg.Path()); ok {
		return nil, nil // fakes and test servers export to tests
	}
	pass, done := suppress.Filter(pass)
	defer done()
	insp := h.Syntax(pass)
	for fcur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := fcur.Node().(*ast.File)
		if cgofile.IsGenerated(f) || isTestFile(pass, f) {
			continue
		}
		for cur := range fcur.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := typeutil.StaticCallee(pass.TypesInfo, call)
			alt, ok := otelapi.SyncExport(fn)
			if !ok || len(call.Args) == 0 {
				continue
			}
			safe.At(pass, call.Pos())
			if inTestFunc(pass.TypesInfo, cur) || inMemory(pass.TypesInfo, cur, call.Args[0]) {
				continue
			}
			report(pass, call, fn, alt)
		}
	}
	return nil, nil
}

// importsSDK reports whether pkg imports the trace SDK directly.
func importsSDK(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == otelapi.SDKTracePkg {
			return true
		}
	}
	return false
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	tf := pass.Fset.File(f.Pos())
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// inTestFunc reports whether the call at cur is inside a function (or a
// function literal, or the declaration around it) that takes a
// *testing.T, *testing.B, *testing.F or testing.TB.
func inTestFunc(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ft *ast.FuncType
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if testcode.TakesTesting(info, ft) {
			return true
		}
	}
	return false
}

// inMemory reports whether the exporter argument e keeps spans in memory,
// by type: its static type is an in-memory exporter, or it is a local
// variable of an interface type (sdktrace.SpanExporter) that the enclosing
// function assigns an in-memory exporter.
func inMemory(info *types.Info, cur inspector.Cursor, e ast.Expr) bool {
	if otelapi.IsInMemoryExporter(info.TypeOf(e)) {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false // a field, a parameter-less package variable: not followed
	}
	var body ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		body = c.Node()
		break
	}
	if body == nil {
		return false
	}
	found := false
	assigned := func(lhs ast.Expr, rhs ast.Expr) {
		if l, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(l) == v && otelapi.IsInMemoryExporter(info.TypeOf(rhs)) {
			found = true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					assigned(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					assigned(n.Names[i], n.Values[i])
				}
			}
		}
		return !found
	})
	return found
}

func report(pass *analysis.Pass, call *ast.CallExpr, fn *types.Func, alt string) {
	var name *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = f
	case *ast.SelectorExpr:
		name = f.Sel
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message: fmt.Sprintf("sdktrace.%s exports every span inside span.End on the request's goroutine (a slow or unreachable collector becomes request latency; use sdktrace.%s)", fn.Name(), alt),
	}
	if name != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use sdktrace." + alt,
			TextEdits: []analysis.TextEdit{{Pos: name.Pos(), End: name.End(), NewText: []byte(alt)}},
		}}
	}
	pass.Report(d)
}
