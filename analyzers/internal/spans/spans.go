// Package spans defines a helper analyzer that finds where spans are
// started and ended. It reports nothing itself: it exports facts that
// summarise functions across packages (a function that returns a new span
// its callers own, a function that ends its span parameter) and gives the
// rules a Result that classifies calls using the OTel API tables, those
// facts and the user's configuration.
package spans

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/tree"
)

// Options extends the tables with functions that facts cannot see, by
// their full name as types.Func.FullName spells it, e.g.
// "example.com/tel.Begin" or "(*example.com/tel.Tracer).Open".
type Options struct {
	Starts    ListFlag // functions that return a new span as their last span result
	Ends      ListFlag // functions that end the span passed as their first span argument
	Recorders ListFlag // functions that record an error on the first span they are passed
}

// Helper is one instance of the helper analyzer and the options its Result
// classifies calls with. The rules of a suite share one Helper and expose
// its options as their own flags (for example -spanend.start); two suites
// built on two Helpers share no options.
type Helper struct {
	Analyzer *analysis.Analyzer
	Options  *Options

	mu         sync.Mutex
	companions map[string]*analysis.Analyzer
}

// Companion returns the analyzer called name that the rules built on h
// share (the context rules' helper), which mk makes the first time. It
// belongs to h, not to the process: two suites share none, and no
// package-level registry outlives them.
func (h *Helper) Companion(name string, mk func() *analysis.Analyzer) *analysis.Analyzer {
	h.mu.Lock()
	defer h.mu.Unlock()
	a, ok := h.companions[name]
	if !ok {
		if h.companions == nil {
			h.companions = map[string]*analysis.Analyzer{}
		}
		a = mk()
		h.companions[name] = a
	}
	return a
}

// New returns a fresh helper analyzer with empty options.
func New() *Helper {
	h := &Helper{Options: new(Options)}
	h.Analyzer = &analysis.Analyzer{
		Name:       "otelspans",
		Doc:        "find span starts and ends and summarise them as facts (reports nothing)",
		Requires:   []*analysis.Analyzer{h.Inspector()},
		ResultType: reflect.TypeOf((*Result)(nil)),
		FactTypes:  []analysis.Fact{new(StartsSpan), new(EndsSpan), new(RecordsError), new(SpanAPI), new(Analysed)},
		Run:        safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, h) }),
	}
	return h
}

// Inspector returns the syntax-inspector analyzer of h's suite (see
// package tree): every rule and helper built on h requires it instead of
// x/tools' inspect analyzer.
func (h *Helper) Inspector() *analysis.Analyzer { return h.Companion("otelinspect", tree.New) }

// Syntax returns the inspector of pass's package; pass's analyzer requires
// h.Inspector().
func (h *Helper) Syntax(pass *analysis.Pass) *inspector.Inspector {
	return tree.Of(pass, h.Inspector())
}

// Result returns the helper's result for pass, whose analyzer requires it.
func (h *Helper) Result(pass *analysis.Pass) *Result {
	return pass.ResultOf[h.Analyzer].(*Result)
}

// Default is the helper of the default suite: the one the standalone
// driver, go vet and the rule tests run.
var Default = New()

// Analyzer is the default helper analyzer.
var Analyzer = Default.Analyzer

// Result answers questions about calls in the analysed package.
type Result struct {
	pass    *analysis.Pass
	opts    *Options
	starts  map[*types.Func]*StartsSpan // facts for this package's functions
	ends    map[*types.Func]*EndsSpan
	records map[*types.Func]*RecordsError
	// methodValues maps a function-typed local variable assigned exactly
	// once from a method value (start := tracer.Start) or a method
	// expression (end := trace.Span.End) to that method.
	methodValues map[*types.Var]boundMethod
	relevant     bool
	sitesMu      sync.Mutex
	sites        map[ast.Node]*funcSites // Sites and Mentions, by function
}

