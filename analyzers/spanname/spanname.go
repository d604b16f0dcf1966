package spanname

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports span names built from unbounded values. It is the
// default instance, which requires spans.Analyzer.
var Analyzer = New(spans.Default)

// New returns a fresh spanname analyzer that requires the helper h.
func New(h *spans.Helper) *analysis.Analyzer {
	gen := new(spans.Generated)
	a := &analysis.Analyzer{
		Name:      "spanname",
		Doc:       docutil.MustExtract(doc, "spanname"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/spanname.md",
		Requires:  []*analysis.Analyzer{h.Inspector(), h.Analyzer},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h, gen) }),
		FactTypes: []analysis.Fact{new(namesSpan)},
	}
	a.Flags.Var(gen, "generated", spans.GeneratedUsage)
	return a
}

// namesSpan is an object fact: the function puts the listed parameters
// into a span's name (it passes them on to a start, SetName or another
// such function, alone or as part of a larger string). Its callers are
// checked for what they pass there.
type namesSpan struct {
	Params []int // parameter indexes, ascending
}

func (*namesSpan) AFact() {}

func (f *namesSpan) String() string {
	s := make([]string, len(f.Params))
	for i, p := range f.Params {
		s[i] = fmt.Sprint(p)
	}
	return "namesSpan(" + strings.Join(s, ",") + ")"
}

func run(pass *analysis.Pass, h *spans.Helper, gen *spans.Generated) (any, error) {
	sp := h.Result(pass)
	if !sp.Relevant() && !importsNamer(pass) {
		return nil, nil // no span can be named here
	}
	c := &checker{
		pass:    pass,
		sp:      sp,
		facts:   map[*types.Func]*namesSpan{},
		decls:   map[*types.Func]*ast.FuncDecl{},
		assigns: map[*types.Var][]assign{},
		results: map[*types.Func]class{},
	}
	insp := h.Syntax(pass)
	c.indexAssigns(insp)
	var decls []*ast.FuncDecl
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok && d.Body != nil {
			decls = append(decls, d)
			c.decls[fn] = d
		}
	}
	c.computeFacts(decls)

	pass, done := suppress.Filter(pass)
	defer done()
	c.pass = spans.Note(pass)
	c.report(gen)
	return nil, nil
}

// computeFacts exports a namesSpan fact for each function of decls that
// puts a parameter into a span name.
func (c *checker) computeFacts(decls []*ast.FuncDecl) {
	// Fixed point: a helper may pass its parameter to a helper declared
	// later in the package.
	c.walked = map[*ast.FuncDecl]walkedSites{}
	changed := true
	for rounds := 0; changed && rounds < 20; rounds++ {
		changed = false
		for _, d := range decls {
			if d.Type.Params.NumFields() == 0 {
				continue // no parameter to pass on
			}
			fn := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
			params := c.namedParams(d)
			if len(params) == 0 {
				continue
			}
			if old := c.facts[fn]; old == nil || !slices.Equal(old.Params, params) {
				c.facts[fn] = &namesSpan{Params: params}
				changed = true
			}
		}
	}
	if changed {
		c.walked = nil // the last round changed a fact: its sites may be stale
	}
	for fn, f := range c.facts {
		c.pass.ExportObjectFact(fn, f)
	}
}

