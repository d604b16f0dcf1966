package attrkey

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestSameModule: whose attribute.Key constants are checked where they
// are declared, by the pass's module or, under Bazel's nogo (no module),
// by the first three elements of the import paths.
func TestSameModule(t *testing.T) {
	for _, c := range []struct {
		pkg, other string
		module     *analysis.Module
		want       bool
	}{
		{"example.com/app/api", "example.com/app/keys", &analysis.Module{Path: "example.com/app"}, true},
		{"example.com/app/api", "example.com/shared/keys", &analysis.Module{Path: "example.com/app"}, false},
		{"github.com/acme/app/api", "github.com/acme/app/internal/keys", nil, true},
		{"github.com/acme/app/api", "github.com/acme/keys", nil, false},
		{"github.com/acme/app", "github.com/acme/app/keys", nil, true},
	} {
		pass := &analysis.Pass{Pkg: types.NewPackage(c.pkg, "p"), Module: c.module}
		if got := sameModule(pass, types.NewPackage(c.other, "keys")); got != c.want {
			t.Errorf("sameModule(%s, %s, module %+v) = %v, want %v", c.pkg, c.other, c.module, got, c.want)
		}
	}
}
