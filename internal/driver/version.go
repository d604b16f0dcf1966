package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/otellint/otellint/internal/driver/config"
)

// Version reports the version of the otellint module the binary was built
// from, or "devel" when the build does not say (a build in a checkout
// without version control information, a directory replace).
func Version() string {
	if v := buildVersion(); v != "" {
		return v
	}
	return "devel"
}

// buildVersion is the version of the otellint module from the binary's
// build information, or "".
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return moduleVersion(bi)
}

// moduleVersion returns the version of the module that holds the main
// package of bi, or "" when it has none. That module is the main module
// when otellint is built in its checkout or by go install ...@version, and
// a dependency when go tool or go run builds it in another module (whose
// own version is bi.Main's). A module replaced by a directory has no
// version; one replaced by another module has that module's.
func moduleVersion(bi *debug.BuildInfo) string {
	var m *debug.Module
	if holds(bi.Main.Path, bi.Path) {
		m = &bi.Main
	}
	for _, d := range bi.Deps {
		if holds(d.Path, bi.Path) && (m == nil || len(d.Path) > len(m.Path)) {
			m = d // a nested module holds the packages under its path
		}
	}
	if m == nil {
		return ""
	}
	v := m.Version
	if m.Replace != nil {
		v = m.Replace.Version // "" for a directory
	}
	if v == "(devel)" {
		return ""
	}
	return v
}

// holds reports whether the module path mod holds the package path pkg.
func holds(mod, pkg string) bool {
	return mod != "" && (pkg == mod || strings.HasPrefix(pkg, mod+"/"))
}

// isFullVersion reports whether args ask for the tool ID (-V=full), as go
// vet does before it runs a vet tool.
func isFullVersion(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" {
			return true
		}
	}
	return false
}

// printFullVersion answers -V=full: it prints the tool ID line, which go vet
// makes part of the cache key of every result it keeps for the tool.
func printFullVersion(stdout, stderr io.Writer) int {
	line, err := fullVersionOfExecutable()
	if err != nil {
		fmt.Fprintln(stderr, "otellint: -V=full:", err)
		return ExitError
	}
	fmt.Fprintln(stdout, line)
	return ExitClean
}

func fullVersionOfExecutable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	extra, err := vetIDInputs()
	if err != nil {
		return "", err
	}
	return fullVersion(Version(), f, extra)
}

// vetIDInputs returns what, besides the executable, decides the findings of
// a go vet -vettool run and is not on vet's command line (which go vet
// hashes itself): it is folded into the build ID that -V=full prints, so
// that go vet replays no results computed under other inputs. go vet runs
// -V=full once per go command, in the directory the go command runs in.
// That is the settings file found from there, which go vet applies to
// the module's packages: its name and content. (A file given with -config
// is keyed by its name alone, as a flag: after editing it, go vet -a.)
func vetIDInputs() ([]byte, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	path := config.Find(wd)
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return append([]byte(path+"\x00"), data...), nil
}

// fullVersion returns the -V=full line,
//
//	otellint version <version> buildID=<hash>
//
// where hash is the SHA-256 of the executable's content and of extra. The
// go command (toolID in cmd/go/internal/work/buildid.go) requires the
// second field to be "version"; when the third contains "devel" it keys
// its cache on the last field, which must start with "buildID=", and
// otherwise on the whole line. Either way the key changes with the
// executable: a binary rebuilt under the same version (a local replace, a
// fix on a branch) never replays the results of the old one.
func fullVersion(version string, exe io.Reader, extra []byte) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, exe); err != nil {
		return "", err
	}
	sum := h.Sum(nil)
	if len(extra) > 0 {
		// The executable's hash, then the extra inputs: no two different
		// pairs hash the same bytes.
		h = sha256.New()
		h.Write(sum)
		h.Write(extra)
		sum = h.Sum(nil)
	}
	if version == "" || strings.ContainsAny(version, " \t\r\n") {
		version = "devel" // one field, as the go command splits the line
	}
	return fmt.Sprintf("otellint version %s buildID=%s", version, hex.EncodeToString(sum)), nil
}
