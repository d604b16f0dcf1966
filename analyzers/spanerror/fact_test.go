package spanerror

import (
	"bytes"
	"encoding/gob"
	"testing"
)

// TestFactEncoding: the expectedError fact is deterministic and small, as
// every fact that go vet stores on disk must be.
func TestFactEncoding(t *testing.T) {
	var a, b bytes.Buffer
	if err := gob.NewEncoder(&a).Encode(new(expectedError)); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(&b).Encode(new(expectedError)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() > 200 {
		t.Errorf("encoding: %d bytes, deterministic %v", a.Len(), bytes.Equal(a.Bytes(), b.Bytes()))
	}
	var g expectedError
	if err := gob.NewDecoder(&a).Decode(&g); err != nil {
		t.Errorf("round trip: %v", err)
	}
	if got := g.String(); got != "expectedError" {
		t.Errorf("String() = %q", got)
	}
}

// TestPreservesFactEncoding: the preservesExpected fact keeps its
// parameter across go vet's fact files.
func TestPreservesFactEncoding(t *testing.T) {
	var a bytes.Buffer
	if err := gob.NewEncoder(&a).Encode(&preservesExpected{Param: 1}); err != nil {
		t.Fatal(err)
	}
	var g preservesExpected
	if err := gob.NewDecoder(&a).Decode(&g); err != nil || g.Param != 1 {
		t.Errorf("round trip: %v, %+v", err, g)
	}
	if got := g.String(); got != "preservesExpected(1)" {
		t.Errorf("String() = %q", got)
	}
}
