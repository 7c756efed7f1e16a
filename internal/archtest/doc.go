// Package archtest enforces the import rules of ARCHITECTURE.md: its test reads the import graph
// with go list and fails when a package imports one it may not.
package archtest
