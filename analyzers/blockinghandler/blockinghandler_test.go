package blockinghandler_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/blockinghandler"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestBlockingHandler(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), blockinghandler.Analyzer,
		"./blockinghandler/kinds", "./blockinghandler/calls", "./blockinghandler/negative/...", "./blockinghandler/closures", "./blockinghandler/facts/...", "./blockinghandler/sqlx", "./sanity/...")
}

func TestBlockingHandlerFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), blockinghandler.Analyzer, "./blockinghandler/fix")
}
