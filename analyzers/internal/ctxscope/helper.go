package ctxscope

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/safe"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/tree"
)

// Analyzer is an instance of the helper analyzer of the context rules
// (goctx, spanctx), for tests of its facts. It reports nothing: it
// summarises, as facts, what functions do with contexts, and its Result
// answers the rules' questions about a package.
var Analyzer = newAnalyzer(tree.New())

// For returns the helper analyzer of the suite whose spans helper is h:
// the rules of one suite share one instance, and two suites share none.
func For(h *spans.Helper) *analysis.Analyzer {
	insp := h.Inspector()
	return h.Companion("otelctx", func() *analysis.Analyzer { return newAnalyzer(insp) })
}

func newAnalyzer(insp *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "otelctx",
		Doc:        "summarise how functions use and make contexts as facts (reports nothing)",
		Requires:   []*analysis.Analyzer{insp},
		ResultType: reflect.TypeOf((*Result)(nil)),
		FactTypes:  []analysis.Fact{new(ReachesSpans), new(FreshRoot), new(WorkerLoop), new(Spawns), new(Analysed)},
		Run:        safe.Run(func(pass *analysis.Pass) (any, error) { return run(pass, tree.Of(pass, insp)) }),
	}
}

// ReachesSpans is an object fact: the contexts passed in the listed
// parameters can reach code that starts spans (a Start, an interface
// method, a function value, a traced dependency). A function of an analysed
// package without it ignores its contexts, or only reads values from them
// or waits on Done and Err.
type ReachesSpans struct {
	Params []int // parameter indexes, ascending
}

func (*ReachesSpans) AFact() {}

func (f *ReachesSpans) String() string {
	s := make([]string, len(f.Params))
	for i, p := range f.Params {
		s[i] = fmt.Sprint(p)
	}
	return "ctxReachesSpans(" + strings.Join(s, ",") + ")"
}

// FreshRoot is an object fact: every context the function returns is a
// fresh root, derived only from context.Background or context.TODO (a
// wrapper around signal.NotifyContext(context.Background(), ...)). It
// carries no span, like Background itself.
type FreshRoot struct{}

func (*FreshRoot) AFact()         {}
func (*FreshRoot) String() string { return "returnsFreshContext" }

// WorkerLoop is an object fact: the function runs a long-lived loop at the
// top of its body (until a stop channel, its context or its input channel
// ends): a goroutine running it is a worker, not a piece of the caller's
// work.
type WorkerLoop struct{}

func (*WorkerLoop) AFact()         {}
func (*WorkerLoop) String() string { return "workerLoop" }

// Analysed is a package fact: the helper saw the package's syntax, so a
// function of it without a ReachesSpans fact starts no span from its
// context. Tracing says whether the package's dependency closure reaches
// the OTel trace API.
type Analysed struct {
	Tracing bool
}

func (*Analysed) AFact() {}

func (f *Analysed) String() string {
	if f.Tracing {
		return "analysed(tracing)"
	}
	return "analysed"
}

// Result answers the context rules' questions about one package.
type Result struct {
	pass    *analysis.Pass
	insp    *inspector.Inspector
	tracing map[*types.Package]bool       // memo of PackageTraces
	reach   map[*types.Func][]int         // this package's ReachesSpans params
	fresh   map[*types.Func]bool          // this package's FreshRoot functions
	freshV  map[*types.Var]bool           // context variables that only hold fresh roots
	workers map[*types.Func]bool          // this package's WorkerLoop functions
	decls   map[*types.Func]*ast.FuncDecl // this package's functions with bodies
	spawns  map[*types.Func]int           // this package's Spawns helpers
	noFacts bool                          // the pass's analyzer does not require the helper

	flowsMu sync.Mutex
	flows   map[ast.Node]*flow // OldContextUse's knowledge of function bodies
}

// Release drops what the result knows of the package's code. A driver
// calls it once every analysis of the package has ended; nothing may use
// the result after.
func (r *Result) Release() {
	r.flowsMu.Lock()
	defer r.flowsMu.Unlock()
	r.pass, r.insp, r.tracing, r.reach, r.fresh, r.freshV = nil, nil, nil, nil, nil, nil
	r.workers, r.decls, r.spawns, r.flows = nil, nil, nil, nil
}

