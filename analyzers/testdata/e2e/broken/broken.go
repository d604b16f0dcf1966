// Package broken does not type-check: otellint reports the compiler's error,
// exits 1, and still analyses the other packages.
package broken

func Broken() int {
	return "not an int"
}
