// Package noreturn defines a helper analyzer that finds the functions that
// never return normally, as x/tools' ctrlflow analyzer does, without
// building and keeping a control-flow graph for every function of every
// package.
//
// ctrlflow builds a CFG for every function declaration and literal of
// every package it runs on, keeps them all until the run ends (the checker
// keeps every result), and derives a noReturn fact for the declarations
// whose CFG has no reachable return. The rules only need those facts and
// build the CFGs of the few functions that hold a span themselves
// (spans.Result.CFG). This analyzer computes the same facts by the same
// induction over the package's static call graph, in the same order, but
// builds a CFG only for a declaration whose body contains something that
// can cut the flow: a call statement that does not return (panic, a
// function known intrinsically never to return, one of this package's
// no-return functions, or one with an imported fact), a for without a
// condition, an empty select, or a goto. Any other body reaches its end or
// a return statement, so the function returns.
package noreturn

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/otellint/otellint/analyzers/internal/tree"
)

// Analyzer computes noReturn facts. Its result is a *Result.
var Analyzer = New(tree.New())

// New returns a fresh instance of Analyzer, for a suite of its own (the
// rules of one suite share one: spans.Helper.Companion), that reads the
// syntax through insp, an instance of tree.New.
func New(insp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "otelnoreturn",
		Doc:        "find functions that never return normally (reports nothing)",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, tree.Of(pass, insp)) },
		ResultType: reflect.TypeOf((*Result)(nil)),
		FactTypes:  []analysis.Fact{new(noReturn)},
		Requires:   []*analysis.Analyzer{insp},
	}
}

// noReturn is a fact: the function never returns normally.
type noReturn struct{}

func (*noReturn) AFact()         {}
func (*noReturn) String() string { return "noReturn" }

// Result answers, as ctrlflow.CFGs.NoReturn does, whether a function
// called in the package never returns.
type Result struct {
	noReturn map[*types.Func]bool
}

// Release drops the result's knowledge. A driver calls it once every
// analysis of the package has ended; nothing may use the result after.
func (r *Result) Release() { r.noReturn = nil }

// NoReturn reports whether fn never returns normally. It is defined for
// the functions declared in the package and for every static callee of a
// call statement in it.
func (r *Result) NoReturn(fn *types.Func) bool { return r != nil && r.noReturn[fn] }

type declInfo struct {
	decl    *ast.FuncDecl
	cur     inspector.Cursor // of decl
	started bool             // to break cycles, as ctrlflow does
}

type state struct {
	pass     *analysis.Pass
	decls    map[*types.Func]*declInfo
	noReturn map[*types.Func]bool
	// always builds the CFG of every body: with type errors, a stray
	// break or an undefined label can also cut the flow.
	always bool
}

func run(pass *analysis.Pass, insp *inspector.Inspector) (any, error) {
	s := &state{
		pass:     pass,
		decls:    map[*types.Func]*declInfo{},
		noReturn: map[*types.Func]bool{},
		always:   len(pass.TypeErrors) > 0,
	}
	var order []*types.Func
	var lits []inspector.Cursor
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				s.decls[fn] = &declInfo{decl: n, cur: cur}
				order = append(order, fn)
			}
		case *ast.FuncLit:
			lits = append(lits, cur)
		}
	}
	for _, fn := range order {
		s.build(fn, s.decls[fn])
	}
	// ctrlflow also builds the CFGs of function literals, which records
	// the imported facts of the functions they call; record them too, so
	// that NoReturn answers for them as ctrlflow's does.
	for _, lit := range lits {
		s.calls(lit, nil)
	}
	return &Result{noReturn: s.noReturn}, nil
}

// build decides whether fn never returns, exporting a fact if so: ctrlflow's
// buildDecl, with the CFG built only when the body may cut the flow.
func (s *state) build(fn *types.Func, di *declInfo) {
	if di.started {
		return // break cycle
	}
	di.started = true
	noreturn, known := knownIntrinsic(fn)
	if !known && di.decl.Body != nil {
		// The call statements are looked at (and this package's callees
		// decided) in any case, as the CFG builder would.
		cuts := false
		s.calls(di.cur, func(bool) { cuts = true })
		if cuts || s.always {
			noreturn = cfg.New(di.decl.Body, s.mayReturn).NoReturn()
		}
	}
	if noreturn {
		s.pass.ExportObjectFact(fn, new(noReturn))
		s.noReturn[fn] = true
	}
}

