package driver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers"
)

// How packages are loaded
//
// The stock go/analysis driver loads every dependency from source as soon
// as one analyzer uses facts: on a large module that is the whole standard
// library and every dependency, parsed and type-checked, gigabytes of
// memory. otellint's facts only matter for code that can handle spans, so
// this loader splits the import graph:
//
//   - source: the root packages, their test variants, the other packages
//     of the main module, and every dependency that imports the OTel
//     trace API directly (a function that takes or
//     returns a trace.Span must name it), except the OTel modules
//     themselves, whose behaviour the otelapi tables describe; and every
//     dependency that installs the global tracer provider or text-map
//     propagator (the propagator rule's facts are about the whole
//     program). These are
//     parsed and type-checked, and the analyzers run on them, so facts
//     about helpers flow across packages and modules.
//   - export data: the dependencies that a source package imports directly
//     and that are not source. Their types come from the compiler's export
//     data (go list -export, from the build cache), as in the floor
//     driver that runs only syntactic analyzers.
//   - everything else is never materialised: export data is deep, so the
//     types that source packages reach through it are created on demand.
//
// The graph handed to the checker holds only the source packages (and
// the export-data ones that failed to load, whose errors stop their
// importers): an export-data package has no syntax, so no rule finds
// anything in it or records a fact about it, and an action on it would
// only copy its dependencies' facts. Its importers get edges to the
// source packages beyond it instead (checkerGraph), so facts about a
// helper still reach code that uses it through a package in between.
//
// Export data is read before the analysis starts, and so are the few
// source packages that export data refers to. When the driver's suite
// allows it (prepareDeferred, release.go), every other source package is
// type-checked only when the analysis reaches it, and released when its
// last analysis ends.

type loadResult struct {
	roots  []*packages.Package
	all    []*packages.Package // source (loaded, or deferred) or export, dependency order
	errors []pkgError          // list and type errors, compiler style
	source int
	export int

	// For -fix, which type-checks fixed files: the loader, and the plain
	// (non-test) variant of every package of the graph by path, loaded or
	// not, for the imports that a fix adds.
	loader *typeLoader
	byPath map[string]*packages.Package

	// For finish: what the go command said, and how to ask it again.
	ctx        context.Context
	dir        string
	buildFlags []string
	finished   bool
}

func load(dir string, patterns []string, tests bool, buildFlags []string) (*loadResult, error) {
	return loadContext(context.Background(), dir, patterns, tests, buildFlags, false)
}

