package driver

import (
	"go/ast"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestSetsGlobals: a dependency that installs the global propagator or
// tracer provider is read from source, so that the propagator rule's
// package facts see it; one that only reads the globals is not.
func TestSetsGlobals(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"package a\nimport \"go.opentelemetry.io/otel\"\nfunc init() { otel.SetTextMapPropagator(nil) }\n", true},
		{"package a\nimport \"go.opentelemetry.io/otel\"\nfunc Setup() { otel.SetTracerProvider(nil) }\n", true},
		{"package a\nimport \"go.opentelemetry.io/otel\"\nvar T = otel.Tracer(\"a\")\n", false},
	} {
		name := filepath.Join(dir, "a.go")
		if err := os.WriteFile(name, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := setsGlobals(&packages.Package{CompiledGoFiles: []string{name}}); got != c.want {
			t.Errorf("setsGlobals(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// TestReduceEdges: the checker's graph keeps only the import edges that no
// other path implies, and every package still reaches what it reached.
func TestReduceEdges(t *testing.T) {
	src := []*ast.File{{}}
	a := &packages.Package{ID: "a", Syntax: src}
	b := &packages.Package{ID: "b", Syntax: src, Imports: map[string]*packages.Package{"a": a}}
	c := &packages.Package{ID: "c", Syntax: src, Imports: map[string]*packages.Package{"a": a, "b": b}}
	d := &packages.Package{ID: "d", Syntax: src, Imports: map[string]*packages.Package{"a": a, "c": c}}
	e := &packages.Package{ID: "e", IllTyped: true, Imports: map[string]*packages.Package{"b": b}} // failed export data stays
	f := &packages.Package{ID: "f", Syntax: src, Imports: map[string]*packages.Package{"a": a, "e": e}}
	all := []*packages.Package{a, b, c, d, e, f}
	closure := func() map[string][]string {
		out := map[string][]string{}
		for _, p := range all {
			seen := map[string]bool{}
			var visit func(*packages.Package)
			visit = func(q *packages.Package) {
				for _, imp := range q.Imports {
					if !seen[imp.ID] {
						seen[imp.ID] = true
						visit(imp)
					}
				}
			}
			visit(p)
			for id := range seen {
				out[p.ID] = append(out[p.ID], id)
			}
			slices.Sort(out[p.ID])
		}
		return out
	}
	before := closure()
	r := &loadResult{all: all, loader: &typeLoader{later: map[*packages.Package]*laterLoad{}}}
	r.reduceEdges()
	if after := closure(); !reflect.DeepEqual(before, after) {
		t.Errorf("closures changed: %v, were %v", after, before)
	}
	want := map[string][]string{"a": nil, "b": {"a"}, "c": {"b"}, "d": {"c"}, "e": {"b"}, "f": {"e"}}
	for _, p := range all {
		var got []string
		for _, imp := range p.Imports {
			got = append(got, imp.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want[p.ID]) {
			t.Errorf("%s imports %v, want %v", p.ID, got, want[p.ID])
		}
	}
}
