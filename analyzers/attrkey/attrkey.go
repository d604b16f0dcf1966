package attrkey

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/ctxscope"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/semconv"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports attribute keys that the semantic conventions deprecate,
// misspell or type differently. It is the instance the drivers run by
// default; New makes independent ones.
var Analyzer = New(spans.Default)

// New returns a new attrkey analyzer with its own options.
// It reads the syntax through the inspector of h's suite
// (spans.Helper.Inspector).
func New(h *spans.Helper) *analysis.Analyzer {
	r := &rule{typos: true, types: true}
	r.h = h
	a := &analysis.Analyzer{
		Name:     "attrkey",
		Doc:      docutil.MustExtract(doc, "attrkey"),
		URL:      "https://github.com/otellint/otellint/blob/main/docs/rules/attrkey.md",
		Requires: []*analysis.Analyzer{h.Inspector()},
		Run:      safe.Run(r.run),
	}
	a.Flags.BoolVar(&r.typos, "typos", true, "report keys in a semantic-convention namespace that are one edit away from a key the conventions define")
	a.Flags.BoolVar(&r.types, "types", true, "report values whose type differs from the one the semantic conventions define for the key")
	return a
}

// rule holds one analyzer's options.
type rule struct {
	h            *spans.Helper // its suite's
	typos, types bool
}

// keySource says where a key's text comes from, which decides what is
// reported and how it can be fixed.
type keySource int

const (
	fromLiteral     keySource = iota // a string literal, maybe converted: "k", attribute.Key("k")
	fromExpr                         // another constant expression: a string constant, "a." + "b"
	fromSemconv                      // a constant of a semconv package: semconv.HTTPMethodKey
	fromHelper                       // a semconv helper function: semconv.HTTPMethod(v)
	fromOwnConstant                  // an attribute.Key constant of this module: checked where declared
)

type checker struct {
	pass *analysis.Pass
	rule *rule
	file *ast.File
	// semconvs are the semconv packages the file imports, newest first,
	// with the names the file gives them.
	semconvs []imported
	attrName string // the file's name for the attribute package, "" when not imported
	// keys are the constant keys set in the function being checked:
	// setting a deprecated key next to its replacement is a deliberate
	// migration (both emitted for a while), not a finding.
	keys map[string]bool
}

type imported struct {
	name string
	pkg  *types.Package
}

func (r *rule) run(pass *analysis.Pass) (any, error) {
	if otelapi.IsOTelAPIPath(pass.Pkg.Path()) || !importsAttributes(pass.Pkg) {
		return nil, nil
	}
	insp := r.h.Syntax(pass)
	pass, done := suppress.Filter(pass)
	defer done()
	c := &checker{pass: pass, rule: r}
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if cgofile.IsGenerated(f) || ctxscope.IsProgramEntryFile(pass.Fset, f.Pos()) {
			continue // tests assert on the keys the code under test emits
		}
		c.file = f
		c.imports(f)
		for _, decl := range f.Decls {
			safe.At(pass, decl.Pos())
			c.keys = keysSet(pass.TypesInfo, decl)
			ast.Inspect(decl, func(n ast.Node) bool {
				if gd, ok := n.(*ast.GenDecl); ok && (gd.Tok == token.CONST || gd.Tok == token.VAR) {
					c.checkDecls(gd)
				}
				if e, ok := n.(ast.Expr); ok {
					if a, ok := otelapi.AttrOf(pass.TypesInfo, e); ok {
						c.check(a)
					}
				}
				return true
			})
		}
	}
	return nil, nil
}

// sameModule reports whether pkg belongs to the module of the package
// being analysed: its attribute.Key constants are checked where they are
// declared, once, not again at every use. A constant of another module
// (a shared keys library) is checked at each use, as its declaration is
// not linted here. A driver that gives no module (Bazel's nogo) is
// answered by the first three elements of the import paths, as
// github.com/org/repo names a repository.
func sameModule(pass *analysis.Pass, pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if m := pass.Module; m != nil && m.Path != "" {
		return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
	}
	prefix := func(p string) string {
		parts := strings.SplitN(p, "/", 4)
		return strings.Join(parts[:min(3, len(parts))], "/")
	}
	return prefix(pkg.Path()) == prefix(pass.Pkg.Path())
}

