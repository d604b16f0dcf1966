package analyzers_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// Bazel's rules_go runs the analyzers listed in a nogo target (its deps)
// once per package, as the package is compiled, in dependency order: each
// run reads the facts files of the package's direct imports and writes one
// facts file for its importers, holding every fact it knows (its own and
// those it read), whichever analyzer exported them. A package outside the
// nogo includes (every external repository, and what the configuration
// excludes) is analysed in facts-only mode: its diagnostics are dropped,
// and, in rules_go before bazel-contrib/rules_go#4615, an analyzer runs
// there only if it declares FactTypes itself, so a rule whose facts all
// come from a required helper analyzer is dropped with its helpers, and
// its importers see none of the helpers' facts. nogo gives the analyzers
// no module information (Pass.Module is nil). nogoRun emulates all that;
// TestNogo runs every rule alone through it and through the standard
// checker on the testdata cases that span packages, and wants the same
// findings from both.

// TestNogoFactTypes: every rule that requires, directly or not, an analyzer
// with facts declares fact types of its own, so that nogo keeps it, and its
// helpers, on the packages it only collects facts from.
func TestNogoFactTypes(t *testing.T) {
	for _, e := range analyzers.Suite {
		a := e.Analyzer
		if len(a.FactTypes) == 0 && closureUsesFacts(a) {
			t.Errorf("%s requires an analyzer with facts but declares no fact types: nogo (rules_go before #4615) drops it, and its helpers, on the packages it only collects facts from", a.Name)
		}
	}
}

func closureUsesFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	return slices.ContainsFunc(a.Requires, closureUsesFacts)
}

// TestNogo runs each rule alone, the way nogo does, on the testdata packages
// of the rule that import another testdata package (their imports are
// analysed in facts-only mode, as external repositories are), and compares
// its findings with those of the standard checker, where the helpers run on
// every dependency.
func TestNogo(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the cross-package cases of every rule from source")
	}
	roots := crossPackageCases(t)
	if len(roots) == 0 {
		t.Fatal("no cross-package testdata cases found")
	}
	for _, e := range analyzers.Suite {
		a := e.Analyzer
		t.Run(a.Name, func(t *testing.T) {
			var mine []*packages.Package
			for _, p := range roots {
				if strings.HasPrefix(p.PkgPath, "example.com/testdata/"+a.Name+"/") {
					mine = append(mine, p)
				}
			}
			if len(mine) == 0 {
				if closureUsesFacts(a) {
					t.Fatalf("%s uses facts but has no cross-package case: add one under testdata/%s (a package that imports another testdata package)", a.Name, a.Name)
				}
				return // nothing crosses a package boundary
			}
			want := checkerFindings(t, a, mine)
			if len(want) == 0 {
				t.Fatalf("the cross-package cases of %s report nothing: the comparison would prove nothing", a.Name)
			}
			got := nogoRun(t, a, mine)
			for _, d := range want {
				if !slices.Contains(got, d) {
					t.Errorf("under nogo %s loses the finding %s", a.Name, d)
				}
			}
			for _, d := range got {
				if !slices.Contains(want, d) {
					t.Errorf("under nogo %s reports %s, which the checker does not", a.Name, d)
				}
			}
		})
	}
}

// crossPackageCases loads, with the syntax of every dependency, the
// testdata packages under a rule's directory that import another testdata
// package.
func crossPackageCases(t *testing.T) []*packages.Package {
	dir := testutil.Dir()
	list, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, e := range analyzers.Suite {
		rules[e.Analyzer.Name] = true
	}
	var patterns []string
	for _, p := range list {
		rest, ok := strings.CutPrefix(p.PkgPath, "example.com/testdata/")
		if !ok || !rules[strings.Split(rest, "/")[0]] {
			continue
		}
		for path := range p.Imports {
			if strings.HasPrefix(path, "example.com/testdata/") {
				patterns = append(patterns, p.PkgPath)
				break
			}
		}
	}
	if len(patterns) == 0 {
		return nil
	}
	sort.Strings(patterns)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, err)
		}
	})
	return pkgs
}

// checkerFindings runs a on roots with the standard checker.
func checkerFindings(t *testing.T, a *analysis.Analyzer, roots []*packages.Package) []string {
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", a.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			out = append(out, finding(act.Package.Fset, d))
		}
	}
	sort.Strings(out)
	return out
}

func finding(fset *token.FileSet, d analysis.Diagnostic) string {
	return fmt.Sprintf("%s: %s", fset.Position(d.Pos), d.Message)
}

// A nogoFacts is the fact set of one package under nogo: the facts its
// analyzers exported and those read from its imports' facts files, of
// every analyzer.
type nogoFacts map[nogoKey]analysis.Fact

