package driver

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Baselines
//
// A baseline file records the findings a project has accepted for now, so
// that otellint can be adopted on existing code and still fail on every
// new finding. Its entries are finding identities (see identity.go): no
// line numbers, so that unrelated edits do not turn old findings into new
// ones, and an occurrence index, so that a second finding identical to an
// accepted one is new.

// baselineVersion is the format version of the baseline file. A file with
// another version is rejected rather than misread.
const baselineVersion = 1

// baselineFile is the baseline as written to disk: sorted entries, so that
// rewriting it for the same findings changes nothing and a change reviews
// as a small diff.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	identity
	// Fingerprint is the identity's hash, as in the SARIF output's
	// partialFingerprints["otellint/v1"], to find an entry from a SARIF
	// result. Matching uses the identity fields, not this.
	Fingerprint string `json:"fingerprint"`
}

// readBaseline reads a baseline file. It reports fs.ErrNotExist (wrapped)
// when the file does not exist.
func readBaseline(path string) ([]identity, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("reading baseline %s: %w", path, err)
	}
	var bf baselineFile
	if err := json.Unmarshal(data, &bf); err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: format version %d, want %d (rewrite it with -baseline-update)", path, bf.Version, baselineVersion)
	}
	ids := make([]identity, len(bf.Findings))
	for i, e := range bf.Findings {
		ids[i] = e.identity
	}
	return ids, nil
}

// writeBaseline writes the identities to path, sorted, replacing the file
// only once the new content is complete. When path is a symbolic link, the
// file it points to is replaced and the link kept. Errors name path, not
// the temporary file the content is written to first.
func writeBaseline(path string, ids []identity) error {
	bf := baselineFile{Version: baselineVersion, Tool: "otellint", Findings: []baselineEntry{}}
	for _, id := range ids {
		bf.Findings = append(bf.Findings, baselineEntry{identity: id, Fingerprint: id.fingerprint()})
	}
	slices.SortFunc(bf.Findings, func(a, b baselineEntry) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Occurrence, b.Occurrence),
		)
	})
	data, err := json.MarshalIndent(bf, "", "\t")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	fail := func(err error) error {
		var pe *fs.PathError
		var le *os.LinkError
		switch {
		case errors.As(err, &pe):
			err = pe.Err
		case errors.As(err, &le):
			err = le.Err
		}
		return fmt.Errorf("writing baseline %s: %v", path, err)
	}
	target, err := linkTarget(path)
	if err != nil {
		return fail(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), filepath.Base(target)+".tmp*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fail(err)
	}
	return nil
}

// linkTarget returns the file that path names after following symbolic
// links, which need not exist yet: path itself when it is no link.
func linkTarget(path string) (string, error) {
	for range 255 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil // a missing file is created where path says
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// filterBaseline splits findings into those not in the baseline (returned
// with their identities) and counts the suppressed ones and the baseline
// entries that matched no finding (fixed since, or changed).
func filterBaseline(findings []finding, ids []identity, base []identity) (kept []finding, keptIDs []identity, suppressed, stale int) {
	accepted := make(map[identity]bool, len(base))
	for _, id := range base {
		accepted[id] = true
	}
	matched := map[identity]bool{}
	for i, f := range findings {
		if accepted[ids[i]] {
			matched[ids[i]] = true
			suppressed++
			continue
		}
		kept = append(kept, f)
		keptIDs = append(keptIDs, ids[i])
	}
	return kept, keptIDs, suppressed, len(accepted) - len(matched)
}

// baselineOptions are the -baseline flags.
type baselineOptions struct {
	path   string // -baseline; "" for none
	update bool   // -baseline-update
}

// baselineResult is what applying a baseline did, for the caller to
// report and to set the exit code by.
type baselineResult struct {
	findings   []finding
	ids        []identity
	wrote      bool // the baseline was (re)written with every finding
	suppressed int  // findings the baseline accounts for: all of them when it was written
	stale      int  // baseline entries that matched no finding
}

// applyBaseline writes the baseline when it does not exist or when asked
// to update it, and otherwise drops the findings it records. It refuses to
// write a baseline when packages failed to load or analyse, since the
// findings of those packages would be missing from it.
func applyBaseline(opt baselineOptions, findings []finding, ids []identity, failed bool) (baselineResult, error) {
	var base []identity
	write := opt.update
	if !write {
		var err error
		base, err = readBaseline(opt.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			write = true
		case err != nil:
			return baselineResult{}, err
		}
	}
	if write {
		if failed {
			return baselineResult{}, fmt.Errorf("not writing baseline %s: some packages failed to load or analyse, so their findings are unknown", opt.path)
		}
		if err := writeBaseline(opt.path, ids); err != nil {
			return baselineResult{}, err
		}
		return baselineResult{wrote: true, suppressed: len(findings)}, nil
	}
	kept, keptIDs, suppressed, stale := filterBaseline(findings, ids, base)
	return baselineResult{findings: kept, ids: keptIDs, suppressed: suppressed, stale: stale}, nil
}
