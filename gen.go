// Package otellint is the root of the otellint module. It holds no code;
// see cmd/otellint for the command and analyzers for the rules.
package otellint

//go:generate go run ./internal/docgen/cmd/docgen -root .
