package spanerror_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/spanerror"
)

// TestSpanFlow covers what the shared span knowledge tells spanerror: a
// start that fails returns no span, and a function that ends its span
// owns it whatever it does with the context.
func TestSpanFlow(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spanerror.Analyzer, "./spanerror/spanflow/...")
}
