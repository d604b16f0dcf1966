// Package analyzers holds the otellint rule suite: every rule once, in the
// order the drivers run and document them.
//
// The registry (rules) is the one list of rules. Everything else derives
// from it: Suite, the default instance of every rule (each rule's
// package-level Analyzer), which the standalone driver, go vet and the rule
// tests run and whose flags hold their options; NewSuite, an independent
// copy with options of its own for hosts that configure several instances
// in one process (the golangci-lint plugin); Names, the rule names that
// //otellint:ignore directives may use, and the directive check built from
// them; and, through Suite, the README rule table, the docs pages, the
// SARIF rule descriptions and the plugin's settings.
package analyzers

import (
	"fmt"
	"go/ast"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/attrkey"
	"github.com/otellint/otellint/analyzers/blockinghandler"
	"github.com/otellint/otellint/analyzers/goctx"
	"github.com/otellint/otellint/analyzers/healthfilter"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/scope"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/propagator"
	"github.com/otellint/otellint/analyzers/providershutdown"
	"github.com/otellint/otellint/analyzers/sensitiveattr"
	"github.com/otellint/otellint/analyzers/spanctx"
	"github.com/otellint/otellint/analyzers/spanend"
	"github.com/otellint/otellint/analyzers/spanerror"
	"github.com/otellint/otellint/analyzers/spanname"
	"github.com/otellint/otellint/analyzers/syncexport"
	"github.com/otellint/otellint/analyzers/uninstrumented"
)

// A rule is one line of the registry.
type rule struct {
	// analyzer is the default instance: the rule package's Analyzer,
	// built by its constructor on spans.Default.
	analyzer *analysis.Analyzer
	// build returns a fresh instance that requires the helper h (a rule
	// that does not use the helper ignores it).
	build   func(h *spans.Helper) *analysis.Analyzer
	enabled bool   // Entry.Default
	since   string // Entry.Since
}

// rules is the registry: every rule once, in the order the drivers run
// and document them. A new rule is one line here (and its name in the
// pinned list of suite_test.go).
func rules() []rule {
	return []rule{
		{spanend.Analyzer, spanend.New, true, "v0.1.0"},
		{spanerror.Analyzer, spanerror.New, true, "v0.1.0"},
		{goctx.Analyzer, goctx.New, true, "v0.1.0"},
		{spanctx.Analyzer, spanctx.New, true, "v0.1.0"},
		{blockinghandler.Analyzer, blockinghandler.New, true, "v0.1.0"},
		{spanname.Analyzer, spanname.New, true, "v0.2.0"},
		{attrkey.Analyzer, attrkey.New, true, "v0.2.0"},
		{sensitiveattr.Analyzer, sensitiveattr.New, true, "v0.2.0"},
		{providershutdown.Analyzer, providershutdown.New, true, "v0.2.0"},
		{syncexport.Analyzer, syncexport.New, true, "v0.2.0"},
		{propagator.Analyzer, alone(propagator.New), true, "v0.2.0"},
		{healthfilter.Analyzer, healthfilter.New, true, "v0.2.0"},
		{uninstrumented.Analyzer, uninstrumented.New, true, "v0.2.0"},
	}
}

// alone adapts the constructor of a rule that does not use the spans
// helper to the registry's.
func alone(build func() *analysis.Analyzer) func(*spans.Helper) *analysis.Analyzer {
	return func(*spans.Helper) *analysis.Analyzer { return build() }
}

// Entry is one rule of the suite.
type Entry struct {
	Analyzer *analysis.Analyzer
	Default  bool   // enabled unless switched off
	Since    string // the otellint version that introduced the rule
}

// Summary returns the rule's one-line summary from its doc.
func (e Entry) Summary() string { return docutil.Summary(e.Analyzer.Doc, e.Analyzer.Name) }

// Suite lists every rule, as its default instance.
var Suite = defaultSuite()

func defaultSuite() []Entry {
	reg := rules()
	out := make([]Entry, len(reg))
	for i, r := range reg {
		out[i] = Entry{Analyzer: r.analyzer, Default: r.enabled, Since: r.since}
	}
	return out
}

// NewSuite returns a fresh suite: the rules of Suite, in its order and with
// its metadata, as new analyzers that share a new helper analyzer and whose
// flags are bound to options of their own, initially the defaults. Setting
// a flag of one suite changes nothing in Suite or in another NewSuite.
// Fact types are shared, so one checker run takes one suite.
func NewSuite() []Entry {
	h := spans.New()
	reg := rules()
	out := make([]Entry, len(reg))
	for i, r := range reg {
		a := r.build(h)
		if a.Name != r.analyzer.Name {
			panic(fmt.Sprintf("analyzers: the registry line of rule %s builds rule %s", r.analyzer.Name, a.Name))
		}
		dropNogoMarkers(a)
		out[i] = Entry{Analyzer: a, Default: r.enabled, Since: r.since}
	}
	return out
}

