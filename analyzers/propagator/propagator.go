package propagator

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports programs that install a tracer provider and set no
// text-map propagator. It is the instance the drivers run by default; New
// makes independent ones.
var Analyzer = New()

// New returns a new propagator analyzer. It has no options. Its fact types
// are shared with every other instance.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "propagator",
		Doc:       docutil.MustExtract(doc, "propagator"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/propagator.md",
		Run:       safe.Run(run),
		FactTypes: []analysis.Fact{new(installsProvider), new(program)},
	}
}

// installsProvider is an object fact: the function installs the global
// tracer provider, itself or through the functions it calls.
type installsProvider struct{}

func (*installsProvider) AFact()         {}
func (*installsProvider) String() string { return "installsTracerProvider" }

// program is a package fact about the package and everything it links.
// It is exported only when one of its fields is true.
type program struct {
	// Installs: some function installs the global tracer provider
	// (installsProvider facts).
	Installs bool
	// SetsPropagator: some code calls otel.SetTextMapPropagator (or
	// refers to it), in any function or init.
	SetsPropagator bool
	// Propagates: some code injects or extracts trace context through
	// the global propagator (contrib instrumentation such as otelhttp or
	// otelgrpc, otel.GetTextMapPropagator).
	Propagates bool
}

func (*program) AFact() {}

// merge adds what q says to p.
func (p *program) merge(q program) {
	p.Installs = p.Installs || q.Installs
	p.SetsPropagator = p.SetsPropagator || q.SetsPropagator
	p.Propagates = p.Propagates || q.Propagates
}

func (p *program) String() string {
	var s []string
	if p.Installs {
		s = append(s, "installs")
	}
	if p.SetsPropagator {
		s = append(s, "setsPropagator")
	}
	if p.Propagates {
		s = append(s, "propagates")
	}
	return strings.Join(s, " ")
}

func run(pass *analysis.Pass) (any, error) {
	var files []*ast.File // the program's own files: no tests
	for _, f := range pass.Files {
		if !isTestFile(pass.Fset, f) {
			files = append(files, f)
		}
	}
	var deps program // what the direct imports and everything under them do
	global := false  // the package imports the global API
	for _, imp := range pass.Pkg.Imports() {
		global = global || imp.Path() == otelapi.OtelModule
		var f program
		if pass.ImportPackageFact(imp, &f) {
			deps.merge(f)
		}
	}
	// Fast path: without the global API or a dependency that installs a
	// provider, the package can neither install one nor set a propagator.
	var installs map[*types.Func]bool
	if global || deps.Installs {
		installs = computeInstalls(pass, files)
	}
	prog := summarise(pass, files, global)
	prog.Installs = len(installs) > 0
	prog.merge(deps)
	if pass.Pkg.Name() != "main" {
		if prog != (program{}) {
			pass.ExportPackageFact(&prog)
		}
		return nil, nil // a library is never reported: its program decides
	}
	pass, done := suppress.Filter(pass)
	defer done()
	if !global && !deps.Installs {
		return nil, nil // nothing here can install a provider
	}
	// Everything the program links, also through packages read from
	// export data, whose facts reach us without an import edge.
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*program); ok {
			prog.merge(*f)
		}
	}
	if !prog.Propagates || !prog.SetsPropagator {
		links := linked(pass.Pkg)
		prog.Propagates = prog.Propagates || links.Propagates
		prog.SetsPropagator = prog.SetsPropagator || links.SetsPropagator
	}
	if prog.SetsPropagator || !prog.Propagates {
		return nil, nil
	}
	if s, ok := site(pass, files, installs); ok {
		report(pass, s)
	}
	return nil, nil
}

func isTestFile(fset *token.FileSet, f *ast.File) bool {
	tf := fset.File(f.Pos())
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// installer reports whether fn installs the global tracer provider: it is
// otel.SetTracerProvider or carries the fact (or is in local, this
// package's functions found so far).
func installer(pass *analysis.Pass, fn *types.Func, local map[*types.Func]bool) bool {
	if fn == nil {
		return false
	}
	if otelapi.InstallsTracerProvider(fn) || local[fn] {
		return true
	}
	if fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
		return false
	}
	return pass.ImportObjectFact(fn.Origin(), new(installsProvider))
}