// report checks the span names of every declaration in the files that gen
// selects, outside test code.
func (c *checker) report(gen *spans.Generated) {
	c.reported = map[ast.Expr]bool{}
	for _, f := range c.pass.Files {
		if !gen.Checks(f) || strings.HasSuffix(c.pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		for _, decl := range f.Decls {
			safe.At(c.pass, decl.Pos())
			e := &env{} // package level: no parameters
			if d, ok := decl.(*ast.FuncDecl); ok {
				if d.Body == nil || c.sp.IsTestCode(d) {
					continue
				}
				e = c.envOf(d)
				if w, ok := c.walked[d]; ok {
					// A fresh env for each site: classification memoises in it.
					for _, s := range w.sites {
						if s.env == w.env {
							s.env = e
						} else {
							s.env = &env{}
						}
						c.check(f, s)
					}
					continue
				}
			}
			for _, s := range c.sites(decl, e) {
				c.check(f, s)
			}
		}
	}
}

// importsNamer reports whether a package this one imports declares a
// function with a namesSpan fact.
func importsNamer(pass *analysis.Pass) bool {
	imports := map[*types.Package]bool{}
	for _, imp := range pass.Pkg.Imports() {
		imports[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*namesSpan); ok && imports[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

type checker struct {
	pass     *analysis.Pass
	sp       *spans.Result
	facts    map[*types.Func]*namesSpan // this package's functions
	decls    map[*types.Func]*ast.FuncDecl
	assigns  map[*types.Var][]assign
	results  map[*types.Func]class // what this package's string functions return
	reported map[ast.Expr]bool
	// walked holds the sites that computeFacts found in each declaration
	// it classified, once the facts have settled: report takes them
	// instead of walking the body again.
	walked map[*ast.FuncDecl]walkedSites
}

// walkedSites are the sites of a declaration and the env they were found
// with.
type walkedSites struct {
	env   *env
	sites []site
}

// env is the context an expression is classified in: the parameters of
// the declared function around it (nil at package level and in a span
// name formatter, whose parameters otelhttp supplies).
type env struct {
	params   map[*types.Var]int
	visiting map[*types.Var]bool
	memo     map[*types.Var]class // variables classified, so that chains of them cost linear time
	depth    int
}

func (c *checker) envOf(d *ast.FuncDecl) *env {
	fn, _ := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	e := &env{params: map[*types.Var]int{}}
	if fn == nil {
		return e
	}
	ps := fn.Signature().Params()
	for i := 0; i < ps.Len(); i++ {
		e.params[ps.At(i)] = i
	}
	return e
}

// namedParams returns the parameters of d that its span names are built
// from, ascending.
func (c *checker) namedParams(d *ast.FuncDecl) []int {
	e := c.envOf(d)
	set := map[int]bool{}
	sites := c.sites(d, e)
	if c.walked != nil {
		c.walked[d] = walkedSites{env: e, sites: sites}
	}
	for _, s := range sites {
		cl := c.classify(s.expr, s.env)
		if cl.dyn != nil {
			continue // reported here, not passed on
		}
		for _, p := range cl.params {
			set[p] = true
		}
	}
	var out []int
	for p := range set {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// site is an expression that becomes a span's name.
type site struct {
	expr  ast.Expr
	call  *ast.CallExpr // the call it is passed to; nil for a formatter's result
	via   string        // the helper it is passed to, or ""
	start bool          // the name argument of a tracer's Start
	side  side          // whether the span is a server or a client span
	env   *env
}

// side says whether a span describes a request served or a request made:
// the way out of a name built from the URL differs.
type side int

const (
	server side = iota // a span started in a handler, an otelhttp handler
	client             // a span of kind client or producer, an otelhttp transport
	either             // a span name formatter whose user is not seen
)

// sites returns the span names in root, a declaration.
func (c *checker) sites(root ast.Node, e *env) []site {
	var out []site
	seen := map[ast.Expr]bool{}
	add := func(s site) {
		if s.expr != nil && !seen[s.expr] {
			seen[s.expr] = true
			out = append(out, s)
		}
	}
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := c.sp.Callee(call)
		if fn == nil {
			return true
		}
		fn = fn.Origin()
		if st, ok := c.sp.StartCall(call); ok && st.Name != nil {
			_, direct := otelapi.StartResult(fn)
			if !direct {
				_, direct = otelapi.IsStartSignature(fn)
			}
			via := ""
			if !direct {
				via = fn.Name()
			}
			add(site{expr: st.Name, call: call, via: via, start: direct, side: c.startSide(call), env: e})
		}
		arg := func(i int) ast.Expr {
			sig := fn.Signature()
			if i < 0 || i >= len(call.Args) || sig.Variadic() && i >= sig.Params().Len()-1 {
				return nil
			}
			return call.Args[i]
		}
		if i, ok := otelapi.SpanNameArg(fn); ok {
			add(site{expr: arg(i), call: call, env: e})
		}
		if f := c.factOf(fn); f != nil {
			for _, p := range f.Params {
				add(site{expr: arg(p), call: call, via: fn.Name(), env: e})
			}
		}
		if i, ok := otelapi.SpanNameFormatterArg(fn); ok && i < len(call.Args) {
			sd := either
			if len(stack) > 1 {
				if parent, ok := stack[len(stack)-2].(*ast.CallExpr); ok && slices.Contains(parent.Args, ast.Expr(call)) {
					if pfn := c.sp.Callee(parent); pfn != nil {
						if cl, ok := otelapi.OtelhttpSide(pfn.Origin()); ok && cl {
							sd = client
						} else if ok {
							sd = server
						}
					}
				}
			}
			for _, r := range c.formatterResults(call.Args[i]) {
				add(site{expr: r, side: sd, env: &env{}})
			}
		}
		return true
	})
	return out
}

// startSide reports whether the Start call starts a client span: one of
// its options is trace.WithSpanKind(trace.SpanKindClient) or
// SpanKindProducer.
func (c *checker) startSide(call *ast.CallExpr) side {
	info := c.pass.TypesInfo
	for _, a := range call.Args {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || len(opt.Args) != 1 {
			continue
		}
		fn, ok := typeutil.Callee(info, opt).(*types.Func)
		if !ok || !otelapi.IsSpanKindOption(fn) {
			continue
		}
		if tv := info.Types[opt.Args[0]]; tv.Value != nil {
			if k, ok := constant.Int64Val(tv.Value); ok && (k == otelapi.SpanKindClient || k == otelapi.SpanKindProducer) {
				return client
			}
		}
	}
	return server
}

// formatterResults returns the results that the span name formatter f (a
// function literal or a function of this package) returns.
func (c *checker) formatterResults(f ast.Expr) []ast.Expr {
	var body *ast.BlockStmt
	switch f := ast.Unparen(f).(type) {
	case *ast.FuncLit:
		body = f.Body
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, &ast.CallExpr{Fun: f}).(*types.Func); ok {
			if d := c.decls[fn]; d != nil {
				body = d.Body
			}
		}
	}
	if body == nil {
		return nil
	}
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				out = append(out, n.Results[0])
			}
		}
		return true
	})
	return out
}

