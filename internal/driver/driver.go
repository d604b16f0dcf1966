// Package driver runs the otellint suite: standalone over packages
// (otellint ./...), or as a go vet tool (go vet -vettool=$(which otellint)),
// with text, JSON, SARIF and fix output, and an optional baseline of
// accepted findings.
package driver

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/otellint/otellint/analyzers"
	"github.com/otellint/otellint/internal/driver/config"
)

// Exit codes, following the go/analysis drivers.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // packages failed to load or type-check, or an analyzer failed
	ExitUsage    = 2 // bad flags or arguments
	ExitFindings = 3 // findings were reported
)

// Main runs otellint with os.Args and exits.
func Main() {
	os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
}

// isVetInvocation reports whether the go command is running us as a vet
// tool: it first asks for -V=full and -flags, then passes a unit.cfg file.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Run is Main without the exit, for tests.
func Run(args []string, stdout, stderr io.Writer) int {
	if isFullVersion(args) {
		// go vet's tool ID, before unitchecker (whose line says "devel"
		// whatever the version).
		return printFullVersion(stdout, stderr)
	}
	if isVetInvocation(args) {
		runVet(args)
		return ExitClean // not reached
	}
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "version" {
		if len(args) > 1 {
			fmt.Fprintln(stderr, "otellint: usage: otellint version")
			return ExitUsage
		}
		fmt.Fprintln(stdout, "otellint", Version())
		return ExitClean
	}

	fs := flag.NewFlagSet("otellint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		format     = fs.String("format", formatText, "output `format`: text, json (the go/analysis JSON tree) or sarif (SARIF 2.1.0, for GitHub code scanning)")
		jsonOut    = fs.Bool("json", false, "same as -format json")
		sarifOut   = fs.Bool("sarif", false, "same as -format sarif")
		baseline   = fs.String("baseline", "", "report only the findings not recorded in `file`; when it does not exist, record every finding in it and exit 0")
		baseUpdate = fs.Bool("baseline-update", false, "with -baseline, rewrite the baseline file with the current findings")
		fix        = fs.Bool("fix", false, "apply suggested fixes")
		diff       = fs.Bool("diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
		tests      = fs.Bool("test", true, "also analyse test files and packages")
		tags       = fs.String("tags", "", "comma-separated build tags")
		stats      = fs.Bool("stats", false, "print load statistics to standard error")
		cpuprofile = fs.String("cpuprofile", "", "write a CPU profile to `file`")
		memprofile = fs.String("memprofile", "", "write a heap profile to `file` when the analysis ends (or at exit)")
		version    = fs.Bool("version", false, "print the version and exit")
		configFile = fs.String("config", "", "read settings from `file` (default: the first .otellint.yml from the working directory up to the module root); flags override it")
	)
	// A suite of this run's own: the settings file and the flags set its
	// options.
	suite := analyzers.NewSuite()
	enabled := map[*analysis.Analyzer]*bool{}
	for _, e := range suite {
		a := e.Analyzer
		enabled[a] = fs.Bool(a.Name, e.Default, "enable the "+a.Name+" rule: "+e.Summary())
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, `otellint checks OpenTelemetry tracing in Go code.

Usage:
  otellint [flags] [packages]      analyse packages (default ./...)
  otellint help [rule]             list the rules, or show one rule's doc
  otellint version                 print the version (also -version)
  go vet -vettool=$(which otellint) [packages]

Output is text (one line per finding), -json or -sarif. With -baseline,
only findings that the baseline file does not record count.

Exit status: 0 no findings, 3 findings, 1 load, type or analysis errors,
2 bad usage.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return ExitClean
		}
		return ExitUsage
	}
	if *version {
		fmt.Fprintln(stdout, "otellint", Version())
		return ExitClean
	}
	if *diff && !*fix {
		fmt.Fprintln(stderr, "otellint: -diff requires -fix")
		return ExitUsage
	}
	out, err := outputFormat(fs, *format, *jsonOut, *sarifOut)
	if err != nil {
		fmt.Fprintln(stderr, "otellint:", err)
		return ExitUsage
	}
	if *fix && out != formatText {
		fmt.Fprintf(stderr, "otellint: -fix prints text; it cannot be combined with -format %s\n", out)
		return ExitUsage
	}
	if *baseUpdate && *baseline == "" {
		fmt.Fprintln(stderr, "otellint: -baseline-update requires -baseline")
		return ExitUsage
	}
	if *baseline == "-" {
		fmt.Fprintln(stderr, "otellint: -baseline -: the baseline is a file that otellint reads and rewrites, so it cannot be standard input")
		return ExitUsage
	}
	if *fix && *baseline != "" {
		fmt.Fprintln(stderr, "otellint: -fix cannot be combined with -baseline")
		return ExitUsage
	}
	cwd, _ := os.Getwd()
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	settingsPath := *configFile
	if settingsPath == "" {
		settingsPath = config.Find(cwd)
	}
	var exclusions *config.Exclusions
	if settingsPath != "" {
		cfg, err := config.Load(settingsPath, suite, func(name string) bool { return set[name] })
		if err != nil {
			fmt.Fprintln(stderr, config.Prefixed("otellint: ", err))
			return ExitUsage
		}
		for _, e := range suite {
			if !set[e.Analyzer.Name] {
				*enabled[e.Analyzer] = cfg.Enabled[e.Analyzer.Name]
			}
		}
		exclusions = cfg.Exclusions
	}
	var run []*analysis.Analyzer
	for _, e := range suite {
		if *enabled[e.Analyzer] {
			config.Exclude(e.Analyzer, exclusions)
			run = append(run, e.Analyzer)
		}
	}
	directives := analyzers.NewDirectives()
	config.Exclude(directives, exclusions)
	if len(run) == 0 {
		fmt.Fprintln(stderr, "otellint: every rule is switched off")
		return ExitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "otellint:", err)
			return ExitUsage
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	writeHeap := func() {}
	if *memprofile != "" {
		// Created now, so that a bad path fails before the work, as
		// -cpuprofile does; written at exit.
		f, err := os.Create(*memprofile)
		if err != nil {
			fmt.Fprintln(stderr, "otellint:", err)
			return ExitUsage
		}
		written := false
		writeHeap = func() {
			if written {
				return
			}
			written = true
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fmt.Fprintln(stderr, "otellint: -memprofile:", err)
			}
			if err := f.Close(); err != nil {
				fmt.Fprintln(stderr, "otellint: -memprofile:", err)
			}
		}
		defer writeHeap()
	}

	var buildFlags []string
	if *tags != "" {
		buildFlags = append(buildFlags, "-tags="+*tags)
	}
	all := append(run, directives)
	// The source packages are type-checked as the analysis reaches them
	// (see release.go), when the suite has the loader's hook.
	lazy := prepareDeferred(all)
	ctx, loaded := whileLoading()
	res, err := loadContext(ctx, cwd, patterns, *tests, buildFlags, lazy)
	if loaded() {
		fmt.Fprintln(stderr, "otellint: interrupted")
		return ExitError
	}
	if err != nil {
		fmt.Fprintln(stderr, "otellint:", err)
		return ExitError
	}
	if *stats {
		fmt.Fprintf(stderr, "otellint: %d root packages; %d loaded from source, %d from export data\n",
			len(res.roots), res.source, res.export)
	}
	// The directive check is no rule: it runs whichever rules do.
	// Names in the rules' options that name nothing in a loaded package.
	if errs := analyzers.CheckNames(run, res.lookup); len(errs) > 0 {
		for _, err := range errs {
			fmt.Fprintln(stderr, "otellint:", err)
		}
		return ExitUsage
	}
	graph, _, err := analyze(all, res, lazy, *fix)
	writeHeap() // what outlives the analysis: types, facts, findings (its alloc_space: everything)
	if err != nil {
		fmt.Fprintln(stderr, "otellint:", err)
		return ExitError
	}

	findings, analysisErrs := collectIn(cwd, graph)
	errs := append(relErrors(cwd, res.errors), analysisErrs...)
	for _, e := range errs {
		fmt.Fprintln(stderr, e.msg)
	}

	if *fix {
		return fixAndReport(stdout, stderr, cwd, res, findings, errs, *diff)
	}

	// SARIF and the baseline need each finding's identity.
	src := newSourceCache()
	var ids []identity
	if out == formatSARIF || *baseline != "" {
		ids = identities(cwd, findings, src)
	}
	failed := len(errs) > 0
	if *baseline != "" {
		res, err := applyBaseline(baselineOptions{path: *baseline, update: *baseUpdate}, findings, ids, failed)
		switch {
		case err != nil:
			// The findings are still reported, without the baseline.
			fmt.Fprintln(stderr, "otellint:", err)
			failed = true
		case res.wrote:
			fmt.Fprintf(stderr, "otellint: wrote %d findings to baseline %s\n", res.suppressed, *baseline)
			findings, ids = nil, nil
		default:
			msg := fmt.Sprintf("otellint: %d findings suppressed by baseline %s", res.suppressed, *baseline)
			if res.stale > 0 {
				msg += fmt.Sprintf("; %d of its entries match no finding any more (-baseline-update drops them)", res.stale)
			}
			fmt.Fprintln(stderr, msg)
			findings, ids = res.findings, res.ids
		}
	}

	switch out {
	case formatJSON:
		err = printJSON(stdout, cwd, findings, errs)
	case formatSARIF:
		err = printSARIF(stdout, sarifInput{
			cwd: cwd, findings: findings, ids: ids, errs: errs, rules: run,
			baseline: *baseline != "", src: src,
		})
	default:
		for _, f := range findings {
			printText(stdout, cwd, f)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "otellint:", err)
		return ExitError
	}
	return exitCode(failed, len(findings))
}

// exitCode is the one exit-code rule of every output mode: errors first,
// then findings.
func exitCode(failed bool, findings int) int {
	switch {
	case failed:
		return ExitError
	case findings > 0:
		return ExitFindings
	}
	return ExitClean
}

// Output formats.
const (
	formatText  = "text"
	formatJSON  = "json"
	formatSARIF = "sarif"
)

// outputFormat resolves -format and its shorthands -json and -sarif,
// which may be repeated but must not disagree.
func outputFormat(fs *flag.FlagSet, format string, jsonOut, sarifOut bool) (string, error) {
	switch format {
	case formatText, formatJSON, formatSARIF:
	default:
		return "", fmt.Errorf("unknown output format %q (want text, json or sarif)", format)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var chosen []string
	if set["format"] {
		chosen = append(chosen, format)
	}
	if jsonOut {
		chosen = append(chosen, formatJSON)
	}
	if sarifOut {
		chosen = append(chosen, formatSARIF)
	}
	if len(chosen) == 0 {
		return formatText, nil
	}
	for _, c := range chosen[1:] {
		if c != chosen[0] {
			return "", fmt.Errorf("conflicting output formats %s and %s (-json and -sarif are -format json and -format sarif)", chosen[0], c)
		}
	}
	return chosen[0], nil
}

// A finding is one diagnostic of one rule, reported once even when its
// file belongs to a package and to that package's test variant.
type finding struct {
	pkg  string // package ID it is listed under
	rule *analysis.Analyzer
	diag analysis.Diagnostic
	act  *checker.Action
}

func collect(graph *checker.Graph) ([]finding, []pkgError) { return collectIn("", graph) }

// collectIn is collect, with the file names in its errors relative to cwd
// (absolute when cwd is "").
func collectIn(cwd string, graph *checker.Graph) ([]finding, []pkgError) {
	type key struct {
		rule, posn, msg string
	}
	seen := map[key]bool{}
	var out []finding
	var errs []pkgError
	roots := append([]*checker.Action(nil), graph.Roots...)
	// Non-test variants first, so a finding is listed under "p", not "p [p.test]".
	sort.SliceStable(roots, func(i, j int) bool {
		ti, tj := strings.Contains(roots[i].Package.ID, " ["), strings.Contains(roots[j].Package.ID, " [")
		if ti != tj {
			return !ti
		}
		return roots[i].Package.ID < roots[j].Package.ID
	})
	errSeen := map[string]bool{}
	addErr := func(e pkgError) {
		if !errSeen[e.msg] {
			errSeen[e.msg] = true
			errs = append(errs, e)
		}
	}
	isRoot := map[*packages.Package]bool{}
	for _, act := range roots {
		isRoot[act.Package] = true
	}
	broken := map[*packages.Package][]*checker.Action{} // root package -> the failed actions that stopped it
	var brokenOrder []*packages.Package
	for _, act := range roots {
		if act.Err != nil {
			if act.Package.IllTyped {
				continue // the type errors are reported already
			}
			causes := failureCauses(act)
			if len(causes) == 1 && causes[0] == act {
				// The rule itself failed on this package.
				addErr(pkgError{pkg: act.Package.ID, rule: act.Analyzer.Name,
					msg: fmt.Sprintf("otellint: %s: %s: %v", act.Package.ID, act.Analyzer.Name, act.Err)})
				continue
			}
			if broken[act.Package] == nil {
				brokenOrder = append(brokenOrder, act.Package)
			}
			broken[act.Package] = append(broken[act.Package], causes...)
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{act.Analyzer.Name, fset.Position(d.Pos).String(), d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, finding{pkg: act.Package.ID, rule: act.Analyzer, diag: d, act: act})
		}
	}
	// A package that a failed dependency kept from being analysed: one
	// line naming the dependency, not one "failed prerequisites" per rule.
	for _, p := range brokenOrder {
		for _, e := range dependencyErrors(cwd, p, broken[p], isRoot) {
			addErr(e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi := out[i].act.Package.Fset.Position(out[i].diag.Pos)
		pj := out[j].act.Package.Fset.Position(out[j].diag.Pos)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		if pi.Line != pj.Line {
			return pi.Line < pj.Line
		}
		if pi.Column != pj.Column {
			return pi.Column < pj.Column
		}
		return out[i].rule.Name < out[j].rule.Name
	})
	return out, errs
}

// failureCauses returns the failed actions that act's failure comes from:
// act itself when none of its prerequisites failed, otherwise the first
// failures down its failed prerequisites (the checker reports those as
// "failed prerequisites: ctrlflow@p, otelspans@p, ...").
func failureCauses(act *checker.Action) []*checker.Action {
	var out []*checker.Action
	seen := map[*checker.Action]bool{}
	var visit func(a *checker.Action)
	visit = func(a *checker.Action) {
		if seen[a] {
			return
		}
		seen[a] = true
		failed := false
		for _, d := range a.Deps {
			if d.Err != nil {
				failed = true
				visit(d)
			}
		}
		if !failed {
			out = append(out, a)
		}
	}
	visit(act)
	return out
}

// dependencyErrors describes why the root package p was not analysed, from
// the failed actions its rules' failures come from: one line naming the
// dependencies that failed to load or type-check (with the first error of
// each that is not a root, whose errors are not printed otherwise), and
// one line for each rule that failed on a dependency. The line is the same
// for a package and its test variant, which is then not repeated.
func dependencyErrors(cwd string, p *packages.Package, causes []*checker.Action, isRoot map[*packages.Package]bool) []pkgError {
	var out []pkgError
	var names, details []string
	seen := map[string]bool{}
	for _, c := range causes {
		dep := c.Package
		if !dep.IllTyped {
			// A rule failed on the dependency: that error is the news.
			out = append(out, pkgError{pkg: dep.ID, rule: c.Analyzer.Name,
				msg: fmt.Sprintf("otellint: %s: %s: %v", dep.ID, c.Analyzer.Name, c.Err)})
			continue
		}
		if seen[dep.ID] {
			continue
		}
		seen[dep.ID] = true
		names = append(names, dep.ID)
		if !isRoot[dep] {
			if first := firstLoadError(cwd, dep); first != "" {
				details = append(details, first)
			}
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		sort.Strings(details)
		msg := fmt.Sprintf("otellint: %s: not analysed: its dependency %s does not load or type-check", p.PkgPath, names[0])
		if len(names) > 1 {
			msg = fmt.Sprintf("otellint: %s: not analysed: its dependencies %s do not load or type-check", p.PkgPath, strings.Join(names, ", "))
		}
		if len(details) > 0 {
			msg += ": " + strings.Join(details, "; ")
		}
		out = append(out, pkgError{pkg: p.ID, msg: msg})
	}
	return out
}

// firstLoadError returns the first error the loader recorded for p, if any,
// on one line, with its path relative to cwd.
func firstLoadError(cwd string, p *packages.Package) string {
	for _, e := range p.TypeErrors {
		pos := e.Fset.Position(e.Pos)
		pos.Filename = relPath(cwd, pos.Filename)
		return pos.String() + ": " + e.Msg
	}
	for _, e := range p.Errors {
		// A build failure: "# pkg\nfile:line:col: msg\n...".
		for _, line := range strings.Split(e.Msg, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "# ") {
				if e.Pos != "" && e.Pos != "-" {
					line = e.Pos + ": " + line
				}
				return line
			}
		}
	}
	return ""
}

func relPath(cwd, name string) string {
	if rel, err := filepath.Rel(cwd, name); err == nil && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return name
}

// relErrors rewrites "file:line:col: msg" errors with cwd-relative paths.
func relErrors(cwd string, errs []pkgError) []pkgError {
	out := make([]pkgError, len(errs))
	for i, e := range errs {
		if filepath.IsAbs(e.msg) {
			if name, rest, ok := strings.Cut(e.msg, ":"); ok {
				e.msg = relPath(cwd, name) + ":" + rest
			}
		}
		out[i] = e
	}
	return out
}

func printText(w io.Writer, cwd string, f finding) {
	fset := f.act.Package.Fset
	p := fset.Position(f.diag.Pos)
	p.Filename = relPath(cwd, p.Filename)
	line := fmt.Sprintf("%s: %s: %s", p, f.rule.Name, f.diag.Message)
	for _, r := range f.diag.Related {
		rp := fset.Position(r.Pos)
		rp.Filename = relPath(cwd, rp.Filename)
		if rp.Filename == p.Filename {
			line += fmt.Sprintf(" [%d:%d: %s]", rp.Line, rp.Column, r.Message)
		} else {
			line += fmt.Sprintf(" [%s: %s]", rp, r.Message)
		}
	}
	fmt.Fprintln(w, line)
}

func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stdout, "otellint checks OpenTelemetry tracing in Go code. Rules:")
		fmt.Fprintln(stdout)
		for _, e := range analyzers.Suite {
			state := ""
			if !e.Default {
				state = " (off by default)"
			}
			fmt.Fprintf(stdout, "  %-16s %s%s\n", e.Analyzer.Name, e.Summary(), state)
		}
		fmt.Fprintln(stdout, "\n'otellint help <rule>' shows a rule's documentation and options.")
		return ExitClean
	}
	for _, e := range analyzers.Suite {
		if e.Analyzer.Name == args[0] {
			fmt.Fprintln(stdout, e.Analyzer.Doc)
			if e.Analyzer.URL != "" {
				fmt.Fprintln(stdout, "\nMore: "+e.Analyzer.URL)
			}
			return ExitClean
		}
	}
	fmt.Fprintf(stderr, "otellint: no rule named %q (see 'otellint help')\n", args[0])
	return ExitUsage
}