// Release drops what the result knows of the package's code. A driver
// calls it once every analysis of the package has ended; nothing may use
// the result after.
func (r *Result) Release() {
	r.sitesMu.Lock()
	defer r.sitesMu.Unlock()
	r.pass, r.starts, r.ends, r.records, r.methodValues, r.sites = nil, nil, nil, nil, nil, nil
}

// Relevant reports whether the package can involve spans: it imports the
// OTel trace API, or a package that declares span helpers.
func (r *Result) Relevant() bool { return r.relevant }

// Start describes a call that starts a span owned by its caller.
type Start struct {
	Call   *ast.CallExpr
	Result int      // index of the span among the call's results
	Name   ast.Expr // the span's name argument, or nil
	// Err is the index of the call's error result, or -1. Unless
	// LiveOnErr, a non-nil error means that no span was started.
	Err       int
	LiveOnErr bool
}

// ConstName returns the span's name when it is a constant string.
func (s Start) ConstName(info *types.Info) (string, bool) {
	if s.Name == nil {
		return "", false
	}
	tv, ok := info.Types[s.Name]
	if !ok || tv.Value == nil {
		return "", false
	}
	v := tv.Value.ExactString()
	if len(v) >= 2 && v[0] == '"' {
		return strings.Trim(v, `"`), true
	}
	return "", false
}

// Callee returns the function called, resolving method values bound to a
// local variable (start := tracer.Start; start(ctx, "x")).
func (r *Result) Callee(call *ast.CallExpr) *types.Func {
	info := r.pass.TypesInfo
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
		return fn
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if m, ok := r.methodValues[v]; ok && m.recv != nil {
				return m.fn
			}
		}
	}
	return nil
}

// boundMethod is the method a local variable is bound to, and the
// receiver of a method value (nil for a method expression, which takes
// the receiver as its first argument).
type boundMethod struct {
	fn   *types.Func
	recv ast.Expr
}

// StartCall reports whether call starts a span that its caller owns.
func (r *Result) StartCall(call *ast.CallExpr) (Start, bool) {
	fn := r.Callee(call)
	if fn == nil {
		return Start{}, false
	}
	fn = fn.Origin()
	nameArg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	if i, ok := otelapi.StartResult(fn); ok {
		return Start{Call: call, Result: i, Name: nameArg(1), Err: -1}, true
	}
	if i, ok := otelapi.IsStartSignature(fn); ok {
		return Start{Call: call, Result: i, Name: nameArg(1), Err: -1}, true
	}
	if f := r.startsFact(fn); f != nil {
		return Start{Call: call, Result: f.Result, Name: nameArg(f.NameParam), Err: f.Err, LiveOnErr: f.LiveOnErr}, true
	}
	if r.opts.Starts.HasFunc(fn) {
		if i := lastSpanResult(fn); i >= 0 {
			// A configured start's body is not seen: by Go's
			// convention its other results mean nothing with an error.
			return Start{Call: call, Result: i, Name: firstStringArg(r.pass.TypesInfo, call), Err: errorResult(fn.Signature())}, true
		}
	}
	return Start{}, false
}

// errorResult returns the index of the last result of sig of type error,
// or -1.
func errorResult(sig *types.Signature) int {
	res := sig.Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if otelapi.IsErrorType(res.At(i).Type()) {
			return i
		}
	}
	return -1
}

func (r *Result) startsFact(fn *types.Func) *StartsSpan {
	if f, ok := r.starts[fn]; ok {
		return f
	}
	if fn.Pkg() != nil && fn.Pkg() != r.pass.Pkg {
		f := new(StartsSpan)
		if r.pass.ImportObjectFact(fn, f) {
			return f
		}
	}
	return nil
}

func (r *Result) endsFact(fn *types.Func) *EndsSpan {
	if f, ok := r.ends[fn]; ok {
		return f
	}
	if fn.Pkg() != nil && fn.Pkg() != r.pass.Pkg {
		f := new(EndsSpan)
		if r.pass.ImportObjectFact(fn, f) {
			return f
		}
	}
	return nil
}

