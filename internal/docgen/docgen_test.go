package docgen_test

import (
	"testing"

	"github.com/otellint/otellint/internal/docgen"
)

// TestDocsFresh fails when docs/rules/*.md or the README rule table no
// longer match the rules' doc.go files.
func TestDocsFresh(t *testing.T) {
	if err := docgen.Generate("../..", true); err != nil {
		t.Fatal(err)
	}
}
