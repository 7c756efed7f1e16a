//go:build !linux

package main

import "syscall"

// childAttr puts a child in its own process group, so that a kill reaches all of it.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
