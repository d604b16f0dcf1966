package providershutdown

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/cgofile"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/fiximport"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports SDK providers that are never shut down, and Shutdown
// calls whose context is already cancelled. It is the default instance.
var Analyzer = New(spans.Default)

// New returns a fresh providershutdown analyzer. Its fact types are shared
// with every other instance. It reads the syntax through the inspector of
// h's suite (spans.Helper.Inspector).
func New(h *spans.Helper) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "providershutdown",
		Doc:       docutil.MustExtract(doc, "providershutdown"),
		URL:       "https://github.com/otellint/otellint/blob/main/docs/rules/providershutdown.md",
		Requires:  []*analysis.Analyzer{h.Inspector()},
		Run:       safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h) }),
		FactTypes: []analysis.Fact{new(takesProvider), new(providerParams), new(returnsProvider)},
	}
}

// takesProvider is an object fact on a function: it takes charge of the
// provider passed as one of its parameters (it shuts it down, stores it,
// returns it or passes it on to a function that takes it).
type takesProvider struct{ Params []int }

func (*takesProvider) AFact() {}
func (f *takesProvider) String() string {
	s := make([]string, len(f.Params))
	for i, p := range f.Params {
		s[i] = fmt.Sprint(p)
	}
	return "takesProvider(" + strings.Join(s, ",") + ")"
}

// providerParams is a package fact: the package declares functions that
// can receive a provider, and each that takes charge of it has a
// takesProvider fact. Without it (a package read from export data only)
// nothing is known of its functions, and a provider passed to one is
// assumed handed on.
type providerParams struct{}

func (*providerParams) AFact()         {}
func (*providerParams) String() string { return "providerParams" }

// returnsProvider is an object fact on a function that returns a provider
// it builds (a setup helper: tp := initTracer()): its caller owns it.
type returnsProvider struct {
	Result int    // the result that holds it
	Kind   string // "tracer provider"
}

func (*returnsProvider) AFact()           {}
func (f *returnsProvider) String() string { return fmt.Sprintf("returnsProvider(%d)", f.Result) }

type checker struct {
	pass *analysis.Pass
	file *ast.File
	// takes memoises, for functions of this package, which parameters
	// they take charge of; inProgress breaks recursion.
	takes      map[*types.Func][]int
	inProgress map[*types.Func]bool
	decls      map[*types.Func]*ast.FuncDecl
	// lostAs is the interface type without Shutdown that the last
	// provider checked was returned as, or nil.
	lostAs types.Type
	// lostIn is the field or package variable, of this package, that the
	// last provider checked was stored in and that nothing shuts down.
	lostIn *types.Var
	// shut memoises storeHandled.
	shut map[*types.Var]bool
	// decl is the function whose body handled walks.
	decl *ast.FuncDecl
	// returns memoises returnsNew for functions of this package.
	returns map[*types.Func]*returnsProvider
}

func run(pass *analysis.Pass, h *spans.Helper) (any, error) {
	if _, ok := testcode.SupportPackage(pass.Pkg.Path()); ok {
		return nil, nil // fakes and test servers: their providers serve tests
	}
	if !nearSDK(pass.Pkg) {
		// No provider can be built or received here: building one names
		// the SDK, and so does a function that returns one.
		return nil, nil
	}
	insp := h.Syntax(pass)
	c := &checker{pass: pass, takes: map[*types.Func][]int{}, inProgress: map[*types.Func]bool{}, decls: map[*types.Func]*ast.FuncDecl{}, returns: map[*types.Func]*returnsProvider{}}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			c.decls[fn] = fd
		}
	}
	c.exportFacts()
	pass, done := suppress.Filter(pass)
	defer done()
	c.pass = pass
	for _, f := range pass.Files {
		if cgofile.IsGenerated(f) {
			continue
		}
		c.file = f
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			safe.At(pass, fd.Pos())
			c.checkFunc(fd)
		}
	}
	return nil, nil
}

// nearSDK reports whether pkg imports an SDK provider package, or imports
// a package that does (a setup package whose functions return or take a
// provider). Elsewhere no provider is built, and one passed through an
// interface the rule cannot follow anyway.
func nearSDK(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if otelapi.IsSDKProviderPath(imp.Path()) {
			return true
		}
		for _, imp2 := range imp.Imports() {
			if otelapi.IsSDKProviderPath(imp2.Path()) {
				return true
			}
		}
	}
	return false
}

