package analyzers

import (
	"flag"
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/otellint/otellint/analyzers/internal/spans"
)

// CheckNames checks the full names held by the list options of rules
// (-spanend.start, -blockinghandler.calls, ...) against the loaded
// packages, which lookup returns by import path (nil when not loaded). A
// name in a loaded package that names nothing in it matches nothing: it is
// a typo or a stale option, and an error says which. A name in a package
// that is not loaded cannot be checked, and cannot matter to the code
// analysed either. Flags only check the spelling, since they are parsed
// before any package is loaded.
func CheckNames(rules []*analysis.Analyzer, lookup func(path string) *types.Package) []error {
	var errs []error
	for _, a := range rules {
		a.Flags.VisitAll(func(f *flag.Flag) {
			list, ok := f.Value.(*spans.ListFlag)
			if !ok {
				return
			}
			for _, s := range *list {
				n, err := spans.ParseFullName(s)
				if err == nil {
					pkg := lookup(n.Pkg)
					if pkg == nil {
						continue
					}
					err = n.Check(pkg)
				}
				if err != nil {
					errs = append(errs, fmt.Errorf("-%s.%s=%s matches nothing: %v", a.Name, f.Name, s, err))
				}
			}
		})
	}
	return errs
}
