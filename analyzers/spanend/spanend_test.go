package spanend_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanend"
)

func TestSpanend(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanend.Analyzer,
		"./spanend/paths", "./spanend/dropped", "./spanend/reassign", "./spanend/loops",
		"./spanend/closures", "./spanend/negative", "./spanend/helpers/...", "./spanend/generics",
		"./spanend/suppress", "./sanity")
}

func TestSpanendFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanend.Analyzer, "./spanend/fix")
}
