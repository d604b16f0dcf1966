// Package tree defines the helper analyzer that gives the rules of one
// suite their shared syntax inspector, in place of x/tools' inspect
// analyzer.
//
// It differs from inspect in two ways, both about cost.
//
//   - It belongs to the suite (one instance per spans.Helper), so the
//     suite's gate (analyzers.SkipDependencies) applies to it. The rules
//     keep facts, so every driver runs them, and what they require, on
//     the dependencies too: go vet in its facts-only runs, golangci-lint
//     from source. x/tools' inspect is shared with other linters and
//     cannot be skipped: it would build, and golangci-lint would keep, an
//     inspector for each dependency the gate skips (on jaeger, 2,400 of
//     them, 5% of a golangci-lint run's CPU).
//   - The inspector is built when a rule first asks for it, not when the
//     analysis starts, and Release drops it. inspect's results are all
//     built at once, as soon as the checker starts, and kept to the end:
//     on temporal they are a quarter of the heap. The standalone driver
//     releases a package's results when the last analysis of the package
//     ends, so that only the packages being analysed hold one.
package tree

import (
	"go/ast"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// New returns a fresh instance: its result is a *Lazy over the package's
// files.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "otelinspect",
		Doc:        "give the otellint rules their shared syntax inspector (reports nothing)",
		Run:        func(pass *analysis.Pass) (any, error) { return &Lazy{files: pass.Files}, nil },
		ResultType: reflect.TypeOf((*Lazy)(nil)),
	}
}

// Lazy builds a package's inspector on first use.
type Lazy struct {
	mu    sync.Mutex
	files []*ast.File
	insp  *inspector.Inspector
}

// Inspector returns the package's inspector, built by the first call.
func (l *Lazy) Inspector() *inspector.Inspector {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.insp == nil {
		l.insp = inspector.New(l.files)
	}
	return l.insp
}

// Release drops the inspector and the files: no rule may ask for them
// again.
func (l *Lazy) Release() {
	l.mu.Lock()
	l.files, l.insp = nil, nil
	l.mu.Unlock()
}

// Of returns the inspector for pass of a, an instance of New.
func Of(pass *analysis.Pass, a *analysis.Analyzer) *inspector.Inspector {
	return pass.ResultOf[a].(*Lazy).Inspector()
}