// ArgEffect says what a callee does with a span passed as an argument.
type ArgEffect int

const (
	ArgKept    ArgEffect = iota // the callee uses the span but does not end it
	ArgEnded                    // the callee ends the span
	ArgUnknown                  // the callee cannot be seen: ownership may move
)

// ArgEffect reports what call does with its argument at index i, a span.
func (r *Result) ArgEffect(call *ast.CallExpr, i int) ArgEffect {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return ArgKept // a conversion
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := info.Uses[id].(*types.Builtin); ok {
			if id.Name == "append" && i > 0 {
				return ArgUnknown // stored in a slice
			}
			return ArgKept // len, cap, print...
		}
	}
	if recv, ok := r.EndCall(call); ok && i < len(call.Args) && recv == call.Args[i] {
		return ArgEnded // trace.Span.End(span)
	}
	fn := r.Callee(call)
	if fn == nil {
		return ArgUnknown // a func value or an interface method
	}
	fn = fn.Origin()
	if fn.Pkg() != nil && otelapi.IsPrintLike(fn.Pkg().Path()) {
		// Printing, logging and error wrapping take a span only as any
		// or fmt.Stringer: they never end or keep it. Decided before
		// facts, so go vet (which analyses the standard library) and
		// the standalone driver (which does not) agree.
		if pt := paramType(fn.Signature(), i, call.Ellipsis.IsValid()); pt != nil && !otelapi.MayHoldSpan(pt) {
			return ArgKept
		}
	}
	if f := r.endsFact(fn); f != nil && slices.Contains(f.Params, i) {
		return ArgEnded
	}
	if r.opts.Ends.HasFunc(fn) && i == firstSpanParam(r.pass.TypesInfo, call) {
		return ArgEnded
	}
	if _, ok := otelapi.SpanIntoContextArg(fn); ok {
		return ArgUnknown // the context may carry the span to its owner
	}
	if fn.Pkg() == nil || otelapi.IsOTelAPIPath(fn.Pkg().Path()) {
		return ArgKept
	}
	if sig := fn.Signature(); sig.Recv() != nil {
		if _, ok := sig.Recv().Type().Underlying().(*types.Interface); ok {
			return ArgUnknown // dynamic dispatch
		}
	}
	if fn.Pkg() == r.pass.Pkg || r.pass.ImportPackageFact(fn.Pkg(), new(Analysed)) {
		return ArgKept
	}
	return ArgUnknown
}

func paramType(sig *types.Signature, i int, ellipsis bool) types.Type {
	params := sig.Params()
	n := params.Len()
	if n == 0 {
		return nil
	}
	if sig.Variadic() && i >= n-1 {
		t := params.At(n - 1).Type()
		if ellipsis {
			return t
		}
		if s, ok := t.Underlying().(*types.Slice); ok {
			return s.Elem()
		}
		return t
	}
	if i < n {
		return params.At(i).Type()
	}
	return nil
}

func firstSpanParam(info *types.Info, call *ast.CallExpr) int {
	for i, a := range call.Args {
		if otelapi.IsSpanType(info.TypeOf(a)) {
			return i
		}
	}
	return -1
}

func firstStringArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	for _, a := range call.Args {
		if b, ok := info.TypeOf(a).Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return a
		}
	}
	return nil
}

func lastSpanResult(fn *types.Func) int {
	res := fn.Signature().Results()
	for i := res.Len() - 1; i >= 0; i-- {
		if otelapi.IsSpanType(res.At(i).Type()) {
			return i
		}
	}
	return -1
}

