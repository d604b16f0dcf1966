package goctx_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/goctx"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestGoctx(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), goctx.Analyzer, "./goctx/basic", "./goctx/negative", "./goctx/helpers/...", "./goctx/tests", "./goctx/roots/...", "./goctx/done", "./goctx/workers/...", "./sanity/...")
}

func TestGoctxFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), goctx.Analyzer, "./goctx/fix")
}
