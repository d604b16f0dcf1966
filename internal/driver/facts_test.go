package driver

import (
	"context"
	"fmt"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers"
)

// TestFactStore: with the driver's fact stores, the suite finds on the
// whole testdata module (every rule's cross-package cases, the propagator's
// whole-program package facts, spanname's AllObjectFacts) exactly what it
// finds with the checker's own per-action fact maps.
func TestFactStore(t *testing.T) {
	dir := filepath.Join("..", "..", "analyzers", "testdata")
	patterns := []string{"./..."}
	stored := runSuite(t, dir, patterns, true, false)

	var all []*analysis.Analyzer
	for _, e := range analyzers.NewSuite() {
		all = append(all, e.Analyzer)
	}
	all = append(all, analyzers.NewDirectives())
	res, err := loadContext(context.Background(), dir, patterns, true, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	restore := res.checkerGraph()
	graph, err := checker.Analyze(all, res.roots, nil) // not wrapped: the checker's facts
	restore()
	if err != nil {
		t.Fatal(err)
	}
	findings, _ := collectIn(dir, graph)
	var plain []string
	for _, f := range findings {
		plain = append(plain, fmt.Sprintf("%s: %s: %s", f.act.Package.Fset.Position(f.diag.Pos), f.rule.Name, f.diag.Message))
	}
	if len(plain) < 500 {
		t.Fatalf("%d findings: the patterns no longer reach the testdata", len(plain))
	}
	if !slices.Equal(plain, stored.findings) {
		t.Errorf("with the fact stores:\n%s\nwith the checker's facts:\n%s", strings.Join(stored.findings, "\n"), strings.Join(plain, "\n"))
	}
}

type testFact struct{ N int }

func (*testFact) AFact() {}

// TestFactStoreBind: a bound pass reads the facts of its import closure,
// exports only on its own package's objects, and not after its run.
func TestFactStoreBind(t *testing.T) {
	a := &analysis.Analyzer{Name: "x", FactTypes: []analysis.Fact{new(testFact)}}
	dep := types.NewPackage("example.com/dep", "dep")
	top := types.NewPackage("example.com/top", "top")
	other := types.NewPackage("example.com/other", "other")
	obj := func(p *types.Package, name string) types.Object {
		o := types.NewVar(0, p, name, types.Typ[types.Int])
		p.Scope().Insert(o)
		return o
	}
	depObj, topObj, otherObj := obj(dep, "D"), obj(top, "T"), obj(other, "O")
	depPkg := &packages.Package{ID: dep.Path(), Types: dep}
	topPkg := &packages.Package{ID: top.Path(), Types: top, Imports: map[string]*packages.Package{dep.Path(): depPkg}}
	otherPkg := &packages.Package{ID: other.Path(), Types: other}

	s := newFactStore()
	for _, p := range []*packages.Package{depPkg, otherPkg} {
		pass := &analysis.Pass{Pkg: p.Types}
		ended := s.bind(pass, a, importClosure(p.Types, p))
		pass.ExportPackageFact(&testFact{N: 1})
		pass.ExportObjectFact(p.Types.Scope().Lookup(p.Types.Scope().Names()[0]), &testFact{N: 2})
		ended()
	}
	pass := &analysis.Pass{Pkg: top}
	ended := s.bind(pass, a, importClosure(top, topPkg))
	pass.ExportObjectFact(topObj, &testFact{N: 3})

	var f testFact
	if !pass.ImportObjectFact(depObj, &f) || f.N != 2 {
		t.Errorf("ImportObjectFact(dep.D) = %v, want N 2", f)
	}
	if !pass.ImportPackageFact(dep, &f) || f.N != 1 {
		t.Errorf("ImportPackageFact(dep) = %v, want N 1", f)
	}
	var objs []string
	for _, of := range pass.AllObjectFacts() {
		objs = append(objs, fmt.Sprintf("%s %d", of.Object.Name(), of.Fact.(*testFact).N))
	}
	slices.Sort(objs)
	if want := []string{"D 2", "T 3"}; !slices.Equal(objs, want) {
		t.Errorf("AllObjectFacts = %v, want %v (the closure's, not other's)", objs, want)
	}
	var pkgs []string
	for _, pf := range pass.AllPackageFacts() {
		pkgs = append(pkgs, pf.Package.Path())
	}
	if want := []string{dep.Path()}; !slices.Equal(pkgs, want) {
		t.Errorf("AllPackageFacts = %v, want %v", pkgs, want)
	}

	panics := func(name string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s did not panic", name)
			}
		}()
		f()
	}
	panics("export on another package's object", func() { pass.ExportObjectFact(otherObj, &testFact{}) })
	panics("a fact that is not a pointer", func() { pass.ImportObjectFact(depObj, nil) })
	ended()
	panics("export after the run", func() { pass.ExportObjectFact(topObj, &testFact{}) })
	panics("package export after the run", func() { pass.ExportPackageFact(&testFact{}) })
}
