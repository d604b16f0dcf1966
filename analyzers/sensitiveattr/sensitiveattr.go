package sensitiveattr

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports span attributes that carry secrets or personal data. It
// is the instance the drivers run by default; New makes independent ones.
var Analyzer = New(spans.Default)

// New returns a new sensitiveattr analyzer with its own options.
// It reads the syntax through the inspector of h's suite
// (spans.Helper.Inspector).
func New(h *spans.Helper) *analysis.Analyzer {
	r := new(rule)
	r.h = h
	a := &analysis.Analyzer{
		Name:     "sensitiveattr",
		Doc:      docutil.MustExtract(doc, "sensitiveattr"),
		URL:      "https://github.com/otellint/otellint/blob/main/docs/rules/sensitiveattr.md",
		Requires: []*analysis.Analyzer{h.Inspector()},
		Run:      safe.Run(r.run),
	}
	a.Flags.Var(&r.names, "names", "more names that say secret or personal data, comma-separated, each optionally followed by :personal, :card or :credential (the default), e.g. national_id:personal,pin")
	a.Flags.Var(&r.gen, "generated", spans.GeneratedUsage)
	return a
}

// rule holds one analyzer's options.
type rule struct {
	h     *spans.Helper // its suite's
	names namesFlag
	gen   spans.Generated
}

func (r *rule) run(pass *analysis.Pass) (any, error) {
	if !buildsAttributes(pass.Pkg) {
		return nil, nil // no attribute is built here, so none can be seen reaching a span
	}
	if _, ok := testcode.SupportPackage(pass.Pkg.Path()); ok {
		return nil, nil // fakes and fixtures: made-up data on test spans
	}
	pass, done := suppress.Filter(pass)
	defer done()
	pass = spans.Note(pass)
	insp := r.h.Syntax(pass)
	c := &checker{
		pass:     pass,
		table:    append(append([]entry(nil), nameTable...), r.names.rows...),
		assigns:  map[types.Object][]assign{},
		funcs:    map[*types.Func]*ast.FuncDecl{},
		reported: map[ast.Node]bool{},
		visiting: map[any]bool{},
		memo:     map[*types.Var]result{},
	}
	c.index(insp)
	for cur := range insp.Root().Preorder((*ast.File)(nil)) {
		f := cur.Node().(*ast.File)
		if !r.gen.Checks(f) || isTestFile(pass.Fset, f) {
			continue
		}
		for n := range cur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
			safe.At(pass, n.Node().Pos())
			switch n := n.Node().(type) {
			case *ast.CallExpr:
				if fn, _ := typeutil.Callee(pass.TypesInfo, n).(*types.Func); otelapi.IsSpanAttrSink(fn) {
					for _, arg := range n.Args {
						c.sink(arg, n)
					}
				}
			case *ast.CompositeLit:
				if otelapi.IsLinkType(pass.TypesInfo.TypeOf(n)) {
					for i, elt := range n.Elts {
						if kv, ok := elt.(*ast.KeyValueExpr); ok {
							if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Attributes" {
								c.sink(kv.Value, n)
							}
						} else if i == 1 {
							c.sink(elt, n) // Link{sc, attrs}
						}
					}
				}
			}
		}
	}
	return nil, nil
}

// buildsAttributes reports whether pkg imports the attribute package or a
// semantic-convention package: code that builds a KeyValue does.
func buildsAttributes(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == otelapi.AttributePkg || otelapi.IsSemconvPath(imp.Path()) {
			return true
		}
	}
	return false
}