func (c *checker) factOf(fn *types.Func) *namesSpan {
	if f, ok := c.facts[fn]; ok {
		return f
	}
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		f := new(namesSpan)
		if c.pass.ImportObjectFact(fn, f) {
			return f
		}
	}
	return nil
}

// check reports s if its name is built from unbounded values.
func (c *checker) check(file *ast.File, s site) {
	if c.reported[s.expr] {
		return
	}
	cl := c.classify(s.expr, s.env)
	if cl.dyn == nil {
		return
	}
	c.reported[s.expr] = true
	via := ""
	if s.via != "" {
		via = " passed to " + s.via
	}
	from, advice := shorten(types.ExprString(cl.dyn.expr)), c.advice(cl.dyn, s.side)
	if v := c.carrier(s.expr, cl.dyn.expr); v != "" {
		// Name the variable the reader sees in the name; the related
		// position shows where its value comes from.
		from = v + " (from " + from + ")"
		if !cl.dyn.known || cl.dyn.src.Attr == "" {
			advice = fmt.Sprintf("use a constant name and record %s as an attribute", v)
		}
	}
	d := analysis.Diagnostic{
		Pos: s.expr.Pos(), End: s.expr.End(),
		Message: fmt.Sprintf("span name%s is built from %s, which has unbounded values (backends cannot group such spans; %s)",
			via, from, advice),
	}
	if p := cl.dyn.expr; p.Pos() < s.expr.Pos() || p.End() > s.expr.End() {
		// The unbounded part reaches the name through a variable.
		d.Related = []analysis.RelatedInformation{{Pos: p.Pos(), End: p.End(), Message: "the unbounded value comes from here"}}
	}
	if s.start {
		if fix, ok := c.fix(file, s, cl.dyn); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.pass.Report(d)
}

// carrier returns the name of the one variable in the span name expr
// through which the unbounded part dyn, written elsewhere, reaches it; ""
// when dyn is in expr itself or expr mentions several variables.
func (c *checker) carrier(expr, dyn ast.Expr) string {
	if dyn.Pos() >= expr.Pos() && dyn.End() <= expr.End() {
		return ""
	}
	var names []string
	ast.Inspect(expr, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
			if !ok || v.IsField() {
				return true
			}
			if _, basic := v.Type().Underlying().(*types.Basic); !basic {
				names = append(names, "", "") // a request, a struct: not a name's value
				return true
			}
			if !slices.Contains(names, v.Name()) {
				names = append(names, v.Name())
			}
		}
		return true
	})
	if len(names) != 1 {
		return ""
	}
	return names[0]
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// advice says what to do instead of naming the span after part.
func (c *checker) advice(part *dynPart, sd side) string {
	what := shorten(types.ExprString(part.expr))
	if !part.known {
		return fmt.Sprintf("use a constant name and record %s as an attribute", what)
	}
	src := part.src
	switch {
	case src.Route && sd == client:
		// A client has no route: semantic conventions name its span
		// after the method and record the whole URL.
		return "name it after the method (and a URL template, if there is one) and record the URL as url.full"
	case src.Route && sd == either:
		return fmt.Sprintf("name it after the route template (%s in a server, the method in a client) and record the %s as %s", c.routeHint(part.expr), src.What, src.Attr)
	case src.Route:
		return fmt.Sprintf("name it after the route, e.g. %s, and record the %s as %s", c.routeHint(part.expr), src.What, src.Attr)
	case src.Attr != "":
		return fmt.Sprintf("use a constant name and record the %s as %s", src.What, src.Attr)
	}
	return fmt.Sprintf("use a constant name and record %s as an attribute", what)
}

