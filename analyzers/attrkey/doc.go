// Package attrkey defines an Analyzer that reports attribute keys the
// semantic conventions deprecate, misspell or type differently.
//
// # Analyzer attrkey
//
// attrkey: check attribute keys against the semantic conventions
//
// TODO
package attrkey
