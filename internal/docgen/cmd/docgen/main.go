// Command docgen regenerates docs/rules/*.md and the README rule table from
// the rules' doc.go files. Run it through go generate ./... from the
// repository root; -check reports stale files instead of writing them.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/otellint/otellint/internal/docgen"
)

func main() {
	root := flag.String("root", ".", "repository root")
	check := flag.Bool("check", false, "report stale files, write nothing")
	flag.Parse()
	if err := docgen.Generate(*root, *check); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}
