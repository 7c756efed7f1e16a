package pgserver

import (
	"fmt"
	"strings"
)

// BinariesNotFoundError reports that no usable PostgreSQL server binaries
// were found. Its message names the ways out, so it can be shown to a user
// as is; callers that want to fall back to something else can detect it with
// errors.As.
type BinariesNotFoundError struct {
	// Searched lists the directories that were looked at, in order.
	Searched []string
	// Reason is set when a specific directory was given and is unusable.
	Reason string
}

// Error implements error.
func (e *BinariesNotFoundError) Error() string {
	var b strings.Builder
	b.WriteString("no PostgreSQL server binaries (initdb, postgres) found")
	if e.Reason != "" {
		fmt.Fprintf(&b, ": %s", e.Reason)
	}
	if len(e.Searched) > 0 {
		fmt.Fprintf(&b, " (searched %s)", strings.Join(e.Searched, ", "))
	}
	b.WriteString("; to fix, either install PostgreSQL (e.g. `apt-get install postgresql` or `brew install postgresql`)," +
		" or set DATABASE_URL to an existing database, or run `docker compose up` to start one")
	return b.String()
}

// InUseError reports that a data directory already belongs to a running
// server. Starting a second server on it would corrupt the cluster.
type InUseError struct {
	DataDir string
	PID     int
}

// Error implements error.
func (e *InUseError) Error() string {
	return fmt.Sprintf("data directory %s is already in use by pid %d; stop that server first or choose another directory",
		e.DataDir, e.PID)
}