// isTestFile reports whether f is a _test.go file: tests put made-up data
// on the spans of test providers.
func isTestFile(fset *token.FileSet, f *ast.File) bool {
	tf := fset.File(f.Pos())
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

type checker struct {
	pass  *analysis.Pass
	table []entry
	// assigns holds, for each variable declared in a function of the
	// package, every value assigned to it, in any order.
	assigns map[types.Object][]assign
	// funcs are the package's function declarations, for helpers that
	// return attributes.
	funcs    map[*types.Func]*ast.FuncDecl
	reported map[ast.Node]bool
	visiting map[any]bool
	memo     map[*types.Var]result // what each local variable carries
}

// assign is one value assigned to a variable.
type assign struct {
	rhs ast.Expr
	// index is the result of rhs assigned, for a, b := f(); -1 when rhs
	// is the value itself.
	index int
	// elem is set when the variable receives an element of rhs (a range
	// value, v[i] = rhs: then rhs is the element).
	elem bool
}

// index records the assignments to local variables and the package's
// function declarations.
func (c *checker) index(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	objOf := func(e ast.Expr) types.Object {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		obj := info.ObjectOf(id)
		if v, ok := obj.(*types.Var); !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return nil // locals only: a package variable may be set anywhere
		}
		return obj
	}
	add := func(lhs ast.Expr, a assign) {
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
			lhs, a.elem = ix.X, true // v[i] = x: x is an element of v
		}
		if obj := objOf(lhs); obj != nil {
			c.assigns[obj] = append(c.assigns[obj], a)
		}
	}
	for n := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil)) {
		switch n := n.Node().(type) {
		case *ast.AssignStmt:
			switch {
			case len(n.Lhs) == len(n.Rhs):
				for i := range n.Lhs {
					add(n.Lhs[i], assign{rhs: n.Rhs[i], index: -1})
				}
			case len(n.Rhs) == 1:
				for i := range n.Lhs {
					add(n.Lhs[i], assign{rhs: n.Rhs[0], index: i})
				}
			}
		case *ast.ValueSpec:
			switch {
			case len(n.Names) == len(n.Values):
				for i := range n.Names {
					add(n.Names[i], assign{rhs: n.Values[i], index: -1})
				}
			case len(n.Values) == 1:
				for i := range n.Names {
					add(n.Names[i], assign{rhs: n.Values[0], index: i})
				}
			}
		case *ast.RangeStmt:
			if n.Value != nil {
				add(n.Value, assign{rhs: n.X, index: -1, elem: true})
			}
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				c.funcs[fn] = n
			}
		}
	}
}

// attr is an attribute construction that reaches a span.
type attr struct {
	otelapi.Attr
	sink ast.Node // the call or Link literal that puts it on the span
}

// sink checks the attributes that the expression e, an argument of a sink
// call or the Attributes of a Link, puts on a span.
func (c *checker) sink(e ast.Expr, sink ast.Node) {
	var found []otelapi.Attr
	c.attrs(e, 0, &found)
	for _, a := range found {
		if !c.reported[a.Node] {
			c.check(attr{a, sink})
		}
	}
}

// maxDepth bounds how far values and attributes are followed through
// variables and helpers.
const maxDepth = 8

// attrs appends to out the attribute constructions that e evaluates to
// or holds: a KeyValue built in place, a slice literal of them, a local
// variable assigned or appended such values, a call to a function of the
// package that returns them.
func (c *checker) attrs(e ast.Expr, depth int, out *[]otelapi.Attr) {
	if depth > maxDepth || e == nil {
		return
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if a, ok := otelapi.AttrOf(info, e); ok {
		*out = append(*out, a)
		return
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if isKeyValueSlice(info.TypeOf(e)) {
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				c.attrs(elt, depth+1, out)
			}
		}
	case *ast.Ident:
		obj := info.ObjectOf(e)
		if obj == nil || c.visiting[obj] || !holdsAttrs(obj.Type()) {
			return
		}
		c.visiting[obj] = true
		defer delete(c.visiting, obj)
		for _, a := range c.assigns[obj] {
			if a.index < 0 {
				c.attrs(a.rhs, depth+1, out)
			}
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				for _, arg := range e.Args {
					c.attrs(arg, depth+1, out)
				}
				return
			}
		}
		fn := typeutil.StaticCallee(info, e)
		if fn == nil {
			return
		}
		if fn.FullName() == "slices.Concat" {
			for _, arg := range e.Args {
				c.attrs(arg, depth+1, out)
			}
			return
		}
		d := c.funcs[fn.Origin()]
		res := fn.Signature().Results()
		if d == nil || c.visiting[fn] || res.Len() == 0 || !holdsAttrs(res.At(0).Type()) {
			return
		}
		c.visiting[fn] = true
		defer delete(c.visiting, fn)
		ast.Inspect(d.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) > 0 {
					c.attrs(n.Results[0], depth+1, out)
				}
			}
			return true
		})
	}
}