type nogoKey struct {
	obj types.Object   // nil for a package fact
	pkg *types.Package // for a package fact
	t   reflect.Type
}

// nogoEncoded is one fact in a facts file, as golang.org/x/tools'
// internal/facts (which nogo uses) writes it: the package, the object's
// path within it (empty for a package fact) and the gob-encoded fact.
type nogoEncoded struct {
	PkgPath string
	Object  objectpath.Path
	Fact    analysis.Fact
}

// nogoRun runs a alone, as one nogo binary whose deps list only it, over
// roots (the packages nogo includes) and their dependencies (analysed in
// facts-only mode), one package at a time in dependency order, with the
// facts of each package encoded to bytes and decoded by its importers. It
// returns a's findings in roots.
func nogoRun(t *testing.T, a *analysis.Analyzer, roots []*packages.Package) []string {
	var order []*analysis.Analyzer // a and its requirements, requirements first
	seen := map[*analysis.Analyzer]bool{}
	var visit func(x *analysis.Analyzer)
	visit = func(x *analysis.Analyzer) {
		if seen[x] {
			return
		}
		seen[x] = true
		for _, r := range x.Requires {
			visit(r)
		}
		for _, f := range x.FactTypes {
			gob.Register(f)
		}
		order = append(order, x)
	}
	visit(a)

	included := map[*packages.Package]bool{}
	for _, p := range roots {
		included[p] = true
	}
	files := map[*packages.Package][]byte{} // facts file of each package analysed
	var out []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		facts := nogoDecode(t, p, files)
		// rules_go before #4615: in facts-only mode, an analyzer whose
		// own FactTypes are empty is skipped, with its requirements.
		if included[p] || len(a.FactTypes) > 0 {
			results := map[*analysis.Analyzer]any{}
			for _, x := range order {
				if len(p.TypeErrors) > 0 && !x.RunDespiteErrors {
					break
				}
				var diags []analysis.Diagnostic
				pass := nogoPass(x, p, facts, results, func(d analysis.Diagnostic) { diags = append(diags, d) })
				res, err := x.Run(pass)
				if err != nil {
					t.Fatalf("%s on %s: %v", x.Name, p.PkgPath, err)
				}
				results[x] = res
				if x == a && included[p] {
					for _, d := range diags {
						out = append(out, finding(p.Fset, d))
					}
				}
			}
		}
		files[p] = nogoEncode(t, p, facts)
	})
	sort.Strings(out)
	return out
}

func nogoPass(a *analysis.Analyzer, p *packages.Package, facts nogoFacts, results map[*analysis.Analyzer]any, report func(analysis.Diagnostic)) *analysis.Pass {
	filter := map[reflect.Type]bool{}
	for _, f := range a.FactTypes {
		filter[reflect.TypeOf(f)] = true
	}
	inputs := map[*analysis.Analyzer]any{}
	for _, r := range a.Requires {
		inputs[r] = results[r]
	}
	get := func(k nogoKey, ptr analysis.Fact) bool {
		v, ok := facts[k]
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		}
		return ok
	}
	return &analysis.Pass{
		Analyzer:   a,
		Fset:       p.Fset,
		Files:      p.Syntax,
		OtherFiles: p.OtherFiles,
		Pkg:        p.Types,
		TypesInfo:  p.TypesInfo,
		TypesSizes: p.TypesSizes,
		// nogo sets no Module: the rules fall back on import paths.
		ResultOf: inputs,
		Report:   report,
		ReadFile: os.ReadFile,
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			return get(nogoKey{obj: obj, t: reflect.TypeOf(ptr)}, ptr)
		},
		ImportPackageFact: func(pkg *types.Package, ptr analysis.Fact) bool {
			return get(nogoKey{pkg: pkg, t: reflect.TypeOf(ptr)}, ptr)
		},
		ExportObjectFact: func(obj types.Object, f analysis.Fact) {
			if obj.Pkg() != p.Types {
				panic(fmt.Sprintf("%s: fact %T on %s, an object of another package", a.Name, f, obj))
			}
			facts[nogoKey{obj: obj, t: reflect.TypeOf(f)}] = f
		},
		ExportPackageFact: func(f analysis.Fact) {
			facts[nogoKey{pkg: p.Types, t: reflect.TypeOf(f)}] = f
		},
		AllObjectFacts: func() []analysis.ObjectFact {
			var out []analysis.ObjectFact
			for k, f := range facts {
				if k.obj != nil && filter[k.t] {
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
			return out
		},
		AllPackageFacts: func() []analysis.PackageFact {
			var out []analysis.PackageFact
			for k, f := range facts {
				if k.obj == nil && filter[k.t] {
					out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
				}
			}
			return out
		},
	}
}

