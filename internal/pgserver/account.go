package pgserver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
)

// account is the operating-system user the server processes run as.
type account struct {
	name   string
	uid    uint32
	gid    uint32
	groups []uint32
	// switched is true when the processes run under this account instead of
	// the caller's own, which happens only when the caller is root.
	switched bool
}

// resolveAccount picks the account for the server processes. A non-root
// caller runs them itself. Root cannot (initdb and postgres refuse), so it
// uses the owner of an existing data directory, which keeps later starts
// working whichever account created the cluster, or else the "postgres"
// system user, or else "nobody".
func resolveAccount(dataDir string) (account, error) {
	if os.Geteuid() != 0 {
		name := strconv.Itoa(os.Geteuid())
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
		return account{name: name, uid: uint32(os.Geteuid()), gid: uint32(os.Getegid())}, nil
	}
	if info, err := os.Stat(dataDir); err == nil {
		if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Uid != 0 {
			if u, err := user.LookupId(strconv.FormatUint(uint64(st.Uid), 10)); err == nil {
				return accountFromUser(u)
			}
			name := strconv.FormatUint(uint64(st.Uid), 10)
			return account{name: name, uid: st.Uid, gid: st.Gid, switched: true}, nil
		}
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err == nil {
			return accountFromUser(u)
		}
	}
	return account{}, errors.New(`running as root, but neither a "postgres" nor a "nobody" account exists to run the server as; create one (e.g. ` +
		"`useradd --system postgres`" + `) or run as an ordinary user`)
}

// accountFromUser converts a looked-up user into a switched account,
// keeping its supplementary groups so permission checks match what the
// account can really reach.
func accountFromUser(u *user.User) (account, error) {
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return account{}, fmt.Errorf("parse uid of %q: %w", u.Username, err)
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return account{}, fmt.Errorf("parse gid of %q: %w", u.Username, err)
	}
	a := account{name: u.Username, uid: uint32(uid), gid: uint32(gid), switched: true}
	if ids, err := u.GroupIds(); err == nil {
		for _, id := range ids {
			if g, err := strconv.ParseUint(id, 10, 32); err == nil {
				a.groups = append(a.groups, uint32(g))
			}
		}
	}
	return a, nil
}

// credential returns the credential for exec.Cmd, or nil when the server
// runs as the caller.
func (a account) credential() *syscall.Credential {
	if !a.switched {
		return nil
	}
	groups := a.groups
	if groups == nil {
		groups = []uint32{} // drop root's supplementary groups
	}
	return &syscall.Credential{Uid: a.uid, Gid: a.gid, Groups: groups}
}

// own hands path to the account when the server runs under a switched
// account; otherwise it does nothing.
func (a account) own(path string) error {
	if !a.switched {
		return nil
	}
	if err := os.Lchown(path, int(a.uid), int(a.gid)); err != nil {
		return fmt.Errorf("give %s to the %q account: %w", path, a.name, err)
	}
	return nil
}

// ownTree hands a whole directory tree to the account. It is used on a data
// directory that root owns (for example one copied in place), which the
// server could not otherwise open.
func (a account) ownTree(root string) error {
	if !a.switched {
		return nil
	}
	return filepath.WalkDir(root, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", path, err)
		}
		return a.own(path)
	})
}

// checkTraversable makes sure the account can reach dir: every existing
// directory from / down to dir itself must be searchable by it. It never changes a
// permission; it explains which directory blocks and how to fix it, because
// a server that cannot reach its data fails with a much vaguer message.
func (a account) checkTraversable(dir string) error {
	if !a.switched {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", dir, err)
	}
	var chain []string
	for p := abs; ; p = filepath.Dir(p) {
		chain = append(chain, p)
		if p == filepath.Dir(p) {
			break
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		p := chain[i]
		info, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) {
			return nil // the rest is yet to be created
		}
		if err != nil {
			return fmt.Errorf("check access to %s: %w", p, err)
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok || a.canSearch(st) {
			continue
		}
		return fmt.Errorf("directory %s (owner uid %d, mode %#o) is not searchable by the %q account, "+
			"which runs the server because PostgreSQL refuses to run as root; "+
			"fix it with `chmod o+x %s` (or `setfacl -m u:%s:x %s`), or choose another --pg-dir whose parent directories are searchable (e.g. under /var/lib or /tmp)",
			p, st.Uid, info.Mode().Perm(), a.name, p, a.name, p)
	}
	return nil
}

// canSearch applies the classic owner/group/other permission rule for the
// execute (search) bit. ACLs are not consulted.
func (a account) canSearch(st *syscall.Stat_t) bool {
	mode := uint32(st.Mode)
	if st.Uid == a.uid {
		return mode&0o100 != 0
	}
	if st.Gid == a.gid || slices.Contains(a.groups, st.Gid) {
		return mode&0o010 != 0
	}
	return mode&0o001 != 0
}
