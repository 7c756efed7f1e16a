package text

import (
	"strings"
	"testing"
)

// The attested list is searched by halves, so it must be sorted, and it is asked for lower-case
// forms only.
func TestKazakhAttestedList(t *testing.T) {
	l := kkAttested()
	if len(l.start) < 1000 {
		t.Fatalf("words/kk-attested.txt.gz holds %d forms; regenerate it with internal/checks/cmd/kkattested", len(l.start))
	}
	for i := range l.start {
		w := l.at(i)
		if i > 0 && l.at(i-1) >= w {
			t.Fatalf("form %d %q is not after %q: the list must be sorted and without repeats", i, w, l.at(i-1))
		}
		if strings.ToLower(w) != w {
			t.Fatalf("form %q is not in lower case", w)
		}
	}
	for _, w := range []string{l.at(0), l.at(len(l.start) / 2), l.at(len(l.start) - 1)} {
		if !KazakhAttested(w) {
			t.Errorf("KazakhAttested(%q) = false for a form of the list", w)
		}
	}
	for _, w := range []string{"", "мүрағаттт", "Мүрағат", "zzz"} {
		if KazakhAttested(w) {
			t.Errorf("KazakhAttested(%q) = true", w)
		}
	}
}
