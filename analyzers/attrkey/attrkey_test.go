package attrkey_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/attrkey"
	"github.com/otellint/otellint/analyzers/internal/semconv"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestAttrkey(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), attrkey.Analyzer,
		"./attrkey/deprecated", "./attrkey/types", "./attrkey/typos", "./attrkey/errorkey", "./attrkey/consts", "./attrkey/negative", "./sanity/...")
}

func TestAttrkeyFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), attrkey.Analyzer, "./attrkey/fix")
}

// TestDocRegistryVersion: the docs name the registry release the table
// was generated from.
func TestDocRegistryVersion(t *testing.T) {
	if !strings.Contains(attrkey.Analyzer.Doc, "release "+semconv.RegistryVersion) {
		t.Errorf("doc.go does not name registry release %s: update its # Registry section", semconv.RegistryVersion)
	}
}
