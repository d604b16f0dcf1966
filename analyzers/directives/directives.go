// Package directives exposes otellint's check of //otellint:ignore
// directives (analyzers.Directives, named otellint) as a package-level
// Analyzer, for drivers that take analyzers by package: Bazel's nogo runs
// the Analyzer of each package its deps list. It is no rule: it reports a
// directive that names no rule, names an unknown rule, separates its rules
// with a space or gives no reason, once, whichever rules run.
//
// The standalone driver, go vet -vettool and the golangci-lint plugin run
// it already; list it in a nogo target next to the rule packages.
package directives

import "github.com/otellint/otellint/analyzers"

// Analyzer reports malformed //otellint:ignore directives. It knows the
// name of every rule of the suite, whichever of them a nogo target lists.
var Analyzer = analyzers.Directives
