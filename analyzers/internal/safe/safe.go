// Package safe keeps an analyzer panic from taking its driver down: a panic
// becomes an error that names the analyzer and the position it was working
// on. golangci-lint and go vet run every analyzer in one process, so one
// crash would lose every other linter's findings.
package safe

import (
	"fmt"
	"go/token"
	"maps"
	"runtime/debug"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

// tracker holds the position one run is working on. Each run has its own,
// so no state outlives a run or is shared between runs: Bazel's nogo and
// go vet may run many analyzers, and many packages, in one process.
type tracker struct{ pos atomic.Int64 }

// key is the ResultOf entry under which Run hands its tracker to the run,
// and to every copy of its Pass (a rule may replace its Pass by a copy, as
// suppress.Filter does; the copies share the map). It is never run.
var key = &analysis.Analyzer{Name: "safe", Doc: "the position a run is working on (never run)"}

// At records that pass is now working on the code at pos, so that a panic
// can be reported there. It does nothing for a pass that Run did not make.
func At(pass *analysis.Pass, pos token.Pos) {
	if t, ok := pass.ResultOf[key].(*tracker); ok {
		t.pos.Store(int64(pos))
	}
}

// Run wraps an analyzer's run function so that a panic becomes an error.
// The function gets a copy of the pass whose ResultOf (a copy of the
// driver's) also holds the run's tracker.
func Run(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		t := new(tracker)
		cp := *pass
		cp.ResultOf = maps.Clone(pass.ResultOf)
		if cp.ResultOf == nil {
			cp.ResultOf = map[*analysis.Analyzer]any{}
		}
		cp.ResultOf[key] = t
		defer func() {
			if p := recover(); p != nil {
				where := pass.Pkg.Path()
				if pos := token.Pos(t.pos.Load()); pos.IsValid() {
					where = pass.Fset.Position(pos).String()
				}
				res = nil
				err = fmt.Errorf("internal error: %s panicked at %s: %v (please report it with this trace)\n%s",
					pass.Analyzer.Name, where, p, debug.Stack())
			}
		}()
		return run(&cp)
	}
}