// importsAttributes reports whether pkg imports the attribute package, a
// semconv package, or a package that imports attribute (trace, metric, a
// library of keys: keys.Method.String(v) needs no import of attribute);
// without them it builds no attributes.
func importsAttributes(pkg *types.Package) bool {
	for _, p := range pkg.Imports() {
		if p.Path() == otelapi.AttributePkg || otelapi.IsSemconvPath(p.Path()) {
			return true
		}
		for _, q := range p.Imports() {
			if q.Path() == otelapi.AttributePkg {
				return true
			}
		}
	}
	return false
}

// imports records the file's names for the attribute and semconv packages.
func (c *checker) imports(f *ast.File) {
	c.semconvs, c.attrName = nil, ""
	for _, spec := range f.Imports {
		pn := c.pass.TypesInfo.PkgNameOf(spec)
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		switch p := pn.Imported(); {
		case p.Path() == otelapi.AttributePkg:
			c.attrName = pn.Name()
		case semconvVersion(p.Path()) != "":
			c.semconvs = append(c.semconvs, imported{pn.Name(), p})
		}
	}
	slices.SortStableFunc(c.semconvs, func(a, b imported) int {
		return -semver.Compare(semconvVersion(a.pkg.Path()), semconvVersion(b.pkg.Path()))
	})
}

// semconvVersion returns the version of a semconv package's path
// (go.opentelemetry.io/otel/semconv/v1.26.0), "" for other paths and for
// its subpackages.
func semconvVersion(path string) string {
	v, ok := strings.CutPrefix(path, otelapi.SemconvPrefix)
	if !ok || !semver.IsValid(v) || strings.Contains(v, "/") {
		return ""
	}
	return v
}

// keysSet returns the constant keys of the attributes built in decl.
func keysSet(info *types.Info, decl ast.Decl) map[string]bool {
	keys := map[string]bool{}
	ast.Inspect(decl, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok {
			if a, ok := otelapi.AttrOf(info, e); ok {
				if k, ok := a.KeyString(info); ok {
					keys[k] = true
				}
			}
		}
		return true
	})
	return keys
}

// checkDecls checks the attribute.Key constants, and variables
// initialised with a constant (var keyMethod = attribute.Key("http.method")),
// that a declaration declares: the constants' uses are not reported again,
// and the variables' are not constant.
func (c *checker) checkDecls(gd *ast.GenDecl) {
	info := c.pass.TypesInfo
	for _, spec := range gd.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for i, name := range vs.Names {
			obj := info.Defs[name]
			if obj == nil || i >= len(vs.Values) || !isAttrKey(obj.Type()) {
				continue
			}
			v := vs.Values[i]
			key, ok := otelapi.ConstString(info, v)
			if !ok {
				continue
			}
			src := fromExpr
			if literalOf(info, v) != nil {
				src = fromLiteral
			}
			c.checkKey(key, src, v, otelapi.Attr{Node: v, Key: v})
		}
	}
}

// check checks one attribute built in source.
func (c *checker) check(a otelapi.Attr) {
	info := c.pass.TypesInfo
	key, ok := a.KeyString(info)
	if !ok {
		return // computed at run time
	}
	src := fromExpr
	switch {
	case a.Helper != nil:
		src = fromHelper
	case literalOf(info, a.Key) != nil:
		src = fromLiteral
	default:
		if k, ok := constOf(info, a.Key); ok {
			switch {
			case k.Pkg() != nil && otelapi.IsSemconvPath(k.Pkg().Path()):
				src = fromSemconv
			case isAttrKey(k.Type()) && (k.Pkg() == c.pass.Pkg || sameModule(c.pass, k.Pkg())):
				src = fromOwnConstant
			}
		}
	}
	var at ast.Node = a.Node
	if a.Key != nil {
		at = a.Key
	}
	if src != fromOwnConstant && !c.checkKey(key, src, at, a) {
		return
	}
	def, ok := semconv.Lookup(key)
	if !ok || def.Deprecated != nil || def.Template {
		return
	}
	if c.rule.types && src != fromHelper && !compatible(a.Type, def.Type) {
		var vat ast.Node = a.Node
		if a.Value != nil {
			vat = a.Value
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: vat.Pos(), End: vat.End(),
			Message: fmt.Sprintf("attribute %q gets %s value, but the semantic conventions define it as %s (backends that type the column drop or mis-index it)", key, withArticle(a.Type.String()), def.Type),
		})
		return
	}
	c.checkMember(key, def, a)
}