// nogoEncode writes p's facts file: every fact of its set whose object a
// path can name, its own and those it inherited.
func nogoEncode(t *testing.T, p *packages.Package, facts nogoFacts) []byte {
	var list []nogoEncoded
	for k, f := range facts {
		e := nogoEncoded{Fact: f}
		if k.obj != nil {
			path, err := objectpath.For(k.obj)
			if err != nil {
				continue // an object importers cannot name
			}
			e.PkgPath, e.Object = k.obj.Pkg().Path(), path
		} else {
			e.PkgPath = k.pkg.Path()
		}
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].PkgPath != list[j].PkgPath {
			return list[i].PkgPath < list[j].PkgPath
		}
		if list[i].Object != list[j].Object {
			return list[i].Object < list[j].Object
		}
		return reflect.TypeOf(list[i].Fact).String() < reflect.TypeOf(list[j].Fact).String()
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(list); err != nil {
		t.Fatalf("encoding the facts of %s: %v", p.PkgPath, err)
	}
	return buf.Bytes()
}

// nogoDecode reads the facts files of p's direct imports into a fresh set,
// resolving packages and objects through p's view of its dependencies.
func nogoDecode(t *testing.T, p *packages.Package, files map[*packages.Package][]byte) nogoFacts {
	facts := nogoFacts{}
	byPath := map[string]*types.Package{}
	var walk func(pkg *types.Package)
	walk = func(pkg *types.Package) {
		if _, ok := byPath[pkg.Path()]; ok {
			return
		}
		byPath[pkg.Path()] = pkg
		for _, imp := range pkg.Imports() {
			walk(imp)
		}
	}
	if p.Types != nil {
		walk(p.Types)
	}
	for _, imp := range p.Imports {
		data, ok := files[imp]
		if !ok {
			continue
		}
		var list []nogoEncoded
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&list); err != nil {
			t.Fatalf("decoding the facts of %s: %v", imp.PkgPath, err)
		}
		for _, e := range list {
			pkg := byPath[e.PkgPath]
			if pkg == nil {
				continue
			}
			k := nogoKey{t: reflect.TypeOf(e.Fact)}
			if e.Object == "" {
				k.pkg = pkg
			} else {
				obj, err := objectpath.Object(pkg, e.Object)
				if err != nil {
					continue
				}
				k.obj = obj
			}
			facts[k] = e.Fact
		}
	}
	return facts
}

// TestNogoDocs: docs/nogo.md lists every rule package in its nogo target,
// and its config JSON parses as nogo reads it, with regular expressions
// that compile and analyzer_flags that the rules accept.
func TestNogoDocs(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "nogo.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	for _, e := range analyzers.Suite {
		if label := `"@com_github_otellint_otellint//analyzers/` + e.Analyzer.Name + `"`; !strings.Contains(text, label) {
			t.Errorf("docs/nogo.md: the nogo target does not list %s", label)
		}
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindStringSubmatch(text)
	if m == nil {
		t.Fatal("docs/nogo.md has no config JSON")
	}
	var config map[string]struct {
		OnlyFiles     map[string]string `json:"only_files"`
		ExcludeFiles  map[string]string `json:"exclude_files"`
		AnalyzerFlags map[string]string `json:"analyzer_flags"`
	}
	if err := json.Unmarshal([]byte(m[1]), &config); err != nil {
		t.Fatalf("docs/nogo.md: config JSON: %v", err)
	}
	byName := map[string]*analysis.Analyzer{"otellint": analyzers.NewDirectives()}
	for _, e := range analyzers.NewSuite() {
		byName[e.Analyzer.Name] = e.Analyzer
	}
	for name, c := range config {
		for re := range maps.Keys(c.OnlyFiles) {
			if _, err := regexp.Compile(re); err != nil {
				t.Errorf("docs/nogo.md: %s: only_files: %v", name, err)
			}
		}
		for re := range maps.Keys(c.ExcludeFiles) {
			if _, err := regexp.Compile(re); err != nil {
				t.Errorf("docs/nogo.md: %s: exclude_files: %v", name, err)
			}
		}
		if name == "_base" {
			continue
		}
		a := byName[name]
		if a == nil {
			t.Errorf("docs/nogo.md: config for %q, which is no otellint analyzer", name)
			continue
		}
		for k, v := range c.AnalyzerFlags {
			if a.Flags.Lookup(k) == nil {
				t.Errorf("docs/nogo.md: %s has no flag %q", name, k)
			} else if err := a.Flags.Set(k, v); err != nil {
				t.Errorf("docs/nogo.md: %s: %s=%s: %v", name, k, v, err)
			}
		}
	}
}
