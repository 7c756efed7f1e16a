package postgres

import (
	"fmt"
	"testing"
)

// TestPairSegments checks how an undo keeps segment rows: unchanged sentences keep theirs,
// changed ones are paired in order, and only the surplus is added or removed.
func TestPairSegments(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		old, cur string
		want     string
	}{
		{"abcde", "abcde", "[0 1 2 3 4]"},
		{"abcde", "abXde", "[0 1 2 3 4]"},     // c changed in place
		{"abcde", "abXYde", "[0 1 2 -1 3 4]"}, // c split in two
		{"abcde", "abde", "[0 1 3 4]"},        // c merged away
		{"abcdefg", "aXcdeYg", "[0 1 2 3 4 5 6]"},
		{"", "ab", "[-1 -1]"},
	} {
		old, cur := split(tc.old), split(tc.cur)
		if got := fmt.Sprint(pairSegments(old, cur)); got != tc.want {
			t.Errorf("pairSegments(%s, %s) = %s, want %s", tc.old, tc.cur, got, tc.want)
		}
	}
}

func split(s string) []string {
	out := make([]string, len(s))
	for i, r := range s {
		out[i] = string(r)
	}
	return out
}
