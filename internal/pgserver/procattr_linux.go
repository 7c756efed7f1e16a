package pgserver

import "syscall"

// sysProcAttr runs the child as acct. The server (long-lived) also gets its
// own process group, so a terminal Ctrl-C reaches only the application,
// which then stops the database in order; and a parent-death signal of
// SIGINT (PostgreSQL's fast shutdown), so a crashed application does not
// leave an orphan server holding the data directory.
func sysProcAttr(acct account, server bool) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Credential: acct.credential()}
	if server {
		attr.Setpgid = true
		attr.Pdeathsig = syscall.SIGINT
	}
	return attr
}
