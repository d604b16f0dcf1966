// Package testcode tells code that serves no real clients from production
// code, by import path: test-support packages (fakes, mocks, test servers,
// helpers for tests) and example programs. Test files themselves
// (_test.go) are told by their name.
package testcode

import (
	"go/ast"
	"go/types"
	"strings"
	"unicode"
)

// supportWords are the words of an import path element that make it a
// test-support package when the element is that word ("mocks", "testutil")
// or begins with it ("mockapi", "testserver", "fakeauth").
var supportWords = []string{"test", "mock", "fake", "stub"}

// supportSuffixes make an element a test-support package when one of its
// words ends with them, as the standard library's httptest, iotest and
// fstest do, and as service code bases name theirs (grpctest,
// temporaltest, workflowservicemock, storefake).
var supportSuffixes = []string{"test", "tests", "testing", "mock", "mocks", "fake", "fakes"}

// supportElements are whole words that name test-support packages: gRPC's
// cross-implementation test servers live under interop (Jaeger's under
// crossdock), integration suites under integration
// (jaeger/internal/storage/integration, loki/integration). Not e2e: an
// end-to-end suite is made of _test.go files, and an e2e directory's
// other packages are often the application it drives.
var supportElements = map[string]bool{"interop": true, "crossdock": true, "integration": true}

// notSupport are English words that end in "test" but name no test code.
var notSupport = map[string]bool{
	"latest": true, "greatest": true, "fastest": true, "shortest": true, "softest": true,
	"contest": true, "attest": true, "protest": true, "detest": true, "testament": true,
	"testimony": true, "testimonial": true, "manifest": true,
	"testdata": true, // never a package of a real build
}

// exampleWords make an element an example program or demo when one of its
// words is, or begins with, one of them ("examples", "_examples",
// "example-server", "demo").
var exampleWords = []string{"example", "demo"}

// SupportPackage reports whether the package with import path path is
// test support, and returns the element that says so. The first element
// (the host: github.com, example.com) is not looked at; nor is testdata,
// which the go tool never builds as a package of the module.
func SupportPackage(path string) (string, bool) {
	return find(path, isSupportWord)
}

// ExamplePackage reports whether the package with import path path is an
// example program or a demo, and returns the element that says so.
func ExamplePackage(path string) (string, bool) {
	return find(path, func(w string) bool {
		for _, p := range exampleWords {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
		return false
	})
}

// find returns the first element of path after the host that has a word
// for which match reports true.
func find(path string, match func(word string) bool) (string, bool) {
	elems := strings.Split(path, "/")
	if len(elems) > 1 && strings.Contains(elems[0], ".") {
		elems = elems[1:]
	}
	for _, e := range elems {
		for _, w := range words(e) {
			if match(w) {
				return e, true
			}
		}
	}
	return "", false
}

// words splits a path element into lower-case words at punctuation
// ("importer-test" is importer, test; "_examples" is examples).
func words(elem string) []string {
	return strings.FieldsFunc(strings.ToLower(elem), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func isSupportWord(w string) bool {
	if notSupport[w] || supportElements[w] {
		return supportElements[w]
	}
	for _, p := range supportWords {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, s := range supportSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// testingTypes are the types of the testing package whose presence among
// a function's parameters makes it test code (not *testing.M: TestMain
// runs once per test binary).
var testingTypes = map[string]bool{"T": true, "B": true, "F": true, "TB": true}

// TakesTesting reports whether ft takes a *testing.T, *testing.B,
// *testing.F or testing.TB: a test, a benchmark, a fuzz target or a test
// helper.
func TakesTesting(info *types.Info, ft *ast.FuncType) bool {
	if ft == nil || ft.Params == nil {
		return false
	}
	for _, p := range ft.Params.List {
		if IsTestingType(info.TypeOf(p.Type)) {
			return true
		}
	}
	return false
}

// IsTestingType reports whether t is *testing.T, *testing.B, *testing.F
// or testing.TB (or one of them without the pointer).
func IsTestingType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path() == "testing" && testingTypes[n.Obj().Name()]
}
