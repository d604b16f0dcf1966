package uninstrumented

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFactEncoding: the facts are deterministic, small and survive go
// vet's fact files.
func TestFactEncoding(t *testing.T) {
	for _, c := range []struct {
		fact analysis.Fact
		want string
	}{
		{new(installsProvider), "installsProvider"},
		{new(untracedServer), "untracedServer"},
		{new(instrumentsServer), "instrumentsServer"},
		{&plainHandler{Serves: true}, "plainHandler(serves)"},
		{&plainHandler{Returns: true, Params: []int{0, 2}}, "plainHandler(returns params[0 2])"},
		{&plainHandler{Wraps: []int{1}}, "plainHandler(wraps[1])"},
	} {
		var a, b bytes.Buffer
		if err := gob.NewEncoder(&a).Encode(c.fact); err != nil {
			t.Fatal(err)
		}
		if err := gob.NewEncoder(&b).Encode(c.fact); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() > 200 {
			t.Errorf("%s: %d bytes, deterministic %v", c.want, a.Len(), bytes.Equal(a.Bytes(), b.Bytes()))
		}
		var got analysis.Fact
		switch c.fact.(type) {
		case *installsProvider:
			got = new(installsProvider)
		case *untracedServer:
			got = new(untracedServer)
		case *instrumentsServer:
			got = new(instrumentsServer)
		default:
			got = new(plainHandler)
		}
		if err := gob.NewDecoder(&a).Decode(got); err != nil {
			t.Errorf("%s: round trip: %v", c.want, err)
		}
		if s := got.(interface{ String() string }).String(); s != c.want {
			t.Errorf("String() = %q, want %q", s, c.want)
		}
	}
}
