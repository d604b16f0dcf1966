package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// How -fix changes files
//
// -fix never leaves the code worse than it found it:
//
//   - Every edit is computed before a file is touched. A fix whose
//     position is out of its file, or that touches a file outside the
//     main module (or the go.work modules), is not applied; its finding is
//     still reported.
//   - When two fixes overlap, no file is changed: the conflicting
//     findings are named and every finding is reported.
//   - Every fixed file must parse and its package must type-check, with
//     the fixed files in place of the originals and no error the original
//     did not have (an unused variable counts, as it does for the
//     compiler). A fix that breaks this is dropped with a warning that
//     names its rule and position, and the others are kept.
//   - Files are written to a temporary file in their own directory, which
//     is then renamed over the original with the original's mode. When any
//     temporary file cannot be written (a full disk, a read-only file), none
//     is renamed: the originals stay as they were.
//   - A file keeps its line endings (CRLF) and its byte order mark; fixed
//     files are gofmt-ed.
//
// -fix -diff goes through the same steps and prints the result as a diff.

// fixRun holds what -fix needs.
type fixRun struct {
	stdout, stderr io.Writer
	cwd            string
	res            *loadResult
	fs             fileSystem

	owners   map[string][]*packages.Package // a file's root packages
	baseErrs map[*packages.Package][]string // a package's errors, fixes aside
	extra    map[string]*packages.Package   // packages only fixes import (nil: not found)
}

// fixAndReport applies (or, with diff, prints) the suggested fixes and
// reports the findings left without one; the fixed ones no longer count.
// With diff nothing changes, so every finding counts.
func fixAndReport(stdout, stderr io.Writer, cwd string, res *loadResult, findings []finding, errs []pkgError, diff bool) int {
	fx := &fixRun{stdout: stdout, stderr: stderr, cwd: cwd, res: res, fs: osFS{}}
	return fx.run(findings, len(errs) > 0, diff)
}

// An edit is a text edit in byte offsets of one file.
type edit struct {
	start, end int
	text       string
}

// A candidate is the first suggested fix of one finding, as edits by file.
type candidate struct {
	f     finding
	edits map[string][]edit // sorted, without duplicates
	files []string          // the keys of edits, sorted
	size  map[string]int    // the size of each file when it was loaded
}

func (fx *fixRun) run(findings []finding, failed, showDiff bool) int {
	fx.owners = map[string][]*packages.Package{}
	for _, p := range fx.res.roots {
		for _, name := range p.CompiledGoFiles {
			fx.owners[name] = append(fx.owners[name], p)
		}
	}
	fx.baseErrs = map[*packages.Package][]string{}

	var cands []*candidate
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			continue
		}
		c, err := newCandidate(f)
		if err != nil {
			fx.warnFix(f, err.Error())
			continue
		}
		cands = append(cands, c)
	}
	cands = fx.mainModuleOnly(cands)
	cands = fx.wellTypedOnly(cands)

	if conflicts := findConflicts(cands); len(conflicts) > 0 {
		for _, pair := range conflicts {
			fmt.Fprintf(fx.stderr, "otellint: -fix: conflicting fixes:\n\t%s\n\t%s\n", fx.describe(pair[0].f), fx.describe(pair[1].f))
		}
		fmt.Fprintln(fx.stderr, "otellint: -fix: no file was changed (apply these fixes one at a time, or by hand)")
		return fx.report(findings, nil, true)
	}

	src, err := readSources(cands)
	if err != nil {
		fmt.Fprintf(fx.stderr, "otellint: -fix: %s; no file was changed\n", fx.rel(err))
		return fx.report(findings, nil, true)
	}
	accepted, out := fx.verify(cands, src)
	fixed := map[*candidate]bool{}
	for _, c := range accepted {
		fixed[c] = true
	}
	names := make([]string, 0, len(out))
	for name, data := range out {
		if !bytes.Equal(data, src[name]) {
			names = append(names, name)
		}
	}
	sort.Strings(names)

	if showDiff {
		for _, name := range names {
			rel := filepath.ToSlash(relPath(fx.cwd, name))
			io.WriteString(fx.stdout, unifiedDiff("a/"+rel, "b/"+rel, string(src[name]), string(out[name])))
		}
		fx.report(findings, fixed, false)
		return exitCode(failed, len(findings))
	}
	if err := writeFiles(fx.fs, names, out); err != nil {
		fmt.Fprintf(fx.stderr, "otellint: -fix: %s\n", fx.rel(err))
		return fx.report(findings, nil, true)
	}
	return fx.report(findings, fixed, failed)
}

