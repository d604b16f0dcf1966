// Command floor is the baseline of `make bench`: the stock go/analysis
// driver running a single syntactic analyzer (no facts), which loads the
// named packages from source and every dependency from export data. Its
// time and memory are the floor that any analysis of the same packages
// pays; otellint is measured against it.
//
// With FLOOR_STOCK_SUITE=1 it runs the otellint suite instead, still in the
// stock driver, which then loads every dependency from source because the
// suite uses facts: the cost that otellint's own loader avoids.
package main

import (
	"go/ast"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers"
)

var analyzer = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "floor: count call expressions (reports nothing); the load and type-check baseline",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		n := 0
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(ast.Node) { n++ })
		return nil, nil
	},
}

func main() {
	if os.Getenv("FLOOR_STOCK_SUITE") == "1" {
		multichecker.Main(analyzers.Analyzers()...)
	}
	singlechecker.Main(analyzer)
}
