package attrkey_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/attrkey"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestAttrkey(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), attrkey.Analyzer,
		"./attrkey/deprecated", "./attrkey/types", "./attrkey/typos", "./attrkey/errorkey", "./attrkey/consts", "./attrkey/negative", "./sanity/...")
}

func TestAttrkeyFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), attrkey.Analyzer, "./attrkey/fix")
}
