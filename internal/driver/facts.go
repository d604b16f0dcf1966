package driver

import (
	"fmt"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Facts without copies
//
// The checker gives every action its own map of facts, made before the
// run by copying the maps of the actions it depends on: a package's map
// holds the facts of its whole import closure (methods' facts travel
// every level). The copying and the maps grow as the square of the
// module: on temporal, 6,000 ReachesSpans facts became 540,000 map
// entries, copied one import edge at a time, and every action kept its
// map to the end of the run.
//
// The standalone driver keeps each analyzer's facts once instead, in a
// factStore, and gives the passes of its analyzers functions that read
// and write it. The checker's maps stay empty, so its copying costs
// nothing. What a pass sees is what the checker would show it: the
// checker runs a fact analyzer on a package only after it has run on the
// package's imports, so every object a pass can name belongs to a
// package whose facts are complete; AllObjectFacts and AllPackageFacts
// list the facts of the package and of its import closure in the
// checker's graph.

// factStore holds the facts of one analyzer, for every package.
type factStore struct {
	mu       sync.RWMutex
	objects  map[objectKey]analysis.Fact
	packages map[packageKey]analysis.Fact
	byPkg    map[*types.Package][]objectKey // the objects with facts, by package
}

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

type packageKey struct {
	pkg *types.Package
	t   reflect.Type
}

func newFactStore() *factStore {
	return &factStore{
		objects:  map[objectKey]analysis.Fact{},
		packages: map[packageKey]analysis.Fact{},
		byPkg:    map[*types.Package][]objectKey{},
	}
}

// factType is the key of a fact's type; a fact must be a pointer.
func factType(fact analysis.Fact) reflect.Type {
	t := reflect.TypeOf(fact)
	if t == nil || t.Kind() != reflect.Pointer {
		panic(fmt.Sprintf("invalid fact type: got %T, want a pointer", fact))
	}
	return t
}

// bind makes pass read and write the store, for the analysis of pkg,
// whose import closure in the checker's graph closure gives. It returns
// the function to call when the run ends: the pass may export no fact
// after it, as in the checker.
func (s *factStore) bind(pass *analysis.Pass, a *analysis.Analyzer, closure func() []*types.Package) (ended func()) {
	pkg := pass.Pkg
	var mu sync.Mutex
	running := true
	check := func(what string, fact analysis.Fact) {
		mu.Lock()
		defer mu.Unlock()
		if !running {
			panic(fmt.Sprintf("%s: %s(%T) on %s called after Run", a.Name, what, fact, pkg.Path()))
		}
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object")
		}
		s.mu.RLock()
		v, ok := s.objects[objectKey{obj, factType(ptr)}]
		s.mu.RUnlock()
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		check("ExportObjectFact", fact)
		if obj.Pkg() != pkg {
			panic(fmt.Sprintf("%s: ExportObjectFact(%s, %T) on %s: the object belongs to another package", a.Name, obj, fact, pkg.Path()))
		}
		k := objectKey{obj, factType(fact)}
		s.mu.Lock()
		if _, ok := s.objects[k]; !ok {
			s.byPkg[pkg] = append(s.byPkg[pkg], k)
		}
		s.objects[k] = fact // the last one wins, as in the checker
		s.mu.Unlock()
	}
	pass.ImportPackageFact = func(p *types.Package, ptr analysis.Fact) bool {
		if p == nil {
			panic("nil package")
		}
		s.mu.RLock()
		v, ok := s.packages[packageKey{p, factType(ptr)}]
		s.mu.RUnlock()
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		}
		return ok
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		check("ExportPackageFact", fact)
		k := packageKey{pkg, factType(fact)}
		s.mu.Lock()
		s.packages[k] = fact
		s.mu.Unlock()
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		s.mu.RLock()
		defer s.mu.RUnlock()
		for _, p := range closure() {
			for _, k := range s.byPkg[p] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: s.objects[k]})
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		s.mu.RLock()
		defer s.mu.RUnlock()
		for _, p := range closure() {
			for _, t := range a.FactTypes {
				if f, ok := s.packages[packageKey{p, reflect.TypeOf(t)}]; ok {
					out = append(out, analysis.PackageFact{Package: p, Fact: f})
				}
			}
		}
		return out
	}
	return func() {
		mu.Lock()
		running = false
		mu.Unlock()
	}
}

// importClosure returns a function listing p's package and every package
// it reaches over the import edges, p first. It is called during the
// analysis, when the edges are the checker's graph (checkerGraph).
func importClosure(pkg *types.Package, p *packages.Package) func() []*types.Package {
	return func() []*types.Package {
		if p == nil {
			return []*types.Package{pkg}
		}
		seen := map[*packages.Package]bool{p: true}
		out := []*types.Package{p.Types}
		stack := []*packages.Package{p}
		for len(stack) > 0 {
			q := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, imp := range q.Imports {
				if !seen[imp] {
					seen[imp] = true
					out = append(out, imp.Types)
					stack = append(stack, imp)
				}
			}
		}
		return out
	}
}
