package pgserver

import (
	"fmt"
	"os"
	"path/filepath"
)

// maxSocketPath is the longest Unix socket path the kernel accepts: sun_path
// holds 108 bytes on Linux (104 on the BSDs), one of which is the NUL.
const maxSocketPath = 103

// socketFileName is the longest name postgres gives its socket file.
const socketFileName = ".s.PGSQL.65535"

// socketDir prepares a private directory for the server's Unix socket. It is
// dir/run when the full socket path fits the kernel limit, otherwise a fresh
// directory under /tmp; temporary reports the latter, which Stop removes.
// Either way the directory is mode 0700 and owned by the server account, so
// other local users cannot reach the socket.
func socketDir(dir string, acct account) (path string, temporary bool, err error) {
	path = filepath.Join(dir, "run")
	if len(path)+1+len(socketFileName) > maxSocketPath {
		path, err = os.MkdirTemp("/tmp", "pgserver-")
		if err != nil {
			return "", false, fmt.Errorf("create socket directory: %w", err)
		}
		temporary = true
	} else if err := os.MkdirAll(path, 0o700); err != nil {
		return "", false, fmt.Errorf("create socket directory: %w", err)
	}
	err = os.Chmod(path, 0o700)
	if err == nil {
		err = acct.own(path)
	}
	if err != nil {
		if temporary {
			_ = os.RemoveAll(path)
		}
		return "", false, fmt.Errorf("prepare socket directory %s: %w", path, err)
	}
	return path, temporary, nil
}