// EndsContextSpan reports whether call, given the expression arg as one of
// its arguments, ends the span that the context arg carries:
// trace.SpanFromContext(ctx).End(), or a function whose fact says it ends
// the span of that context parameter.
func (r *Result) EndsContextSpan(call *ast.CallExpr, arg ast.Node) bool {
	fn := r.Callee(call)
	if fn == nil {
		return false
	}
	if otelapi.IsBorrowed(fn) {
		return false // handled by the caller: SpanFromContext(ctx).End() below
	}
	for i, a := range call.Args {
		if a != arg {
			continue
		}
		if f := r.endsFact(fn.Origin()); f != nil && slices.Contains(f.Params, i) {
			return true
		}
	}
	return false
}

// IsBorrowCall reports whether call returns a span its caller does not own,
// such as trace.SpanFromContext(ctx).
func (r *Result) IsBorrowCall(call *ast.CallExpr) bool {
	fn := r.Callee(call)
	return fn != nil && otelapi.IsBorrowed(fn)
}

// EndCall reports whether call ends a span, and returns the expression of
// the span it ends: span.End(...), the method expression
// trace.Span.End(span, ...), or a local variable assigned once from either
// (end := span.End; end(), or end := trace.Span.End; end(span)).
func (r *Result) EndCall(call *ast.CallExpr) (ast.Expr, bool) {
	info := r.pass.TypesInfo
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		s := info.Selections[fun]
		if s == nil {
			return nil, false
		}
		fn, ok := s.Obj().(*types.Func)
		if !ok || !otelapi.IsEndMethod(fn) {
			return nil, false
		}
		switch s.Kind() {
		case types.MethodVal:
			if otelapi.IsSpanType(s.Recv()) {
				return fun.X, true
			}
		case types.MethodExpr:
			if len(call.Args) > 0 {
				return call.Args[0], true
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[fun].(*types.Var)
		if !ok {
			return nil, false
		}
		m, ok := r.methodValues[v]
		if !ok || !otelapi.IsEndMethod(m.fn) {
			return nil, false
		}
		if m.recv != nil {
			return m.recv, true
		}
		if len(call.Args) > 0 {
			return call.Args[0], true
		}
	}
	return nil, false
}

// NoReturnTable reports whether call is to a function the tables know never
// returns.
func (r *Result) NoReturnTable(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	return ok && otelapi.IsNoReturn(fn)
}

func run(pass *analysis.Pass, h *Helper) (any, error) {
	r := &Result{
		pass:         pass,
		opts:         h.Options,
		starts:       map[*types.Func]*StartsSpan{},
		ends:         map[*types.Func]*EndsSpan{},
		records:      map[*types.Func]*RecordsError{},
		methodValues: map[*types.Var]boundMethod{},
	}
	for _, imp := range pass.Pkg.Imports() {
		if otelapi.IsOTelAPIPath(imp.Path()) || pass.ImportPackageFact(imp, new(SpanAPI)) {
			r.relevant = true
			break
		}
	}
	if !r.relevant {
		return r, nil
	}
	if len(pass.Files) > 0 {
		// Functions of this package that have no EndsSpan fact are now
		// known not to end their span arguments.
		pass.ExportPackageFact(new(Analysed))
	}
	insp := h.Syntax(pass)
	r.findMethodValues(insp)

	var decls []*ast.FuncDecl
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if d.Body != nil {
			decls = append(decls, d)
		}
	}
	// Fixed point: helpers may call helpers declared later in the package.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok {
				continue
			}
			if _, done := r.starts[fn]; !done {
				if f := r.computeStarts(d, fn); f != nil {
					r.starts[fn] = f
					changed = true
				}
			}
			if f := r.computeEnds(d, fn); f != nil {
				if old, ok := r.ends[fn]; !ok || len(old.Params) != len(f.Params) {
					r.ends[fn] = f
					changed = true
				}
			}
			if f := r.computeRecords(d, fn); f != nil {
				if old, ok := r.records[fn]; !ok || len(old.Params) != len(f.Params) {
					r.records[fn] = f
					changed = true
				}
			}
		}
	}
	exported := false
	for fn, f := range r.starts {
		pass.ExportObjectFact(fn, f)
		exported = true
	}
	for fn, f := range r.ends {
		pass.ExportObjectFact(fn, f)
		exported = true
	}
	for fn, f := range r.records {
		pass.ExportObjectFact(fn, f)
		exported = true
	}
	if exported {
		pass.ExportPackageFact(new(SpanAPI))
	}
	return r, nil
}

