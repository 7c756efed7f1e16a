package postgrestest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { Main(m) }

// fatalRecorder stands in for a test to see whether a helper fails it: Fatal records the message
// and ends the goroutine, as testing's does.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (f *fatalRecorder) Helper() {}

func (f *fatalRecorder) Fatal(args ...any) { f.msg = fmt.Sprint(args...); runtime.Goexit() }

func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// fails runs QueryInt on a recorder and returns how it failed the test ("" when it did not).
func fails(t *testing.T, sql string) (n int, msg string) {
	f := &fatalRecorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		n = QueryInt(f, sql)
	}()
	<-done
	return n, f.msg
}

// A count the test relies on is never made up: no row, two rows or NULL fail the test instead of
// reading as 0.
func TestQueryIntNeedsExactlyOneInteger(t *testing.T) {
	t.Parallel()
	if n, msg := fails(t, `SELECT count(*) FROM river_job WHERE false`); msg != "" || n != 0 {
		t.Fatalf("a count of nothing = %d, %q; want 0 without failing", n, msg)
	}
	if n := QueryInt(t, `SELECT $1::int + 1`, 41); n != 42 {
		t.Fatalf("QueryInt = %d, want 42", n)
	}
	for sql, want := range map[string]string{
		`SELECT 1 WHERE false`:         "no rows",
		`SELECT generate_series(1, 2)`: "too many rows",
		`SELECT NULL::int`:             "NULL",
		`SELECT no_such_column`:        "no_such_column",
	} {
		if n, msg := fails(t, sql); !strings.Contains(msg, want) {
			t.Errorf("QueryInt(%q) = %d, failing with %q; want a failure about %s", sql, n, msg, want)
		}
	}
}
