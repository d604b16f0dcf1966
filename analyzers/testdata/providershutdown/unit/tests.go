// Package unit holds test providers.
package unit
