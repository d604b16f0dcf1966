package spanerror

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
)

// expectedError is an object fact. On a package-level variable: it holds
// an error that is an outcome, not a failure (a sentinel named as one, or
// built by a constructor with a client-class code). On a function: every
// error it returns is nil or such an outcome (an authorization helper that
// returns a PermissionDenied status).
type expectedError struct{}

func (*expectedError) AFact() {}

func (*expectedError) String() string { return "expectedError" }

// expecter tells expected errors (outcomes a caller asked for: not found,
// invalid argument, a cancelled context) from failures, from types and
// constructors (the otelapi tables), the -spanerror.expected names and the
// expectedError facts.
type expecter struct {
	pass   *analysis.Pass
	extra  []string
	local  map[types.Object]bool // this package's objects with the fact
	keep   map[types.Object]int  // this package's functions with the preservesExpected fact
	chans  map[*types.Var]bool   // local error channels: every send expected
	checks map[types.Object]bool // this package's functions with the validatesInput fact
	lits   map[*types.Var]bool   // local closures: every error nil or expected
	// pending is set when a question about a function of this package
	// without the fact (yet) was asked: its answer may change.
	pending bool
}

// known says whether a local error variable holds an expected error at
// the point of the expression.
type known func(*types.Var) bool

// sentinel reports whether v, a package-level variable, holds an expected
// error. In strict mode only the otelapi sentinel table and the
// -spanerror.expected names count.
func (x *expecter) sentinel(v *types.Var, strict bool) bool {
	if otelapi.IsExpectedError(v, x.extra) {
		return true
	}
	if strict {
		return false
	}
	return x.hasFact(v) || x.outcomeByName(v)
}

// failingSentinel is an object fact on a package-level error variable
// named as an outcome (ErrNotFound) whose initialiser says it is a failure
// (status.Error(codes.Internal, ...)) or does not say (a call of a helper).
// It is what tells such a variable from one of a package that spanerror
// did not read: the standalone driver reads a dependency that cannot reach
// the trace API from export data, and go vet and golangci-lint skip it, so
// its sentinels have no facts and are judged by name alone (gorm's
// ErrRecordNotFound is an outcome).
type failingSentinel struct{}

func (*failingSentinel) AFact() {}

func (*failingSentinel) String() string { return "failingSentinel" }

// outcomeByName reports whether v, a package-level variable of another
// package, is named as an outcome and its package did not say otherwise.
// The standard library is left to the tables, as the drivers do not
// agree on reading it.
func (x *expecter) outcomeByName(v *types.Var) bool {
	pkg := v.Pkg()
	if pkg == x.pass.Pkg || !otelapi.IsOutcomeName(v.Name()) {
		return false
	}
	if first, _, _ := strings.Cut(pkg.Path(), "/"); !strings.Contains(first, ".") {
		return false
	}
	return !x.pass.ImportObjectFact(v, new(failingSentinel))
}

func (x *expecter) hasFact(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	if fn, ok := obj.(*types.Func); ok && otelapi.NeverFails(fn, x.goVersion()) {
		return true // buf.WriteString(s): its error is always nil
	}
	if obj.Pkg() == x.pass.Pkg {
		if _, isFunc := obj.(*types.Func); isFunc && !x.local[obj] {
			x.pending = true
		}
		return x.local[obj]
	}
	return x.pass.ImportObjectFact(obj, new(expectedError))
}

// goVersion is the go directive of the module being analysed ("go1.24"),
// or "" when the driver does not say.
func (x *expecter) goVersion() string {
	if m := x.pass.Module; m != nil && m.GoVersion != "" {
		return "go" + m.GoVersion
	}
	return ""
}

// expected reports whether e, an error expression, is nil or an expected
// error. known answers for local variables.
func (x *expecter) expected(e ast.Expr, k known, strict bool) bool {
	info := x.pass.TypesInfo
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return true
	}
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	case *ast.CompositeLit:
		return !strict && x.expectedType(info.TypeOf(e))
	case *ast.UnaryExpr:
		if e.Op == token.ARROW {
			return !strict && x.expectedChan(e.X) // err := <-errc
		}
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return !strict && lit && e.Op == token.AND && x.expectedType(info.TypeOf(e.X))
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			return !strict && x.expectedType(tv.Type) // NotFoundError(key)
		}
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok && x.configured(fn.Origin()) {
			return true // named in -spanerror.expected, strict or not
		}
		return !strict && x.expectedCall(e, k)
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil {
		return false
	}
	if v.Parent() == v.Pkg().Scope() {
		return x.sentinel(v, strict)
	}
	return k != nil && k(v)
}