// findMethodValues records local variables assigned exactly once, from a
// method value (start := tracer.Start, end := span.End) or a method
// expression (end := trace.Span.End).
func (r *Result) findMethodValues(insp *inspector.Inspector) {
	info := r.pass.TypesInfo
	assigns := func(yield func(ast.Node) bool) {
		for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			if !yield(cur.Node()) {
				return
			}
		}
	}
	r.methodValues = singleAssigned(info, assigns, func(rhs ast.Expr) (boundMethod, bool) {
		sel, ok := ast.Unparen(rhs).(*ast.SelectorExpr)
		if !ok {
			return boundMethod{}, false
		}
		s := info.Selections[sel]
		if s == nil {
			return boundMethod{}, false
		}
		fn, ok := s.Obj().(*types.Func)
		if !ok {
			return boundMethod{}, false
		}
		switch s.Kind() {
		case types.MethodVal:
			return boundMethod{fn: fn, recv: sel.X}, true
		case types.MethodExpr:
			return boundMethod{fn: fn}, true
		}
		return boundMethod{}, false
	})
}

// singleAssigned returns the variables that the assignments and value
// specs of nodes assign exactly once, from a value that match accepts,
// with what match made of it (x := v, var x = v; x, y := v, w).
func singleAssigned[T any](info *types.Info, nodes iter.Seq[ast.Node], match func(rhs ast.Expr) (T, bool)) map[*types.Var]T {
	count := map[*types.Var]int{}
	cand := map[*types.Var]T{}
	for n := range nodes {
		var lhs, rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		default:
			continue
		}
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			count[v]++
			if len(rhs) != len(lhs) {
				continue
			}
			if t, ok := match(rhs[i]); ok {
				cand[v] = t
			}
		}
	}
	out := map[*types.Var]T{}
	for v, t := range cand {
		if count[v] == 1 {
			out[v] = t
		}
	}
	return out
}

// computeStarts reports whether fn returns a new span that it started (or
// got from another start) and does not end.
func (r *Result) computeStarts(d *ast.FuncDecl, fn *types.Func) *StartsSpan {
	sig := fn.Signature()
	res := sig.Results()
	spanRes := -1
	for i := 0; i < res.Len(); i++ {
		if otelapi.IsSpanType(res.At(i).Type()) {
			spanRes = i
		}
	}
	if spanRes < 0 {
		return nil
	}
	info := r.pass.TypesInfo
	// Variables assigned from a start call, and the start's name argument.
	fromStart := map[*types.Var]Start{}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		st, ok := r.StartCall(call)
		if !ok || st.Result >= len(as.Lhs) {
			return true
		}
		if id, ok := as.Lhs[st.Result].(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok {
				fromStart[v] = st
			}
		}
		return true
	})
	errRes := errorResult(sig)
	isNilExpr := func(e ast.Expr) bool {
		tv, ok := info.Types[ast.Unparen(e)]
		return ok && tv.IsNil()
	}
	// found is the first return of a started span; liveOnErr says whether
	// some return gives a started span with an error that may be non-nil.
	var found *Start
	liveOnErr := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			return true
		}
		var st *Start
		mayErr := errRes >= 0
		switch {
		case len(ret.Results) == 0 && res.Len() > 0:
			if v := res.At(spanRes); v.Name() != "" {
				if s, ok := fromStart[v]; ok {
					st = &s // the named error result may hold anything
				}
			}
		case len(ret.Results) == 1 && res.Len() > 1:
			if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
				if s, ok := r.StartCall(call); ok && s.Result == spanRes {
					st = &s
					mayErr = mayErr && (s.LiveOnErr || s.Err != errRes)
				}
			}
		case len(ret.Results) == res.Len():
			switch e := ast.Unparen(ret.Results[spanRes]).(type) {
			case *ast.Ident:
				if v, ok := info.Uses[e].(*types.Var); ok {
					if s, ok := fromStart[v]; ok {
						st = &s
					}
				}
			case *ast.CallExpr:
				if s, ok := r.StartCall(e); ok && res.Len() == 1 {
					st = &s
				}
			}
			mayErr = mayErr && !isNilExpr(ret.Results[errRes]) && !r.checkedNil(d.Body, ret, ret.Results[errRes])
		}
		if st != nil {
			if found == nil {
				found = st
			}
			liveOnErr = liveOnErr || mayErr
		}
		return true
	})
	if found == nil {
		return nil
	}
	f := &StartsSpan{Result: spanRes, NameParam: -1, Err: errRes, LiveOnErr: errRes >= 0 && liveOnErr}
	if id, ok := found.Name.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			for i := 0; i < sig.Params().Len(); i++ {
				if sig.Params().At(i) == v {
					f.NameParam = i
				}
			}
		}
	}
	return f
}

