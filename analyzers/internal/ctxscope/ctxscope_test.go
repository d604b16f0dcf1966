package ctxscope_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/ctxscope"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestFacts checks the facts the helper exports.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), ctxscope.Analyzer, "./ctxscope/facts/...")
}

// TestFactEncoding round-trips every fact type through gob: the encoding
// must be deterministic, since go vet stores facts on disk.
func TestFactEncoding(t *testing.T) {
	facts := []analysis.Fact{
		&ctxscope.ReachesSpans{Params: []int{0, 2}},
		&ctxscope.FreshRoot{},
		&ctxscope.WorkerLoop{},
		&ctxscope.Analysed{Tracing: true},
	}
	for _, f := range facts {
		var a, b bytes.Buffer
		if err := gob.NewEncoder(&a).Encode(f); err != nil {
			t.Fatalf("encode %T: %v", f, err)
		}
		if err := gob.NewEncoder(&b).Encode(f); err != nil {
			t.Fatalf("encode %T: %v", f, err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%T: encoding is not deterministic", f)
		}
	}
}