// checkKey reports key if it is "error", deprecated, or a typo of a
// registry key; it returns whether key passed (the value is then checked).
func (c *checker) checkKey(key string, src keySource, at ast.Node, a otelapi.Attr) bool {
	if key == "error" {
		c.pass.Report(analysis.Diagnostic{
			Pos: at.Pos(), End: at.End(),
			Message: `attribute key "error" is an OpenTracing tag that OpenTelemetry backends do not read as a failure (set the span status with span.SetStatus(codes.Error, msg) and record the kind of error as error.type)`,
		})
		return false
	}
	def, ok := semconv.Lookup(key)
	if ok && def.Deprecated != nil {
		c.reportDeprecated(key, def, src, at, a)
		return false
	}
	if !ok && c.rule.typos && (src == fromLiteral || src == fromExpr) {
		if near, ok := semconv.NearKey(key); ok {
			c.pass.Report(analysis.Diagnostic{
				Pos: at.Pos(), End: at.End(),
				Message: fmt.Sprintf("attribute key %q is not in the semantic conventions, which define %q (a typo: dashboards that follow the conventions never see it)", key, near),
			})
			return false
		}
	}
	return true
}

// reportDeprecated reports a deprecated key, with a fix when one key
// replaces it.
func (c *checker) reportDeprecated(key string, def semconv.Attribute, src keySource, at ast.Node, a otelapi.Attr) {
	d := def.Deprecated
	if d.Reason != semconv.Renamed || d.RenamedTo == "" {
		reason := "with no single replacement"
		if note := strings.TrimRight(d.Note, ". "); note != "" {
			reason += ": " + note
		}
		c.pass.Report(analysis.Diagnostic{
			Pos: at.Pos(), End: at.End(),
			Message: fmt.Sprintf("attribute key %q is deprecated by the semantic conventions, %s (see %s)", key, reason, def.URL()),
		})
		return
	}
	repl := d.RenamedTo
	if def.Template {
		repl += key[len(def.Key):] // k8s.pod.labels.app -> k8s.pod.label.app
	}
	if c.keys[repl] {
		return // emitted next to its replacement: a migration in progress
	}
	diag := analysis.Diagnostic{
		Pos: at.Pos(), End: at.End(),
		Message: fmt.Sprintf("attribute key %q is deprecated by the semantic conventions; use %q (dashboards that follow the current conventions never see it)", key, repl),
	}
	if nd, ok := semconv.Lookup(repl); ok && nd.Type == def.Type && compatible(a.Type, nd.Type) && keepsValue(c.pass.TypesInfo, nd, a) {
		if edits := c.fix(repl, src, a); len(edits) > 0 {
			diag.SuggestedFixes = []analysis.SuggestedFix{{Message: fmt.Sprintf("Use %q", repl), TextEdits: edits}}
		}
	}
	c.pass.Report(diag)
}

// keepsValue reports whether the value of a, when it is a constant, is
// one the new attribute nd allows: renamed enums do not always keep their
// members (db.system=mssql became db.system.name=microsoft.sql_server).
func keepsValue(info *types.Info, nd semconv.Attribute, a otelapi.Attr) bool {
	if len(nd.Members) == 0 || a.Value == nil {
		return true
	}
	v, ok := otelapi.ConstString(info, a.Value)
	if !ok {
		return true
	}
	m, ok := nd.Member(v)
	return ok && m.Deprecated == nil
}