// SkipDependencies makes the analyzers of a NewSuite, the helpers they
// require and the given others (its Directives) do nothing on the packages
// that scope.Needed rejects: the dependencies of other modules and the
// standard library that declare no span API and install no globals, and
// the OTel modules' packages. The standalone driver never analyses those
// (it reads them from export data); go vet, for facts, and golangci-lint,
// from source, analyse every dependency, and this makes them compute the
// same facts at a fraction of the cost. Only a driver that shows no
// findings for such packages may use it: go vet in its facts-only runs,
// golangci-lint, which reports its packages of the main module.
//
// The analyzers are changed in place: the suite must be a NewSuite, whose
// analyzers no other suite shares (but the x/tools passes, left alone).
func SkipDependencies(suite []Entry, others ...*analysis.Analyzer) {
	var needed sync.Map // *types.Package -> bool
	gate := func(pass *analysis.Pass) bool {
		if v, ok := needed.Load(pass.Pkg); ok {
			return v.(bool)
		}
		v := scope.Needed(pass)
		needed.Store(pass.Pkg, v)
		return v
	}
	seen := map[*analysis.Analyzer]bool{}
	var wrap func(a *analysis.Analyzer)
	wrap = func(a *analysis.Analyzer) {
		if seen[a] || strings.HasPrefix(a.URL, "https://pkg.go.dev/golang.org/x/tools/") {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			wrap(r)
		}
		var zero any
		if a.ResultType != nil {
			zero = reflect.Zero(a.ResultType).Interface()
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			if !gate(pass) {
				return zero, nil
			}
			return run(pass)
		}
	}
	for _, e := range suite {
		wrap(e.Analyzer)
	}
	for _, a := range others {
		wrap(a)
	}
}

// dropNogoMarkers removes from a's fact types those that only keep it
// running on the packages Bazel's nogo collects facts from (spans.NogoMarker:
// never exported). The drivers that take a NewSuite (standalone, go vet,
// golangci-lint) run the rules' helpers for their facts anyway; a marker
// would make them run the rule itself on every dependency too, which
// golangci-lint does from source (on jaeger: 1.5x the wall time of stock
// golangci-lint with spancheck, against 1.15x without). nogo takes the
// rule packages' Analyzer, which keeps its marker.
func dropNogoMarkers(a *analysis.Analyzer) {
	var kept []analysis.Fact
	for _, f := range a.FactTypes {
		if _, marker := f.(spans.NogoMarker); !marker {
			kept = append(kept, f)
		}
	}
	a.FactTypes = kept
}

// Names returns the name of every rule, in suite order: the names that
// //otellint:ignore directives may use.
func Names() []string {
	reg := rules()
	out := make([]string, len(reg))
	for i, r := range reg {
		out[i] = r.analyzer.Name
	}
	return out
}

// Directives reports malformed //otellint:ignore directives (no rule, an
// unknown rule, rules separated by a space, no reason), each once. It is no
// rule: every driver runs it next to the rules it runs, whichever they are.
var Directives = NewDirectives()

// NewDirectives returns a fresh instance of Directives, to run next to a
// NewSuite.
func NewDirectives() *analysis.Analyzer { return suppress.New(Names()) }

// Analyzers returns the analyzers of the suite, in order.
func Analyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(Suite))
	for i, e := range Suite {
		out[i] = e.Analyzer
	}
	return out
}

// TraceAPIPath is the import path of the OTel trace API. Drivers load from
// source the packages that import it, so that facts about span helpers are
// computed for them.
const TraceAPIPath = otelapi.TracePkg

// GlobalAPIPath is the import path of the OTel global API (otel.Set...).
const GlobalAPIPath = otelapi.OtelModule

// GlobalSetters are the names of the global API's functions that install
// process-wide state, about which the propagator rule keeps package facts
// for the whole program. Drivers load from source the dependencies that
// call them.
var GlobalSetters = scope.GlobalSetters

// DeclaresSpanAPI reports whether the declarations of files mention
// trace.Span or trace.Tracer, so that the package may declare span helpers:
// the dependencies that do are analysed, in every driver.
func DeclaresSpanAPI(files []*ast.File) bool { return scope.DeclaresSpanAPI(files) }

// IsOTelAPIPath reports whether path belongs to the OTel API, SDK or contrib
// modules, which the rules know from tables and need not analyse.
func IsOTelAPIPath(path string) bool { return otelapi.IsOTelAPIPath(path) }
