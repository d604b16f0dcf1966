package attrkey_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/attrkey"
	"github.com/otellint/otellint/analyzers/internal/semconv"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestAttrkey(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), attrkey.Analyzer,
		"./attrkey/deprecated", "./attrkey/types", "./attrkey/typos", "./attrkey/errorkey", "./attrkey/consts/...", "./attrkey/negative", "./attrkey/limitations", "./sanity/...")
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

// TestAttrkeyOptions: -typos=false and -types=false silence those reports
// and nothing else.
func TestAttrkeyOptions(t *testing.T) {
	for _, c := range []struct {
		flag, pattern string
	}{
		{"typos", "./attrkey/typos"},
		{"types", "./attrkey/types"},
	} {
		a := attrkey.New(spans.New())
		if err := a.Flags.Set(c.flag, "false"); err != nil {
			t.Fatal(err)
		}
		for _, r := range analysistest.Run(discard{t}, testutil.Dir(), a, c.pattern) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			for _, d := range r.Diagnostics {
				t.Errorf("-%s=false: %s", c.flag, d.Message)
			}
		}
		if got := len(analysistest.Run(discard{t}, testutil.Dir(), attrkey.New(spans.New()), c.pattern)[0].Diagnostics); got == 0 {
			t.Errorf("%s: no findings by default", c.pattern)
		}
	}
}

// discard lets analysistest run without checking // want comments.
type discard struct{ *testing.T }

func (discard) Errorf(string, ...any) {}