// loadContext is load, which ends (and ends the go command it runs) when
// ctx is cancelled. With deferred, the source packages that no export-data
// package needs are not type-checked yet: the analysis loads each when it
// first needs it (typeLoader.ensure), and the errors are complete only
// after finish.
func loadContext(ctx context.Context, dir string, patterns []string, tests bool, buildFlags []string, deferred bool) (*loadResult, error) {
	cfg := &packages.Config{
		Context: ctx, // cancelling it ends the go command (see Run)
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
			packages.NeedModule | packages.NeedTypesSizes,
		Dir:        dir,
		Tests:      tests,
		BuildFlags: buildFlags,
	}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(initial) == 0 {
		// go/packages drops the go command's error when it lists no
		// package (go.mod file not found, ...): ask go again for it.
		if msg := goListError(ctx, dir, patterns, buildFlags); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, fmt.Errorf("no packages matched %s", strings.Join(patterns, " "))
	}

	// Roots: the packages named, without the synthesized test mains.
	isRoot := map[*packages.Package]bool{}
	var roots []*packages.Package
	for _, p := range initial {
		if p.Name == "main" && strings.HasSuffix(p.ID, ".test") && len(p.GoFiles) > 0 &&
			strings.Contains(p.GoFiles[0], string(os.PathSeparator)+"go-build") {
			continue // the generated testmain
		}
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue
		}
		isRoot[p] = true
		roots = append(roots, p)
	}

	// Topological order of the whole graph.
	var order []*packages.Package
	seen := map[*packages.Package]bool{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			visit(p.Imports[path])
		}
		order = append(order, p)
	}
	for _, p := range initial {
		visit(p)
	}

	// Decide how each package is loaded.
	source := map[*packages.Package]bool{}
	var candidates []*packages.Package
	for _, p := range order {
		switch {
		case isRoot[p]:
			source[p] = true
		case analyzers.IsOTelAPIPath(p.PkgPath) || p.PkgPath == "unsafe":
		case p.Name == "main" && strings.HasSuffix(p.ID, ".test"):
			// The test mains that go test generates (not roots, see
			// above): nothing imports them and no rule looks at their
			// code, yet from source each would be type-checked and
			// analysed, inheriting every fact of its test package.
		case p.Module != nil && p.Module.Main:
			// The module's own packages: facts about its helpers (a
			// context-free function that blocks) matter even when they
			// do not touch spans, and go vet computes them too.
			source[p] = true
		default:
			_, trace := p.Imports[analyzers.TraceAPIPath]
			_, global := p.Imports[analyzers.GlobalAPIPath]
			if trace || global {
				candidates = append(candidates, p)
			}
		}
	}
	keep := func(p *packages.Package) bool {
		_, trace := p.Imports[analyzers.TraceAPIPath]
		return setsGlobals(p) || trace && declaresSpanAPI(p)
	}
	for _, p := range filterParallel(candidates, keep) {
		source[p] = true
	}
	export := map[*packages.Package]bool{}
	for p := range source {
		for _, imp := range p.Imports {
			if !source[imp] {
				export[imp] = true
			}
		}
	}

	// With deferred, the source packages that an export-data package
	// imports, however deeply, are still loaded now: export data refers to
	// their objects, which must exist, from source, before it is read.
	later := map[*packages.Package]bool{}
	if deferred {
		needed := map[*packages.Package]bool{}
		var mark func(p *packages.Package)
		mark = func(p *packages.Package) {
			for _, imp := range p.Imports {
				if !needed[imp] {
					needed[imp] = true
					mark(imp)
				}
			}
		}
		for p := range export {
			mark(p)
		}
		for p := range source {
			if !needed[p] {
				later[p] = true
			}
		}
	}

	fset := token.NewFileSet()
	l := &typeLoader{fset: fset, later: map[*packages.Package]*laterLoad{}}
	res := &loadResult{roots: roots, loader: l, byPath: map[string]*packages.Package{}, ctx: context.WithoutCancel(ctx), dir: dir, buildFlags: buildFlags}
	for _, p := range order {
		if p.ID == p.PkgPath {
			res.byPath[p.PkgPath] = p
		}
	}
	// One *types.Package per package of the graph, created up front: the
	// type checker fills the source ones, export data fills the others,
	// and packages that no one loads stay as shared placeholders that the
	// export data readers complete on demand. Sharing them keeps type
	// identity across packages read from source and from export data.
	for _, p := range order {
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
	}
	var errMu sync.Mutex
	addErr := func(pkg, s string) {
		errMu.Lock()
		res.errors = append(res.errors, pkgError{pkg: pkg, msg: s})
		errMu.Unlock()
	}
	l.addErr = addErr

	done := make(map[*packages.Package]chan struct{}, len(order))
	for _, p := range order {
		done[p] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range order {
		wg.Add(1)
		go func(p *packages.Package) {
			defer wg.Done()
			defer close(done[p])
			for _, imp := range p.Imports {
				<-done[imp]
			}
			if !source[p] && !export[p] || later[p] {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if source[p] {
				l.fromSource(p, isRoot[p], addErr)
			} else {
				l.fromExport(p)
			}
		}(p)
	}
	wg.Wait()

	// Keep only loaded packages and the edges between them.
	for _, p := range order {
		if !source[p] && !export[p] {
			continue
		}
		if !p.Types.Complete() && p.Types != types.Unsafe && !source[p] {
			// Export data missing (the dependency failed to build).
			p.IllTyped = true
		}
		if p.TypesInfo == nil && !later[p] {
			p.TypesInfo = newInfo()
		}
		p.Fset = fset
		if p.TypesSizes == nil {
			p.TypesSizes = types.SizesFor("gc", runtime.GOARCH)
		}
		for path, imp := range p.Imports {
			if !source[imp] && !export[imp] {
				delete(p.Imports, path)
			}
		}
		res.all = append(res.all, p)
		if later[p] {
			l.later[p] = &laterLoad{root: isRoot[p], imports: p.Imports}
		}
		if source[p] {
			res.source++
		} else {
			res.export++
		}
	}
	if !deferred {
		res.finish()
	}
	return res, nil
}

// finish completes the errors once every package is loaded: it loads the
// roots that the analysis did not, adds what the go command reported for
// the roots, and sorts them. It runs once.
func (res *loadResult) finish() {
	if res.finished {
		return
	}
	res.finished = true
	for _, p := range res.roots {
		res.loader.ensure(p)
	}
	ctx, dir, buildFlags, addErr := res.ctx, res.dir, res.buildFlags, res.loader.addErr
	// Errors the go command reported (missing packages, syntax errors,
	// import cycles) for root packages.
	for _, p := range res.roots {
		if len(p.TypeErrors) > 0 || p.IllTyped {
			continue // our own parse and type errors say it better
		}
		for _, e := range p.Errors {
			if e.Kind == packages.TypeError {
				continue // reported by our own type check
			}
			addErr(p.ID, goErrorText(e))
			if strings.Contains(e.Msg, "does not contain main module") {
				// Outside a module, ./... says only this; go says why
				// for a directory.
				if msg := goListError(ctx, dir, []string{"."}, buildFlags); strings.Contains(msg, "go.mod file not found") {
					addErr(p.ID, "otellint: "+msg)
				}
			}
		}
	}
	sort.Slice(res.errors, func(i, j int) bool {
		if res.errors[i].msg != res.errors[j].msg {
			return res.errors[i].msg < res.errors[j].msg
		}
		return res.errors[i].pkg < res.errors[j].pkg
	})
	// The same error, from a package and its test variant, once.
	var uniq []pkgError
	for i, e := range res.errors {
		if i == 0 || e.msg != res.errors[i-1].msg {
			uniq = append(uniq, e)
		}
	}
	res.errors = uniq
}

// lookup returns the loaded package of an import path, nil when none is
// loaded (or its export data is missing). A deferred package is loaded now.
func (r *loadResult) lookup(path string) *types.Package {
	for _, p := range r.all {
		if p.PkgPath == path {
			r.loader.ensure(p)
		}
		if p.PkgPath == path && p.Types != nil && p.Types.Complete() {
			return p.Types
		}
	}
	return nil
}

// goErrorText is the go command's error as it prints it: with its position
// when it has one, without go/packages' "-: " otherwise (a pattern that
// matches nothing, a module that provides no such package).
func goErrorText(e packages.Error) string {
	if e.Pos == "" || e.Pos == "-" {
		return "otellint: " + e.Msg
	}
	return e.Pos + ": " + e.Msg
}

// goListError returns what the go command says about patterns when it
// fails to list them, "" when it does not fail.
func goListError(ctx context.Context, dir string, patterns, buildFlags []string) string {
	args := append([]string{"list", "-find"}, buildFlags...)
	cmd := exec.CommandContext(ctx, "go", append(append(args, "--"), patterns...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		return ""
	}
	return strings.TrimSpace(stderr.String())
}

type typeLoader struct {
	fset     *token.FileSet
	exportMu sync.Mutex // the export data reader completes shared placeholders
	addErr   func(pkg, msg string)
	// The deferred source packages; written before the analysis starts,
	// read-only after.
	later map[*packages.Package]*laterLoad
}

// laterLoad is a source package that is type-checked on first use.
type laterLoad struct {
	once sync.Once
	root bool
	// imports are the package's imports as loaded: the checker's graph
	// rewires p.Imports (checkerGraph), which the type checker cannot use.
	imports map[string]*packages.Package
}

// ensure type-checks p, after its imports, if it was deferred and is not
// loaded yet. Loads of different packages may run at once; a package's
// importers wait for it.
func (l *typeLoader) ensure(p *packages.Package) {
	ll := l.later[p]
	if ll == nil {
		return
	}
	ll.once.Do(func() {
		for _, imp := range ll.imports {
			l.ensure(imp)
		}
		l.fromSource(p, ll.root, l.addErr)
	})
}

// importsOf returns the imports that p is type-checked against.
func (l *typeLoader) importsOf(p *packages.Package) map[string]*packages.Package {
	if ll := l.later[p]; ll != nil {
		return ll.imports
	}
	return p.Imports
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

func (l *typeLoader) fromExport(p *packages.Package) {
	if p.PkgPath == "unsafe" {
		return
	}
	if p.ExportFile == "" {
		return
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return
	}
	// The reader resolves references by package path, so it gets a view
	// of this package's own dependency graph, in which a path means the
	// right variant ("q" or "q [p.test]").
	view := map[string]*types.Package{p.PkgPath: p.Types}
	seen := map[*packages.Package]bool{}
	var visit func(m map[string]*packages.Package)
	visit = func(m map[string]*packages.Package) {
		for _, dep := range m {
			if !seen[dep] {
				seen[dep] = true
				view[dep.PkgPath] = dep.Types
				visit(dep.Imports)
			}
		}
	}
	visit(p.Imports)
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	if _, err := gcexportdata.Read(r, l.fset, view, p.PkgPath); err != nil {
		return
	}
}

func (l *typeLoader) fromSource(p *packages.Package, root bool, addErr func(pkg, msg string)) {
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	var parseErrs []error
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			parseErrs = append(parseErrs, err)
			continue
		}
		f, err := parser.ParseFile(l.fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			if list, ok := err.(scanner.ErrorList); ok {
				for _, e := range list {
					parseErrs = append(parseErrs, e)
				}
			} else {
				parseErrs = append(parseErrs, err)
			}
		}
		if f != nil {
			files = append(files, f)
		}
	}
	info := newInfo()
	var typeErrs []types.Error
	// Imports that the go command could not resolve (no module provides
	// them, no go.mod, ...): its message says why, at each import; the type
	// checker's "could not import" would only hide it.
	imports := l.importsOf(p)
	missing := map[string]string{}
	for path, imp := range imports {
		if imp.Name == "" && len(imp.Errors) > 0 {
			missing[path] = imp.Errors[0].Msg
		}
	}
	var listErrs []packages.Error
	for _, f := range files {
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			if msg, ok := missing[path]; ok {
				listErrs = append(listErrs, packages.Error{Pos: l.fset.Position(spec.Path.Pos()).String(), Msg: msg, Kind: packages.ListError})
			}
		}
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if msg, ok := missing[path]; ok {
				return nil, errors.New(msg)
			}
			imp, ok := imports[path]
			if !ok || imp.Types == nil {
				return nil, fmt.Errorf("could not import %s (no export data; does it build?)", path)
			}
			return imp.Types, nil
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && !te.Soft {
				if _, ok := missing[importFailure(te.Msg)]; ok {
					return // reported as the go command's error
				}
				typeErrs = append(typeErrs, te)
			}
		},
	}
	if conf.Sizes == nil {
		conf.Sizes = types.SizesFor("gc", runtime.GOARCH)
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(conf, l.fset, p.Types, info).Files(files)
	p.TypesInfo, p.Syntax = info, files
	p.TypeErrors = typeErrs
	p.Errors = append(p.Errors, listErrs...)
	if len(parseErrs) > 0 || len(typeErrs) > 0 || len(listErrs) > 0 {
		p.IllTyped = true
		if root {
			for _, e := range listErrs {
				addErr(p.ID, goErrorText(e))
			}
			for _, e := range parseErrs {
				addErr(p.ID, e.Error())
			}
			for _, e := range typeErrs {
				addErr(p.ID, e.Error())
			}
		}
	}
}