// report prints the findings that no applied fix fixed, and returns the
// exit code.
func (fx *fixRun) report(findings []finding, fixed map[*candidate]bool, failed bool) int {
	done := map[string]bool{}
	for c := range fixed {
		done[findingKey(c.f)] = true
	}
	n := 0
	for _, f := range findings {
		if done[findingKey(f)] {
			continue
		}
		printText(fx.stdout, fx.cwd, f)
		n++
	}
	return exitCode(failed, n)
}

func findingKey(f finding) string {
	return fmt.Sprintf("%s\x00%d\x00%s", f.rule.Name, f.diag.Pos, f.diag.Message)
}

// describe names a finding as the text output does: position, rule,
// message.
func (fx *fixRun) describe(f finding) string {
	p := f.act.Package.Fset.Position(f.diag.Pos)
	p.Filename = relPath(fx.cwd, p.Filename)
	return fmt.Sprintf("%s: %s: %s", p, f.rule.Name, f.diag.Message)
}

// warnFix says why the fix of f is not applied.
func (fx *fixRun) warnFix(f finding, why string) {
	p := f.act.Package.Fset.Position(f.diag.Pos)
	p.Filename = relPath(fx.cwd, p.Filename)
	fmt.Fprintf(fx.stderr, "otellint: %s: %s: fix %q not applied: %s\n", p, f.rule.Name, f.diag.SuggestedFixes[0].Message, why)
}

// rel rewrites the absolute paths under the working directory in an
// error message as relative ones.
func (fx *fixRun) rel(err error) string {
	msg := err.Error()
	if fx.cwd != "" {
		msg = strings.ReplaceAll(msg, fx.cwd+string(filepath.Separator), "")
	}
	return msg
}

func newCandidate(f finding) (*candidate, error) {
	fset := f.act.Package.Fset
	c := &candidate{f: f, edits: map[string][]edit{}, size: map[string]int{}}
	for _, e := range f.diag.SuggestedFixes[0].TextEdits {
		file := fset.File(e.Pos)
		if file == nil {
			return nil, errors.New("an edit has no valid position")
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		start, stop := int(e.Pos)-file.Base(), int(end)-file.Base()
		if stop < start || stop > file.Size() {
			return nil, fmt.Errorf("an edit spans %d:%d of %s, a file of %d bytes", start, stop, filepath.Base(file.Name()), file.Size())
		}
		name := file.Name()
		c.edits[name] = append(c.edits[name], edit{start, stop, string(e.NewText)})
		c.size[name] = file.Size()
	}
	for name, edits := range c.edits {
		edits, conflict := sortEdits(edits)
		if conflict {
			return nil, errors.New("its own edits overlap")
		}
		c.edits[name] = edits
		c.files = append(c.files, name)
	}
	sort.Strings(c.files)
	return c, nil
}

// sortEdits sorts edits and drops duplicates; it reports whether two of
// them overlap (or insert different text at the same offset).
func sortEdits(edits []edit) ([]edit, bool) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	out := edits[:0]
	for _, e := range edits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last == e {
				continue
			}
			if overlap(last, e) {
				return nil, true
			}
		}
		out = append(out, e)
	}
	return out, false
}

// overlap reports whether e, which does not sort before prev, overlaps
// it: it starts inside prev, or both insert at the same offset.
func overlap(prev, e edit) bool {
	return e.start < prev.end || (e.start == prev.start && e.start == e.end && prev.start == prev.end)
}

// mainModuleOnly drops, with a warning per package, the fixes that touch
// a file outside the main modules: a dependency (in the module cache or
// replaced by a directory), the standard library, a file that cgo
// generated.
func (fx *fixRun) mainModuleOnly(cands []*candidate) []*candidate {
	var out []*candidate
	warned := map[string]bool{}
	for _, c := range cands {
		why := ""
		for _, name := range c.files {
			if why = fx.notInMainModule(c.f.act.Package, name); why != "" {
				break
			}
		}
		if why == "" {
			out = append(out, c)
			continue
		}
		if !warned[why] {
			warned[why] = true
			fmt.Fprintf(fx.stderr, "otellint: -fix: %s; only the files of the main module and of the go.work modules are changed, its findings are reported unfixed\n", why)
		}
	}
	return out
}

