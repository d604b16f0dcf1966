package driver

import (
	"context"
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers"
)

// suiteRun is one run of the whole suite through the driver's loading,
// releasing and scheduling, as Run does it.
type suiteRun struct {
	findings []string
	errors   []string
	res      *loadResult
	rel      *releaser
}

func runSuite(t *testing.T, dir string, patterns []string, deferred, keepSyntax bool) suiteRun {
	t.Helper()
	var all []*analysis.Analyzer
	for _, e := range analyzers.NewSuite() {
		all = append(all, e.Analyzer)
	}
	all = append(all, analyzers.NewDirectives())
	lazy := deferred && prepareDeferred(all)
	if deferred && !lazy {
		t.Fatal("prepareDeferred: the suite has no inspector analyzer to load packages with")
	}
	res, err := loadContext(context.Background(), dir, patterns, true, nil, lazy)
	if err != nil {
		t.Fatal(err)
	}
	graph, rel, err := analyze(all, res, lazy, keepSyntax)
	if err != nil {
		t.Fatal(err)
	}
	findings, errs := collectIn(dir, graph)
	var out suiteRun
	for _, f := range findings {
		out.findings = append(out.findings, fmt.Sprintf("%s: %s: %s", f.act.Package.Fset.Position(f.diag.Pos), f.rule.Name, f.diag.Message))
	}
	for _, e := range append(relErrors(dir, res.errors), errs...) {
		out.errors = append(out.errors, e.msg)
	}
	out.res, out.rel = res, rel
	return out
}

// TestDeferredLoading: loading the source packages as the analysis reaches
// them, and releasing each when its last analysis ends, finds what loading
// everything first finds, on the testdata module's cross-package cases
// (facts through helpers of other packages) and its packages with errors.
// Every package is released but those whose analysis could not run.
func TestDeferredLoading(t *testing.T) {
	dir := filepath.Join("..", "..", "analyzers", "testdata")
	patterns := []string{"./spanend/...", "./spanerror/...", "./goctx/...", "./blockinghandler/...", "./sanity/..."}
	eager := runSuite(t, dir, patterns, false, false)
	lazy := runSuite(t, dir, patterns, true, false)
	if len(eager.findings) < 100 {
		t.Fatalf("%d findings: the patterns no longer reach the testdata", len(eager.findings))
	}
	if !slices.Equal(eager.findings, lazy.findings) {
		t.Errorf("deferred loading found\n%v\nloading first found\n%v", lazy.findings, eager.findings)
	}
	if !slices.Equal(eager.errors, lazy.errors) {
		t.Errorf("deferred loading: errors\n%v\nloading first:\n%v", lazy.errors, eager.errors)
	}
	for pkg, n := range lazy.rel.pending {
		if p := lazy.rel.pkgs[pkg]; !p.IllTyped {
			t.Errorf("%s: %d actions never ended", p.ID, n)
		}
	}
	if len(lazy.res.loader.later) == 0 {
		t.Fatal("no package was deferred")
	}
	released := 0
	for _, p := range lazy.res.all {
		if lazy.rel.pkgs[p.Types] == nil || lazy.rel.pending[p.Types] > 0 {
			continue // read from export data, or not released
		}
		released++
		if slices.ContainsFunc(p.Syntax, func(f *ast.File) bool { return f != nil }) || p.TypesInfo != nil && p.TypesInfo.Types != nil {
			t.Errorf("%s: its syntax or type information outlives its analysis", p.ID)
		}
	}
	if released < len(lazy.res.loader.later) {
		t.Errorf("%d packages released of %d deferred", released, len(lazy.res.loader.later))
	}
}

// TestKeepSyntaxForFix: with -fix, which type-checks the fixed files with
// the package's others, a package keeps its syntax; the helpers' results
// are still released.
func TestKeepSyntaxForFix(t *testing.T) {
	dir := filepath.Join("..", "..", "analyzers", "testdata")
	run := runSuite(t, dir, []string{"./spanend/fix"}, true, true)
	if len(run.findings) == 0 || len(run.errors) > 0 {
		t.Fatalf("%d findings, errors %v: the case no longer loads", len(run.findings), run.errors)
	}
	for _, p := range run.res.roots {
		if len(p.Syntax) == 0 || p.Syntax[0] == nil {
			t.Errorf("%s: syntax released under -fix", p.ID)
		}
	}
}

// TestSchedulerOpenFirst: of the runs waiting for a slot, those of a
// package with analyses under way start before those of a package none
// has started, whatever the order they came in.
func TestSchedulerOpenFirst(t *testing.T) {
	open, fresh := types.NewPackage("open", "open"), types.NewPackage("fresh", "fresh")
	s := newScheduler(1)
	s.acquire(open) // holds the only slot; open is now open
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	start := func(pkg *types.Package) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.acquire(pkg)
			mu.Lock()
			order = append(order, pkg.Path())
			mu.Unlock()
			s.release()
		}()
		waitFor(t, func() bool { // queued before the next comes
			s.mu.Lock()
			defer s.mu.Unlock()
			return slices.ContainsFunc(append(s.high, s.low...), func(w *waiter) bool { return w.pkg == pkg })
		})
	}
	start(fresh)
	start(open)
	s.release()
	wg.Wait()
	if want := []string{"open", "fresh"}; !slices.Equal(order, want) {
		t.Errorf("started %v, want %v", order, want)
	}
	if s.free != 1 {
		t.Errorf("%d free slots at the end, want 1", s.free)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}