// routeHint names the route template of the request that e reads:
// r.Pattern, or the framework's c.FullPath() or c.Path().
func (c *checker) routeHint(e ast.Expr) string {
	info := c.pass.TypesInfo
	for e != nil {
		e = ast.Unparen(e)
		if t := info.TypeOf(e); t != nil && otelapi.IsNamed(t, "net/http", "Request") {
			switch r := e.(type) {
			case *ast.SelectorExpr: // gin: c.Request
				if t := info.TypeOf(r.X); t != nil && otelapi.IsNamed(t, "github.com/gin-gonic/gin", "Context") {
					return types.ExprString(r.X) + ".FullPath()"
				}
			case *ast.CallExpr: // echo: c.Request()
				if sel, ok := ast.Unparen(r.Fun).(*ast.SelectorExpr); ok {
					if t := info.TypeOf(sel.X); t != nil && otelapi.IsNamed(t, "github.com/labstack/echo/v4", "Context") {
						return types.ExprString(sel.X) + ".Path()"
					}
				}
			}
			return shorten(types.ExprString(e)) + ".Pattern"
		}
		switch x := e.(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		default:
			e = nil
		}
	}
	return "the route template"
}

// dynPart is the part of a span name with unbounded values.
type dynPart struct {
	expr  ast.Expr
	src   otelapi.NameSource
	known bool // request data from the tables, not a name or a number
}

// class is what a string expression is built from.
type class struct {
	dyn     *dynPart // the first unbounded part, or nil
	params  []int    // parameters of the function around it
	unknown bool     // a part that cannot be seen
}

func join(a, b class) class {
	if a.dyn == nil {
		a.dyn = b.dyn
	}
	a.params = slices.Clip(a.params) // never append into a shared (memoised) slice
	for _, p := range b.params {
		if !slices.Contains(a.params, p) {
			a.params = append(a.params, p)
		}
	}
	a.unknown = a.unknown || b.unknown
	return a
}

var unknown = class{unknown: true}