// exportFacts records which parameters each function of the package takes
// charge of, and marks the package as described.
func (c *checker) exportFacts() {
	any := false
	for fn := range c.decls {
		sig := fn.Signature()
		for i := 0; i < sig.Params().Len(); i++ {
			if canHoldProvider(sig.Params().At(i).Type()) {
				any = true
			}
		}
		if r := c.returnsNew(fn); r != nil {
			c.pass.ExportObjectFact(fn, r)
		}
		if ps := c.takenParams(fn); len(ps) > 0 {
			c.pass.ExportObjectFact(fn, &takesProvider{Params: ps})
		}
	}
	if any {
		c.pass.ExportPackageFact(&providerParams{})
	}
}

// resultType returns the declared type of the result that child (a
// direct result of ret, the last node of stack) is returned as: of the
// innermost function literal on stack, or of c.decl.
func (c *checker) resultType(stack []ast.Node, ret *ast.ReturnStmt, child ast.Node) types.Type {
	idx := -1
	for i, r := range ret.Results {
		if r == child {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var sig *types.Signature
	for i := len(stack) - 1; i >= 0 && sig == nil; i-- {
		if lit, ok := stack[i].(*ast.FuncLit); ok {
			sig, _ = c.pass.TypesInfo.TypeOf(lit).(*types.Signature)
		}
	}
	if sig == nil && c.decl != nil {
		if fn, ok := c.pass.TypesInfo.Defs[c.decl.Name].(*types.Func); ok {
			sig = fn.Signature()
		}
	}
	if sig == nil || sig.Results().Len() != len(ret.Results) {
		return nil
	}
	return sig.Results().At(idx).Type()
}

// storeTarget returns the field or package variable of this package
// that an assignment to lhs stores into, or nil (a local variable, an
// element, another package's field: followed no further).
func (c *checker) storeTarget(lhs ast.Expr) *types.Var {
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.SelectorExpr:
		return c.fieldOf(lhs.Sel)
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.ObjectOf(lhs).(*types.Var); ok && v.Pkg() == c.pass.Pkg && v.Parent() == c.pass.Pkg.Scope() {
			return v
		}
	}
	return nil
}

// fieldOf returns the field of a struct of this package that id names.
func (c *checker) fieldOf(e ast.Expr) *types.Var {
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && v.IsField() && v.Pkg() == c.pass.Pkg {
		return v
	}
	return nil
}

// storeHandled reports whether f is exported (other packages may shut it
// down), or the package does something with the unexported field or
// package variable f beyond the store and the OTel API: its Shutdown
// called or taken, f returned, passed to a function that is not the OTel
// API's, copied, ranged over, type-asserted. Otherwise nothing shuts
// down what is stored there, and lostIn records it.
func (c *checker) storeHandled(f *types.Var) bool {
	if c.shut == nil {
		c.shut = map[*types.Var]bool{}
	}
	if f.Exported() {
		return true // other packages may shut it down
	}
	done, ok := c.shut[f]
	if !ok {
		done = c.usedBeyondAPI(f)
		c.shut[f] = done
	}
	if !done {
		c.lostIn = f
	}
	return done
}

// usedBeyondAPI reports whether some use of f in the package may shut it
// down or hand it on (see storeHandled).
func (c *checker) usedBeyondAPI(f *types.Var) bool {
	info := c.pass.TypesInfo
	found := false
	for _, file := range c.pass.Files {
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if found {
				return false
			}
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			id, ok := n.(*ast.Ident)
			if !ok || info.Uses[id] != f {
				return true
			}
			// The expression that denotes f: x.f or f.
			i := len(stack) - 1
			var e ast.Node = id
			if i > 0 {
				if sel, ok := stack[i-1].(*ast.SelectorExpr); ok && sel.Sel == id {
					e, i = sel, i-1
				}
			}
			if i == 0 {
				return true
			}
			switch p := stack[i-1].(type) {
			case *ast.SelectorExpr:
				// f.Tracer("x"), f.Meter(...): a use, not an owner's.
				found = p.Sel.Name == "Shutdown"
			case *ast.AssignStmt:
				for _, l := range p.Lhs {
					if l == e {
						return true // a store
					}
				}
				found = true
			case *ast.CallExpr:
				if p.Fun == e {
					return true
				}
				fn, _ := typeutil.Callee(info, p).(*types.Func)
				found = fn == nil || fn.Pkg() == nil || !otelapi.IsOTelAPIPath(fn.Pkg().Path())
			case *ast.KeyValueExpr:
				// the key of a composite literal: a store
				if p.Key != e {
					found = true
				}
			default:
				found = true // returned, ranged over, indexed, compared, asserted
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// storedMessage says where a provider was stored that nothing shuts down.
func (c *checker) storedMessage(f *types.Var) string {
	where := "package variable " + f.Name()
	if f.IsField() {
		where = "field " + f.Name()
		if t := c.fieldOwner(f); t != "" {
			where = "field " + t + "." + f.Name()
		}
	}
	return "is stored in " + where + ", which nothing in this package shuts down"
}

// fieldOwner returns the name of the named struct type of this package
// that declares field f, or "".
func (c *checker) fieldOwner(f *types.Var) string {
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == f {
					return tn.Name()
				}
			}
		}
	}
	return ""
}

// canShutDown reports whether values of type t have a Shutdown method.
func canShutDown(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Shutdown")
	_, ok := obj.(*types.Func)
	return ok
}

// canHoldProvider reports whether a parameter of type t can receive an
// SDK provider: a provider type, an OTel provider interface, or an
// interface with a Shutdown method.
func canHoldProvider(t types.Type) bool {
	if otelapi.IsProviderType(t) {
		return true
	}
	if otelapi.IsNamed(t, "go.opentelemetry.io/otel/trace", "TracerProvider") ||
		otelapi.IsNamed(t, "go.opentelemetry.io/otel/metric", "MeterProvider") ||
		otelapi.IsNamed(t, "go.opentelemetry.io/otel/log", "LoggerProvider") {
		return true
	}
	if it, ok := t.Underlying().(*types.Interface); ok {
		for i := 0; i < it.NumMethods(); i++ {
			if it.Method(i).Name() == "Shutdown" {
				return true
			}
		}
	}
	return false
}

// takenParams returns the parameters of fn, declared in this package,
// whose provider fn takes charge of.
func (c *checker) takenParams(fn *types.Func) []int {
	if ps, ok := c.takes[fn]; ok {
		return ps
	}
	fd := c.decls[fn]
	if fd == nil || c.inProgress[fn] {
		return nil
	}
	c.inProgress[fn] = true
	defer delete(c.inProgress, fn)
	var ps []int
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if canHoldProvider(p.Type()) && c.handled(fd, p) != nil {
			ps = append(ps, i)
		}
	}
	c.takes[fn] = ps
	return ps
}

