// Package analyzers holds the otellint rule suite: every rule once, in the
// order the drivers run and document them.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/blockinghandler"
	"github.com/otellint/otellint/analyzers/goctx"
	"github.com/otellint/otellint/analyzers/internal/docutil"
	"github.com/otellint/otellint/analyzers/internal/otelapi"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/spanctx"
	"github.com/otellint/otellint/analyzers/spanend"
	"github.com/otellint/otellint/analyzers/spanerror"
)

// Entry is one rule of the suite.
type Entry struct {
	Analyzer *analysis.Analyzer
	Default  bool   // enabled unless switched off
	Since    string // the otellint version that introduced the rule
}

// Summary returns the rule's one-line summary from its doc.
func (e Entry) Summary() string { return docutil.Summary(e.Analyzer.Doc, e.Analyzer.Name) }

// Suite lists every rule.
var Suite = []Entry{
	{Analyzer: spanend.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: spanerror.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: goctx.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: spanctx.Analyzer, Default: true, Since: "v0.1.0"},
	{Analyzer: blockinghandler.Analyzer, Default: true, Since: "v0.1.0"},
}

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

// IsOTelAPIPath reports whether path belongs to the OTel API, SDK or contrib
// modules, which the rules know from tables and need not analyse.
func IsOTelAPIPath(path string) bool { return otelapi.IsOTelAPIPath(path) }
