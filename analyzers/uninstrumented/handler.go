package uninstrumented

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
)

// plainHandler is an object fact about a function of a package that
// instruments no server (it imports no server-side OTel instrumentation,
// extracts no trace context and starts no span): what it contributes to a
// handler tree is visible and uninstrumented. Serves: it is a request
// handler (w, r) that delegates to no other handler. Returns: it returns a
// handler whose whole tree is so. Wraps: it returns a handler that is so
// when its handler parameters at these indexes are. Params: it only
// registers such handlers on its *http.ServeMux parameters at these
// indexes. A function without the fact may build anything: the handler it
// returns or touches may be instrumented.
type plainHandler struct {
	Serves  bool
	Returns bool
	Wraps   []int
	Params  []int
}

func (*plainHandler) AFact() {}

func (f *plainHandler) String() string {
	var parts []string
	if f.Serves {
		parts = append(parts, "serves")
	}
	if f.Returns {
		parts = append(parts, "returns")
	}
	if len(f.Wraps) > 0 {
		parts = append(parts, fmt.Sprintf("wraps%v", f.Wraps))
	}
	if len(f.Params) > 0 {
		parts = append(parts, fmt.Sprintf("params%v", f.Params))
	}
	return "plainHandler(" + strings.Join(parts, " ") + ")"
}

func (f *plainHandler) empty() bool {
	return !f.Serves && !f.Returns && len(f.Wraps) == 0 && len(f.Params) == 0
}

func (f *plainHandler) equal(g *plainHandler) bool {
	return g != nil && f.Serves == g.Serves && f.Returns == g.Returns && slices.Equal(f.Wraps, g.Wraps) && slices.Equal(f.Params, g.Params)
}

// trees evaluates handler trees in one package.
type trees struct {
	pass *analysis.Pass
	// clean reports whether the package instruments no server: its own
	// handler functions start no server spans.
	clean bool
	local map[*types.Func]*plainHandler
}

func (t *trees) factOf(fn *types.Func) *plainHandler {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if f, ok := t.local[fn]; ok {
		return f
	}
	if fn.Pkg() == nil || fn.Pkg() == t.pass.Pkg {
		return nil
	}
	var f plainHandler
	if t.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// mayTraceServer reports whether the package may instrument a server: it
// starts a span, or uses server-side OTel instrumentation or a
// propagator's Extract.
func mayTraceServer(info *types.Info, startsSpan bool) bool {
	if startsSpan {
		return true
	}
	for _, obj := range info.Uses {
		if otelapi.MayTraceServer(obj) {
			return true
		}
	}
	return false
}

// exportable reports whether a fact on fn can be used by another package.
func exportable(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return true
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Exported()
}

// computeFacts finds, to a fixed point, the plainHandler facts of the
// package's functions, and exports those of its exported functions.
func (t *trees) computeFacts(decls []*ast.FuncDecl) {
	info := t.pass.TypesInfo
	for round := 0; round < 8; round++ {
		changed := false
		for _, fd := range decls {
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil || !handlerRelated(fn.Signature()) {
				continue
			}
			safe.At(t.pass, fd.Pos())
			f := t.analyse(fd, fn)
			if f.empty() || f.equal(t.local[fn]) {
				continue
			}
			t.local[fn] = f
			changed = true
		}
		if !changed {
			break
		}
	}
	for fn, f := range t.local {
		if exportable(fn) {
			t.pass.ExportObjectFact(fn, f)
		}
	}
}

// analyse returns the plainHandler fact fd earns.
func (t *trees) analyse(fd *ast.FuncDecl, fn *types.Func) *plainHandler {
	f := &plainHandler{}
	sig := fn.Signature()
	s := t.scope(fd.Type, fd.Body)
	if t.clean && isHandlerSig(sig) && !callsServeHTTP(fd.Body) && !t.delegates(fd.Body) {
		f.Serves = true
	}
	if res := handlerResult(sig); res >= 0 {
		var returns []*ast.ReturnStmt
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				returns = append(returns, n)
			}
			return true
		})
		plainAll := func() bool {
			seen := false
			for _, r := range returns {
				if len(r.Results) != sig.Results().Len() {
					return false // a bare return of named results
				}
				e := r.Results[res]
				if t.pass.TypesInfo.Types[e].IsNil() {
					continue // an error path
				}
				if !s.plain(e) {
					return false
				}
				seen = true
			}
			return seen
		}
		if plainAll() {
			f.Returns = s.serving // a tree of probes alone earns no fact
		} else {
			// Assume the handler parameters plain: a middleware.
			s = t.scope(fd.Type, fd.Body)
			s.assume = map[*types.Var]bool{}
			for i := 0; i < sig.Params().Len(); i++ {
				if isHandlerType(sig.Params().At(i).Type()) {
					s.assume[sig.Params().At(i)] = true
				}
			}
			if len(s.assume) > 0 && plainAll() {
				for i := 0; i < sig.Params().Len(); i++ {
					if s.relied[sig.Params().At(i)] {
						f.Wraps = append(f.Wraps, i)
					}
				}
				if len(f.Wraps) == 0 {
					f.Returns = s.serving
				}
			}
		}
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !isServeMux(p.Type()) {
			continue
		}
		s := t.scope(fd.Type, fd.Body)
		if len(s.sites[p]) > 0 && s.usesOK(p) {
			f.Params = append(f.Params, i)
		}
	}
	return f
}