// notInMainModule says why -fix must not change the named file of p, or
// returns "".
func (fx *fixRun) notInMainModule(p *packages.Package, name string) string {
	m := p.Module
	switch {
	case m == nil:
		return fmt.Sprintf("not changing package %s: it is in no module (the standard library or GOPATH)", p.PkgPath)
	case !m.Main:
		where := m.Path
		if m.Version != "" {
			where += "@" + m.Version
		}
		if m.Replace != nil {
			where += " => " + m.Replace.Path
			if m.Replace.Version != "" {
				where += "@" + m.Replace.Version
			}
		}
		return fmt.Sprintf("not changing package %s: its module %s is a dependency, not a main module", p.PkgPath, where)
	case m.Dir == "" || !within(m.Dir, name) || !slices.Contains(p.GoFiles, name):
		return fmt.Sprintf("not changing %s: it is not a source file of package %s in %s (cgo, for one, generates files elsewhere)", relPath(fx.cwd, name), p.PkgPath, relPath(fx.cwd, m.Dir))
	}
	return ""
}

// within reports whether path is in dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// wellTypedOnly drops the fixes whose fixed code cannot be checked: in a
// package that does not type-check without them, or in a file that is not
// compiled as it is.
func (fx *fixRun) wellTypedOnly(cands []*candidate) []*candidate {
	var out []*candidate
	for _, c := range cands {
		why := ""
		for _, name := range c.files {
			if len(fx.owners[name]) == 0 {
				why = fmt.Sprintf("%s is not compiled as it is written (cgo, for one, rewrites files), so the fixed code cannot be checked", relPath(fx.cwd, name))
				break
			}
		}
		for _, p := range fx.packagesOf(c) {
			if why == "" && p.IllTyped {
				why = fmt.Sprintf("package %s does not compile without the fix, so the fixed code cannot be checked", p.ID)
			}
		}
		if why != "" {
			fx.warnFix(c.f, why)
			continue
		}
		out = append(out, c)
	}
	return out
}

// findConflicts returns the pairs of fixes that overlap, in the order of
// their findings.
func findConflicts(cands []*candidate) [][2]*candidate {
	type owned struct {
		edit
		c *candidate
	}
	byFile := map[string][]owned{}
	for _, c := range cands {
		for name, edits := range c.edits {
			for _, e := range edits {
				byFile[name] = append(byFile[name], owned{e, c})
			}
		}
	}
	index := map[*candidate]int{}
	for i, c := range cands {
		index[c] = i
	}
	seen := map[[2]*candidate]bool{}
	var pairs [][2]*candidate
	for _, edits := range byFile {
		sort.SliceStable(edits, func(i, j int) bool {
			if edits[i].start != edits[j].start {
				return edits[i].start < edits[j].start
			}
			return edits[i].end < edits[j].end
		})
		// Sweep: reach is the edit reaching furthest so far, last the one
		// before; an identical edit of another fix is the same change.
		var reach, last *owned
		for i := range edits {
			e := &edits[i]
			for _, prev := range []*owned{last, reach} {
				if prev == nil || prev.c == e.c || prev.edit == e.edit || !overlap(prev.edit, e.edit) {
					continue
				}
				a, b := prev.c, e.c
				if index[a] > index[b] {
					a, b = b, a
				}
				if !seen[[2]*candidate{a, b}] {
					seen[[2]*candidate{a, b}] = true
					pairs = append(pairs, [2]*candidate{a, b})
				}
				break
			}
			if reach == nil || e.end > reach.end {
				reach = e
			}
			last = e
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if index[pairs[i][0]] != index[pairs[j][0]] {
			return index[pairs[i][0]] < index[pairs[j][0]]
		}
		return index[pairs[i][1]] < index[pairs[j][1]]
	})
	return pairs
}

