// Package scope decides which packages the rules need to analyse at all.
//
// Facts about a package matter only when they can change a finding: the
// helpers that start, end or annotate spans, the functions that install
// the global tracer provider or propagator, and, in the module being
// linted, everything (a context-free helper that blocks, a handler tree).
// A dependency that declares none of the first two is as good as absent.
// The standalone driver reads such dependencies from export data and never
// analyses them; the drivers that analyse every dependency (go vet, for
// facts only; golangci-lint, from source) skip them through this package's
// answer instead, so that every driver computes the same facts.
package scope

import (
	"go/ast"
	"go/build"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// GlobalSetters are the names of the global API's functions that install
// process-wide state, about which the propagator and providershutdown
// rules keep package facts for the whole program.
var GlobalSetters = []string{"SetTextMapPropagator", "SetTracerProvider"}

// Needed reports whether the rules must analyse the package of pass: it
// belongs to the main module (or to no module known to be another, such
// as a GOPATH package), or it declares span API or installs the globals.
// The OTel modules' own packages are never needed: the otelapi tables
// describe them.
func Needed(pass *analysis.Pass) bool {
	if otelapi.IsOTelAPIPath(pass.Pkg.Path()) {
		return false
	}
	if !dependency(pass) {
		return true
	}
	return DeclaresSpanAPI(pass.Files) || SetsGlobals(pass.Files)
}

// dependency reports whether the package is known to come from another
// module than the main ones, or from the standard library.
func dependency(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		// go vet before Go 1.27 says only the path and the version, which
		// a main module (or a go.work one) has not.
		return !m.Main && m.Version != ""
	}
	// No module: the standard library, or a GOPATH package.
	if len(pass.Files) == 0 {
		return true
	}
	tf := pass.Fset.File(pass.Files[0].Pos())
	if tf == nil || build.Default.GOROOT == "" {
		return false
	}
	src := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(tf.Name(), src)
}

// DeclaresSpanAPI reports whether the declarations of files (function
// signatures and receivers, types, package variables) mention trace.Span
// or trace.Tracer of the OTel trace API, so that the package may declare
// span helpers that facts must summarise. A package that uses spans only
// inside function bodies (to annotate the current span, say) cannot start
// a span for its importers or end one of theirs.
func DeclaresSpanAPI(files []*ast.File) bool {
	for _, f := range files {
		local := ""
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path != otelapi.TracePkg {
				continue
			}
			local = "trace"
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
		switch local {
		case "", "_":
			continue
		case ".":
			return true
		}
		for _, d := range f.Decls {
			var n ast.Node = d
			if fd, ok := d.(*ast.FuncDecl); ok {
				n = fd.Type
				if fd.Recv != nil && mentions(fd.Recv, local) {
					return true
				}
			}
			if mentions(n, local) {
				return true
			}
		}
	}
	return false
}

// SetsGlobals reports whether files import the OTel global API and name
// one of GlobalSetters.
func SetsGlobals(files []*ast.File) bool {
	for _, f := range files {
		imported := false
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == otelapi.OtelModule {
				imported = true
			}
		}
		if !imported {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				for _, name := range GlobalSetters {
					if id.Name == name {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// mentions reports whether n refers to local.Span or local.Tracer outside
// function literals.
func mentions(n ast.Node, local string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == local &&
				(sel.Sel.Name == "Span" || sel.Sel.Name == "Tracer") {
				found = true
			}
		}
		return !found
	})
	return found
}
