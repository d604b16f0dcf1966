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
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/otellint/otellint/analyzers"
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
	if isVetInvocation(args) {
		// unitchecker owns the vet protocol (-V=full, -flags, *.cfg),
		// the rule switches (-spanend=false) and rule options.
		os.Args = append([]string{os.Args[0]}, args...)
		unitchecker.Main(append(analyzers.Analyzers(), analyzers.Directives)...)
		return ExitClean // not reached
	}
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], stdout, stderr)
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
		memprofile = fs.String("memprofile", "", "write a heap profile to `file` at exit")
		version    = fs.Bool("version", false, "print the version and exit")
	)
	enabled := map[*analysis.Analyzer]*bool{}
	for _, e := range analyzers.Suite {
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
	if *fix && *baseline != "" {
		fmt.Fprintln(stderr, "otellint: -fix cannot be combined with -baseline")
		return ExitUsage
	}
	var run []*analysis.Analyzer
	for _, e := range analyzers.Suite {
		if *enabled[e.Analyzer] {
			run = append(run, e.Analyzer)
		}
	}
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
	if *memprofile != "" {
		// Created now, so that a bad path fails before the work, as
		// -cpuprofile does; written at exit.
		f, err := os.Create(*memprofile)
		if err != nil {
			fmt.Fprintln(stderr, "otellint:", err)
			return ExitUsage
		}
		defer func() {
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				fmt.Fprintln(stderr, "otellint: -memprofile:", err)
			}
			if err := f.Close(); err != nil {
				fmt.Fprintln(stderr, "otellint: -memprofile:", err)
			}
		}()
	}

	var buildFlags []string
	if *tags != "" {
		buildFlags = append(buildFlags, "-tags="+*tags)
	}
	cwd, _ := os.Getwd()
	res, err := load(cwd, patterns, *tests, buildFlags)
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
	graph, err := checker.Analyze(append(run, analyzers.Directives), res.roots, nil)
	if err != nil {
		fmt.Fprintln(stderr, "otellint:", err)
		return ExitError
	}

	findings, analysisErrs := collect(graph)
	errs := append(relErrors(cwd, res.errors), analysisErrs...)
	for _, e := range errs {
		fmt.Fprintln(stderr, e.msg)
	}

	if *fix {
		return fixAndReport(stdout, stderr, cwd, findings, errs, *diff)
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
		err = printJSON(stdout, cwd, findings, errs, run)
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

// fixAndReport applies (or, with diff, prints) the suggested fixes and
// reports the findings left without one; the fixed ones no longer count.
func fixAndReport(stdout, stderr io.Writer, cwd string, findings []finding, errs []pkgError, diff bool) int {
	unfixed, err := applyFixes(stdout, cwd, findings, diff)
	if err != nil {
		fmt.Fprintln(stderr, "otellint:", err)
		return ExitError
	}
	for _, f := range unfixed {
		printText(stdout, cwd, f)
	}
	return exitCode(len(errs) > 0, len(unfixed))
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

func collect(graph *checker.Graph) ([]finding, []pkgError) {
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
	for _, act := range roots {
		if act.Err != nil {
			if act.Package.IllTyped {
				continue // the type errors are reported already
			}
			msg := fmt.Sprintf("otellint: %s: %s: %v", act.Package.ID, act.Analyzer.Name, act.Err)
			if !errSeen[msg] {
				errSeen[msg] = true
				errs = append(errs, pkgError{act.Package.ID, msg})
			}
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

// Version reports the module version the binary was built from.
func Version() string {
	if v := buildVersion(); v != "" {
		return v
	}
	return "devel"
}
