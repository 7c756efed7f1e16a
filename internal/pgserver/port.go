package pgserver

import (
	"fmt"
	"net"
)

// freePort asks the kernel for an unused loopback TCP port. The port is
// released before the server binds it, so another process can take it in
// between; Start retries with a fresh port when that happens.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free loopback port: %w", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		return 0, fmt.Errorf("release probe port %d: %w", port, err)
	}
	return port, nil
}
