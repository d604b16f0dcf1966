package suppress_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/analyzers/internal/suppress"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestDirectives: the directive check reports each malformed directive
// once (the rules themselves report none of these).
func TestDirectives(t *testing.T) {
	if len(suppress.Known) == 0 || analyzers.Directives != suppress.Analyzer {
		t.Fatal("the suite does not register its rules with the directive check")
	}
	analysistest.Run(t, testutil.Dir(), suppress.Analyzer, "./suppress/...")
}
