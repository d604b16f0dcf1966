// Package tests covers test files.
package tests
