// Package lib declares functions that never return, and some that look as
// if they might not.
package lib

import (
	"log"
	"os"
)

func Fatal(msg string) { // want Fatal:"noReturn"
	log.Fatal(msg)
}

func Exit() { // want Exit:"noReturn"
	os.Exit(1)
}

// Later calls a function declared after it.
func Later() { // want Later:"noReturn"
	die()
}

func die() { // want die:"noReturn"
	panic("die")
}

func Loop() { // want Loop:"noReturn"
	for {
	}
}

func Block() { // want Block:"noReturn"
	select {}
}

func Goto() { // want Goto:"noReturn"
L:
	goto L
}

func Both(b bool) { // want Both:"noReturn"
	if b {
		Fatal("b")
	} else {
		panic("not b")
	}
}

// Silent: one branch returns.
func Maybe(b bool) {
	if b {
		panic("b")
	}
}

// Silent: a loop that breaks.
func Breaks(ch chan int) {
	for {
		if <-ch == 0 {
			break
		}
	}
}

// Silent: a deferred call may recover.
func Recovers() {
	defer func() { recover() }()
	panic("x")
}

// Silent: the literal never returns, the function does.
func Lit() func() {
	return func() { panic("x") }
}

// Silent: a goto forward.
func Forward(b bool) {
	if b {
		goto end
	}
	println()
end:
}

// Silent: mutual recursion without a base case that stops: the cycle is
// broken by assuming the function being decided returns, as ctrlflow does.
func Ping() { Pong() }

func Pong() { Ping() }

type T struct{}

func (T) Fail() { // want Fail:"noReturn"
	os.Exit(2)
}

// Silent: panic in parentheses is not a call statement to the CFG builder.
func Paren() {
	(panic("x"))
}
