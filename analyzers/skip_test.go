package analyzers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestSkipDependencies: a suite that skips dependencies finds what the full
// suite finds in the module's packages, and runs nothing on the standard
// library and the OTel modules, which it reads as golangci-lint does, from
// source.
func TestSkipDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: testutil.Dir(), Tests: true}
	pkgs, err := packages.Load(cfg, "./spanend/helpers/...", "./spanerror/...", "./goctx/...", "./healthfilter/...", "./uninstrumented/...", "./propagator/...", "./providershutdown/...", "./blockinghandler/...")
	if err != nil {
		t.Fatal(err)
	}
	run := func(skip bool) (*checker.Graph, []string) {
		suite := analyzers.NewSuite()
		directives := analyzers.NewDirectives()
		if skip {
			analyzers.SkipDependencies(suite, directives)
		}
		as := []*analysis.Analyzer{directives}
		for _, e := range suite {
			as = append(as, e.Analyzer)
		}
		g, err := checker.Analyze(as, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		var diags []string
		for act := range g.All() {
			if act.Err != nil {
				t.Errorf("%s: %v", act, act.Err)
			}
			for _, d := range act.Diagnostics {
				diags = append(diags, fmt.Sprintf("%s: %s: %s", act.Package.Fset.Position(d.Pos), act.Analyzer.Name, d.Message))
			}
		}
		slices.Sort(diags)
		return g, slices.Compact(diags)
	}
	full, fullDiags := run(false)
	g, skipped := run(true)
	if len(fullDiags) == 0 {
		t.Fatal("no findings: the test checks nothing")
	}
	for _, d := range fullDiags {
		if !slices.Contains(skipped, d) {
			t.Errorf("lost when skipping dependencies: %s", d)
		}
	}
	for _, d := range skipped {
		if !slices.Contains(fullDiags, d) {
			t.Errorf("new when skipping dependencies: %s", d)
		}
	}
	// Facts about the objects of the packages that the suite skips: the
	// full suite records some (noreturn facts about the standard library's
	// functions, say), the skipping one none.
	depFacts := func(g *checker.Graph) (n int) {
		for act := range g.All() {
			p := act.Package
			if p.Module != nil && p.Module.Main {
				continue
			}
			if p.Module != nil && !strings.HasPrefix(p.PkgPath, "go.opentelemetry.io/") {
				continue // a dependency that may declare span API
			}
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == p.Types {
					n++
				}
			}
		}
		return n
	}
	if n := depFacts(full); n == 0 {
		t.Error("the full suite records no facts about the standard library or OTel: the test checks nothing")
	}
	if n := depFacts(g); n != 0 {
		t.Errorf("the suite that skips dependencies records %d facts about the standard library and OTel, want none", n)
	}
}