// takes reports whether a call to fn takes charge of the provider passed
// as its argument i; unknown says nothing can be known (an interface
// method, a function value, a package whose functions are not described).
func (c *checker) takesArg(fn *types.Func, i int) (taken, unknown bool) {
	if fn == nil {
		return false, true
	}
	if fn.Pkg() == nil || otelapi.IsOTelAPIPath(fn.Pkg().Path()) {
		return false, false // the OTel API and SDK never shut a provider down for you
	}
	if sig := fn.Signature(); sig.Variadic() && i >= sig.Params().Len()-1 {
		i = sig.Params().Len() - 1
	}
	if fn.Pkg() == c.pass.Pkg {
		if _, ok := c.decls[fn.Origin()]; !ok {
			return false, true // an interface method, a method without body
		}
		return slices.Contains(c.takenParams(fn.Origin()), i), false
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return false, true
	}
	var f takesProvider
	if c.pass.ImportObjectFact(fn.Origin(), &f) {
		return slices.Contains(f.Params, i), false
	}
	if !c.pass.ImportPackageFact(fn.Pkg(), new(providerParams)) {
		return false, true
	}
	return false, false
}

// handled returns the first use of v in body that shuts the provider
// down or hands it on, or nil: v.Shutdown (called, deferred, or taken as a
// method value), v returned, stored in a field, a composite literal, a
// package variable, another variable or a container, passed to a
// function that takes it (or to one nothing is known of), type-asserted.
func (c *checker) handled(fd *ast.FuncDecl, v *types.Var) ast.Node {
	defer func(d *ast.FuncDecl) { c.decl = d }(c.decl)
	c.decl = fd
	body := fd.Body
	info := c.pass.TypesInfo
	var found ast.Node
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != v {
			return true
		}
		if c.handOff(stack) {
			found = id
		}
		return true
	})
	return found
}

