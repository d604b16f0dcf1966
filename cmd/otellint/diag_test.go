package main_test

import (
	"strings"
	"testing"
)

// TestCgo: a file that imports "C" is analysed, standalone and under go
// vet (cmd/cgo's rewrite of it, which the analyzers see, carries a "Code
// generated" header), and its finding points at the original file.
func TestCgo(t *testing.T) {
	const want = `spanend/cgo/cgo.go:19:13: spanend: span "twice" is not ended on all paths`
	r := run(t, testdataModule(t), nil, binary, "./spanend/cgo")
	if r.code != 3 || !strings.Contains(r.stdout, want) || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("standalone: exit code %d, want 3 and one finding: %s\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
	env := []string{"GOCACHE=" + t.TempDir()}
	r = run(t, testdataModule(t), env, "go", "vet", "-vettool="+binary, "./spanend/cgo")
	if r.code != 1 || !strings.Contains(r.stderr, strings.Replace(want, "spanend: ", "", 1)) {
		t.Errorf("go vet: exit code %d, want 1 and the finding %s\n%s", r.code, want, r.stderr)
	}
}

// TestDirectives: each malformed //otellint:ignore is reported once, by
// otellint itself and not by each rule that runs, standalone and under go
// vet; and a misspelt rule name is reported although no rule of that name
// runs.
func TestDirectives(t *testing.T) {
	wants := []string{
		`directives.go:23:2: otellint: otellint:ignore directive names unknown rule "spanedn"`,
		`directives.go:29:2: otellint: otellint:ignore directive names unknown rule "nosuch"`,
		`directives.go:35:2: otellint: otellint:ignore directive names no rule`,
		`directives.go:41:2: otellint: otellint:ignore directive separates its rules with a space: it applies to spanctx only, not to spanend`,
		`directives.go:47:2: otellint: otellint:ignore directive has no reason`,
	}
	r := run(t, testdataModule(t), nil, binary, "./suppress/directives")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3\n%s", r.code, r.stderr)
	}
	for _, w := range wants {
		if n := strings.Count(r.stdout, w); n != 1 {
			t.Errorf("standalone: %d lines with %q, want 1:\n%s", n, w, r.stdout)
		}
	}
	if n := strings.Count(r.stdout, "otellint:ignore directive"); n != 9 {
		t.Errorf("standalone: %d directive findings, want 9 (8 malformed, 1 suppressing nothing):\n%s", n, r.stdout)
	}
	// A directive that suppresses nothing is still its rule's to report.
	if !strings.Contains(r.stdout, "directives.go:41:2: spanctx: otellint:ignore directive suppresses no spanctx finding") {
		t.Errorf("standalone: the unused spanctx directive is not reported by spanctx:\n%s", r.stdout)
	}
	env := []string{"GOCACHE=" + t.TempDir()}
	r = run(t, testdataModule(t), env, "go", "vet", "-vettool="+binary, "./suppress/directives")
	if r.code != 1 {
		t.Errorf("go vet: exit code %d, want 1\n%s", r.code, r.stderr)
	}
	for _, w := range wants {
		w = strings.Replace(w, "otellint: ", "", 1)
		if n := strings.Count(r.stderr, w); n != 1 {
			t.Errorf("go vet: %d lines with %q, want 1:\n%s", n, w, r.stderr)
		}
	}
}
