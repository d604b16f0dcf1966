package uninstrumented_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/blockinghandler"
	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
	"github.com/otellint/otellint/analyzers/uninstrumented"
)

func TestUninstrumented(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), uninstrumented.Analyzer, "./uninstrumented/basic", "./uninstrumented/crosspkg/...", "./uninstrumented/negative", "./uninstrumented/notracing", "./uninstrumented/readsonly", "./uninstrumented/grpcdial", "./uninstrumented/grpcnotracing", "./uninstrumented/grpcserverok", "./uninstrumented/grpcservernotp", "./uninstrumented/httpserverok", "./uninstrumented/httpservertestonly", "./uninstrumented/httpserverwrapped", "./sanity/...")
}

func TestUninstrumentedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), uninstrumented.Analyzer, "./uninstrumented/fix", "./uninstrumented/grpcfix", "./uninstrumented/grpcserver", "./uninstrumented/httpserver", "./uninstrumented/httpserverpkg/...")
}

// TestWithBlockinghandler runs this rule and blockinghandler as one
// analyzer on a handler whose backend call both report: two findings,
// and the fixes of both applied together give a golden that compiles.
func TestWithBlockinghandler(t *testing.T) {
	bh := blockinghandler.New(spans.Default)
	un := uninstrumented.Analyzer
	both := &analysis.Analyzer{
		Name:      "both",
		Doc:       "blockinghandler and uninstrumented together",
		Requires:  append(append([]*analysis.Analyzer{}, bh.Requires...), un.Requires...),
		FactTypes: append(append([]analysis.Fact{}, bh.FactTypes...), un.FactTypes...),
		Run: func(pass *analysis.Pass) (any, error) {
			if _, err := bh.Run(pass); err != nil {
				return nil, err
			}
			return un.Run(pass)
		},
	}
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), both, "./uninstrumented/withblocking")
}
