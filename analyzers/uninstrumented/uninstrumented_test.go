package uninstrumented_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/uninstrumented"
)

func TestUninstrumented(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), uninstrumented.Analyzer, "./uninstrumented/basic", "./uninstrumented/negative", "./uninstrumented/notracing", "./sanity/...")
}

func TestUninstrumentedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), uninstrumented.Analyzer, "./uninstrumented/fix")
}