// handOff reports whether the use of a provider at the top of stack (an
// identifier, with its ancestors below it) shuts it down or hands it on.
func (c *checker) handOff(stack []ast.Node) bool {
	info := c.pass.TypesInfo
	var child ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr, *ast.StarExpr:
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return false
			}
		case *ast.SelectorExpr:
			return p.X == child && p.Sel.Name == "Shutdown"
		case *ast.ReturnStmt:
			if t := c.resultType(stack[:i+1], p, child); t != nil && types.IsInterface(t) && !canShutDown(t) {
				c.lostAs = t
				return false // returned as an interface without Shutdown: no caller can
			}
			return true
		case *ast.KeyValueExpr:
			if p.Value == child {
				if f := c.fieldOf(p.Key); f != nil {
					return c.storeHandled(f)
				}
			}
			return true
		case *ast.CompositeLit, *ast.SendStmt,
			*ast.TypeAssertExpr, *ast.TypeSwitchStmt, *ast.IndexExpr:
			return true // returned, stored, sent, inspected for Shutdown
		case *ast.AssignStmt:
			for j, r := range p.Rhs {
				if r == child && len(p.Lhs) == len(p.Rhs) {
					if f := c.storeTarget(p.Lhs[j]); f != nil {
						return c.storeHandled(f)
					}
					return true // another variable, a map, an element: followed no further
				}
			}
			return false
		case *ast.ValueSpec:
			return true
		case *ast.CallExpr:
			if p.Fun == child {
				return false
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				return true // a conversion: followed no further
			}
			switch fn := typeutil.Callee(info, p).(type) {
			case *types.Builtin:
				return fn.Name() == "append"
			case *types.Func:
				for j, a := range p.Args {
					if a == child {
						taken, unknown := c.takesArg(fn, j)
						return taken || unknown
					}
				}
				return false
			default:
				return true // a function value: nothing known
			}
		default:
			return false
		}
		child = stack[i]
	}
	return false
}

// checkFunc reports the providers fd constructs and never shuts down or
// hands on, and its Shutdown calls with a cancelled context.
func (c *checker) checkFunc(fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	var stack []ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil {
			return true
		}
		if p, idx, ok := c.providerFrom(fn); ok {
			c.checkProvider(fd, stack, call, fn, p, idx)
		}
		if fn.Name() == "Shutdown" && fn.Signature().Recv() != nil && otelapi.IsProviderType(fn.Signature().Recv().Type()) && len(call.Args) == 1 {
			c.checkShutdownContext(fd, stack, call)
		}
		return true
	})
}

// checkProvider reports the provider built by call (with its ancestors on
// stack) when nothing shuts it down or takes charge of it.
func (c *checker) checkProvider(fd *ast.FuncDecl, stack []ast.Node, call *ast.CallExpr, fn *types.Func, p otelapi.Provider, idx int) {
	info := c.pass.TypesInfo
	if c.isTest(fd) && (!c.queues(call, p, false) || !c.takesTesting(fd)) {
		// A test provider that buffers nothing loses nothing at exit; one
		// made in init or TestMain lives as long as the test binary.
		return
	}
	if p.Kind != otelapi.TracerProviderKind && !c.queues(call, p, true) {
		// A meter or logger provider whose call shows no periodic reader
		// or batch processor: a pull reader (Prometheus) loses nothing,
		// and what a reader passed in does is not seen.
		return
	}
	var lhs, rhs []ast.Expr
	switch parent := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		lhs, rhs = parent.Lhs, parent.Rhs
	case *ast.ValueSpec:
		for _, n := range parent.Names {
			lhs = append(lhs, n)
		}
		rhs = parent.Values
	default:
		// Used in place: returned, stored, passed on, or lost.
		c.lostAs, c.lostIn = nil, nil
		c.decl = fd
		if idx != 0 || c.handOff(stack) {
			return
		}
		c.reportLost(call, fn, p)
		return
	}
	var v *types.Var
	for i, r := range rhs {
		if r != call {
			continue
		}
		switch {
		case len(lhs) == len(rhs) && idx == 0:
		case len(rhs) == 1 && idx < len(lhs):
			i = idx
		default:
			return
		}
		if f := c.storeTarget(lhs[i]); f != nil {
			if !c.storeHandled(f) {
				c.report(call, fn, p, c.storedMessage(f))
			}
			return
		}
		id, ok := lhs[i].(*ast.Ident)
		if !ok {
			return // stored in an element: handed on
		}
		if id.Name == "_" {
			c.report(call, fn, p, "is dropped")
			return
		}
		obj, _ := info.ObjectOf(id).(*types.Var)
		if obj == nil || obj.Parent() == c.pass.Pkg.Scope() {
			return // a package variable: handed on
		}
		v = obj
	}
	if v == nil {
		return
	}
	c.lostAs, c.lostIn = nil, nil
	if c.handled(fd, v) != nil || c.processorShutDown(fd, call) {
		return
	}
	c.reportLost(call, fn, p)
}

