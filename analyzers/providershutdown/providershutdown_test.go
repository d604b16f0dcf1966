package providershutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/providershutdown"
)

func TestProviderShutdown(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), providershutdown.Analyzer,
		"./providershutdown/basic", "./providershutdown/negative", "./providershutdown/unit",
		"./providershutdown/helpers/...", "./providershutdown/ctx", "./sanity/...")
}

func TestProviderShutdownFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), providershutdown.Analyzer, "./providershutdown/fix")
}
