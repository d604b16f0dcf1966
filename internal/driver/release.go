package driver

import (
	"errors"
	"go/types"
	"runtime"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Releasing packages as their analysis ends
//
// The checker keeps every action, its pass and its result until the end,
// so a package's syntax, type information and the helpers' results
// (inspector, span and context summaries) would all stay live until the
// last package is done: on temporal, two thirds of the heap. Importers
// need none of them (facts and *types.Package are all they read), so the
// releaser frees them when the last analysis of the package ends. With
// the loader's deferred packages (prepareDeferred, typeLoader.ensure), a
// package is also type-checked only when its first analysis starts, so
// that its syntax lives from then to the end of its last.
//
// It counts the actions of each package as checker.Analyze builds them
// (every analyzer on the roots, what each requires on the same package,
// and a fact-using analyzer on every import too) and decrements the count
// as each Run returns. An action that never runs (its package or a
// dependency failed) keeps its package's count above zero, and the
// package is simply kept.

// analyze runs the analyzers on the loaded packages as Run does: on the
// checker's graph, with the releaser (and, when lazy, the loading of
// deferred packages) around every run, and finishes the load's errors.
func analyze(analyzers []*analysis.Analyzer, res *loadResult, lazy, keepSyntax bool) (*checker.Graph, *releaser, error) {
	restore := res.checkerGraph()
	res.reduceEdges() // the fact stores that wrap installs make it valid
	rel := newReleaser(analyzers, res.roots, keepSyntax)
	if lazy {
		rel.loader = res.loader
	}
	rel.wrap(analyzers)
	graph, err := checker.Analyze(analyzers, res.roots, nil)
	restore()
	if err == nil { // else the analysis never started, and the errors are moot
		res.finish()
	}
	return graph, rel, err
}

// eachAnalyzer calls f on analyzers and every analyzer they require, once
// each, in dependency order (an analyzer after those it requires).
func eachAnalyzer(analyzers []*analysis.Analyzer, f func(*analysis.Analyzer)) {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		f(a)
	}
	for _, a := range analyzers {
		visit(a)
	}
}

// releaser frees the packages whose analysis has ended.
type releaser struct {
	keepSyntax bool        // -fix and -diff type-check the fixed code with it
	loader     *typeLoader // when the source packages are loaded on first use

	sched scheduler

	mu      sync.Mutex
	pending map[*types.Package]int // actions not yet ended
	pkgs    map[*types.Package]*packages.Package
	results map[*types.Package][]any // of the package's ended actions
}

// newReleaser counts the actions that checker.Analyze builds for
// analyzers on roots, over the graph as it is when called.
func newReleaser(analyzers []*analysis.Analyzer, roots []*packages.Package, keepSyntax bool) *releaser {
	r := &releaser{
		sched:      newScheduler(runtime.GOMAXPROCS(0)),
		keepSyntax: keepSyntax,
		pending:    map[*types.Package]int{},
		pkgs:       map[*types.Package]*packages.Package{},
		results:    map[*types.Package][]any{},
	}
	type key struct {
		a *analysis.Analyzer
		p *packages.Package
	}
	seen := map[key]bool{}
	var visit func(a *analysis.Analyzer, p *packages.Package)
	visit = func(a *analysis.Analyzer, p *packages.Package) {
		k := key{a, p}
		if seen[k] {
			return
		}
		seen[k] = true
		r.pending[p.Types]++
		r.pkgs[p.Types] = p
		for _, req := range a.Requires {
			visit(req, p)
		}
		if len(a.FactTypes) > 0 {
			for _, imp := range p.Imports {
				visit(a, imp)
			}
		}
	}
	for _, a := range analyzers {
		for _, p := range roots {
			visit(a, p)
		}
	}
	return r
}

// wrap makes every analyzer of the graph of analyzers tell r when a run
// ends, and gives each analyzer with facts one store for them (facts.go).
// The analyzers are the driver's own (a NewSuite of this run).
func (r *releaser) wrap(analyzers []*analysis.Analyzer) {
	eachAnalyzer(analyzers, func(a *analysis.Analyzer) {
		run := a.Run
		var facts *factStore
		if len(a.FactTypes) > 0 {
			facts = newFactStore()
		}
		a.Run = func(pass *analysis.Pass) (any, error) {
			r.sched.acquire(pass.Pkg)
			if r.loader != nil {
				if err := r.load(pass); err != nil {
					r.sched.release()
					r.ended(pass.Pkg, nil)
					return nil, err
				}
			}
			if facts != nil {
				defer facts.bind(pass, a, importClosure(pass.Pkg, r.pkgs[pass.Pkg]))()
			}
			res, err := run(pass)
			r.sched.release()
			r.ended(pass.Pkg, res)
			return res, err
		}
	})
}

// ended records that an action on pkg ended with result res, and frees
// the package when it was the last.
func (r *releaser) ended(pkg *types.Package, res any) {
	r.mu.Lock()
	if res != nil {
		r.results[pkg] = append(r.results[pkg], res)
	}
	r.pending[pkg]--
	if r.pending[pkg] != 0 {
		r.mu.Unlock()
		return
	}
	r.sched.close(pkg)
	results, p := r.results[pkg], r.pkgs[pkg]
	delete(r.results, pkg)
	delete(r.pending, pkg)
	r.mu.Unlock()

	for _, res := range results {
		if rel, ok := res.(interface{ Release() }); ok {
			rel.Release()
		}
	}
	if p == nil || r.keepSyntax {
		return
	}
	// Every pass of the package shares these: its Files is p.Syntax, its
	// TypesInfo p.TypesInfo.
	clear(p.Syntax)
	if p.TypesInfo != nil {
		*p.TypesInfo = types.Info{}
	}
}