// checkedNil reports whether e, an error variable returned by ret, is
// known nil there because an earlier statement of an enclosing block
// returned when it was not (if err != nil { return ..., err }) and nothing
// assigns it in between.
func (r *Result) checkedNil(body *ast.BlockStmt, ret *ast.ReturnStmt, e ast.Expr) bool {
	info := r.pass.TypesInfo
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	assigns := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.AssignStmt:
				for _, l := range m.Lhs {
					if lid, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(lid) == v {
						found = true
					}
				}
			case *ast.UnaryExpr:
				if x, ok := ast.Unparen(m.X).(*ast.Ident); ok && m.Op == token.AND && info.Uses[x] == v {
					found = true
				}
			}
			return !found
		})
		return found
	}
	// The blocks around ret, innermost last.
	var path []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || len(path) > 0 && path[len(path)-1] == ret {
			return false
		}
		if n.Pos() > ret.Pos() || n.End() < ret.End() {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		path = append(path, n)
		return true
	})
	for i := len(path) - 2; i >= 0; i-- {
		var list []ast.Stmt
		switch b := path[i].(type) {
		case *ast.BlockStmt:
			list = b.List
		case *ast.CaseClause:
			list = b.Body
		case *ast.CommClause:
			list = b.Body
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			if assigns(b) {
				return false // the loop may come back with another value
			}
			continue
		default:
			continue
		}
		// The statements before the one that holds ret, nearest first.
		for j := len(list) - 1; j >= 0; j-- {
			st := list[j]
			if st.Pos() >= path[i+1].Pos() {
				continue
			}
			if is, ok := st.(*ast.IfStmt); ok && is.Else == nil && is.Init == nil && len(is.Body.List) > 0 {
				if _, isRet := is.Body.List[len(is.Body.List)-1].(*ast.ReturnStmt); isRet {
					if t, _ := NonNil(info, is.Cond, v); t {
						return true
					}
				}
			}
			if assigns(st) {
				return false
			}
		}
	}
	return false
}