// computeInstalls finds the functions of the package that install the
// global tracer provider, directly or through the functions they call
// (statically), exports their facts and returns them.
func computeInstalls(pass *analysis.Pass, files []*ast.File) map[*types.Func]bool {
	type decl struct {
		fn   *types.Func
		body *ast.BlockStmt
	}
	var decls []decl
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || testcode.TakesTesting(pass.TypesInfo, fd.Type) {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				decls = append(decls, decl{fn, fd.Body})
			}
		}
	}
	local := map[*types.Func]bool{}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if local[d.fn] {
				continue
			}
			safe.At(pass, d.body.Pos())
			found := false
			ast.Inspect(d.body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && installer(pass, typeutil.StaticCallee(pass.TypesInfo, call), local) {
					found = true
				}
				return !found
			})
			if found {
				local[d.fn] = true
				changed = true
			}
		}
	}
	if pass.Pkg.Name() == "main" {
		return local // no package imports a main package
	}
	// Export in declaration order: facts are deterministic.
	for _, d := range decls {
		if local[d.fn] {
			pass.ExportObjectFact(d.fn, new(installsProvider))
		}
	}
	return local
}

// summarise returns what the package's own files do with the global
// propagator.
func summarise(pass *analysis.Pass, files []*ast.File, global bool) program {
	var p program
	for _, f := range files {
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			if otelapi.IsPropagatingInstrumentation(path) {
				p.Propagates = true
			}
			if otelapi.SetsPropagatorPkg(path) {
				p.SetsPropagator = true // the collector's service
			}
		}
		if !global {
			continue // the setter and getter are the global API's
		}
		ast.Inspect(f, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
			if !ok {
				return true
			}
			// A reference counts, not only a call: a setter passed on
			// is called somewhere (silence when in doubt).
			if otelapi.SetsPropagator(fn) {
				p.SetsPropagator = true
			}
			if otelapi.UsesPropagator(fn) {
				p.Propagates = true
			}
			return true
		})
	}
	return p
}

// linked returns what the packages that pkg links, through the imports
// its type information records, say by their import paths: instrumentation
// that uses the global propagator, a package that sets it.
func linked(pkg *types.Package) program {
	var out program
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		out.Propagates = out.Propagates || otelapi.IsPropagatingInstrumentation(p.Path())
		out.SetsPropagator = out.SetsPropagator || otelapi.SetsPropagatorPkg(p.Path())
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
	return out
}

// A setupSite is where the program installs the tracer provider: a call
// of otel.SetTracerProvider, or of a function that makes it.
type setupSite struct {
	call   *ast.CallExpr
	fn     *types.Func
	file   *ast.File
	direct bool // otel.SetTracerProvider itself
	stmt   ast.Stmt
}

// site returns the setup site to report: the first direct call of
// otel.SetTracerProvider in the package's non-test code, or else the
// first call into a function of another package that installs one.
func site(pass *analysis.Pass, files []*ast.File, local map[*types.Func]bool) (setupSite, bool) {
	var sites []setupSite
	for _, f := range files {
		if cgofile.IsGenerated(f) {
			continue
		}
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.FuncDecl:
				if testcode.TakesTesting(pass.TypesInfo, n.Type) {
					stack = stack[:len(stack)-1]
					return false
				}
			case *ast.FuncLit:
				if testcode.TakesTesting(pass.TypesInfo, n.Type) {
					stack = stack[:len(stack)-1]
					return false
				}
			case *ast.CallExpr:
				fn := typeutil.StaticCallee(pass.TypesInfo, n)
				if fn == nil || local[fn] || !installer(pass, fn, nil) {
					return true
				}
				s := setupSite{call: n, fn: fn, file: f, direct: otelapi.InstallsTracerProvider(fn)}
				if len(stack) >= 3 {
					if es, ok := stack[len(stack)-2].(*ast.ExprStmt); ok {
						if _, ok := stack[len(stack)-3].(*ast.BlockStmt); ok {
							s.stmt = es
						}
					}
				}
				sites = append(sites, s)
			}
			return true
		})
	}
	if len(sites) == 0 {
		return setupSite{}, false
	}
	sort.SliceStable(sites, func(i, j int) bool {
		if sites[i].direct != sites[j].direct {
			return sites[i].direct
		}
		return sites[i].call.Pos() < sites[j].call.Pos()
	})
	return sites[0], true
}

const consequence = "the global propagator is a no-op: instrumentation such as otelhttp and otelgrpc neither reads nor sends traceparent, so every service starts its own trace"

