package propagator_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/propagator"
)

func TestPropagator(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), propagator.Analyzer,
		"./propagator/lib/...", "./propagator/cross", "./propagator/crossset", "./propagator/set",
		"./propagator/setelsewhere", "./propagator/noinstr", "./propagator/withpropagators",
		"./propagator/getter", "./propagator/testsonly", "./propagator/wrapped", "./sanity/...")
}

func TestPropagatorFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), propagator.Analyzer, "./propagator/fix/...")
}
