package pgserver

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// toolCommand builds a short-lived command (initdb, postgres --version)
// run as acct from workDir; it is killed if ctx ends first.
func toolCommand(ctx context.Context, binDir, name string, acct account, workDir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(binDir, name), args...)
	configure(cmd, acct, workDir, false)
	return cmd
}

// serverCommand builds the postmaster command. It is not tied to a context
// because the server must outlive the Start call; Stop ends it.
func serverCommand(binDir string, acct account, workDir string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(binDir, "postgres"), args...)
	configure(cmd, acct, workDir, true)
	return cmd
}

// configure sets the working directory, environment and credentials shared
// by every child process.
func configure(cmd *exec.Cmd, acct account, workDir string, server bool) {
	cmd.Dir = workDir
	cmd.Env = childEnv(os.Environ())
	cmd.SysProcAttr = sysProcAttr(acct, server)
}

// childEnv removes variables that would change what the binaries do behind
// the explicit flags (PGDATA, PGPORT, PGHOST and the rest of PG*), and fixes
// the message language to English so that start-up failures such as a taken
// port can be recognised in the log.
func childEnv(env []string) []string {
	out := make([]string, 0, len(env)+1)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "PG") || name == "LC_ALL" || name == "LC_MESSAGES" || name == "LANGUAGE" {
			continue
		}
		out = append(out, kv)
	}
	return append(out, "LC_MESSAGES=C")
}
