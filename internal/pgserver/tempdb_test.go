package pgserver

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
)

// systemCluster is the machine's own PostgreSQL, used when reachable.
const systemCluster = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

func TestCreateTempDatabase(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pingCtx, pingCancel := context.WithTimeout(ctx, 2*time.Second)
	defer pingCancel()
	if err := pingURL(pingCtx, systemCluster); err != nil {
		t.Skipf("system cluster %s unreachable: %v", systemCluster, err)
	}

	dbURL, drop, err := CreateTempDatabase(ctx, systemCluster, "pgserver_test")
	if err != nil {
		t.Fatalf("CreateTempDatabase: %v", err)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatalf("returned url %q: %v", dbURL, err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if !strings.HasPrefix(name, "pgserver_test_") || len(name) != len("pgserver_test_")+16 {
		t.Errorf("database name %q, want pgserver_test_<16 hex digits>", name)
	}
	if u.Host != "127.0.0.1:5432" || u.User.Username() != "postgres" || u.Query().Get("sslmode") != "disable" {
		t.Errorf("url %q does not keep the admin url's host, user and parameters", dbURL)
	}

	// An open connection must not prevent the drop.
	conn := connect(t, dbURL)
	if _, err := conn.Exec(ctx, `CREATE TABLE t (id int)`); err != nil {
		t.Fatalf("use temporary database: %v", err)
	}
	if err := drop(ctx); err != nil {
		t.Fatalf("drop: %v", err)
	}
	if err := drop(ctx); err != nil {
		t.Fatalf("second drop: %v", err)
	}
	var exists bool
	admin := connect(t, systemCluster)
	if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after drop", name)
	}
}

func TestCreateTempDatabaseRejectsBadInput(t *testing.T) {
	ctx := context.Background()
	// Port 1 is never a PostgreSQL server: these must fail before connecting.
	good := "postgres://postgres@127.0.0.1:1/postgres"
	for _, tc := range []struct{ url, prefix, want string }{
		{good, "", "prefix"},
		{good, "Tilmash-Test", "prefix"},
		{good, strings.Repeat("a", 47), "prefix"},
		{"host=localhost dbname=x", "ok", "postgres:// url"},
		{"mysql://root:secret@localhost/x", "ok", "postgres:// url"},
	} {
		_, drop, err := CreateTempDatabase(ctx, tc.url, tc.prefix)
		if err == nil || !strings.Contains(err.Error(), tc.want) || drop != nil {
			t.Errorf("CreateTempDatabase(%q, %q) = %v, want an error about %s", tc.url, tc.prefix, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error leaks the password: %v", err)
		}
	}
}

func TestWithDatabaseKeepsEverythingElse(t *testing.T) {
	u, _ := url.Parse("postgresql://app:p%40ss@db.example:6432/admin?sslmode=require&dbname=admin&application_name=x")
	got, _ := url.Parse(withDatabase(u, "tmp_1"))
	if got.Path != "/tmp_1" || got.Host != "db.example:6432" || got.Scheme != "postgresql" {
		t.Errorf("got %s", got)
	}
	if pw, _ := got.User.Password(); got.User.Username() != "app" || pw != "p@ss" {
		t.Errorf("credentials changed: %s", got)
	}
	q := got.Query()
	if q.Get("sslmode") != "require" || q.Get("application_name") != "x" || q.Has("dbname") {
		t.Errorf("query %q: want sslmode and application_name kept, dbname removed", got.RawQuery)
	}
}