// expectedCall reports whether a call returns an expected error: a
// constructor with a client-class code, a context's error, a wrapper of
// expected errors, or a function with the fact.
func (x *expecter) expectedCall(call *ast.CallExpr, k known) bool {
	info := x.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return x.closureExpected(call) // invert(r), invert := func(...) ...
	}
	fn = fn.Origin()
	switch {
	case otelapi.IsContextError(fn):
		return true
	case otelapi.IsStatusErr(fn):
		// status.New(codes.NotFound, ...).Err(), status.FromContextError(err).Err()
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		ifn, ok := typeutil.Callee(info, inner).(*types.Func)
		if !ok {
			return false
		}
		if otelapi.IsExpectedStatusCtor(ifn) {
			return true
		}
		return x.ctorClass(ifn, inner) == otelapi.CodeClient
	}
	if x.ctorClass(fn, call) == otelapi.CodeClient {
		return true
	}
	if i, ok := otelapi.ErrorWrapper(fn); ok {
		n, all := 0, true
		for ai, a := range call.Args {
			if i >= 0 && ai != i || !isErrorValue(info, a) {
				continue
			}
			if !x.expected(a, k, false) {
				all = false
			}
			n++
		}
		return n > 0 && (all || x.classifies(fn, call))
	}
	if x.concreteExpected(fn) || x.preservedCall(fn, call, k) || x.validatesCall(fn, call) {
		return true
	}
	return x.hasFact(fn)
}

// classifies reports whether call, a fmt.Errorf, wraps with %w an
// expected sentinel of a package next to whatever else it wraps:
// fmt.Errorf("%w: %w", ErrNotFound, err) answers errors.Is(_, ErrNotFound),
// so callers take it for the outcome the sentinel names (cerbos's
// fmt.Errorf("%w: %w", ErrFailedToExtractJWT, err)). A sentinel under
// another verb (%v) is only text.
func (x *expecter) classifies(fn *types.Func, call *ast.CallExpr) bool {
	if fn.Name() != "Errorf" || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || len(call.Args) < 2 {
		return false
	}
	info := x.pass.TypesInfo
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	for _, ai := range wrappedArgs(constant.StringVal(tv.Value)) {
		if ai+1 >= len(call.Args) {
			return false
		}
		a := ast.Unparen(call.Args[ai+1])
		if !isPackageVar(info, a) {
			continue
		}
		var id *ast.Ident
		switch a := a.(type) {
		case *ast.Ident:
			id = a
		case *ast.SelectorExpr:
			id = a.Sel
		}
		if v, ok := info.Uses[id].(*types.Var); ok && x.sentinel(v, false) {
			return true
		}
	}
	return false
}

// wrappedArgs returns the indexes, among the arguments after the format,
// of those that format's %w verbs take; nil when the format uses explicit
// argument indexes or * widths, which this does not follow.
func wrappedArgs(format string) []int {
	var out []int
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// Flags, width and precision; the verb is the first letter.
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			break
		}
		switch c := format[i]; {
		case c == '%':
			continue
		case c == '[' || c == '*':
			return nil
		case c == 'w':
			out = append(out, arg)
		}
		arg++
	}
	return out
}

// concreteExpected reports whether fn's last result is a concrete error
// type (T or *T, not an interface) whose values are expected: spicedb's
// NewEvaluationError returns an EvaluationError, whose GRPCStatus answers
// InvalidArgument, so whatever it returns is of that type.
func (x *expecter) concreteExpected(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return false
	}
	t := types.Unalias(res.At(res.Len() - 1).Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if _, iface := t.Underlying().(*types.Interface); iface {
		return false
	}
	return x.expectedType(t)
}