func isKeyValue(t types.Type) bool { return otelapi.IsNamed(t, otelapi.AttributePkg, "KeyValue") }

func isKeyValueSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	return ok && isKeyValue(s.Elem())
}

// holdsAttrs reports whether a value of type t is a KeyValue or a slice
// of them.
func holdsAttrs(t types.Type) bool { return isKeyValue(t) || isKeyValueSlice(t) }

// headerHelpers are the semconv helper functions whose key is a template
// completed by their first argument: semconv.HTTPRequestHeader("authorization", v...).
var headerHelpers = map[string]string{
	"HTTPRequestHeader":  "http.request.header.",
	"HTTPResponseHeader": "http.response.header.",
}

// check reports a if its value carries secret or personal data.
func (c *checker) check(a attr) {
	info := c.pass.TypesInfo
	key, keyKnown := a.KeyString(info)
	values := []ast.Expr{a.Value}
	if a.Helper != nil {
		if prefix, ok := headerHelpers[a.Helper.Name()]; ok {
			call := a.Node.(*ast.CallExpr)
			if len(call.Args) < 1 {
				return
			}
			name, ok := otelapi.ConstString(info, call.Args[0])
			key, keyKnown = prefix+strings.ToLower(name), ok
			values = slices.Clone(call.Args[1:])
		}
	}
	switch a.Type {
	case otelapi.AttrBool, otelapi.AttrInt, otelapi.AttrFloat,
		otelapi.AttrBoolSlice, otelapi.AttrIntSlice, otelapi.AttrFloatSlice:
		return // a number or a flag: a count or a presence, not the data
	}
	// The key decides only when nothing is known of any value: a value
	// that is hashed, constant or named as a description clears it.
	var f *finding
	keyDecides := keyKnown && len(values) > 0
	for i, v := range values {
		if v == nil {
			return
		}
		values[i] = unwrapValue(info, v)
		switch r := c.value(values[i], 0); r.v {
		case found:
			f = &r.f
		case cleared, neutral:
			keyDecides = false
		}
		if f != nil {
			break
		}
	}
	if f == nil && keyDecides {
		if r := c.byKey(key, values[0]); r.v == found {
			f = &r.f
		}
	}
	if f == nil {
		return
	}
	c.reported[a.Node] = true
	subject := fmt.Sprintf("attribute %q", key)
	if !keyKnown {
		subject = "attribute with key " + short(a.keyExpr())
	}
	what := f.what
	if f.from != "" {
		what += " from " + f.from
	}
	d := analysis.Diagnostic{
		Pos: a.Node.Pos(), End: a.Node.End(),
		Message: fmt.Sprintf("%s carries %s (%s)", subject, what, f.kind.consequence()),
	}
	if a.Node.Pos() < a.sink.Pos() || a.Node.End() > a.sink.End() {
		d.Related = []analysis.RelatedInformation{{Pos: a.sink.Pos(), End: a.sink.End(), Message: "it reaches the span here"}}
	}
	c.pass.Report(d)
}

// keyExpr returns the expression of a's key, for a message.
func (a attr) keyExpr() ast.Expr {
	if a.Key != nil {
		return a.Key
	}
	if call, ok := a.Node.(*ast.CallExpr); ok && len(call.Args) > 0 {
		return call.Args[0]
	}
	return a.Node
}

// unwrapValue returns the argument of an attribute.Value constructor
// (attribute.StringValue(v) in a KeyValue literal), else e.
func unwrapValue(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return e
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != otelapi.AttributePkg || !strings.HasSuffix(fn.Name(), "Value") {
		return e
	}
	return call.Args[0]
}

// short returns the source text of e, or a shortened form of it.
func short(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}
