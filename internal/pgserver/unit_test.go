package pgserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseMajorVersion(t *testing.T) {
	for in, want := range map[string]string{
		"postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n": "15",
		"postgres (PostgreSQL) 17beta1":                          "17",
		"postgres (PostgreSQL) 9.6.24":                           "9.6",
	} {
		if got, err := parseMajorVersion(in); err != nil || got != want {
			t.Errorf("parseMajorVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := parseMajorVersion("garbage"); err == nil {
		t.Error("parseMajorVersion(garbage) succeeded")
	}
}

func TestSocketDirFallsBackForLongPaths(t *testing.T) {
	short := t.TempDir()
	got, temporary, err := socketDir(short, account{})
	if err != nil || temporary || got != filepath.Join(short, "run") {
		t.Errorf("short dir: got %q, %v, %v; want %s/run", got, temporary, err, short)
	}

	long := filepath.Join(t.TempDir(), strings.Repeat("d", 100))
	if err := os.MkdirAll(long, 0o755); err != nil {
		t.Fatal(err)
	}
	got, temporary, err = socketDir(long, account{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.RemoveAll(got) }()
	if !temporary || !strings.HasPrefix(got, "/tmp/") || len(got)+1+len(socketFileName) > maxSocketPath {
		t.Errorf("long dir: got %q (temporary %v), want a short /tmp directory", got, temporary)
	}
	if info, err := os.Stat(got); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("socket dir mode: %v, %v; want 0700", info.Mode(), err)
	}
}

func TestCheckTraversableNamesBlockingDirectory(t *testing.T) {
	parent := t.TempDir() // mode 0700, owned by the test's user
	if err := os.Chmod(filepath.Dir(parent), 0o755); err != nil {
		t.Fatal(err)
	}
	blocked := filepath.Join(parent, "private")
	if err := os.Mkdir(blocked, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(blocked, 0o700); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(blocked, "pg")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(parent, 0o755); err != nil {
		t.Fatal(err)
	}
	// An account that neither owns the directory nor shares its group.
	other := uint32(os.Getuid()+4242) % 60000
	stranger := account{name: "stranger", uid: other, gid: other, switched: true}
	err := stranger.checkTraversable(target)
	if err == nil || !strings.Contains(err.Error(), "directory "+blocked+" ") || !strings.Contains(err.Error(), "chmod o+x "+blocked) {
		t.Fatalf("got %v, want an error naming %s and the fix", err, blocked)
	}
	if info, _ := os.Stat(blocked); info.Mode().Perm() != 0o700 {
		t.Errorf("permissions of %s changed to %v", blocked, info.Mode().Perm())
	}
	if err := (account{}).checkTraversable(target); err != nil {
		t.Errorf("the caller's own account: %v", err)
	}
}

func TestStartLockIsExclusive(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockStart(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockStart(dir); err == nil || !strings.Contains(err.Error(), "another process is starting a server") {
		t.Fatalf("second lock: got %v, want a clear refusal", err)
	}
	unlock()
	unlock2, err := lockStart(dir)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	unlock2()
}
