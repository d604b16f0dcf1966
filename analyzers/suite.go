// Package analyzers holds the otellint rule suite: every rule once, in the
// order the drivers run and document them.
//
// Suite is the default instance of every rule (each rule's package-level
// Analyzer): the standalone driver, go vet and the rule tests run it, and
// its flags hold their options. NewSuite builds an independent copy, with
// options of its own, for hosts that configure several instances in one
// process (the golangci-lint plugin).
package analyzers

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/attrkey"
	"github.com/otellint/otellint/analyzers/blockinghandler"
	"github.com/otellint/otellint/analyzers/goctx"
	"github.com/otellint/otellint/analyzers/healthfilter"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
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

// Entry is one rule of the suite.
type Entry struct {
	Analyzer *analysis.Analyzer
	Default  bool   // enabled unless switched off
	Since    string // the otellint version that introduced the rule
}

// Summary returns the rule's one-line summary from its doc.
func (e Entry) Summary() string { return docutil.Summary(e.Analyzer.Doc, e.Analyzer.Name) }

// Suite lists every rule, as its default instance.
var Suite = []Entry{
	{Analyzer: spanend.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: spanerror.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: goctx.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: spanctx.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: blockinghandler.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: spanname.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: attrkey.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: sensitiveattr.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: providershutdown.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: syncexport.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: propagator.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: healthfilter.Analyzer, Default: true, Since: "v0.2.0"},
	{Analyzer: uninstrumented.Analyzer, Default: true, Since: "v0.2.0"},
}

// NewSuite returns a fresh suite: the rules of Suite, in its order and with
// its metadata, as new analyzers that share a new helper analyzer and whose
// flags are bound to options of their own, initially the defaults. Setting
// a flag of one suite changes nothing in Suite or in another NewSuite.
// Fact types are shared, so one checker run takes one suite.
func NewSuite() []Entry {
	h := spans.New()
	// One line per rule; a rule that does not use the helper ignores h.
	fresh := []*analysis.Analyzer{
		spanend.New(h),
		spanerror.New(h),
		goctx.New(h),
		spanctx.New(h),
		blockinghandler.New(),
		spanname.New(h),
		attrkey.New(),
		sensitiveattr.New(),
		providershutdown.New(),
		syncexport.New(),
		propagator.New(),
		healthfilter.New(),
		uninstrumented.New(h),
	}
	byName := map[string]*analysis.Analyzer{}
	for _, a := range fresh {
		byName[a.Name] = a
	}
	out := make([]Entry, len(Suite))
	for i, e := range Suite {
		a := byName[e.Analyzer.Name]
		if a == nil {
			panic(fmt.Sprintf("analyzers.NewSuite does not build rule %s: add %s.New to it", e.Analyzer.Name, e.Analyzer.Name))
		}
		e.Analyzer = a
		out[i] = e
	}
	if len(fresh) != len(Suite) {
		panic("analyzers.NewSuite builds a rule that Suite does not list")
	}
	return out
}

// Directives reports malformed //otellint:ignore directives (no rule, an
// unknown rule, rules separated by a space, no reason), each once. It is no
// rule: every driver runs it next to the rules it runs, whichever they are.
var Directives = suppress.Analyzer

// NewDirectives returns a fresh instance of Directives, to run next to a
// NewSuite.
func NewDirectives() *analysis.Analyzer { return suppress.New() }

// Analyzers returns the analyzers of the suite, in order.
func Analyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(Suite))
	for i, e := range Suite {
		out[i] = e.Analyzer
	}
	return out
}

func init() {
	for _, e := range Suite {
		suppress.Known = append(suppress.Known, e.Analyzer.Name)
	}
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
var GlobalSetters = []string{"SetTextMapPropagator", "SetTracerProvider"}

// IsOTelAPIPath reports whether path belongs to the OTel API, SDK or contrib
// modules, which the rules know from tables and need not analyse.
func IsOTelAPIPath(path string) bool { return otelapi.IsOTelAPIPath(path) }