// handlerRelated reports whether a function of signature sig may earn a
// plainHandler fact: it is a request handler, returns a handler or takes
// a mux.
func handlerRelated(sig *types.Signature) bool {
	if isHandlerSig(sig) || handlerResult(sig) >= 0 {
		return true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if isServeMux(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// isHandlerSig reports whether sig is func(http.ResponseWriter, *http.Request).
func isHandlerSig(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || sig.Results().Len() != 0 {
		return false
	}
	p0, p1 := sig.Params().At(0).Type(), sig.Params().At(1).Type()
	ptr, ok := p1.(*types.Pointer)
	return otelapi.IsNamed(p0, "net/http", "ResponseWriter") && ok && otelapi.IsNamed(ptr.Elem(), "net/http", "Request")
}

// handlerResult returns the index of sig's handler result, or -1.
func handlerResult(sig *types.Signature) int {
	for i := 0; i < sig.Results().Len(); i++ {
		if isHandlerType(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// isHandlerType reports whether t is http.Handler, http.HandlerFunc or
// *http.ServeMux.
func isHandlerType(t types.Type) bool {
	return otelapi.IsNamed(t, "net/http", "Handler") || otelapi.IsNamed(t, "net/http", "HandlerFunc") || isServeMux(t)
}

func isServeMux(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && otelapi.IsNamed(p.Elem(), "net/http", "ServeMux")
}

// callsServeHTTP reports whether body calls a ServeHTTP method: it
// delegates to a handler it does not show.
func callsServeHTTP(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
			found = true
		}
		return !found
	})
	return found
}

// delegates reports whether body hands an http.ResponseWriter to a
// function of another module's package (not the standard library's): it
// may serve the request through a handler it does not show. A function
// with a serves fact is not one.
func (t *trees) delegates(body *ast.BlockStmt) bool {
	info := t.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == t.pass.Pkg || isStd(fn.Pkg().Path()) {
			return true
		}
		if f := t.factOf(fn); f != nil && f.Serves {
			return true
		}
		for _, a := range call.Args {
			if tv, ok := info.Types[a]; ok && otelapi.IsNamed(tv.Type, "net/http", "ResponseWriter") {
				found = true
			}
		}
		return !found
	})
	return found
}

// isStd reports whether path is a standard library package.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// site is one occurrence of a local variable in a function body.
type site struct {
	id      *ast.Ident
	def     bool        // it defines or assigns the variable
	parents [2]ast.Node // its parent and grandparent (nil when absent)
}

// scope evaluates handler expressions in one function.
type scope struct {
	t        *trees
	ft       *ast.FuncType
	body     *ast.BlockStmt
	sites    map[*types.Var][]site
	memo     map[*types.Var]bool
	visiting map[*types.Var]bool
	// assume holds the parameters taken as plain handlers (a middleware's
	// next handler), relied those a plain result depends on.
	assume, relied map[*types.Var]bool
	// serving reports whether a tree found plain serves more than probes:
	// a route other than a health check, a handler function at its root,
	// a file server, a tree from another function. A server of probes
	// alone is better untraced.
	serving bool
}

func (t *trees) scope(ft *ast.FuncType, body *ast.BlockStmt) *scope {
	s := &scope{t: t, ft: ft, body: body, sites: map[*types.Var][]site{}, memo: map[*types.Var]bool{}, visiting: map[*types.Var]bool{}, relied: map[*types.Var]bool{}}
	info := t.pass.TypesInfo
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			v, _ := info.ObjectOf(id).(*types.Var)
			if v != nil && !v.IsField() && v.Pos() >= ft.Pos() && v.Pos() < body.End() {
				st := site{id: id, def: info.Defs[id] == v}
				for i := range st.parents {
					if len(stack) > i {
						st.parents[i] = stack[len(stack)-1-i]
					}
				}
				if as, ok := st.parents[0].(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(id)) {
					st.def = true
				}
				s.sites[v] = append(s.sites[v], st)
			}
		}
		if _, ok := n.(*ast.ParenExpr); !ok {
			stack = append(stack, n)
		} else {
			stack = append(stack, stack[len(stack)-1]) // parens are transparent
		}
		return true
	})
	return s
}

