package otelapi

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestSpanNameTables resolves every name in the span name tables against
// the real packages vendored in the testdata module, so that a typo or an
// API change fails here rather than silently matching nothing.
func TestSpanNameTables(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedTypes | packages.NeedName | packages.NeedImports | packages.NeedDeps, Dir: testutil.Dir()}
	pkgs, err := packages.Load(cfg, "net/http", "net/url", "fmt", "strings", "strconv", "path", "path/filepath",
		"github.com/gin-gonic/gin", "github.com/labstack/echo/v4", "github.com/gorilla/mux", OtelhttpPkg, TracePkg)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("load %s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	// split cuts "net/http.Request.Pattern" into "net/http" and
	// ["Request", "Pattern"].
	split := func(name string) (string, []string) {
		slash := strings.LastIndex(name, "/") + 1
		parts := strings.Split(name[slash:], ".")
		return name[:slash] + parts[0], parts[1:]
	}
	funcs := func(yield func(string) bool) {
		for _, m := range []map[string]NameSource{unboundedFuncs, unboundedMaps} {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		}
		for _, m := range []map[string]int{spanNameArgs, spanNameFormatters} {
			for k := range m {
				if !yield(k) {
					return
				}
			}
		}
		for k := range otelhttpSides {
			if !yield(k) {
				return
			}
		}
		if !yield(TracePkg + ".WithSpanKind") {
			return
		}
		for k := range routeFuncs {
			if !yield(k) {
				return
			}
		}
		for k := range nameCarriers {
			if !yield(k) {
				return
			}
		}
	}
	for name := range funcs {
		recv, rest, isMethod := strings.Cut(strings.TrimPrefix(name, "("), ").")
		var fn *types.Func
		if isMethod {
			path, typ := split(strings.TrimPrefix(recv, "*"))
			if p := byPath[path]; p != nil && len(typ) == 1 {
				if tn, ok := p.Scope().Lookup(typ[0]).(*types.TypeName); ok {
					obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, p, rest)
					fn, _ = obj.(*types.Func)
				}
			}
		} else {
			path, rest := split(name)
			if p := byPath[path]; p != nil && len(rest) == 1 {
				fn, _ = p.Scope().Lookup(rest[0]).(*types.Func)
			}
		}
		if fn == nil || fn.FullName() != name {
			t.Errorf("%s does not resolve to a function of that full name (got %v)", name, fn)
		}
	}
	for _, m := range []map[string]bool{routeFields, keysOf(unboundedFields)} {
		for name := range m {
			path, rest := split(name)
			p := byPath[path]
			if p == nil || len(rest) != 2 {
				t.Errorf("%s: no package", name)
				continue
			}
			tn, ok := p.Scope().Lookup(rest[0]).(*types.TypeName)
			if !ok {
				t.Errorf("%s: no type", name)
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, p, rest[1]); obj == nil {
				t.Errorf("%s: no field", name)
			} else if v, ok := obj.(*types.Var); !ok || !v.IsField() {
				t.Errorf("%s is not a field", name)
			}
		}
	}
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}