// computeEnds reports which parameters fn takes ownership of, if they hold
// a span: it ends them (directly, through a defer or closure, or by passing
// them to another function that does), or keeps them (stores, sends or
// returns them).
func (r *Result) computeEnds(d *ast.FuncDecl, fn *types.Func) *EndsSpan {
	sig := fn.Signature()
	params := map[*types.Var]int{}
	ctxParams := map[*types.Var]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if otelapi.IsContextType(p.Type()) {
			ctxParams[p] = i
		} else if mayReceiveSpan(p.Type()) {
			params[p] = i
		}
	}
	if len(params) == 0 && len(ctxParams) == 0 {
		return nil
	}
	info := r.pass.TypesInfo
	ended := map[int]bool{}
	// trace.SpanFromContext(ctx).End(): the function ends the span that its
	// context parameter carries.
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if recv, ok := r.EndCall(call); ok {
			if inner, ok := ast.Unparen(recv).(*ast.CallExpr); ok && len(inner.Args) == 1 {
				if fn := r.Callee(inner); fn != nil && otelapi.IsBorrowed(fn) {
					if id, ok := ast.Unparen(inner.Args[0]).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok {
							if i, ok := ctxParams[v]; ok {
								ended[i] = true
							}
						}
					}
				}
			}
		}
		return true
	})
	var stack []ast.Node
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		if i, ok := params[v]; ok && !ended[i] && r.Releases(stack) {
			ended[i] = true
		}
		return true
	})
	if len(ended) == 0 {
		return nil
	}
	f := &EndsSpan{}
	for i := range ended {
		f.Params = append(f.Params, i)
	}
	sort.Ints(f.Params)
	return f
}

// mayReceiveSpan reports whether a parameter of type t can be given a span:
// an interface that a span satisfies (trace.Span, any, interface{ End() })
// or a type parameter. context.Context, error and fmt.Stringer cannot.
func mayReceiveSpan(t types.Type) bool {
	if s, ok := t.(*types.Slice); ok { // variadic ...any
		t = s.Elem()
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		t = tp.Constraint()
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	if otelapi.IsSpanType(t) {
		return true
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if !otelapi.IsSpanMethodName(iface.Method(i).Name()) {
			return false
		}
	}
	return true
}

// Releases reports whether the mention of a span variable at the top of
// stack (the path from a function body down to the identifier) ends the
// span or hands it to a new owner: span.End(), the method value span.End,
// passing it to a function that ends or keeps it (or that cannot be seen),
// returning, storing, sending, aliasing or taking its address.
//
// Calls of other span methods, comparisons and arguments of functions
// known to keep their hands off do not release it.
func (r *Result) Releases(stack []ast.Node) bool {
	info := r.pass.TypesInfo
	var child ast.Node = stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.SelectorExpr:
			if p.X != child {
				return false
			}
			sel := info.Selections[p]
			if sel == nil || sel.Kind() == types.FieldVal {
				return false
			}
			// span.End(...), or the method value span.End handed to
			// someone (t.Cleanup(span.End)); other methods only use it.
			return sel.Obj().Name() == "End"
		case *ast.CallExpr:
			if p.Fun == child {
				return false
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				child = p // a conversion: follow the converted value
				continue
			}
			for ai, a := range p.Args {
				if a == child {
					return r.ArgEffect(p, ai) != ArgKept
				}
			}
			return false
		case *ast.AssignStmt:
			for ri, rhs := range p.Rhs {
				if rhs == child && len(p.Lhs) == len(p.Rhs) {
					if id, ok := p.Lhs[ri].(*ast.Ident); ok && id.Name == "_" {
						return false // _ = span
					}
				}
			}
			return true // stored or aliased
		case *ast.BinaryExpr, *ast.ExprStmt, *ast.IfStmt, *ast.SwitchStmt,
			*ast.IncDecStmt, *ast.StarExpr, *ast.CaseClause:
			return false // span == nil, a bare mention
		default:
			// Returned, stored, sent, address taken, captured in a
			// composite, aliased: it has a new owner.
			return true
		}
	}
	return false
}

// NogoMarker is a fact type that a rule declares only so that Bazel's nogo
// (rules_go before PR #4615) runs it, and with it its helpers, on the
// packages it only collects facts from: a rule whose own FactTypes are
// empty is skipped there, and the helpers' facts are lost. It is never
// exported. analyzers.NewSuite drops it: the other drivers run the helpers
// for their facts without it.
type NogoMarker interface {
	analysis.Fact
	NogoOnly()
}