// classify says what e, part of a span name, is built from.
func (c *checker) classify(e ast.Expr, en *env) class {
	if e == nil || en.depth > 32 {
		return unknown
	}
	en.depth++
	defer func() { en.depth-- }()
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	tv, ok := info.Types[e]
	if !ok || tv.Type == nil {
		return unknown
	}
	if tv.Value != nil || isBool(tv.Type) {
		return class{} // a constant, or a value with two values
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return join(c.classify(e.X, en), c.classify(e.Y, en))
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			return c.classifyVar(e, v, en)
		}
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return unknown
			}
			if n := namedOf(sel.Recv()); n != nil && n.Obj().Pkg() != nil {
				pkg, typ, field := n.Obj().Pkg().Path(), n.Obj().Name(), sel.Obj().Name()
				if otelapi.IsRouteField(pkg, typ, field) {
					return class{}
				}
				if src, ok := otelapi.UnboundedField(pkg, typ, field); ok {
					return class{dyn: &dynPart{expr: e, src: src, known: true}}
				}
			}
			if idLike(sel.Obj().Name()) {
				return class{dyn: &dynPart{expr: e}}
			}
			return unknown
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok { // pkg.Var
			return c.classifyVar(e, v, en)
		}
	case *ast.CallExpr:
		if ftv, ok := info.Types[e.Fun]; ok && ftv.IsType() {
			if len(e.Args) == 1 {
				return c.classify(e.Args[0], en) // a conversion
			}
			return unknown
		}
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok {
			return unknown
		}
		fn = fn.Origin()
		if otelapi.IsRouteFunc(fn) {
			return class{}
		}
		if src, ok := otelapi.UnboundedFunc(fn); ok {
			return class{dyn: &dynPart{expr: e, src: src, known: true}}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && fn.Name() == "String" && len(e.Args) == 0 && fn.Signature().Recv() != nil {
			// id.String() of a uuid.UUID: as unbounded as the ID, when
			// its name says so; an enumeration's String is not.
			x := c.classify(sel.X, en)
			if x.dyn != nil && !x.dyn.known && !idLike(lastName(ast.Unparen(sel.X))) {
				x.dyn, x.unknown = nil, true
			}
			return x
		}
		if d := c.decls[fn]; d != nil {
			return c.classifyCall(e, fn, d, en)
		}
		if args, ok := otelapi.NameCarrier(fn); ok {
			var out class
			for i, a := range e.Args {
				if len(args) > 0 && args[0] != -1 && !slices.Contains(args, i) {
					continue
				}
				if isContainer(info.TypeOf(a)) {
					out = join(out, c.contents(a, en))
				} else {
					out = join(out, c.classify(a, en))
				}
			}
			return out
		}
	case *ast.IndexExpr:
		if isContainer(info.TypeOf(e.X)) {
			return c.contents(e.X, en)
		}
		return c.classify(e.X, en)
	case *ast.SliceExpr:
		return c.classify(e.X, en)
	}
	return unknown
}

// classifyCall classifies the result of call to fn, a function of this
// package declared by d: what its results are built from, with its
// parameters replaced by call's arguments.
func (c *checker) classifyCall(call *ast.CallExpr, fn *types.Func, d *ast.FuncDecl, en *env) class {
	res, ok := c.results[fn]
	if !ok {
		c.results[fn] = unknown // recursion: unknown until computed
		res = c.resultsOf(fn, d)
		c.results[fn] = res
	}
	out := class{dyn: res.dyn, unknown: res.unknown}
	sig := fn.Signature()
	for _, p := range res.params {
		if p >= len(call.Args) || sig.Variadic() && p >= sig.Params().Len()-1 {
			out.unknown = true
			continue
		}
		out = join(out, c.classify(call.Args[p], en))
	}
	return out
}

// resultsOf classifies what fn, declared by d, returns when its only
// result is a string: what every return statement's result is built from.
func (c *checker) resultsOf(fn *types.Func, d *ast.FuncDecl) class {
	res := fn.Signature().Results()
	if res.Len() != 1 || res.At(0).Name() != "" || !isString(typeUnder(res.At(0).Type())) {
		return unknown
	}
	e := c.envOf(d)
	var out class
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				out = join(out, c.classify(n.Results[0], e))
				found = true
			}
		}
		return true
	})
	if !found {
		return unknown
	}
	return out
}

// classifyVar classifies a use e of the variable v.
func (c *checker) classifyVar(e ast.Expr, v *types.Var, en *env) class {
	if i, ok := en.params[v]; ok {
		if idLike(v.Name()) || isNumber(v.Type()) && !boundedNumber(v.Name()) {
			return class{dyn: &dynPart{expr: e}} // whatever the caller passes
		}
		return class{params: []int{i}}
	}
	as, ok := c.assigns[v]
	if !ok {
		return c.guess(e, v)
	}
	if en.visiting[v] {
		return class{} // a cycle adds no new value
	}
	out, ok := en.memo[v]
	if !ok {
		if en.visiting == nil {
			en.visiting = map[*types.Var]bool{}
		}
		if en.memo == nil {
			en.memo = map[*types.Var]class{}
		}
		en.visiting[v] = true
		for _, a := range as {
			out = join(out, c.classifyAssign(a, en, false))
		}
		delete(en.visiting, v)
		en.memo[v] = out
	}
	if out.dyn == nil && len(out.params) == 0 && out.unknown {
		return c.guess(e, v) // about this use of v, not memoised
	}
	return out
}

