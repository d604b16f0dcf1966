package blockinghandler

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestOwnCode: which packages get facts, by the pass's module or, under
// Bazel's nogo (no module, files relative to the execution root), by
// where the files are.
func TestOwnCode(t *testing.T) {
	for _, c := range []struct {
		path, file string
		module     *analysis.Module
		want       bool
	}{
		{"example.com/app/store", "/src/app/store/store.go", &analysis.Module{Path: "example.com/app", Main: true}, true},
		{"github.com/lib/db", "/mod/github.com/lib/db/db.go", &analysis.Module{Path: "github.com/lib/db", Version: "v1.2.0"}, false},
		// nogo: the workspace's own code, whatever its import path.
		{"mycorp/services/store", "services/store/store.go", nil, true},
		{"github.com/acme/app/store", "store/store.go", nil, true},
		// nogo: external repositories and the standard library.
		{"github.com/lib/db", "external/gazelle++go_deps+com_github_lib_db/db.go", nil, false},
		{"net/http", "external/rules_go++go_sdk+main___download_0/src/net/http/server.go", nil, false},
		// No module and absolute paths: by the import path.
		{"github.com/lib/db", "/tmp/db/db.go", nil, true},
		{"net/http", "/goroot/src/net/http/server.go", nil, false},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, c.file, "package p\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: types.NewPackage(c.path, "p"), Module: c.module}
		if got := ownCode(pass); got != c.want {
			t.Errorf("ownCode(%s in %s, module %+v) = %v, want %v", c.path, c.file, c.module, got, c.want)
		}
	}
}
