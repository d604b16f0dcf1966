package healthfilter

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFactEncoding round-trips the rule's facts through gob: the encoding
// must be deterministic and small, since go vet stores facts on disk for
// every package.
func TestFactEncoding(t *testing.T) {
	facts := []analysis.Fact{
		&probes{Paths: []string{"/healthz", "/readyz"}, Returns: true, Params: []int{0}},
		&grpcServes{Traced: true},
		&grpcServes{Health: []int{0, 2}},
		&grpcServes{Traced: true, HealthFrom: []int{1}, Passes: []int{0, 1}},
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
		g := reflect.New(reflect.TypeOf(f).Elem()).Interface()
		if err := gob.NewDecoder(&a).Decode(g); err != nil || !reflect.DeepEqual(g, f) {
			t.Errorf("round trip of %v: got %+v, %v", f, g, err)
		}
	}
}
