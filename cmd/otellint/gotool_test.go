package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoTool: the README's first way to install otellint. A module pins
// otellint as a tool (go get -tool, Go 1.24+), here through a local
// replace to this checkout, and runs it with go tool: standalone, as
// otellint version, and as go vet's tool (go tool -n names the binary).
func TestGoTool(t *testing.T) {
	if testing.Short() {
		t.Skip("short: builds otellint in a scratch module")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum")) // otellint's dependencies, so no checksum lookups
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.26.0\n\nrequire (\n" +
			"\tgithub.com/otellint/otellint v0.0.0-00010101000000-000000000000\n" +
			"\tgo.opentelemetry.io/otel v1.47.0\n)\n\n" +
			"replace github.com/otellint/otellint => " + filepath.ToSlash(root) + "\n",
		"go.sum": string(sum),
		"app.go": strings.Replace(leakSource, "%s", "app", 1),
	})
	// go get looks up every prefix of the tool's path as a module. A proxy
	// answers "not found" for the ones that are none, but some mirrors
	// refuse instead, which stops go get: the module cache's downloads,
	// which hold otellint's dependencies once it is built, serve as the
	// proxy.
	gomodcache := strings.TrimSpace(run(t, ".", nil, "go", "env", "GOMODCACHE").stdout)
	proxy := "file://" + filepath.ToSlash(filepath.Join(gomodcache, "cache", "download"))
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local", "GOPROXY=" + proxy, "GOSUMDB=off"}
	if r := run(t, dir, env, "go", "get", "-tool", "github.com/otellint/otellint/cmd/otellint"); r.code != 0 {
		t.Fatalf("go get -tool: exit %d\n%s", r.code, r.stderr)
	}
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), "tool github.com/otellint/otellint/cmd/otellint") {
		t.Errorf("go.mod has no tool directive for otellint:\n%s", mod)
	}

	const finding = `app.go:10:13: spanend: span "leak" is not ended on all paths`
	r := run(t, dir, env, "go", "tool", "otellint", "./...")
	if r.code != 3 || !strings.HasPrefix(r.stdout, finding) {
		t.Errorf("go tool otellint ./...: exit %d, want 3 and the finding %s\nstdout:\n%s\nstderr:\n%s", r.code, finding, r.stdout, r.stderr)
	}

	// Replaced by a directory, the otellint module has no version.
	r = run(t, dir, env, "go", "tool", "otellint", "version")
	if r.code != 0 || r.stdout != "otellint devel\n" {
		t.Errorf("go tool otellint version: exit %d, stdout %q, want %q\n%s", r.code, r.stdout, "otellint devel\n", r.stderr)
	}

	// go vet's tool ID: "devel", so go vet keys its cache on the buildID.
	r = run(t, dir, env, "go", "tool", "otellint", "-V=full")
	if f := strings.Fields(r.stdout); r.code != 0 || len(f) != 4 || f[1] != "version" || f[2] != "devel" || !strings.HasPrefix(f[3], "buildID=") {
		t.Errorf("go tool otellint -V=full: exit %d, stdout %q, want otellint version devel buildID=...\n%s", r.code, r.stdout, r.stderr)
	}

	r = run(t, dir, env, "go", "tool", "-n", "otellint")
	tool := strings.TrimSpace(r.stdout)
	if r.code != 0 || tool == "" {
		t.Fatalf("go tool -n otellint: exit %d\n%s", r.code, r.stderr)
	}
	// go vet prints no rule name; it replays a cached result as it printed it.
	r = run(t, dir, env, "go", "vet", "-vettool="+tool, "./...")
	if r.code != 1 || !strings.Contains(r.stderr, strings.Replace(finding, "spanend: ", "", 1)) {
		t.Errorf("go vet -vettool=$(go tool -n otellint): exit %d, want 1 and the finding\n%s", r.code, r.stderr)
	}
}
