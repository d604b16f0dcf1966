// Package safe keeps an analyzer panic from taking its driver down: a panic
// becomes an error that names the analyzer and the position it was working
// on. golangci-lint and go vet run every analyzer in one process, so one
// crash would lose every other linter's findings.
package safe

import (
	"fmt"
	"go/token"
	"go/types"
	"runtime/debug"
	"sync"

	"golang.org/x/tools/go/analysis"
)

var current sync.Map // key -> token.Pos

// key identifies one analyzer's run on one package. A rule may replace its
// Pass by a copy (suppress.Filter does), so the Pass itself is not the key.
type key struct {
	a   *analysis.Analyzer
	pkg *types.Package
}

func keyOf(pass *analysis.Pass) key { return key{pass.Analyzer, pass.Pkg} }

// At records that pass is now working on the code at pos, so that a panic
// can be reported there.
func At(pass *analysis.Pass, pos token.Pos) { current.Store(keyOf(pass), pos) }

// Run wraps an analyzer's run function so that a panic becomes an error.
func Run(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			v, _ := current.LoadAndDelete(keyOf(pass))
			if p := recover(); p != nil {
				where := pass.Pkg.Path()
				if pos, ok := v.(token.Pos); ok && pos.IsValid() {
					where = pass.Fset.Position(pos).String()
				}
				res = nil
				err = fmt.Errorf("internal error: %s panicked at %s: %v (please report it with this trace)\n%s",
					pass.Analyzer.Name, where, p, debug.Stack())
			}
		}()
		return run(pass)
	}
}
