// Package tests holds test providers.
package tests