// reportLost reports the provider built by call that nothing took charge
// of, saying where it was lost: in a field or variable nothing shuts down,
// returned as an interface without Shutdown, or nowhere.
func (c *checker) reportLost(call *ast.CallExpr, fn *types.Func, p otelapi.Provider) {
	switch {
	case c.lostIn != nil:
		c.report(call, fn, p, c.storedMessage(c.lostIn))
	case c.lostAs != nil:
		c.report(call, fn, p, "is returned as "+types.TypeString(c.lostAs, func(p *types.Package) string { return p.Name() })+", which has no Shutdown method: no caller can shut it down")
	default:
		c.report(call, fn, p, "is never shut down")
	}
}

// processorShutDown reports whether the provider built by call is given
// a processor or reader (sdkmetric.WithReader(r)) held in a variable that
// fd shuts down or hands on: PeriodicReader.Shutdown collects and exports
// what is left, as the provider's Shutdown would.
func (c *checker) processorShutDown(fd *ast.FuncDecl, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	for _, a := range call.Args {
		opt, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok || len(opt.Args) != 1 {
			continue
		}
		fn, ok := typeutil.Callee(info, opt).(*types.Func)
		if !ok || !otelapi.IsProcessorOption(fn) {
			continue
		}
		id, ok := ast.Unparen(opt.Args[0]).(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := info.Uses[id].(*types.Var); ok && c.shutDown(fd.Body, v) {
			return true
		}
	}
	return false
}

// shutDown reports whether body mentions v.Shutdown.
func (c *checker) shutDown(body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Shutdown" {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// queues reports whether the provider call is given an option or
// processor that buffers telemetry (a batcher, a periodic reader).
func (c *checker) queues(call *ast.CallExpr, p otelapi.Provider, strict bool) bool {
	found := false
	ast.Inspect(call, func(n ast.Node) bool {
		if inner, ok := n.(*ast.CallExpr); ok {
			if fn, ok := typeutil.Callee(c.pass.TypesInfo, inner).(*types.Func); ok && slices.Contains(p.Queues, fn.FullName()) {
				found = true
			}
		}
		if id, ok := n.(*ast.Ident); ok && id.Name != "_" {
			// An options slice built elsewhere: what it holds is not seen.
			if !strict && call.Ellipsis.IsValid() && len(call.Args) > 0 && call.Args[len(call.Args)-1] == id {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) isTest(fd *ast.FuncDecl) bool {
	if f := c.pass.Fset.File(fd.Pos()); f != nil && strings.HasSuffix(f.Name(), "_test.go") {
		return true
	}
	return c.takesTesting(fd)
}

// takesTesting reports whether fd takes a *testing.T, B or F or a
// testing.TB (not *testing.M: TestMain runs once per binary).
func (c *checker) takesTesting(fd *ast.FuncDecl) bool {
	return testcode.TakesTesting(c.pass.TypesInfo, fd.Type)
}

func (c *checker) report(call *ast.CallExpr, fn *types.Func, p otelapi.Provider, what string) {
	from := fn.Name()
	if p.Pkg != "" {
		from = p.Pkg + "." + from
	}
	c.pass.Report(analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("%s from %s %s (what its processors still hold is lost when the program exits; call its Shutdown, or hand it to code that does)",
			p.Kind, from, what),
	})
}

// providerFrom reports whether a call to fn returns a new provider that
// the caller owns: an SDK constructor, or a function with the
// returnsProvider fact; idx is the result that holds it.
func (c *checker) providerFrom(fn *types.Func) (otelapi.Provider, int, bool) {
	if p, ok := otelapi.ProviderCtor(fn); ok {
		return p, 0, true
	}
	var r *returnsProvider
	if fn.Pkg() == c.pass.Pkg {
		r = c.returnsNew(fn.Origin())
	} else {
		f := new(returnsProvider)
		if c.pass.ImportObjectFact(fn.Origin(), f) {
			r = f
		}
	}
	if r == nil {
		return otelapi.Provider{}, 0, false
	}
	return otelapi.Provider{Kind: r.Kind}, r.Result, true
}

// returnsNew returns the returnsProvider fact of fn, a function of this
// package, or nil: one of its results is of a provider type and every
// return statement gives it nil or a provider fn builds (a constructor
// call, or a local variable assigned only such calls), once at least.
func (c *checker) returnsNew(fn *types.Func) *returnsProvider {
	if r, ok := c.returns[fn]; ok {
		return r
	}
	c.returns[fn] = nil // recursion: nothing known yet
	fd := c.decls[fn]
	if fd == nil {
		return nil
	}
	res := fn.Signature().Results()
	info := c.pass.TypesInfo
	// built reports whether e is a provider built here, and its kind.
	var built func(e ast.Expr, depth int) (string, bool)
	built = func(e ast.Expr, depth int) (string, bool) {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if f, ok := typeutil.Callee(info, e).(*types.Func); ok {
				if p, idx, ok := c.providerFrom(f); ok && idx == 0 {
					return p.Kind, true
				}
			}
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			if !ok || depth > 0 || v.Parent() == c.pass.Pkg.Scope() {
				return "", false
			}
			kind, assigned, ok := "", false, true
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				as, isAssign := n.(*ast.AssignStmt)
				if !isAssign || !ok {
					return ok
				}
				for i, l := range as.Lhs {
					if id, isID := l.(*ast.Ident); isID && info.ObjectOf(id) == v {
						if len(as.Lhs) != len(as.Rhs) {
							ok = false
							return false
						}
						k, isBuilt := built(as.Rhs[i], depth+1)
						ok, kind, assigned = ok && isBuilt, k, true
					}
				}
				return ok
			})
			return kind, ok && assigned
		}
		return "", false
	}
	for i := 0; i < res.Len(); i++ {
		if !otelapi.IsProviderType(res.At(i).Type()) || res.At(i).Name() != "" {
			continue
		}
		kind, ok, some := "", true, false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) != res.Len() {
					ok = false
					return false
				}
				e := n.Results[i]
				if id, isID := ast.Unparen(e).(*ast.Ident); isID && info.Uses[id] == types.Universe.Lookup("nil") {
					return true
				}
				k, isBuilt := built(e, 0)
				ok, kind, some = ok && isBuilt, k, some || isBuilt
			}
			return ok
		})
		if ok && some {
			r := &returnsProvider{Result: i, Kind: kind}
			c.returns[fn] = r
			return r
		}
	}
	return nil
}