// readSources reads every file a fix touches, and fails if one changed
// size since it was loaded (the fixes' offsets would be wrong).
func readSources(cands []*candidate) (map[string][]byte, error) {
	src := map[string][]byte{}
	for _, c := range cands {
		for _, name := range c.files {
			if _, ok := src[name]; ok {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			if len(data) != c.size[name] {
				return nil, fmt.Errorf("%s changed while otellint ran", name)
			}
			src[name] = data
		}
	}
	return src, nil
}

// verify returns the fixes whose fixed code parses and type-checks, and
// the content of every file they touch. The fixes are tried all at once;
// when a package fails, the fixes that touch it are tried one by one, in
// the order of their findings, and those that break it are dropped with a
// warning.
func (fx *fixRun) verify(cands []*candidate, src map[string][]byte) ([]*candidate, map[string][]byte) {
	accepted := cands
	toCheck := fx.packagesOfAll(accepted)
	for {
		out, outErr := fixedContents(accepted, src)
		bad := map[*packages.Package]bool{}
		for _, p := range toCheck {
			if fx.check(p, out, outErr) != "" {
				bad[p] = true
			}
		}
		if len(bad) == 0 {
			return accepted, out
		}
		var kept, suspects []*candidate
		for _, c := range accepted {
			if slices.ContainsFunc(fx.packagesOf(c), func(p *packages.Package) bool { return bad[p] }) {
				suspects = append(suspects, c)
			} else {
				kept = append(kept, c)
			}
		}
		dropped := 0
		for _, s := range suspects {
			trial := append(slices.Clip(kept), s)
			out, outErr := fixedContents(trial, src)
			why := ""
			for _, p := range fx.packagesOf(s) {
				if why = fx.check(p, out, outErr); why != "" {
					break
				}
			}
			if why != "" {
				fx.warnFix(s.f, "the fixed code would not compile: "+why)
				dropped++
				continue
			}
			kept = trial
		}
		if dropped == 0 {
			// Cannot happen: together the suspects broke a package that
			// each of them, added one by one, left compiling. Keep none.
			for _, s := range suspects {
				fx.warnFix(s.f, "the fixed code would not compile")
			}
			kept = slices.DeleteFunc(kept, func(c *candidate) bool { return slices.Contains(suspects, c) })
		}
		// Check again what the suspects touch: the kept ones together,
		// and the files that a dropped one shared with other packages.
		toCheck = fx.packagesOfAll(suspects)
		accepted = kept
	}
}

// packagesOf returns the root packages that a fix touches.
func (fx *fixRun) packagesOf(c *candidate) []*packages.Package {
	var out []*packages.Package
	for _, name := range c.files {
		for _, p := range fx.owners[name] {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func (fx *fixRun) packagesOfAll(cands []*candidate) []*packages.Package {
	var out []*packages.Package
	seen := map[*packages.Package]bool{}
	for _, c := range cands {
		for _, p := range fx.packagesOf(c) {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// fixedContents applies the fixes to the sources: the new content of each
// file, or why it does not parse.
func fixedContents(cands []*candidate, src map[string][]byte) (map[string][]byte, map[string]error) {
	edits := map[string][]edit{}
	for _, c := range cands {
		for name, es := range c.edits {
			edits[name] = append(edits[name], es...)
		}
	}
	out := map[string][]byte{}
	errs := map[string]error{}
	for name, es := range edits {
		es, _ := sortEdits(es) // the conflicts are ruled out already
		data, err := fixFile(name, src[name], es)
		if err != nil {
			errs[name] = err
			continue
		}
		out[name] = data
	}
	return out, errs
}

var utf8BOM = []byte("\ufeff")

// fixFile applies sorted edits to a file and gofmts the result, keeping
// the file's byte order mark and, when most of its lines end in CRLF, its
// line endings. It fails when the result does not parse.
func fixFile(name string, src []byte, edits []edit) ([]byte, error) {
	crlf := bytes.Count(src, []byte("\r\n"))*2 > bytes.Count(src, []byte("\n"))
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	out := buf.Bytes()
	bom := bytes.HasPrefix(out, utf8BOM)
	out = bytes.TrimPrefix(out, utf8BOM)
	// Parse first, for errors that name the file.
	if _, err := parser.ParseFile(token.NewFileSet(), name, out, parser.ParseComments|parser.SkipObjectResolution); err != nil {
		return nil, firstError(err)
	}
	formatted, err := format.Source(out)
	if err != nil {
		return nil, firstError(err)
	}
	if crlf {
		formatted = bytes.ReplaceAll(formatted, []byte("\n"), []byte("\r\n"))
	}
	if bom {
		formatted = append(slices.Clip(utf8BOM), formatted...)
	}
	return formatted, nil
}

func firstError(err error) error {
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		return list[0]
	}
	return err
}

// check type-checks root package p with the fixed files in place of the
// originals. It returns the first error that the original package does
// not have, or "".
func (fx *fixRun) check(p *packages.Package, out map[string][]byte, outErr map[string]error) string {
	changed := false
	for _, name := range p.CompiledGoFiles {
		if err, ok := outErr[name]; ok {
			return fx.fixedPosition(err.Error())
		}
		if _, ok := out[name]; ok {
			changed = true
		}
	}
	if !changed {
		return ""
	}
	errs, err := fx.typeCheck(p, out)
	if err != nil {
		return fx.fixedPosition(err.Error())
	}
	if len(errs) == 0 {
		return ""
	}
	base, ok := fx.baseErrs[p]
	if !ok {
		// The original's errors, soft ones included (an unused variable
		// the loader lets pass): only new ones count against a fix.
		base, _ = fx.typeCheck(p, nil)
		fx.baseErrs[p] = base
	}
	known := map[string]int{}
	for _, e := range base {
		known[errorText(e)]++
	}
	for _, e := range errs {
		if known[errorText(e)] > 0 {
			known[errorText(e)]--
			continue
		}
		return fx.fixedPosition(e)
	}
	return ""
}

// errorText is a type error without its position, which a fix moves.
func errorText(e string) string {
	// "file:line:col: msg"
	parts := strings.SplitN(e, ": ", 2)
	if len(parts) == 2 {
		return parts[1]
	}
	return e
}

// fixedPosition marks an error position as one in the fixed file.
func (fx *fixRun) fixedPosition(msg string) string {
	msg = fx.rel(errors.New(msg))
	if name, rest, ok := strings.Cut(msg, ": "); ok && strings.Contains(name, ":") {
		return name + " (after the fix): " + rest
	}
	return msg
}

// typeCheck type-checks p's files, with the content of out for those it
// names, against the already loaded imports. It returns every error, soft
// ones included, or the error that stopped the parse.
func (fx *fixRun) typeCheck(p *packages.Package, out map[string][]byte) ([]string, error) {
	fset := p.Fset
	files := make([]*ast.File, 0, len(p.Syntax))
	for _, f := range p.Syntax {
		name := fset.File(f.FileStart).Name()
		data, ok := out[name]
		if !ok {
			files = append(files, f)
			continue
		}
		nf, err := parser.ParseFile(fset, name, data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, firstError(err)
		}
		files = append(files, nf)
	}
	var errs []string
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return fx.importPackage(p, path) }),
		Sizes:    p.TypesSizes,
		Error:    func(err error) { errs = append(errs, err.Error()) },
	}
	if conf.Sizes == nil {
		conf.Sizes = types.SizesFor("gc", runtime.GOARCH)
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(conf, fset, types.NewPackage(p.PkgPath, p.Name), nil).Files(files)
	return errs, nil
}

// importPackage resolves an import of p's fixed code: one of p's imports,
// or, for an import a fix adds (the OTel codes package), the package of
// the graph, read from export data if nothing read it whole yet.
func (fx *fixRun) importPackage(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if imp, ok := p.Imports[path]; ok && imp.Types != nil {
		return imp.Types, nil
	}
	dep, ok := fx.res.byPath[path]
	if !ok && len(p.GoFiles) > 0 {
		dep = fx.extraPackage(filepath.Dir(p.GoFiles[0]), path)
		ok = dep != nil
	}
	if !ok || dep.Types == nil {
		return nil, fmt.Errorf("could not import %s (not a dependency of the packages loaded, nor of their module)", path)
	}
	if !dep.Types.Complete() && fx.res.loader != nil {
		fx.res.loader.fromExport(dep)
	}
	if !dep.Types.Complete() {
		return nil, fmt.Errorf("could not import %s (no export data; does it build?)", path)
	}
	return dep.Types, nil
}

// extraPackage returns the package path, which a fix imports and no
// package of the graph depends on (otelgrpc's filters package in a module
// that requires otelgrpc), listed from dir, so from its module's build
// list: a placeholder in the graph's types, completed from export data by
// importPackage. Its dependencies that the graph has keep their
// *types.Package, so that types stay identical across the two. It returns
// nil when the go command cannot list or build it.
func (fx *fixRun) extraPackage(dir, path string) *packages.Package {
	if p, ok := fx.extra[path]; ok {
		return p
	}
	if fx.extra == nil {
		fx.extra = map[string]*packages.Package{}
	}
	fx.extra[path] = nil
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile,
		Dir:  dir,
	}
	pkgs, err := packages.Load(cfg, path)
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 || pkgs[0].ExportFile == "" {
		return nil
	}
	memo := map[*packages.Package]*packages.Package{}
	var canon func(q *packages.Package) *packages.Package
	canon = func(q *packages.Package) *packages.Package {
		if c, ok := memo[q]; ok {
			return c
		}
		if c, ok := fx.res.byPath[q.PkgPath]; ok {
			memo[q] = c
			return c
		}
		memo[q] = q
		if q.PkgPath == "unsafe" {
			q.Types = types.Unsafe
		} else {
			q.Types = types.NewPackage(q.PkgPath, q.Name)
		}
		for k, imp := range q.Imports {
			q.Imports[k] = canon(imp)
		}
		fx.res.byPath[q.PkgPath] = q
		return q
	}
	if fx.res.byPath == nil {
		fx.res.byPath = map[string]*packages.Package{}
	}
	p := canon(pkgs[0])
	fx.extra[path] = p
	return p
}

// A fileSystem is what writeFiles needs of the operating system, so that
// tests can make it fail.
type fileSystem interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
}

type tempFile interface {
	io.Writer
	Name() string
	Chmod(os.FileMode) error
	Sync() error
	Close() error
}

type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
func (osFS) Rename(oldpath, newpath string) error             { return os.Rename(oldpath, newpath) }
func (osFS) Remove(name string) error                         { return os.Remove(name) }

// writeFiles replaces the named files with their new content, all or
// none: each is written to a temporary file in its directory (through a
// symbolic link, in the link target's), and only when all are written are
// they renamed over the originals, with the originals' modes.
func writeFiles(fs fileSystem, names []string, content map[string][]byte) (err error) {
	type pending struct {
		name, target, tmp string
	}
	var ps []pending
	defer func() {
		if err != nil {
			for _, p := range ps {
				if p.tmp != "" {
					fs.Remove(p.tmp)
				}
			}
		}
	}()
	for _, name := range names {
		target, err := filepath.EvalSymlinks(name)
		if err != nil {
			return fmt.Errorf("cannot write %s: %v; no file was changed", name, err)
		}
		info, err := os.Stat(target)
		if err != nil {
			return fmt.Errorf("cannot write %s: %v; no file was changed", name, err)
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("cannot write %s: not a regular file; no file was changed", name)
		}
		if info.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("cannot write %s: the file is read-only; no file was changed", name)
		}
		ps = append(ps, pending{name: name, target: target})
		tmp, err := writeTemp(fs, target, content[name], info.Mode().Perm())
		if err != nil {
			return fmt.Errorf("cannot write %s: %v; no file was changed", name, err)
		}
		ps[len(ps)-1].tmp = tmp
	}
	for i, p := range ps {
		if err := fs.Rename(p.tmp, p.target); err != nil {
			var done, left []string
			for _, q := range ps[:i] {
				done = append(done, q.name)
			}
			for _, q := range ps[i:] {
				left = append(left, q.name)
			}
			ps = ps[i:]
			msg := fmt.Sprintf("cannot replace %s: %v; unchanged: %s", p.name, err, strings.Join(left, ", "))
			if len(done) > 0 {
				msg += "; already fixed: " + strings.Join(done, ", ")
			}
			return errors.New(msg)
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file next to target and
// returns its name.
func writeTemp(fs fileSystem, target string, data []byte, mode os.FileMode) (string, error) {
	// A leading dot: the go command ignores the file if it is left behind.
	f, err := fs.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".otellint-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fs.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
