package sensitiveattr_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/sensitiveattr"
)

func TestSensitiveAttr(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), sensitiveattr.Analyzer,
		"./sensitiveattr/basic", "./sensitiveattr/credentials", "./sensitiveattr/names", "./sensitiveattr/flow", "./sensitiveattr/negative/...", "./sensitiveattr/limitations", "./sensitiveattr/generated",
		"./sanity/...")
}

// TestSensitiveAttrOptions: -names adds names to the table.
func TestSensitiveAttrOptions(t *testing.T) {
	a := sensitiveattr.New(spans.New())
	if err := a.Flags.Set("names", "national_id:personal,pin"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.Dir(), a, "./sensitiveattr/options")
}