// checkShutdownContext reports a provider's Shutdown called with a context
// that is already over when the call runs: one from signal.NotifyContext,
// or derived from it, in a deferred call (which runs after the signal) or
// after <-ctx.Done().
func (c *checker) checkShutdownContext(fd *ast.FuncDecl, stack []ast.Node, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil {
		return
	}
	root := c.notifyRoot(fd, v, map[*types.Var]bool{})
	if root == nil {
		return
	}
	when := ""
	switch {
	case c.deferred(stack):
		when = "in a deferred call, which runs after the signal cancelled it"
	case c.afterDone(fd, stack, root):
		when = "after its Done channel closed"
	default:
		return
	}
	d := analysis.Diagnostic{
		Pos: call.Pos(),
		End: call.End(),
		Message: fmt.Sprintf("Shutdown is called with %s from signal.NotifyContext %s (the SDK gives up at once and drops what is queued; shut down with a fresh context with a timeout)",
			id.Name, when),
	}
	if fix, ok := c.freshContextFix(fd, stack, call, id, v, root); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.pass.Report(d)
}

// notifyRoot returns the signal.NotifyContext call whose context v holds,
// directly or through context.With* derivations assigned in fd, or nil.
func (c *checker) notifyRoot(fd *ast.FuncDecl, v *types.Var, seen map[*types.Var]bool) *ast.CallExpr {
	if seen[v] {
		return nil
	}
	seen[v] = true
	info := c.pass.TypesInfo
	var root *ast.CallExpr
	ast.Inspect(fd, func(n ast.Node) bool {
		if root != nil {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return true
		}
		lhs, ok := as.Lhs[0].(*ast.Ident)
		if !ok || info.ObjectOf(lhs) != v {
			return true
		}
		if id, ok := ast.Unparen(as.Rhs[0]).(*ast.Ident); ok {
			if pv, ok := info.Uses[id].(*types.Var); ok {
				root = c.notifyRoot(fd, pv, seen) // a copy: sctx := ctx
			}
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		switch {
		case fn.FullName() == "os/signal.NotifyContext":
			root = call
		case fn.Pkg().Path() == "context" && strings.HasPrefix(fn.Name(), "With") && fn.Name() != "WithoutCancel" && len(call.Args) > 0:
			if pid, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
				if pv, ok := info.Uses[pid].(*types.Var); ok {
					root = c.notifyRoot(fd, pv, seen)
				}
			}
		}
		return true
	})
	return root
}

