package analyzers_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/otellint/otellint/analyzers/internal/testutil"
)

// TestGoldensCompile builds every package of the testdata module with its
// .golden files in place of the sources: a suggested fix must leave code
// that compiles.
func TestGoldensCompile(t *testing.T) {
	src := testutil.Dir()
	var goldens []string
	filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go.golden") && !strings.Contains(path, "vendor") {
			goldens = append(goldens, path)
		}
		return nil
	})
	if len(goldens) == 0 {
		t.Fatal("no golden files found")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	pkgs := map[string]bool{}
	for _, g := range goldens {
		rel, _ := filepath.Rel(src, g)
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, strings.TrimSuffix(rel, ".golden")), data, 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs["./"+filepath.ToSlash(filepath.Dir(rel))] = true
	}
	args := []string{"build"} // library packages: compiled, nothing written
	for p := range pkgs {
		args = append(args, p)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("golden files do not compile: %v\n%s", err, out)
	}
}
