package spanname_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanname"
)

func TestSpanname(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanname.Analyzer,
		"./spanname/basic", "./spanname/negative", "./spanname/otelhttp", "./spanname/frameworks", "./spanname/helpers/...", "./sanity/...")
}

func TestSpannameFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), spanname.Analyzer, "./spanname/fix")
}