// configured reports whether fn is named in -spanerror.expected.
func (x *expecter) configured(fn *types.Func) bool {
	if len(x.extra) == 0 {
		return false
	}
	name := fn.FullName()
	for _, e := range x.extra {
		if e == name {
			return true
		}
	}
	return false
}

// expectedType reports whether t is an error type whose values are
// expected: its GRPCStatus method answers with client-class codes only.
func (x *expecter) expectedType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && x.hasFact(n.Origin().Obj())
}

// grpcStatusType reports whether fd is a GRPCStatus method (or a Status
// method, as temporal's serviceerror types have) returning a gRPC *Status
// whose body names only client-class gRPC codes (at least one), and
// returns its receiver's type name: spicedb's WildcardNotAllowedError
// answers InvalidArgument, temporal's serviceerror.NotFound NotFound.
func (x *expecter) grpcStatusType(fd *ast.FuncDecl) (*types.TypeName, bool) {
	info := x.pass.TypesInfo
	if fd.Recv == nil || fd.Name.Name != "GRPCStatus" && fd.Name.Name != "Status" || len(fd.Recv.List) != 1 {
		return nil, false
	}
	if fn, ok := info.Defs[fd.Name].(*types.Func); !ok || fn.Signature().Results().Len() != 1 ||
		!otelapi.IsNamed(fn.Signature().Results().At(0).Type(), "google.golang.org/grpc/internal/status", "Status") {
		return nil, false // not a *status.Status
	}
	t := info.TypeOf(fd.Recv.List[0].Type)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil, false
	}
	client, server := 0, 0
	ast.Inspect(fd.Body, func(node ast.Node) bool {
		e, ok := node.(ast.Expr)
		if !ok {
			return true
		}
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int || !otelapi.IsNamed(tv.Type, "google.golang.org/grpc/codes", "Code") {
			return true
		}
		code, _ := constant.Int64Val(tv.Value)
		if otelapi.ClassifyCode(otelapi.GRPCCodes, code) == otelapi.CodeClient && code != 0 {
			client++
		} else {
			server++
		}
		return false
	})
	return n.Obj(), client > 0 && server == 0
}

// ctorClass classifies a call of an error constructor that takes a status
// code by its constant code; CodeUnknown for other calls.
func (x *expecter) ctorClass(fn *types.Func, call *ast.CallExpr) otelapi.CodeClass {
	c, ok := otelapi.ErrorConstructor(fn)
	if !ok || c.Arg >= len(call.Args) {
		return otelapi.CodeUnknown
	}
	tv, ok := x.pass.TypesInfo.Types[call.Args[c.Arg]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return otelapi.CodeUnknown // a code computed at run time: not known
	}
	code, ok := constant.Int64Val(tv.Value)
	if !ok {
		return otelapi.CodeUnknown
	}
	return otelapi.ClassifyCode(c.Scheme, code)
}

// codeTest reports whether cond compares the status code of an error
// variable with a client-class constant (status.Code(err) ==
// codes.NotFound, connect.CodeOf(err) == connect.CodeNotFound), and
// returns the variable and whether the comparison is ==.
func (x *expecter) codeTest(cond *ast.BinaryExpr) (*types.Var, bool) {
	info := x.pass.TypesInfo
	if cond.Op != token.EQL {
		return nil, false
	}
	l, r := ast.Unparen(cond.X), ast.Unparen(cond.Y)
	if _, ok := l.(*ast.CallExpr); !ok {
		l, r = r, l
	}
	call, ok := l.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return nil, false
	}
	scheme, ok := otelapi.CodeOf(fn)
	if !ok {
		return nil, false
	}
	tv, ok := info.Types[r]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return nil, false
	}
	code, ok := constant.Int64Val(tv.Value)
	if !ok || otelapi.ClassifyCode(scheme, code) != otelapi.CodeClient || code == 0 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := info.Uses[id].(*types.Var)
	return v, ok
}

