//go:build unix && !linux

package pgserver

import "syscall"

// sysProcAttr runs the child as acct. The server (long-lived) also gets its
// own process group, so a terminal Ctrl-C reaches only the application,
// which then stops the database in order.
func sysProcAttr(acct account, server bool) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: acct.credential(), Setpgid: server}
}