// deferred reports whether the call at the top of stack runs deferred: it
// is the call of a defer statement, or inside a function literal that is.
func (c *checker) deferred(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.DeferStmt:
			return true
		case *ast.FuncLit:
			if i > 0 {
				if call, ok := stack[i-1].(*ast.CallExpr); ok && call.Fun == p && i > 1 {
					if _, ok := stack[i-2].(*ast.DeferStmt); ok {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}

// afterDone reports whether the call at the top of stack runs after a
// receive from Done() of a context derived from root: in the body of a
// select case receiving it, or after a statement receiving it earlier in
// an enclosing block of the same function.
func (c *checker) afterDone(fd *ast.FuncDecl, stack []ast.Node, root *ast.CallExpr) bool {
	isDone := func(e ast.Expr) bool {
		u, ok := ast.Unparen(e).(*ast.UnaryExpr)
		if !ok || u.Op != token.ARROW {
			return false
		}
		call, ok := ast.Unparen(u.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" {
			return false
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		return ok && c.notifyRoot(fd, v, map[*types.Var]bool{}) == root
	}
	for i := len(stack) - 2; i >= 0; i-- {
		var list []ast.Stmt
		switch p := stack[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if p.Comm != nil {
				if es, ok := p.Comm.(*ast.ExprStmt); ok && isDone(es.X) {
					return true
				}
				if as, ok := p.Comm.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && isDone(as.Rhs[0]) {
					return true
				}
			}
			list = p.Body
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		}
		for _, s := range list {
			if s == stack[i+1] {
				break
			}
			if es, ok := s.(*ast.ExprStmt); ok && isDone(es.X) {
				return true
			}
		}
	}
	return false
}

// freshContextFix rewrites the Shutdown call at the top of stack to use a
// fresh context with a five-second timeout: a deferred call becomes a
// deferred function that makes one; elsewhere the context is made in the
// statement before. No fix when a name it needs is taken.
func (c *checker) freshContextFix(fd *ast.FuncDecl, stack []ast.Node, call *ast.CallExpr, arg *ast.Ident, v *types.Var, root *ast.CallExpr) (analysis.SuggestedFix, bool) {
	ctxName, ctxEdit, ok := fiximport.Name(c.pass, c.file, call.Pos(), "context", "context")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	// A timeout derived from the signal's context: derive it from a fresh
	// one instead (sctx, cancel := context.WithTimeout(ctx, d)).
	if d := c.derivation(fd, v); d != nil && d != root {
		fn, _ := typeutil.Callee(c.pass.TypesInfo, d).(*types.Func)
		if fn == nil || fn.Name() != "WithTimeout" && fn.Name() != "WithDeadline" {
			return analysis.SuggestedFix{}, false
		}
		edits := []analysis.TextEdit{{Pos: d.Args[0].Pos(), End: d.Args[0].End(), NewText: []byte(ctxName + ".Background()")}}
		if ctxEdit != nil {
			edits = append(edits, *ctxEdit)
		}
		return analysis.SuggestedFix{Message: "Derive the shutdown context from a fresh one", TextEdits: edits}, true
	}
	timeName, timeEdit, ok := fiximport.Name(c.pass, c.file, call.Pos(), "time", "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	fresh := fmt.Sprintf("%s.WithTimeout(%s.Background(), 5*%s.Second)", ctxName, ctxName, timeName)
	var edits []analysis.TextEdit
	if ds, ok := stack[len(stack)-2].(*ast.DeferStmt); ok && ds.Call == call {
		recv := c.source(call.Fun)
		if recv == "" || !plainReceiver(call.Fun) || c.usesIn(fd, v) < 2 {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, analysis.TextEdit{Pos: ds.Pos(), End: ds.End(), NewText: []byte(fmt.Sprintf(
			"defer func() {\nctx, cancel := %s\ndefer cancel()\n_ = %s(ctx)\n}()", fresh, recv))})
	} else {
		// The statement holding the call, in a statement list.
		var stmt ast.Stmt
		for i := len(stack) - 2; i > 0; i-- {
			s, ok := stack[i].(ast.Stmt)
			if !ok {
				continue
			}
			switch stack[i-1].(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				stmt = s
			}
			if stmt != nil {
				break
			}
		}
		if stmt == nil {
			return analysis.SuggestedFix{}, false
		}
		if cc, ok := stack[len(stack)-2].(*ast.CommClause); ok && cc.Comm == stmt {
			return analysis.SuggestedFix{}, false
		}
		if c.usesIn(fd, v) < 2 {
			return analysis.SuggestedFix{}, false // v would be left unused: it does not compile
		}
		scope := c.pass.Pkg.Scope().Innermost(stmt.Pos())
		for _, name := range []string{"shutdownCtx", "cancelShutdown"} {
			if _, obj := scope.LookupParent(name, stmt.Pos()); obj != nil {
				return analysis.SuggestedFix{}, false
			}
		}
		edits = append(edits,
			analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(fmt.Sprintf("shutdownCtx, cancelShutdown := %s\ndefer cancelShutdown()\n", fresh))},
			analysis.TextEdit{Pos: arg.Pos(), End: arg.End(), NewText: []byte("shutdownCtx")})
	}
	for _, e := range []*analysis.TextEdit{ctxEdit, timeEdit} {
		if e != nil {
			edits = append(edits, *e)
		}
	}
	return analysis.SuggestedFix{Message: "Shut down with a fresh context with a timeout", TextEdits: edits}, true
}

// usesIn counts the uses of v in fd.
func (c *checker) usesIn(fd *ast.FuncDecl, v *types.Var) int {
	n := 0
	ast.Inspect(fd, func(node ast.Node) bool {
		if id, ok := node.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			n++
		}
		return true
	})
	return n
}

// plainReceiver reports whether fun (x.Shutdown) names its receiver by a
// chain of identifiers (tp, app.tp) none of which is ctx or cancel: moved
// into the deferred function the fix writes, the receiver then means the
// same (it is not a call evaluated later, nor shadowed by the function's
// own ctx and cancel).
func plainReceiver(fun ast.Expr) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	for e := ast.Unparen(sel.X); ; {
		switch x := e.(type) {
		case *ast.Ident:
			return x.Name != "ctx" && x.Name != "cancel"
		case *ast.SelectorExpr:
			if x.Sel.Name == "ctx" || x.Sel.Name == "cancel" {
				return false
			}
			e = ast.Unparen(x.X)
		default:
			return false
		}
	}
}

// derivation returns the call whose result fd assigns to v: the
// signal.NotifyContext or context.With* call, or nil.
func (c *checker) derivation(fd *ast.FuncDecl, v *types.Var) *ast.CallExpr {
	info := c.pass.TypesInfo
	var found *ast.CallExpr
	ast.Inspect(fd, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) > 0 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok && info.ObjectOf(id) == v {
				found, _ = ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			}
		}
		return found == nil
	})
	return found
}

// source returns the source text of n.
func (c *checker) source(n ast.Node) string {
	var b strings.Builder
	if err := printer.Fprint(&b, c.pass.Fset, n); err != nil {
		return ""
	}
	return b.String()
}
