// Package samples holds the sample article and the starter termbase that `tilmash demo` uses,
// embedded in the binary so that the demo runs from any directory.
package samples

import "embed"

// Article is the sample article's name in FS, Termbase the starter termbase's.
const (
	Article  = "party-cooperation-china-central-asia.txt"
	Termbase = "termbase.csv"
)

// FS holds the two files.
//
//go:embed party-cooperation-china-central-asia.txt termbase.csv
var FS embed.FS
