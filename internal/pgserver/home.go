package pgserver

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Where the server keeps its files.
//
// The server's files (the cluster in data/, the socket directory run/, the
// log and the start lock) live in Options.Dir, except in one case: the
// caller is root, so the server runs as another account (see account.go),
// and that account cannot reach Options.Dir because a directory on the way
// is private to root. That is the case of a clone in root's home (/root is
// 0700) or in a `mktemp -d` directory, typical of a fresh server or a
// container. Rather than loosen the permissions of the user's directories,
// the files then go to a directory of their own that the account can reach
// and that outlives the process:
//
//	/var/lib/tilmash/pg-HASH        (or, when /var/lib is not writable,
//	$TMPDIR/tilmash-pg/pg-HASH)
//
// HASH is derived from the absolute path of Options.Dir, so the same
// Options.Dir always finds the same cluster (data is reused across runs and
// a second process finds the running server) and two clones never share
// one. The directory belongs to the server account with mode 0700; a file
// ORIGIN in it names the Options.Dir it serves, and a file LOCATION in
// Options.Dir names the directory.

// locationFile, written in Options.Dir, names the directory that holds the
// server's files when they live elsewhere.
const locationFile = "LOCATION"

// originFile, written in a relocated home, names the Options.Dir it serves.
const originFile = "ORIGIN"

// relocationBases lists, in order of preference, the directories under which
// a relocated home is made. /var/lib survives reboots; the temporary
// directory is the fallback where /var/lib cannot be written (some systems
// clean it at boot or after days of disuse).
var relocationBases = func() []string {
	return []string{"/var/lib/tilmash", filepath.Join(os.TempDir(), "tilmash-pg")}
}

// placement is where a server keeps its files and the account it runs as.
type placement struct {
	home      string // holds data/, run/, postgres.log and pgserver.lock
	acct      account
	relocated bool // home is not the caller's directory
}

// homeName is the name of the relocated home for dir, an absolute path.
func homeName(dir string) string {
	sum := sha256.Sum256([]byte(filepath.Clean(dir)))
	return "pg-" + hex.EncodeToString(sum[:8])
}

// place decides where the server for dir (an absolute path) keeps its
// files. With create it makes and hands over a relocated home when one is
// needed; without, it only finds an existing one (to attach to a running
// server), failing when there is none.
func place(dir string, create bool) (placement, error) {
	dataDir := filepath.Join(dir, "data")
	acct, err := resolveAccount(dataDir)
	if err != nil {
		return placement{}, err
	}
	blocked := acct.checkTraversable(dir)
	if blocked == nil {
		return placement{home: dir, acct: acct}, nil
	}
	if _, err := os.Lstat(dataDir); err == nil {
		// A cluster is already there, out of its server's reach: starting
		// an empty one elsewhere would hide it, so say what blocks.
		return placement{}, blocked
	}
	name := homeName(dir)
	bases := relocationBases()
	// An existing home first, so that the data stays wherever an earlier
	// run put it.
	for _, base := range bases {
		if p, err := useHome(base, name, dir, false); err == nil {
			if create {
				return useHome(base, name, dir, true) // refreshes ownership and notes
			}
			return p, nil
		}
	}
	if !create {
		return placement{}, fmt.Errorf("no server runs for %s (its files would be in %s)", dir,
			filepath.Join(bases[0], name))
	}
	var reasons []string
	for _, base := range bases {
		p, err := useHome(base, name, dir, true)
		if err == nil {
			return p, nil
		}
		reasons = append(reasons, err.Error())
	}
	return placement{}, fmt.Errorf("%w; no other place for the server's files could be used either: %s",
		blocked, strings.Join(reasons, "; "))
}

// useHome returns the relocated home base/name for dir when it exists or,
// with create, once it is made. base must be a directory only root can
// write to, so nobody else can have put anything at base/name; the home is
// handed to the server account with mode 0700.
func useHome(base, name, dir string, create bool) (placement, error) {
	if _, err := os.Lstat(base); create && errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(base, 0o755); err != nil {
			return placement{}, fmt.Errorf("create %s: %w", base, err)
		}
		// Searchable by the account whatever the umask.
		if err := os.Chmod(base, 0o755); err != nil {
			return placement{}, fmt.Errorf("create %s: %w", base, err)
		}
	}
	if err := checkRootOnly(base); err != nil {
		return placement{}, err
	}
	home := filepath.Join(base, name)
	if create {
		if err := os.Mkdir(home, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			return placement{}, fmt.Errorf("create %s: %w", home, err)
		}
	}
	info, err := os.Lstat(home)
	if err != nil {
		return placement{}, err
	}
	if !info.IsDir() {
		return placement{}, fmt.Errorf("%s is not a directory", home)
	}
	acct, err := resolveAccount(filepath.Join(home, "data"))
	if err != nil {
		return placement{}, err
	}
	if err := acct.checkTraversable(base); err != nil {
		return placement{}, err
	}
	if !create {
		return placement{home: home, acct: acct, relocated: true}, nil
	}
	if err := os.Chmod(home, 0o700); err != nil {
		return placement{}, fmt.Errorf("prepare %s: %w", home, err)
	}
	if err := acct.own(home); err != nil {
		return placement{}, err
	}
	if err := os.WriteFile(filepath.Join(home, originFile), []byte(dir+"\n"), 0o644); err != nil {
		return placement{}, fmt.Errorf("record origin in %s: %w", home, err)
	}
	if err := os.WriteFile(filepath.Join(dir, locationFile), []byte(home+"\n"), 0o644); err != nil {
		return placement{}, fmt.Errorf("record location in %s: %w", dir, err)
	}
	return placement{home: home, acct: acct, relocated: true}, nil
}

// checkRootOnly accepts a real directory (not a symbolic link) that root
// owns and nobody else may write to.
func checkRootOnly(dir string) error {
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !info.IsDir() || !ok || st.Uid != 0 || info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s is not a directory that only root may write to (mode %v)", dir, info.Mode())
	}
	return nil
}
