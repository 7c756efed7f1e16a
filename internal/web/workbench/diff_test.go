package workbench

import (
	"strings"
	"testing"
)

// TestWordDiffShowsWhatChangedSinceTheMatch checks the highlighting of a memory match's source
// against the current source, word by word, and character by character in Chinese.
func TestWordDiffShowsWhatChangedSinceTheMatch(t *testing.T) {
	t.Parallel()
	render := func(parts []diffPart) string {
		var b strings.Builder
		for _, p := range parts {
			switch p.Op {
			case "del":
				b.WriteString("[-" + p.Text + "-]")
			case "ins":
				b.WriteString("{+" + p.Text + "+}")
			default:
				b.WriteString(p.Text)
			}
		}
		return b.String()
	}
	for _, tc := range []struct{ old, cur, want string }{
		{"Trade grew by 27 percent in 2025.", "Trade grew by 31 percent in 2026.",
			"Trade grew by [-27-]{+31+} percent in [-2025-]{+2026+}."},
		{"Казахстан и Китай подписали соглашения.", "Казахстан и Китай подписали 14 соглашений.",
			"Казахстан и Китай подписали [-соглашения-]{+14 соглашений+}."},
		{"中国与中亚合作", "中国与中亚加强合作", "中国与中亚{+加强+}合作"},
		{"Same text.", "Same text.", "Same text."},
	} {
		parts := wordDiff(tc.old, tc.cur)
		if got := render(parts); got != tc.want {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", tc.old, tc.cur, got, tc.want)
		}
		var cur strings.Builder
		for _, p := range parts {
			if p.Op != "del" {
				cur.WriteString(p.Text)
			}
		}
		if cur.String() != tc.cur {
			t.Errorf("the diff of %q does not spell the current source: %q", tc.cur, cur.String())
		}
	}
}