// inBody reports whether v is declared in the function's body (not a
// parameter or a result).
func (s *scope) inBody(v *types.Var) bool {
	return v.Pos() >= s.body.Pos() && v.Pos() < s.body.End()
}

// plain reports whether the handler expression e is visibly an
// uninstrumented handler tree.
func (s *scope) plain(e ast.Expr) bool {
	info := s.t.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || v.IsField() {
			return false
		}
		if s.assume[v] {
			s.relied[v] = true
			return true
		}
		return s.inBody(v) && s.plainVar(v)
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) != 1 {
				return false
			}
			switch {
			case otelapi.IsNamed(tv.Type, "net/http", "HandlerFunc"):
				s.serving = true
				return s.plainFunc(x.Args[0])
			case otelapi.IsNamed(tv.Type, "net/http", "Handler"):
				return s.plain(x.Args[0])
			}
			return false
		}
		fn := typeutil.StaticCallee(info, x)
		if otelapi.IsFunc(fn, "net/http.NewServeMux") {
			return true
		}
		if i, ok := otelapi.PlainHandlerFunc(fn); ok {
			if i < 0 {
				s.serving = s.serving || fn.Name() != "NotFoundHandler"
				return true
			}
			return i < len(x.Args) && s.plain(x.Args[i])
		}
		if f := s.t.factOf(fn); f != nil {
			if f.Returns {
				s.serving = true
				return true
			}
			if len(f.Wraps) > 0 && !x.Ellipsis.IsValid() {
				for _, i := range f.Wraps {
					if i >= len(x.Args) || !s.plain(x.Args[i]) {
						return false
					}
				}
				return true
			}
		}
	}
	return false
}

// plainResult reports whether e is a call whose i-th result is its
// handler result, and plain: h, err := newRouter().
func (s *scope) plainResult(e ast.Expr, i int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(s.t.pass.TypesInfo, call)
	if fn == nil || handlerResult(fn.Signature()) != i {
		return false
	}
	f := s.t.factOf(fn)
	s.serving = s.serving || f != nil && f.Returns
	return f != nil && f.Returns
}

// plainFunc reports whether e is a request handler function that starts
// no server span: a function literal or a function of this package, which
// instruments no server, or a function with a serves fact.
func (s *scope) plainFunc(e ast.Expr) bool {
	info := s.t.pass.TypesInfo
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		if !s.t.clean || s.t.delegates(x.Body) {
			return false
		}
		// It may delegate to a handler it captures: that one must be plain.
		ok := true
		ast.Inspect(x.Body, func(n ast.Node) bool {
			if sel, isSel := n.(*ast.SelectorExpr); isSel && sel.Sel.Name == "ServeHTTP" && !s.plain(sel.X) {
				ok = false
			}
			return ok
		})
		return ok
	case *ast.Ident:
		obj = info.Uses[x]
	case *ast.SelectorExpr:
		obj = info.Uses[x.Sel]
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return false // an interface's method: any implementation
	}
	if fn.Pkg() == s.t.pass.Pkg {
		if f := s.t.local[fn.Origin()]; f != nil && f.Serves {
			return true
		}
		return false
	}
	f := s.t.factOf(fn)
	return f != nil && f.Serves
}

// plainVar reports whether the local variable v holds visibly
// uninstrumented handlers only: every value given to it is plain, and it
// is used only in ways that keep it so (handlers registered on it are
// plain; it is served, wrapped by net/http or registered elsewhere).
func (s *scope) plainVar(v *types.Var) bool {
	if r, ok := s.memo[v]; ok {
		return r
	}
	if s.visiting[v] {
		return true // h = http.StripPrefix("/x", h): decided by h's other values
	}
	s.visiting[v] = true
	defined, ok := false, true
	for _, st := range s.sites[v] {
		if !st.def {
			continue
		}
		var rhs ast.Expr
		switch p := st.parents[0].(type) {
		case *ast.AssignStmt:
			if p.Tok != token.DEFINE && p.Tok != token.ASSIGN {
				break
			}
			i := slices.Index(p.Lhs, ast.Expr(st.id))
			if len(p.Lhs) == len(p.Rhs) {
				rhs = p.Rhs[i]
			} else if len(p.Rhs) == 1 && s.plainResult(p.Rhs[0], i) {
				defined = true // h, err := api.New()
				continue
			}
		case *ast.ValueSpec:
			if len(p.Values) == 0 {
				continue // var h http.Handler: given a value later
			}
			if len(p.Values) == len(p.Names) {
				rhs = p.Values[slices.Index(p.Names, st.id)]
			}
		}
		if rhs == nil || !s.plain(rhs) {
			ok = false
			break
		}
		defined = true
	}
	r := ok && defined && s.usesOK(v)
	delete(s.visiting, v)
	if len(s.visiting) == 0 {
		s.memo[v] = r // not while an enclosing variable is assumed plain
	}
	return r
}

