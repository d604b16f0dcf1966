package healthfilter_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/healthfilter"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

func TestHealthfilter(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), healthfilter.Analyzer, "./healthfilter/basic", "./healthfilter/negative", "./healthfilter/routes", "./healthfilter/crosspkg", "./healthfilter/defaultmux", "./healthfilter/grpc", "./healthfilter/grpcfuncs", "./healthfilter/grpcdeps", "./healthfilter/grpccross", "./healthfilter/otelmux", "./healthfilter/otelecho", "./healthfilter/otelgin", "./healthfilter/limitations", "./healthfilter/odd", "./sanity/...")
}

func TestHealthfilterFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(), healthfilter.Analyzer, "./healthfilter/fix/...", "./healthfilter/grpcfix", "./healthfilter/middlewarefix")
}