// fix returns the edits that make a set key repl instead.
func (c *checker) fix(repl string, src keySource, a otelapi.Attr) []analysis.TextEdit {
	info := c.pass.TypesInfo
	quoted := strconv.Quote(repl)
	switch src {
	case fromLiteral:
		lit := literalOf(info, a.Key)
		return []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(quoted)}}
	case fromSemconv:
		k := constExpr(a.Key)
		if name, ok := c.semconvConst(repl); ok {
			return []analysis.TextEdit{{Pos: k.Pos(), End: k.End(), NewText: []byte(name)}}
		}
		if c.isReceiver(a) {
			if c.attrName == "" {
				return nil
			}
			quoted = c.attrName + ".Key(" + quoted + ")"
		}
		return []analysis.TextEdit{{Pos: k.Pos(), End: k.End(), NewText: []byte(quoted)}}
	case fromHelper:
		call, ok := a.Node.(*ast.CallExpr)
		sig := a.Helper.Signature()
		if !ok || sig.Params().Len() != 1 || len(call.Args) != 1 {
			return nil
		}
		param := sig.Params().At(0).Type()
		ctor := ctorFor(param)
		if name, ok := c.semconvConst(repl); ok {
			// The newer package's helper, if it takes the same type;
			// else its key constant's method.
			pkgName, constName, _ := strings.Cut(name, ".")
			helper := strings.TrimSuffix(constName, "Key")
			for _, s := range c.semconvs {
				if s.name != pkgName {
					continue
				}
				if fn, ok := s.pkg.Scope().Lookup(helper).(*types.Func); ok && fn.Exported() &&
					fn.Signature().Params().Len() == 1 && types.Identical(fn.Signature().Params().At(0).Type(), param) &&
					fn.Signature().Results().Len() == 1 && types.Identical(fn.Signature().Results().At(0).Type(), sig.Results().At(0).Type()) {
					return []analysis.TextEdit{{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(pkgName + "." + helper)}}
				}
			}
			if ctor == "" {
				return nil
			}
			return []analysis.TextEdit{{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(name + "." + ctor)}}
		}
		if ctor == "" || c.attrName == "" {
			return nil
		}
		return []analysis.TextEdit{{Pos: call.Fun.Pos(), End: call.Lparen + 1, NewText: []byte(c.attrName + "." + ctor + "(" + quoted + ", ")}}
	}
	return nil
}

// isReceiver reports whether a's key is the receiver of the attribute.Key
// method that builds it (semconv.HTTPMethodKey.String(v)), where a string
// literal would not compile.
func (c *checker) isReceiver(a otelapi.Attr) bool {
	call, ok := a.Node.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && ast.Unparen(sel.X) == ast.Unparen(a.Key)
}

// semconvConst returns pkg.Name for the attribute.Key constant with value
// key in the newest semconv package the file imports that has one.
func (c *checker) semconvConst(key string) (string, bool) {
	for _, s := range c.semconvs {
		scope := s.pkg.Scope()
		for _, n := range scope.Names() {
			k, ok := scope.Lookup(n).(*types.Const)
			if ok && k.Exported() && isAttrKey(k.Type()) && k.Val().Kind() == constant.String && constant.StringVal(k.Val()) == key {
				if def, ok := semconv.Lookup(key); ok && def.Deprecated == nil {
					return s.name + "." + n, true
				}
			}
		}
	}
	return "", false
}

// ctorFor returns the attribute constructor, and attribute.Key method,
// whose value parameter has type t.
func ctorFor(t types.Type) string {
	for name, want := range ctorTypes {
		if types.Identical(t, want) {
			return name
		}
	}
	return ""
}

var ctorTypes = map[string]types.Type{
	"String":       types.Typ[types.String],
	"Int":          types.Typ[types.Int],
	"Int64":        types.Typ[types.Int64],
	"Float64":      types.Typ[types.Float64],
	"Bool":         types.Typ[types.Bool],
	"StringSlice":  types.NewSlice(types.Typ[types.String]),
	"IntSlice":     types.NewSlice(types.Typ[types.Int]),
	"Int64Slice":   types.NewSlice(types.Typ[types.Int64]),
	"Float64Slice": types.NewSlice(types.Typ[types.Float64]),
	"BoolSlice":    types.NewSlice(types.Typ[types.Bool]),
}