// importFailure returns the import path of a type checker's "could not
// import <path> (...)" error, "" for another error.
func importFailure(msg string) string {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return ""
	}
	path, _, _ := strings.Cut(rest, " ")
	return path
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// pkgError is an error of one package, as the compiler would print it.
type pkgError struct {
	pkg, msg string
	rule     string // the rule that failed; "" when the package could not be analysed at all
}

// declaresSpanAPI reports whether a dependency's declarations mention
// trace.Span or trace.Tracer (analyzers.DeclaresSpanAPI), so that it may declare
// span helpers that facts must summarise; otherwise it is read from export
// data. Parsing is cheap next to type-checking, and only the dependencies
// that import the trace API are parsed here.
func declaresSpanAPI(p *packages.Package) bool {
	fset := token.NewFileSet()
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return true // let the real load report it
		}
		files = append(files, f)
	}
	return analyzers.DeclaresSpanAPI(files)
}

// setsGlobals reports whether a dependency's source names one of the
// OTel API functions that install process-wide state, which the rules
// summarise in package facts about the program (analyzers.GlobalSetters).
// Only packages that import the global API are looked at, and a byte
// search suffices: a false match only costs a type check.
func setsGlobals(p *packages.Package) bool {
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return true // let the real load report it
		}
		for _, fn := range analyzers.GlobalSetters {
			if bytes.Contains(src, []byte(fn)) {
				return true
			}
		}
	}
	return false
}

