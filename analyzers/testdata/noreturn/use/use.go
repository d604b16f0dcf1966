// Package use calls the no-return functions of lib: the facts cross the
// package boundary.
package use

import "example.com/testdata/noreturn/lib"

func Wrap() { // want Wrap:"noReturn"
	lib.Fatal("x")
}

func Method(t lib.T) { // want Method:"noReturn"
	t.Fail()
}

func Closure() {
	f := func() { lib.Exit() }
	f()
}

// Silent: through a func value.
func Value(f func()) {
	f()
}