// checkMember reports a deprecated enum value given as a constant.
func (c *checker) checkMember(key string, def semconv.Attribute, a otelapi.Attr) {
	if len(def.Members) == 0 || a.Value == nil {
		return
	}
	v, ok := otelapi.ConstString(c.pass.TypesInfo, a.Value)
	if !ok {
		return
	}
	m, ok := def.Member(v)
	if !ok || m.Deprecated == nil || m.Deprecated.RenamedTo == "" {
		return
	}
	diag := analysis.Diagnostic{
		Pos: a.Value.Pos(), End: a.Value.End(),
		Message: fmt.Sprintf("value %q of attribute %q is deprecated by the semantic conventions; use %q (dashboards that follow the current conventions never see it)", v, key, m.Deprecated.RenamedTo),
	}
	if lit, ok := ast.Unparen(a.Value).(*ast.BasicLit); ok {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   fmt.Sprintf("Use %q", m.Deprecated.RenamedTo),
			TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(m.Deprecated.RenamedTo))}},
		}}
	}
	c.pass.Report(diag)
}

// compatible reports whether a value of type t may be set for a key the
// registry types r. An int where a double is expected is accepted (backends
// widen it); a value whose type the call does not say is never reported.
func compatible(t otelapi.AttrType, r semconv.Type) bool {
	switch t {
	case otelapi.AttrUnknown:
		return true
	case otelapi.AttrString:
		return r == semconv.String || r == semconv.Any
	case otelapi.AttrInt:
		return r == semconv.Int || r == semconv.Double || r == semconv.Any
	case otelapi.AttrFloat:
		return r == semconv.Double || r == semconv.Any
	case otelapi.AttrBool:
		return r == semconv.Boolean || r == semconv.Any
	case otelapi.AttrStringSlice:
		return r == semconv.StringSlice || r == semconv.Any
	case otelapi.AttrIntSlice:
		return r == semconv.IntSlice || r == semconv.DoubleSlice || r == semconv.Any
	case otelapi.AttrFloatSlice:
		return r == semconv.DoubleSlice || r == semconv.Any
	case otelapi.AttrBoolSlice:
		return r == semconv.BooleanSlice || r == semconv.Any
	}
	return r == semconv.Any
}

// literalOf returns the string literal that e is, maybe through parentheses
// and type conversions (attribute.Key("k")), or nil.
func literalOf(info *types.Info, e ast.Expr) *ast.BasicLit {
	for e != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.BasicLit:
			if x.Kind == token.STRING {
				return x
			}
			return nil
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; !ok || !tv.IsType() || len(x.Args) != 1 {
				return nil
			}
			e = x.Args[0]
		default:
			return nil
		}
	}
	return nil
}

// constOf returns the constant that e names, maybe through parentheses and
// type conversions (string(semconv.HTTPMethodKey)).
func constOf(info *types.Info, e ast.Expr) (*types.Const, bool) {
	for e != nil {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			k, ok := info.Uses[x].(*types.Const)
			return k, ok
		case *ast.SelectorExpr:
			k, ok := info.Uses[x.Sel].(*types.Const)
			return k, ok
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; !ok || !tv.IsType() || len(x.Args) != 1 {
				return nil, false
			}
			e = x.Args[0]
		default:
			return nil, false
		}
	}
	return nil, false
}

// constExpr returns the name of the constant in e, which constOf found:
// e without its parentheses and conversions.
func constExpr(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			e = x.Args[0]
		default:
			return x
		}
	}
}

// withArticle returns "a string", "an int".
func withArticle(t string) string {
	if strings.HasPrefix(t, "int") {
		return "an " + t
	}
	return "a " + t
}

func isAttrKey(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == otelapi.AttributePkg && n.Obj().Name() == "Key"
}
