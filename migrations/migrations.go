// Package migrations holds the application's database schema as forward-only numbered SQL files,
// embedded in the binary and applied by goose (River's own tables are migrated by rivermigrate).
package migrations

import "embed"

// FS holds the *.sql files, in goose's format.
//
//go:embed *.sql
var FS embed.FS