// translation reports whether e is an error that carries no new failure,
// returned where an expected error was just recognised: a sentinel, a
// fresh errors.New or fmt.Errorf, or a composite literal of an error type
// (if errors.Is(err, sql.ErrNoRows) { return ErrNotFound }).
func (x *expecter) translation(e ast.Expr, k known) bool {
	info := x.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.Ident, *ast.SelectorExpr:
		return isPackageVar(info, e)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || !otelapi.IsSentinelCtor(fn) {
			return false
		}
		for _, a := range e.Args {
			if isErrorValue(info, a) && !x.expected(a, k, false) && !x.translation(a, k) {
				return false // wraps a failure
			}
		}
		return true
	}
	return false
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// isErrorValue reports whether e is a value of a type that implements
// error.
func isErrorValue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Type == nil || !tv.IsValue() || tv.IsNil() {
		return false
	}
	return types.Implements(tv.Type, errorIface)
}

// computeFacts exports the expectedError fact for this package's sentinels
// and functions. It runs on every package, with or without spans: the
// store package that declares ErrNotFound need not import OTel.
func (x *expecter) computeFacts(files []*ast.File) {
	if x.isStd(files) {
		return // the tables describe the standard library, for every driver alike
	}
	info := x.pass.TypesInfo
	// Error types whose gRPC status is client-class.
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if tn, ok := x.grpcStatusType(fd); ok {
					x.local[tn] = true
				}
			}
		}
	}
	// Error types named as an outcome (a struct or string type with an
	// Error method and no gRPC status of its own: openfga's
	// authorizationError, a NotFoundError).
	for _, name := range x.pass.Pkg.Scope().Names() {
		tn, ok := x.pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || !otelapi.IsOutcomeTypeName(tn.Name()) {
			continue
		}
		if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
			continue
		}
		if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, tn.Pkg(), "GRPCStatus"); obj != nil {
			continue // its status says what it is (grpcStatusType above)
		}
		if types.Implements(tn.Type(), errorIface) || types.Implements(types.NewPointer(tn.Type()), errorIface) {
			x.local[tn] = true
		}
	}
	// Sentinels: package-level error variables named as an outcome,
	// built by a plain constructor, or whose initialiser is expected.
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					v, ok := info.Defs[name].(*types.Var)
					if !ok || !types.Implements(v.Type(), errorIface) {
						continue
					}
					if x.sentinelInit(v, vs.Values[i]) {
						x.local[v] = true
					} else if v.Exported() && otelapi.IsOutcomeName(v.Name()) {
						x.pass.ExportObjectFact(v, new(failingSentinel))
					}
				}
			}
		}
	}
	// Functions: every return is nil or expected. Helpers call helpers
	// declared later: iterate until nothing changes.
	var cands []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			res := fn.Signature().Results()
			if res.Len() == 0 || !otelapi.IsErrorType(res.At(res.Len()-1).Type()) {
				continue
			}
			cands = append(cands, fd)
		}
	}
	for changed := true; changed; {
		changed = false
		keep := cands[:0]
		for _, fd := range cands {
			x.pending = false
			obj := info.Defs[fd.Name]
			if x.onlyExpected(fd) || x.appCodeOutcome(fd) {
				x.local[obj] = true
				delete(x.keep, obj)
				changed = true
				continue
			}
			pending := x.pending
			if _, done := x.keep[obj]; !done {
				x.pending = false
				if i, ok := x.preservesParam(fd); ok {
					x.keep[obj] = i
					changed = true
				}
				pending = pending || x.pending
			}
			if pending {
				keep = append(keep, fd) // may change with a helper's fact
			}
		}
		cands = keep
	}
	x.pending = false
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, ok := info.Defs[fd.Name].(*types.Func)
			if !ok || x.local[obj] {
				continue
			}
			res := obj.Signature().Results()
			if res.Len() > 0 && otelapi.IsErrorType(res.At(res.Len()-1).Type()) && x.rejectsInput(fd) {
				x.checks[obj] = true
			}
		}
	}
	x.pending = false
	for obj := range x.checks {
		x.pass.ExportObjectFact(obj, new(validatesInput))
	}
	for obj := range x.local {
		x.pass.ExportObjectFact(obj, new(expectedError))
	}
	for obj, i := range x.keep {
		x.pass.ExportObjectFact(obj, &preservesExpected{Param: i})
	}
}