// stmtTypes are the nodes that calls looks at.
var stmtTypes = []ast.Node{
	(*ast.FuncLit)(nil),
	(*ast.ExprStmt)(nil),
	(*ast.ForStmt)(nil),
	(*ast.SelectStmt)(nil),
	(*ast.BranchStmt)(nil),
}

// calls asks mayReturn about every call statement of fun (a declaration
// or a literal), outside the function literals it holds, and calls cut
// (when not nil) if one of them does not return or if fun's body has a
// for without a condition, an empty select or a goto.
func (s *state) calls(fun inspector.Cursor, cut func(bool)) {
	fun.Inspect(stmtTypes, func(c inspector.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return c == fun // each literal is visited on its own
		case *ast.ExprStmt:
			// As the CFG builder does: the expression itself, unparenthesised.
			if call, ok := n.X.(*ast.CallExpr); ok && !s.mayReturn(call) && cut != nil {
				cut(true)
			}
		case *ast.ForStmt:
			if n.Cond == nil && cut != nil {
				cut(true)
			}
		case *ast.SelectStmt:
			if len(n.Body.List) == 0 && cut != nil {
				cut(true)
			}
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && cut != nil {
				cut(true)
			}
		}
		return true
	})
}

// mayReturn reports whether the call may return: ctrlflow's callMayReturn.
func (s *state) mayReturn(call *ast.CallExpr) bool {
	if id, ok := call.Fun.(*ast.Ident); ok && s.pass.TypesInfo.Uses[id] == panicBuiltin {
		return false
	}
	fn := typeutil.StaticCallee(s.pass.TypesInfo, call)
	if fn == nil {
		return true
	}
	if di, ok := s.decls[fn]; ok {
		s.build(fn, di)
		return !s.noReturn[fn]
	}
	if s.noReturn[fn] {
		return false
	}
	if s.pass.ImportObjectFact(fn, new(noReturn)) {
		s.noReturn[fn] = true
		return false
	}
	return true
}

var panicBuiltin = types.Universe.Lookup("panic").(*types.Builtin)

// knownIntrinsic is ctrlflow's list of functions that stop the calling
// goroutine, or return contrary to their body, whatever analysis of their
// body would say: the base case of the induction.
func knownIntrinsic(fn *types.Func) (noreturn, known bool) {
	if isFunc(fn, "syscall", "Exit", "ExitProcess", "ExitThread") ||
		isFunc(fn, "runtime", "Goexit", "fatalthrow", "fatalpanic", "exit") ||
		isMethod(fn, "go.uber.org/zap", "Logger", "Fatal", "Panic") ||
		isMethod(fn, "go.uber.org/zap", "SugaredLogger", "Fatal", "Fatalw", "Fatalf", "Panic", "Panicw", "Panicf") ||
		isMethod(fn, "github.com/sirupsen/logrus", "Logger", "Exit", "Panic", "Panicf", "Panicln") ||
		isMethod(fn, "github.com/sirupsen/logrus", "Entry", "Panicf", "Panicln") ||
		isFunc(fn, "k8s.io/klog", "Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln") ||
		isFunc(fn, "k8s.io/klog/v2", "Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln") {
		return true, true
	}
	if isFunc(fn, "internal/abi", "EscapeNonString") || isFunc(fn, "hash/maphash", "Comparable") {
		return false, true
	}
	return false, false
}

// isFunc reports whether fn is a package-level function of pkg named one
// of names (typesinternal.IsFunctionNamed).
func isFunc(fn *types.Func, pkg string, names ...string) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != pkg || fn.Signature().Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// isMethod reports whether fn is a method of the named type pkg.typ (or a
// pointer to it) named one of names (typesinternal.IsMethodNamed).
func isMethod(fn *types.Func, pkg, typ string, names ...string) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Name() != typ {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}
