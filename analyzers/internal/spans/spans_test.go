package spans_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/otellint/otellint/analyzers/internal/spans"
	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestFacts checks the facts the helper exports for a helper package.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.Dir(), spans.Analyzer, "./spans/facts")
}

// TestFactEncoding round-trips every fact type through gob: the encoding
// must be deterministic and small, since go vet stores facts on disk for
// every package.
func TestFactEncoding(t *testing.T) {
	facts := []analysis.Fact{
		&spans.StartsSpan{Result: 1, NameParam: 1, Err: -1},
		&spans.StartsSpan{Result: 1, NameParam: -1, Err: 3, LiveOnErr: true},
		&spans.EndsSpan{Params: []int{0, 2}},
		&spans.SpanAPI{},
		&spans.Analysed{},
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
		if a.Len() > 200 {
			t.Errorf("%T: encoded fact is %d bytes, want at most 200", f, a.Len())
		}
		got := f.(interface{ String() string }).String()
		dec := gob.NewDecoder(&a)
		switch f.(type) {
		case *spans.StartsSpan:
			var g spans.StartsSpan
			if err := dec.Decode(&g); err != nil || g != *f.(*spans.StartsSpan) {
				t.Errorf("round trip of %s: got %+v, %v", got, g, err)
			}
		case *spans.EndsSpan:
			var g spans.EndsSpan
			if err := dec.Decode(&g); err != nil || len(g.Params) != 2 || g.Params[1] != 2 {
				t.Errorf("round trip of %s: got %+v, %v", got, g, err)
			}
		}
	}
}
