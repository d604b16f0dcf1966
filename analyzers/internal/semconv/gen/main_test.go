package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/otellint/otellint/analyzers/internal/semconv"
)

// TestTableUpToDate regenerates the table from the registry copy next to
// the repository (../shared/semconv/<version> from the module root) and
// fails when the committed zz_generated.go differs.
func TestTableUpToDate(t *testing.T) {
	root, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not at %s: %v", root, err)
	}
	registry := filepath.Join(root, "..", "shared", "semconv", semconv.RegistryVersion)
	if _, err := os.Stat(filepath.Join(registry, "model")); err != nil {
		t.Skipf("no registry at %s", registry)
	}
	got, err := Generate(os.DirFS(registry), semconv.RegistryVersion)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../zz_generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("analyzers/internal/semconv/zz_generated.go is stale: run go generate ./analyzers/internal/semconv")
	}
}

// TestGenerateLayouts: both layouts are read, and the shapes of deprecated:
// and type: the registry uses.
func TestGenerateLayouts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(dir, "model", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("x/registry.yaml", `groups:
  - id: registry.x
    type: attribute_group
    attributes:
      - id: x.kind
        stability: stable
        type:
          members:
            - id: a
              value: "a"
            - id: old
              value: "old"
              deprecated: {reason: renamed, renamed_to: a}
      - id: x.header
        type: template[string[]]
      - ref: y.port
  - id: x.spans
    type: span
    attributes:
      - id: x.not_an_attribute
        type: string
`)
	write("x/deprecated/registry-deprecated.yaml", `groups:
  - id: registry.x.deprecated
    type: attribute_group
    attributes:
      - id: x.old_kind
        type: string
        deprecated:
          reason: renamed
          renamed_to: x.kind
      - id: x.gone
        type: int
        deprecated:
          reason: obsoleted
          note: >
            Split to two
            keys.
`)
	write("y/registry.yaml", `file_format: definition/2
attributes:
  - key: y.port
    type: int
    stability: stable
`)
	got, err := Generate(os.DirFS(dir), "v9.9.9")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`const RegistryVersion = "v9.9.9"`,
		`{Key: "x.gone", Type: Int, Deprecated: &Deprecation{Reason: "obsoleted", Note: "Split to two keys."}, Area: "x"}`,
		`{Key: "x.header", Type: StringSlice, Template: true, Area: "x"}`,
		`{Key: "x.kind", Type: String, Stability: "stable", Members: []Member{{Value: "a"}, {Value: "old", Deprecated: &Deprecation{Reason: "renamed", RenamedTo: "a"}}}, Area: "x"}`,
		`{Key: "x.old_kind", Type: String, Deprecated: &Deprecation{Reason: "renamed", RenamedTo: "x.kind"}, Area: "x"}`,
		`{Key: "y.port", Type: Int, Stability: "stable", Area: "y"}`,
	} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("generated table lacks %s\n%s", want, got)
		}
	}
	if bytes.Contains(got, []byte("x.not_an_attribute")) {
		t.Errorf("a span group's attribute is in the table")
	}
}
