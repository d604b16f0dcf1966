package blockinghandler_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/blockinghandler"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestBlockingHandler(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), blockinghandler.Analyzer,
		"./blockinghandler/kinds", "./blockinghandler/calls", "./blockinghandler/negative/...", "./blockinghandler/closures", "./blockinghandler/facts/...", "./blockinghandler/sqlx", "./blockinghandler/peers", "./blockinghandler/support/...", "./blockinghandler/examples/...", "./blockinghandler/throttle", "./sanity/...")
}

func TestBlockingHandlerFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), blockinghandler.Analyzer, "./blockinghandler/fix")
}

// TestBlockingHandlerOptions: -depth=2 follows functions that block one
// call further down; -calls adds rows to the table.
func TestBlockingHandlerOptions(t *testing.T) {
	a := blockinghandler.New(spans.New())
	if err := a.Flags.Set("depth", "2"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("calls", "example.com/testdata/blockinghandler/depth.acquire"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.Dir(), a, "./blockinghandler/depth")
}