func report(pass *analysis.Pass, s setupSite) {
	safe.At(pass, s.call.Pos())
	d := analysis.Diagnostic{Pos: s.call.Pos(), End: s.call.End()}
	if s.direct {
		d.Message = "the program installs a tracer provider but sets no text-map propagator (" + consequence + "; call otel.SetTextMapPropagator)"
		if fix, ok := insertFix(pass, s); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	} else {
		name := s.fn.Name()
		if s.fn.Pkg() != nil {
			name = s.fn.Pkg().Name() + "." + name
		}
		if sig, ok := s.fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			t := sig.Recv().Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok {
				name = n.Obj().Name() + "." + s.fn.Name()
			}
		}
		d.Message = fmt.Sprintf("%s installs a tracer provider but the program sets no text-map propagator (%s; call otel.SetTextMapPropagator)", name, consequence)
	}
	pass.Report(d)
}

// insertFix returns a fix that sets the W3C trace-context and baggage
// propagators right after the otel.SetTracerProvider statement, importing
// the propagation package if the file does not.
func insertFix(pass *analysis.Pass, s setupSite) (analysis.SuggestedFix, bool) {
	sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr)
	if s.stmt == nil || !ok {
		return analysis.SuggestedFix{}, false
	}
	otelName, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	var edits []analysis.TextEdit
	prop := importName(s.file, otelapi.PropagationPkg)
	if prop == "" {
		prop = "propagation"
		if taken(pass, s.stmt.End(), prop) || fileDeclares(pass, s.file, prop) {
			return analysis.SuggestedFix{}, false // the name is taken
		}
		e, ok := addImport(s.file, otelapi.PropagationPkg)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, e)
	} else if prop == "." || prop == "_" {
		return analysis.SuggestedFix{}, false
	}
	at, ok := lineEnd(pass, s.stmt)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	indent := strings.Repeat("\t", max(pass.Fset.Position(s.stmt.Pos()).Column-1, 0))
	text := fmt.Sprintf("\n%s%s.SetTextMapPropagator(%s.NewCompositeTextMapPropagator(%s.TraceContext{}, %s.Baggage{}))",
		indent, otelName.Name, prop, prop, prop)
	edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)})
	return analysis.SuggestedFix{
		Message:   "Set the W3C trace-context and baggage propagators",
		TextEdits: edits,
	}, true
}

// lineEnd returns the end of the line where stmt ends, after a trailing
// comment, if nothing but a comment follows stmt on that line.
func lineEnd(pass *analysis.Pass, stmt ast.Stmt) (token.Pos, bool) {
	tf := pass.Fset.File(stmt.End())
	if tf == nil {
		return token.NoPos, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil {
		return token.NoPos, false
	}
	off := tf.Offset(stmt.End())
	if off > len(src) {
		return token.NoPos, false
	}
	rest := src[off:]
	if i := strings.IndexByte(string(rest), '\n'); i >= 0 {
		rest = rest[:i]
	}
	if t := strings.TrimSpace(string(rest)); t != "" && !strings.HasPrefix(t, "//") {
		return token.NoPos, false // more code on the line
	}
	return tf.Pos(off + len(rest)), true
}

// importName returns the name under which file imports path, or "".
func importName(file *ast.File, path string) string {
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return "propagation"
		}
	}
	return ""
}

// taken reports whether name denotes something at pos (a local variable,
// a package-level declaration).
func taken(pass *analysis.Pass, pos token.Pos, name string) bool {
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return pass.Pkg.Scope().Lookup(name) != nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj != nil
}

// fileDeclares reports whether name is an import name of file.
func fileDeclares(pass *analysis.Pass, file *ast.File, name string) bool {
	for _, imp := range file.Imports {
		if imp.Name != nil && imp.Name.Name == name {
			return true
		}
		if pn, ok := pass.TypesInfo.Implicits[imp].(*types.PkgName); ok && pn.Name() == name {
			return true
		}
	}
	return false
}

// addImport returns an edit that imports path into file: after the
// import that sorts right before it, or before the first import.
func addImport(file *ast.File, path string) (analysis.TextEdit, bool) {
	if len(file.Imports) == 0 {
		return analysis.TextEdit{}, false
	}
	var after *ast.ImportSpec
	for _, imp := range file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if p < path && (after == nil || p > after.Path.Value[1:len(after.Path.Value)-1]) {
			after = imp
		}
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			switch {
			case after == nil && spec == file.Imports[0]:
				if gd.Lparen.IsValid() {
					return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(strconv.Quote(path) + "\n\t")}, true
				}
				return analysis.TextEdit{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import " + strconv.Quote(path) + "\n")}, true
			case spec == after:
				if gd.Lparen.IsValid() {
					return analysis.TextEdit{Pos: after.End(), End: after.End(), NewText: []byte("\n\t" + strconv.Quote(path))}, true
				}
				return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + strconv.Quote(path))}, true
			}
		}
	}
	return analysis.TextEdit{}, false
}