// isStd reports whether the package is part of the standard library:
// go vet analyses it, the standalone driver does not, so facts about it
// would make the two disagree.
func (x *expecter) isStd(files []*ast.File) bool {
	first, _, _ := strings.Cut(x.pass.Pkg.Path(), "/")
	if strings.Contains(first, ".") || len(files) == 0 {
		return false
	}
	root := build.Default.GOROOT
	if root == "" {
		return false
	}
	name := x.pass.Fset.File(files[0].Pos()).Name()
	return strings.HasPrefix(filepath.Clean(name), filepath.Join(root, "src")+string(filepath.Separator))
}

// sentinelInit reports whether the package-level variable v, initialised
// with init, holds an expected error: init is expected by itself
// (status.Error(codes.NotFound, ...), another expected sentinel), or v is
// named as an outcome (ErrNotFound) and init is not a constructor whose
// code says failure (status.Error(codes.Internal, ...)).
func (x *expecter) sentinelInit(v *types.Var, init ast.Expr) bool {
	if x.expected(init, nil, false) {
		return !isNilExpr(x.pass.TypesInfo, init)
	}
	if !otelapi.IsOutcomeName(v.Name()) {
		return x.outcomeMessage(init)
	}
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok {
		_, lit := ast.Unparen(init).(*ast.CompositeLit)
		u, addr := ast.Unparen(init).(*ast.UnaryExpr)
		return lit || addr && u.Op == token.AND
	}
	fn, ok := typeutil.Callee(x.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	if otelapi.IsSentinelCtor(fn) {
		return true
	}
	if _, ok := otelapi.ErrorConstructor(fn); ok {
		return x.ctorClass(fn, call) != otelapi.CodeServer
	}
	return false
}

// outcomeMessage reports whether init builds a plain error whose constant
// message says it is an outcome (var ErrCollision = errors.New("item
// already exists")): what the client reads is as plain as a name.
func (x *expecter) outcomeMessage(init ast.Expr) bool {
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn, ok := typeutil.Callee(x.pass.TypesInfo, call).(*types.Func)
	if !ok || !otelapi.IsSentinelCtor(fn) {
		return false
	}
	for _, a := range call.Args[1:] {
		if isErrorValue(x.pass.TypesInfo, a) && !x.expected(a, nil, false) {
			return false // wraps a failure
		}
	}
	tv := x.pass.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	return otelapi.IsOutcomeMessage(constant.StringVal(tv.Value))
}

// onlyExpected reports whether every return of fd yields a nil or
// expected error (all of them nil: the function never fails).
func (x *expecter) onlyExpected(fd *ast.FuncDecl) bool {
	fn := x.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	return x.returnsOnlyExpected(fn.Signature(), fd.Body)
}

// returnsOnlyExpected reports whether every return of body, a function
// with signature sig whose last result is an error, yields a nil or
// expected error. A local variable returned counts when every assignment
// to it in the function is nil or expected.
func (x *expecter) returnsOnlyExpected(sig *types.Signature, body *ast.BlockStmt) bool {
	info := x.pass.TypesInfo
	res := sig.Results()
	n := res.Len()
	named := res.At(n - 1)
	vars := &varClass{x: x, body: body, memo: map[*types.Var]bool{}, results: map[*types.Var]bool{}}
	for i := 0; i < n; i++ {
		vars.results[res.At(i)] = true
	}
	all := true
	ast.Inspect(body, func(node ast.Node) bool {
		if !all {
			return false
		}
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var e ast.Expr
			switch {
			case len(node.Results) == 0:
				if named.Name() == "" || named.Name() == "_" || !vars.expected(named) {
					all = false
					return false
				}
				return false
			case len(node.Results) == n:
				e = node.Results[n-1]
			case len(node.Results) == 1:
				e = node.Results[0]
			default:
				all = false
				return false
			}
			if isNilExpr(info, e) {
				return false
			}
			if !x.expected(e, vars.expected, false) {
				all = false
				return false
			}
			return false
		}
		return true
	})
	return all
}

