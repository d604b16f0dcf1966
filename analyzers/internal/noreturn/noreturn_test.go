package noreturn_test

import (
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/noreturn"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestFacts checks the facts exported for functions that never return,
// within a package and across packages.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), noreturn.Analyzer, "./noreturn/...")
}

// compare reports every function on which noreturn and ctrlflow disagree:
// the functions declared in the package and the callees of every call,
// which are what the rules ask about.
var compare = &analysis.Analyzer{
	Name:     "comparenoreturn",
	Doc:      "compare noreturn with ctrlflow",
	Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer, noreturn.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		want := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
		got := pass.ResultOf[noreturn.Analyzer].(*noreturn.Result)
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
			var fn *types.Func
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				fn, _ = pass.TypesInfo.Defs[n.Name].(*types.Func)
			case *ast.CallExpr:
				fn, _ = typeutil.Callee(pass.TypesInfo, n).(*types.Func)
			}
			if fn != nil && want.NoReturn(fn) != got.NoReturn(fn) {
				pass.ReportRangef(cur.Node(), "%s: noreturn says %v, ctrlflow %v", fn.FullName(), got.NoReturn(fn), want.NoReturn(fn))
			}
		}
		return nil, nil
	},
	// A fact type makes the checker run it on every dependency too.
	FactTypes: []analysis.Fact{new(compared)},
}

type compared struct{}

func (*compared) AFact() {}

// TestSameAsCtrlflow runs noreturn and ctrlflow side by side on the rules'
// test packages and their dependencies, the standard library included,
// all from source, and requires them to agree on every function.
func TestSameAsCtrlflow(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: testutil.Dir()}
	pkgs, err := packages.Load(cfg, "./noreturn/...", "./spanend/...", "./spanerror/...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{compare}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for act := range graph.All() {
		if act.Analyzer != compare {
			continue
		}
		n++
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if n < 200 {
		t.Errorf("compared %d packages, want the standard library too", n)
	}
}
