package repair

import (
	"sync"
	"testing"
)

var (
	testOnce     sync.Once
	testRepairer *Repairer
	testErr      error
)

// repairer loads the word lists once for all tests of the package.
func repairer(t testing.TB) *Repairer {
	t.Helper()
	testOnce.Do(func() { testRepairer, testErr = New() })
	if testErr != nil {
		t.Fatalf("New: %v", testErr)
	}
	return testRepairer
}