// appCodeOutcome reports whether fd is a constructor of status errors
// with a constant code of the application's own, named as an outcome:
// openfga's serverErrors.ValidationError and AuthorizationModelNotFound
// return status.Error(codes.Code(2000), ...) and status.Error(codes.Code(
// 2001+...), ...), codes no scheme describes, so the constructor's name is
// what says what they answer. Every return must be such a call.
func (x *expecter) appCodeOutcome(fd *ast.FuncDecl) bool {
	name := fd.Name.Name
	if !otelapi.IsOutcomeName("Err"+name) && !otelapi.IsOutcomeTypeName(name) {
		return false
	}
	info := x.pass.TypesInfo
	fn := info.Defs[fd.Name].(*types.Func)
	if fn.Signature().Results().Len() != 1 {
		return false
	}
	rets := 0
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets++
			if len(n.Results) != 1 {
				ok = false
				return false
			}
			call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr)
			if !isCall {
				ok = false
				return false
			}
			cfn, isFn := typeutil.Callee(info, call).(*types.Func)
			if !isFn {
				ok = false
				return false
			}
			if _, isCtor := otelapi.ErrorConstructor(cfn.Origin()); !isCtor {
				ok = false
				return false
			}
			switch x.ctorClass(cfn.Origin(), call) {
			case otelapi.CodeClient:
			case otelapi.CodeUnknown:
				// A constant of the application's own, not one computed
				// at run time.
				c, _ := otelapi.ErrorConstructor(cfn.Origin())
				if c.Arg >= len(call.Args) {
					ok = false
				} else if tv, has := info.Types[call.Args[c.Arg]]; !has || tv.Value == nil {
					ok = false
				}
			default:
				ok = false
			}
			return false
		}
		return true
	})
	return ok && rets > 0
}

// varClass classifies local error variables flow-insensitively: a
// variable is expected when every value assigned to it is nil or
// expected, and its address is never taken.
type varClass struct {
	x       *expecter
	body    *ast.BlockStmt
	memo    map[*types.Var]bool
	results map[*types.Var]bool // the function's results: named ones start nil
}

func (c *varClass) expected(v *types.Var) bool {
	if r, ok := c.memo[v]; ok {
		return r
	}
	if v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || !within(v.Pos(), c.body) && !c.results[v] {
		return false // a parameter or a variable of the package
	}
	c.memo[v] = true // assume, for err = fmt.Errorf("...: %w", err)
	info := c.x.pass.TypesInfo
	ok := true
	ast.Inspect(c.body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && n.Op == token.AND && info.Uses[id] == v {
				ok = false
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				switch {
				case len(n.Values) == 0:
				case len(n.Values) == len(n.Names):
					ok = c.x.expected(n.Values[i], c.expected, false)
				default:
					ok = c.multi(n.Values[0], i, len(n.Names))
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, isID := ast.Unparen(l).(*ast.Ident)
				if !isID || info.ObjectOf(id) != v {
					continue
				}
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					ok = false
				case len(n.Lhs) == len(n.Rhs):
					ok = c.x.expected(n.Rhs[i], c.expected, false)
				default:
					ok = c.multi(n.Rhs[0], i, len(n.Lhs))
				}
			}
		case *ast.RangeStmt:
			// for _, err := range errs: not followed, unless every send
			// to the channel errc of for err := range errc is expected.
			// Variables declared in the body are followed as any others.
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, isID := e.(*ast.Ident); isID && info.ObjectOf(id) == v && !c.x.rangesExpected(n, v) {
					ok = false
				}
			}
		case *ast.TypeSwitchStmt:
			// switch err := x.(type): not followed.
			ast.Inspect(n, func(m ast.Node) bool {
				if id, isID := m.(*ast.Ident); isID && info.Defs[id] == v {
					ok = false
				}
				return ok
			})
		}
		return ok
	})
	c.memo[v] = ok
	return ok
}

// multi reports whether result i of n of the call rhs (x, err := f()) is
// expected: the last result of a function with the fact.
func (c *varClass) multi(rhs ast.Expr, i, n int) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || i != n-1 {
		return false
	}
	fn, ok := typeutil.Callee(c.x.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return c.x.closureExpected(call)
	}
	return c.x.configured(fn.Origin()) || c.x.hasFact(fn.Origin())
}

func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

func isNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}
