package driver

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

// goToolID is how the go command reads a vet tool's -V=full line: toolID
// in $GOROOT/src/cmd/go/internal/work/buildid.go (Go 1.26), for -vettool
// (whose first field it does not check). The result is the tool's part of
// every vet cache key.
func goToolID(line string) (string, bool) {
	f := strings.Fields(line)
	if len(f) < 3 || f[1] != "version" || strings.Contains(f[2], "devel") && !strings.HasPrefix(f[len(f)-1], "buildID=") {
		return "", false
	}
	if strings.Contains(f[2], "devel") {
		id := f[len(f)-1]
		return id[strings.LastIndex(id, "/")+1:], true // contentID
	}
	return strings.TrimSpace(line), true
}

// TestFullVersion: the -V=full line parses as the go command parses it,
// says the version, and gives another tool ID when the executable or the
// extra inputs change, whatever the version.
func TestFullVersion(t *testing.T) {
	for _, version := range []string{"v0.2.0", "devel", "v0.2.1-0.20261203170000-0123456789ab+dirty", ""} {
		ids := map[string]string{}
		for _, in := range []struct {
			name       string
			exe, extra string
		}{
			{"binary", "binary", ""},
			{"rebuilt binary", "binary, rebuilt", ""},
			{"config", "binary", "rules: {spanctx: false}"},
			{"other config", "binary", "rules: {spanend: false}"},
		} {
			line, err := fullVersion(version, strings.NewReader(in.exe), []byte(in.extra))
			if err != nil {
				t.Fatal(err)
			}
			want := version
			if want == "" {
				want = "devel"
			}
			if !strings.HasPrefix(line, "otellint version "+want+" buildID=") || strings.Count(line, " ") != 3 {
				t.Errorf("%s, %s: -V=full prints %q, want otellint version %s buildID=...", version, in.name, line, want)
			}
			id, ok := goToolID(line)
			if !ok {
				t.Errorf("%s, %s: the go command cannot parse %q", version, in.name, line)
				continue
			}
			if prev, ok := ids[id]; ok {
				t.Errorf("%s: %s and %s have the same tool ID %s", version, prev, in.name, id)
			}
			ids[id] = in.name
		}
	}
	// Deterministic: the same inputs, the same line.
	a, _ := fullVersion("v0.2.0", strings.NewReader("x"), []byte("y"))
	b, _ := fullVersion("v0.2.0", strings.NewReader("x"), []byte("y"))
	if a != b {
		t.Errorf("the same inputs give %q and %q", a, b)
	}
}

// TestRunFullVersion: -V=full, as go vet passes it, answers for the
// running executable, before unitchecker would.
func TestRunFullVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"-V=full"}, &stdout, &stderr); code != ExitClean {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	line := strings.TrimSuffix(stdout.String(), "\n")
	if _, ok := goToolID(line); !ok || !strings.HasPrefix(line, "otellint version "+Version()+" buildID=") {
		t.Errorf("-V=full prints %q", stdout.String())
	}
}

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}} {
		var stdout, stderr bytes.Buffer
		if code := Run(args, &stdout, &stderr); code != ExitClean || stdout.String() != "otellint "+Version()+"\n" {
			t.Errorf("otellint %v: exit %d, stdout %q, stderr %q", args, code, stdout.String(), stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"version", "./..."}, &stdout, &stderr); code != ExitUsage {
		t.Errorf("otellint version ./...: exit %d, want %d", code, ExitUsage)
	}
}

// TestModuleVersion: the version is the otellint module's, wherever it
// sits in the build.
func TestModuleVersion(t *testing.T) {
	const cmd = "github.com/otellint/otellint/cmd/otellint"
	mod := func(path, version string, replace *debug.Module) *debug.Module {
		return &debug.Module{Path: path, Version: version, Replace: replace}
	}
	for _, c := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"go install @version", debug.BuildInfo{Path: cmd, Main: *mod("github.com/otellint/otellint", "v0.2.0", nil)}, "v0.2.0"},
		{"checkout without VCS stamp", debug.BuildInfo{Path: cmd, Main: *mod("github.com/otellint/otellint", "(devel)", nil)}, ""},
		{"go tool, required", debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "(devel)", nil),
			Deps: []*debug.Module{mod("golang.org/x/tools", "v0.52.0", nil), mod("github.com/otellint/otellint", "v0.2.0", nil)}}, "v0.2.0"},
		{"go tool, replaced by a directory", debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "v1.0.0", nil),
			Deps: []*debug.Module{mod("github.com/otellint/otellint", "v0.0.0", mod("../otellint", "", nil))}}, ""},
		{"go tool, replaced by a fork", debug.BuildInfo{Path: cmd, Main: *mod("example.com/app", "v1.0.0", nil),
			Deps: []*debug.Module{mod("github.com/otellint/otellint", "v0.2.0", mod("example.com/fork", "v0.2.1", nil))}}, "v0.2.1"},
		{"go run file.go", debug.BuildInfo{Path: "command-line-arguments", Main: *mod("example.com/app", "v1.0.0", nil)}, ""},
		{"a module beside otellint's prefix", debug.BuildInfo{Path: cmd, Main: *mod("github.com/otellint/otel", "v9.0.0", nil)}, ""},
	} {
		if got := moduleVersion(&c.bi); got != c.want {
			t.Errorf("%s: version %q, want %q", c.name, got, c.want)
		}
	}
}
