package pgserver

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// adminURL names a server to create databases on: DATABASE_URL's, the server every other
// package's tests use when it is set, or else a private server started for the test. Either way
// the test runs; application_name is added so that the test can see the parameters kept.
func adminURL(t *testing.T) string {
	t.Helper()
	admin := os.Getenv("DATABASE_URL")
	if admin == "" {
		admin = startServer(t, serverDir(t)).URL("postgres")
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("DATABASE_URL: %v", err)
	}
	q := u.Query()
	q.Set("application_name", "pgserver_test")
	u.RawQuery = q.Encode()
	return u.String()
}

func TestCreateTempDatabase(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin := adminURL(t)
	au, _ := url.Parse(admin)

	dbURL, drop, err := CreateTempDatabase(ctx, admin, "pgserver_test")
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
	if u.Host != au.Host || u.User.String() != au.User.String() || u.Query().Encode() != au.Query().Encode() {
		t.Errorf("url %q does not keep the admin url's host, user and parameters (%q)", dbURL, admin)
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
	adminConn := connect(t, admin)
	if err := adminConn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
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
