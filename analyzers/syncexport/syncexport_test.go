package syncexport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/syncexport"
)

func TestSyncexport(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), syncexport.Analyzer, "./syncexport/basic", "./syncexport/negative", "./syncexport/testutil", "./sanity/...")
}

func TestSyncexportFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), syncexport.Analyzer, "./syncexport/fix/...")
}