// ResultOf returns the helper's result for pass, whose analyzer requires
// a helper analyzer (For).
func ResultOf(pass *analysis.Pass) *Result {
	for _, res := range pass.ResultOf {
		if r, ok := res.(*Result); ok {
			return r
		}
	}
	return nil
}

// local returns a Result for a pass whose analyzer does not require the
// helper: fresh roots from the context and standard packages only, no
// facts.
func local(pass *analysis.Pass, insp *inspector.Inspector) *Result {
	r := &Result{pass: pass, insp: insp, noFacts: true, tracing: map[*types.Package]bool{},
		reach: map[*types.Func][]int{}, fresh: map[*types.Func]bool{}, workers: map[*types.Func]bool{}, spawns: map[*types.Func]int{},
		decls: map[*types.Func]*ast.FuncDecl{}}
	r.freshV = r.freshVars()
	return r
}

func run(pass *analysis.Pass, insp *inspector.Inspector) (any, error) {
	r := &Result{
		pass:    pass,
		insp:    insp,
		tracing: map[*types.Package]bool{},
		reach:   map[*types.Func][]int{},
		fresh:   map[*types.Func]bool{},
		workers: map[*types.Func]bool{},
		spawns:  map[*types.Func]int{},
		decls:   map[*types.Func]*ast.FuncDecl{},
	}
	var decls []*ast.FuncDecl
	for cur := range r.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok && d.Body != nil {
			decls = append(decls, d)
			r.decls[fn] = d
		}
	}
	tracing := r.PackageTraces(pass.Pkg)
	r.computeWorkers(decls)
	r.computeSpawns(decls)
	if path := pass.Pkg.Path(); otelapi.IsStdPath(path) || otelapi.IsOTelAPIPath(path) {
		// Tables describe what these do with contexts (CanStartSpans);
		// they make no fresh roots the rules need to know.
		r.freshV = map[*types.Var]bool{}
	} else {
		r.computeFresh(decls)
		r.computeReach(decls)
	}
	if len(pass.Files) > 0 {
		pass.ExportPackageFact(&Analysed{Tracing: tracing})
	}
	// Facts go only on this package's objects (ExportObjectFact panics
	// otherwise); the maps may hold other packages' interface methods.
	own := func(fn *types.Func) bool { return fn.Pkg() == pass.Pkg }
	for fn, ps := range r.reach {
		if own(fn) {
			pass.ExportObjectFact(fn, &ReachesSpans{Params: ps})
		}
	}
	for fn := range r.fresh {
		if own(fn) {
			pass.ExportObjectFact(fn, new(FreshRoot))
		}
	}
	for fn := range r.workers {
		if own(fn) {
			pass.ExportObjectFact(fn, new(WorkerLoop))
		}
	}
	for fn, i := range r.spawns {
		if own(fn) {
			pass.ExportObjectFact(fn, &Spawns{Param: i})
		}
	}
	return r, nil
}

// PackageTraces reports whether pkg's dependency closure reaches the OTel
// trace API (or instrumentation that starts spans). For packages analysed
// from source the Analysed fact says; for the current package and packages
// loaded from export data it walks Imports(), which is complete for source
// packages and, for export data, lists the packages its exported API
// mentions (a dependency that uses tracing only inside function bodies is
// missed there: a miss, not a false report).
func (r *Result) PackageTraces(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if v, ok := r.tracing[pkg]; ok {
		return v
	}
	r.tracing[pkg] = false // cycles: assume not while visiting
	v := false
	path := pkg.Path()
	switch {
	case otelapi.ReachesTraceAPI(path):
		v = true
	case otelapi.IsOTelAPIPath(path) || otelapi.IsStdPath(path):
		v = false // metric, log, baggage...; the standard library
	default:
		f := new(Analysed)
		if pkg != r.pass.Pkg && r.pass.ImportPackageFact(pkg, f) {
			v = f.Tracing
			break
		}
		for _, imp := range pkg.Imports() {
			if imp.Path() == otelapi.OtelModule || r.PackageTraces(imp) {
				v = true
				break
			}
		}
	}
	r.tracing[pkg] = v
	return v
}

// Decl returns the declaration of fn, a function of this package with a
// body, or nil.
func (r *Result) Decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil {
		return nil
	}
	return r.decls[fn.Origin()]
}