// filterParallel returns the elements of ps for which keep holds, in order.
func filterParallel(ps []*packages.Package, keep func(*packages.Package) bool) []*packages.Package {
	ok := make([]bool, len(ps))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range ps {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			ok[i] = keep(p)
		}()
	}
	wg.Wait()
	var out []*packages.Package
	for i, p := range ps {
		if ok[i] {
			out = append(out, p)
		}
	}
	return out
}

// checkerGraph rewires the import edges of the loaded packages for the
// checker: an edge to a package read from export data is replaced by edges
// to the source packages beyond it, and the export-data packages, which
// hold no syntax, get no actions. Those that failed to load stay, so that
// their importers are reported as not analysed. It returns the function
// that restores the edges, which -fix needs to resolve the imports that a
// fix adds.
func (r *loadResult) checkerGraph() (restore func()) {
	saved := make(map[*packages.Package]map[string]*packages.Package, len(r.all))
	for _, p := range r.all {
		saved[p] = p.Imports
	}
	kept := func(p *packages.Package) bool { return p.Syntax != nil || p.IllTyped || r.loader.later[p] != nil }
	beyond := map[*packages.Package][]*packages.Package{}
	var frontier func(p *packages.Package) []*packages.Package
	frontier = func(p *packages.Package) []*packages.Package {
		if f, ok := beyond[p]; ok {
			return f
		}
		seen := map[*packages.Package]bool{}
		var out []*packages.Package
		add := func(q *packages.Package) {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
		for _, imp := range saved[p] {
			if kept(imp) {
				add(imp)
				continue
			}
			for _, q := range frontier(imp) {
				add(q)
			}
		}
		beyond[p] = out
		return out
	}
	for _, p := range r.all {
		if !kept(p) {
			continue
		}
		m := make(map[string]*packages.Package, len(saved[p]))
		for path, imp := range saved[p] {
			if kept(imp) {
				m[path] = imp
				continue
			}
			for _, q := range frontier(imp) {
				m[q.ID] = q // an ID is no import path another edge uses
			}
		}
		p.Imports = m
	}
	return func() {
		for p, m := range saved {
			p.Imports = m
		}
	}
}

// reduceEdges drops, from the checker's graph that checkerGraph made, every
// import edge that another path already implies: an edge from p to q
// when q is reachable from another package p imports. The checker starts
// a goroutine for every edge of every action (on temporal, ~600,000 of
// them, 0.8 of 16 CPU-seconds), and orders runs the same without the
// redundant ones. It is only valid with the driver's fact stores
// (facts.go), which answer for every package of the import closure: the
// checker's own fact maps pass a function's facts over one edge only.
func (r *loadResult) reduceEdges() {
	// The packages of the graph in dependency order, each with the set of
	// packages it reaches (as a bit set over that order).
	index := map[*packages.Package]int{}
	var order []*packages.Package
	for _, p := range r.all {
		if p.Syntax != nil || p.IllTyped || r.loader.later[p] != nil {
			index[p] = len(order)
			order = append(order, p)
		}
	}
	words := (len(order) + 63) / 64
	reach := make([][]uint64, len(order)) // reach[i]: what order[i] reaches, itself excluded
	has := func(set []uint64, j int) bool { return set[j/64]&(1<<(j%64)) != 0 }
	for i, p := range order {
		set := make([]uint64, words)
		for _, imp := range p.Imports {
			j, ok := index[imp]
			if !ok {
				continue
			}
			set[j/64] |= 1 << (j % 64)
			for w := range set { // j < i: the order is the dependencies'
				set[w] |= reach[j][w]
			}
		}
		reach[i] = set
	}
	for _, p := range order {
		// What p reaches through its imports: an import among it is
		// reached another way (in a DAG no package reaches itself).
		beyond := make([]uint64, words)
		for _, imp := range p.Imports {
			if j, ok := index[imp]; ok {
				for w := range beyond {
					beyond[w] |= reach[j][w]
				}
			}
		}
		for path, imp := range p.Imports {
			if j, ok := index[imp]; ok && has(beyond, j) {
				delete(p.Imports, path)
			}
		}
	}
}