// guess classifies a variable of unknown value by its name and type: an
// ID or a number has unbounded values, unless its name says it is a
// status code, an attempt, a version or a port.
func (c *checker) guess(e ast.Expr, v *types.Var) class {
	if idLike(v.Name()) || isNumber(v.Type()) && !boundedNumber(v.Name()) {
		return class{dyn: &dynPart{expr: e}}
	}
	return unknown
}

// contents classifies the elements of x, a map, slice or array.
func (c *checker) contents(x ast.Expr, en *env) class {
	if en.depth > 32 {
		return unknown
	}
	en.depth++
	defer func() { en.depth-- }()
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	switch x := x.(type) {
	case *ast.CompositeLit:
		var out class
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				out = join(out, c.classify(kv.Key, en))
				el = kv.Value
			}
			out = join(out, c.classify(el, en))
		}
		return out
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := x.(*ast.Ident)
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if info.Selections[sel] != nil {
				return unknown // a field
			}
			id = sel.Sel
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return unknown
		}
		as, ok := c.assigns[v]
		if !ok || en.visiting[v] {
			return unknown
		}
		if en.visiting == nil {
			en.visiting = map[*types.Var]bool{}
		}
		en.visiting[v] = true
		defer delete(en.visiting, v)
		var out class
		for _, a := range as {
			out = join(out, c.classifyAssign(a, en, true))
		}
		return out
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "append" {
			if _, ok := info.Uses[id].(*types.Builtin); ok && len(x.Args) > 0 {
				out := c.contents(x.Args[0], en)
				for _, a := range x.Args[1:] {
					if x.Ellipsis.IsValid() {
						out = join(out, c.contents(a, en))
					} else {
						out = join(out, c.classify(a, en))
					}
				}
				return out
			}
		}
		fn, ok := typeutil.Callee(info, x).(*types.Func)
		if !ok {
			return unknown
		}
		fn = fn.Origin()
		if src, ok := otelapi.UnboundedMap(fn); ok {
			return class{dyn: &dynPart{expr: x, src: src, known: true}}
		}
		if args, ok := otelapi.NameCarrier(fn); ok && len(args) > 0 && args[0] >= 0 && args[0] < len(x.Args) {
			return c.classify(x.Args[args[0]], en) // strings.Split(s, "/")
		}
	}
	return unknown
}

// assign is one assignment to a variable.
type assign struct {
	kind  assignKind
	rhs   ast.Expr
	index int // the result index of a tuple assignment
}

type assignKind int

const (
	assignValue   assignKind = iota // v = rhs
	assignZero                      // var v T
	assignElem                      // v[k] = rhs
	assignRangeOf                   // for _, v := range rhs
	assignBounded                   // for i := range rhs: an index
	assignTuple                     // v, w := rhs (a call)
	assignUnknown                   // &v, v++, anything else
)

// classifyAssign classifies the value that a gives its variable, or the
// elements it gives it when elems.
func (c *checker) classifyAssign(a assign, en *env, elems bool) class {
	switch a.kind {
	case assignZero, assignBounded:
		return class{}
	case assignValue:
		if elems {
			return c.contents(a.rhs, en)
		}
		return c.classify(a.rhs, en)
	case assignElem:
		if elems {
			return c.classify(a.rhs, en)
		}
		return unknown
	case assignRangeOf:
		if elems {
			return unknown
		}
		if isContainer(c.pass.TypesInfo.TypeOf(a.rhs)) {
			return c.contents(a.rhs, en)
		}
		return unknown
	case assignTuple:
		if call, ok := ast.Unparen(a.rhs).(*ast.CallExpr); ok && !elems && a.index == 0 {
			if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && otelapi.IsRouteFunc(fn.Origin()) {
				return class{} // tmpl, err := route.GetPathTemplate()
			}
		}
		if a.index == 0 && !elems {
			switch ast.Unparen(a.rhs).(type) {
			case *ast.IndexExpr, *ast.TypeAssertExpr: // v, ok := m[k]
				return c.classify(a.rhs, en)
			}
		}
	}
	return unknown
}

