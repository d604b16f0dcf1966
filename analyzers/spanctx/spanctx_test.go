package spanctx_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanctx"
)

func TestSpanctx(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanctx.Analyzer, "./spanctx/basic", "./spanctx/negative", "./spanctx/reach/...", "./spanctx/goroutines", "./spanctx/tests", "./spanctx/generated", "./sanity/...")
}

func TestSpanctxFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanctx.Analyzer, "./spanctx/fix")
}

// TestIssue13: the fix that binds a dropped context is offered only where
// it assigns the variable the old context is passed on from.
func TestIssue13(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanctx.Analyzer, "./spanctx/issue13")
}