// scheduler runs at most n analyses at once and, of those waiting, starts
// first the ones of packages already open (with an analysis started and
// not all ended), so that a package's analyses end close together and the
// packages that hold syntax, an inspector and results at once stay few.
// No run waits for another while it holds a slot (the checker starts a run
// only once its dependencies have ended), so this cannot deadlock.
type scheduler struct {
	mu    sync.Mutex
	free  int
	open  map[*types.Package]bool
	high  []*waiter                    // of open packages, in arrival order
	low   []*waiter                    // the others, in arrival order
	byPkg map[*types.Package][]*waiter // low waiters by package
}

type waiter struct {
	pkg   *types.Package
	ready chan struct{}
	moved bool // moved from low to high
}

func newScheduler(n int) scheduler {
	return scheduler{free: n, open: map[*types.Package]bool{}, byPkg: map[*types.Package][]*waiter{}}
}

func (s *scheduler) acquire(pkg *types.Package) {
	s.mu.Lock()
	if s.free > 0 { // then no run waits
		s.free--
		s.opened(pkg)
		s.mu.Unlock()
		return
	}
	w := &waiter{pkg: pkg, ready: make(chan struct{})}
	if s.open[pkg] {
		s.high = append(s.high, w)
	} else {
		s.low = append(s.low, w)
		s.byPkg[pkg] = append(s.byPkg[pkg], w)
	}
	s.mu.Unlock()
	<-w.ready
}

// opened marks pkg open and moves its low waiters up.
func (s *scheduler) opened(pkg *types.Package) {
	if s.open[pkg] {
		return
	}
	s.open[pkg] = true
	for _, w := range s.byPkg[pkg] {
		w.moved = true
		s.high = append(s.high, w)
	}
	delete(s.byPkg, pkg)
}

func (s *scheduler) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.high) > 0 {
		w := s.high[0]
		s.high = s.high[1:]
		close(w.ready)
		return
	}
	if s.startNew() {
		return
	}
	s.free++
}

// startNew hands the slot to the first waiter of a package not started
// yet, if any.
func (s *scheduler) startNew() bool {
	for len(s.low) > 0 {
		w := s.low[0]
		s.low = s.low[1:]
		if w.moved {
			continue
		}
		// The first of its package: the others move up.
		ws := s.byPkg[w.pkg]
		for i, o := range ws {
			if o == w {
				s.byPkg[w.pkg] = append(ws[:i:i], ws[i+1:]...)
				break
			}
		}
		s.opened(w.pkg)
		close(w.ready)
		return true
	}
	return false
}

// close marks pkg as no longer open: its analyses have all ended.
func (s *scheduler) close(pkg *types.Package) {
	s.mu.Lock()
	delete(s.open, pkg)
	s.mu.Unlock()
}

// load type-checks the package of pass if it was deferred, and completes
// the pass: the checker made it from the package as it was then. Every
// action on a package but one (the inspector's, which prepareDeferred
// makes every analyzer require) starts after that one ended, so only its
// pass is made before the load.
func (r *releaser) load(pass *analysis.Pass) error {
	p := r.pkgs[pass.Pkg]
	if p == nil {
		return nil
	}
	r.loader.ensure(p)
	if pass.TypesInfo != p.TypesInfo {
		// The checker's own pass, which its ReadFile checks names against.
		pass.Files, pass.TypesInfo, pass.TypeErrors = p.Syntax, p.TypesInfo, p.TypeErrors
	}
	if p.IllTyped && !pass.Analyzer.RunDespiteErrors {
		return errors.New("analysis skipped due to errors in package") // as the checker says
	}
	return nil
}

// inspectorName is the name of the suite's inspector analyzer
// (analyzers/internal/tree), which loads a deferred package.
const inspectorName = "otelinspect"

// loadOrder is a fact type that the driver gives the inspector analyzer
// of its suite: never exported, it makes the checker run the inspector on
// a package after its imports, the order in which packages type-check.
type loadOrder struct{}

func (*loadOrder) AFact()         {}
func (*loadOrder) String() string { return "loadOrder" }

// prepareDeferred readies the driver's own suite (analyzers and what they
// require) for packages loaded as the analysis reaches them: the
// inspector analyzer runs on a package after its imports, and every other
// analyzer requires it, so that it is the first action on each package
// and the one that loads it. It reports false, and changes nothing, when
// the suite has no inspector analyzer.
func prepareDeferred(analyzers []*analysis.Analyzer) bool {
	var insp *analysis.Analyzer
	var list []*analysis.Analyzer // dependency order
	eachAnalyzer(analyzers, func(a *analysis.Analyzer) {
		if a.Name == inspectorName {
			insp = a
		}
		list = append(list, a)
	})
	if insp == nil || len(insp.Requires) > 0 || len(insp.FactTypes) > 0 {
		return false
	}
	requires := map[*analysis.Analyzer]bool{insp: true}
	for _, a := range list {
		for _, req := range a.Requires {
			if requires[req] {
				requires[a] = true
			}
		}
		if !requires[a] {
			a.Requires = append(a.Requires, insp)
			requires[a] = true
		}
	}
	insp.FactTypes = []analysis.Fact{new(loadOrder)}
	insp.RunDespiteErrors = true
	return true
}