// usesOK reports whether every use of v (not a definition) keeps the
// handlers it holds visible and plain.
func (s *scope) usesOK(v *types.Var) bool {
	for _, st := range s.sites[v] {
		if st.def {
			if !s.inBody(v) {
				return false // a parameter given another value
			}
			continue
		}
		if !s.useOK(st) {
			return false
		}
	}
	return true
}

func (s *scope) useOK(st site) bool {
	info := s.t.pass.TypesInfo
	switch p := st.parents[0].(type) {
	case *ast.SelectorExpr:
		call, ok := st.parents[1].(*ast.CallExpr)
		if !ok || call.Fun != p || p.X != st.id {
			return false // a method value, a field
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		switch {
		case fn == nil:
			return false
		case fn.Name() == "ServeHTTP":
			return true
		case otelapi.IsFunc(fn, "(*net/http.ServeMux).Handler"):
			return true
		case otelapi.IsFunc(fn, "(*net/http.ServeMux).Handle"):
			s.route(call)
			return len(call.Args) == 2 && s.plain(call.Args[1])
		case otelapi.IsFunc(fn, "(*net/http.ServeMux).HandleFunc"):
			s.route(call)
			return len(call.Args) == 2 && s.plainFunc(call.Args[1])
		}
		return false
	case *ast.CallExpr:
		idx := slices.Index(p.Args, ast.Expr(st.id))
		if idx < 0 || p.Ellipsis.IsValid() {
			return false
		}
		if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
			return isHandlerType(tv.Type) // a conversion
		}
		fn := typeutil.StaticCallee(info, p)
		if i, ok := otelapi.PlainHandlerFunc(fn); ok && i == idx {
			return true
		}
		if i, ok := otelapi.HTTPServe(fn); ok && i == idx {
			return true
		}
		if otelapi.IsFunc(fn, "(*net/http.ServeMux).Handle") && idx == 1 {
			return true
		}
		if f := s.t.factOf(fn); f != nil && (slices.Contains(f.Params, idx) || slices.Contains(f.Wraps, idx)) {
			return true
		}
		return false
	case *ast.KeyValueExpr:
		lit, ok := st.parents[1].(*ast.CompositeLit)
		key, isID := p.Key.(*ast.Ident)
		return ok && isID && key.Name == "Handler" && p.Value == st.id && isHTTPServer(info.TypeOf(lit))
	case *ast.AssignStmt:
		i := slices.Index(p.Rhs, ast.Expr(st.id))
		if i < 0 || len(p.Lhs) != len(p.Rhs) {
			return false
		}
		switch l := p.Lhs[i].(type) {
		case *ast.SelectorExpr:
			return l.Sel.Name == "Handler" && isHTTPServer(info.TypeOf(l.X))
		case *ast.Ident:
			w, ok := info.ObjectOf(l).(*types.Var)
			return ok && s.inBody(w) && s.plainVar(w)
		}
		return false
	case *ast.ValueSpec:
		i := slices.Index(p.Values, ast.Expr(st.id))
		if i < 0 || len(p.Values) != len(p.Names) {
			return false
		}
		w, ok := info.Defs[p.Names[i]].(*types.Var)
		return ok && s.plainVar(w)
	case *ast.ReturnStmt:
		return true // what the function returns is its fact
	}
	return false
}

// route notes the route a Handle or HandleFunc call registers: any but a
// constant probe pattern serves requests worth tracing.
func (s *scope) route(call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	if tv, ok := s.t.pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		if _, probe := otelapi.ProbePath(constant.StringVal(tv.Value)); probe {
			return
		}
	}
	s.serving = true
}

// isHTTPServer reports whether t is http.Server or *http.Server.
func isHTTPServer(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return otelapi.IsNamed(t, "net/http", "Server")
}