// indexAssigns records every assignment to every variable of the package.
func (c *checker) indexAssigns(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	varOf := func(e ast.Expr) *types.Var {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, _ := info.ObjectOf(id).(*types.Var)
			return v
		}
		return nil
	}
	add := func(v *types.Var, a assign) {
		if v != nil {
			c.assigns[v] = append(c.assigns[v], a)
		}
	}
	loopPosts := map[*ast.IncDecStmt]bool{} // a ForStmt is visited before its Post
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.FuncType)(nil), (*ast.ForStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncType:
			// Parameters and results start with a value from outside.
			for _, fl := range []*ast.FieldList{n.Params, n.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, id := range f.Names {
						v, _ := info.Defs[id].(*types.Var)
						add(v, assign{kind: assignUnknown})
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
					if len(n.Lhs) == len(n.Rhs) {
						add(varOf(ix.X), assign{kind: assignElem, rhs: n.Rhs[i]})
					} else {
						add(varOf(ix.X), assign{kind: assignUnknown})
					}
					continue
				}
				v := varOf(l)
				switch {
				case len(n.Lhs) == len(n.Rhs):
					add(v, assign{kind: assignValue, rhs: n.Rhs[i]})
				case len(n.Rhs) == 1:
					add(v, assign{kind: assignTuple, rhs: n.Rhs[0], index: i})
				default:
					add(v, assign{kind: assignUnknown})
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				v, _ := info.Defs[id].(*types.Var)
				switch {
				case len(n.Values) == 0:
					add(v, assign{kind: assignZero})
				case len(n.Values) == len(n.Names):
					add(v, assign{kind: assignValue, rhs: n.Values[i]})
				case len(n.Values) == 1:
					add(v, assign{kind: assignTuple, rhs: n.Values[0], index: i})
				default:
					add(v, assign{kind: assignUnknown})
				}
			}
		case *ast.ForStmt:
			if inc, ok := n.Post.(*ast.IncDecStmt); ok {
				loopPosts[inc] = true
			}
		case *ast.RangeStmt:
			t := info.TypeOf(n.X)
			_, isMap := typeUnder(t).(*types.Map)
			if n.Key != nil {
				if isMap {
					add(varOf(n.Key), assign{kind: assignRangeOf, rhs: n.X}) // contents include the keys
				} else {
					add(varOf(n.Key), assign{kind: assignBounded})
				}
			}
			if n.Value != nil {
				add(varOf(n.Value), assign{kind: assignRangeOf, rhs: n.X})
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(varOf(n.X), assign{kind: assignUnknown})
			}
		case *ast.IncDecStmt:
			if loopPosts[n] {
				add(varOf(n.X), assign{kind: assignBounded}) // for i := 0; i < n; i++: an index, like a range key
			} else {
				add(varOf(n.X), assign{kind: assignUnknown})
			}
		}
	}
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// isContainer reports whether t is a map, slice or array (or a pointer to
// an array).
func isContainer(t types.Type) bool {
	switch u := typeUnder(t).(type) {
	case *types.Map, *types.Slice, *types.Array:
		return true
	case *types.Pointer:
		_, ok := typeUnder(u.Elem()).(*types.Array)
		return ok
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := typeUnder(t).(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// isNumber reports whether t is a plain number type (int, int64, float64,
// ...). A named one (type Op int) is an enumeration more often than not,
// and its values are bounded.
func isNumber(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat) != 0
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// unboundedWords are the last words of names whose values are unbounded.
// Path and URL are not among them: a variable named path is as often a
// route registered with the mux as the request's path, which the rule
// follows to r.URL.Path instead.
var unboundedWords = map[string]bool{
	"id": true, "ids": true, "uuid": true, "guid": true, "email": true,
}

// boundedWords are the last words of names of numbers with few values.
var boundedWords = map[string]bool{
	"code": true, "status": true, "attempt": true, "retry": true, "version": true, "port": true,
}

// boundedNumber reports whether the name of a number says it has few
// values (statusCode, attempt).
func boundedNumber(name string) bool {
	w := words(name)
	return len(w) > 0 && boundedWords[w[len(w)-1]]
}

// idLike reports whether a variable or field name says its value is an
// identifier or another unbounded value (id, userID, req.UUID, email).
func idLike(name string) bool {
	w := words(name)
	return len(w) > 0 && unboundedWords[w[len(w)-1]]
}

// words splits a Go name into lower-case words: userID -> user, id.
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '_' || !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush(i)
			start = i + 1
		case i > start && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])):
			flush(i)
		}
	}
	flush(len(rs))
	return out
}
