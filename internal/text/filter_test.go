package text

import (
	"fmt"
	"testing"
)

// A filter never refuses a string it holds, and lets few others through.
func TestWordFilter(t *testing.T) {
	const n = 50_000
	f := NewWordFilter(n, 12)
	for i := range n {
		f.Add(fmt.Sprintf("word%d", i))
	}
	for i := range n {
		w := fmt.Sprintf("word%d", i)
		if !f.MayHold(w) || !f.MayHoldHash(FilterHash(w)) || !f.MayHoldHash(FilterHashBytes([]byte(w))) {
			t.Fatalf("the filter refuses %q, which it holds", w)
		}
	}
	through := 0
	for i := range n {
		if f.MayHold(fmt.Sprintf("other%d", i)) {
			through++
		}
	}
	if rate := float64(through) / n; rate > 0.05 {
		t.Errorf("%.3f of strings it does not hold pass the filter, want at most 0.05", rate)
	}
}
