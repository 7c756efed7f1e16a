package main

import "syscall"

// childAttr puts a child in its own process group, so that a kill reaches all of it, and has
// the kernel kill it should the campaign itself die without cleaning up.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
