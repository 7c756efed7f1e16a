package mthttp

import "testing"

func TestEscapeMarkup(t *testing.T) {
	t.Parallel()
	plain := []string{"R&D <b>", "x"}
	if out, markup := EscapeMarkup(plain); markup || out[0] != "R&D <b>" {
		t.Errorf("text without placeholders changed: %q %v", out, markup)
	}
	out, markup := EscapeMarkup([]string{"See <g1>R&D</g1> <x2/> if 1 < 2", "a & b"})
	if !markup || out[0] != "See <g1>R&amp;D</g1> <x2/> if 1 &lt; 2" || out[1] != "a &amp; b" {
		t.Fatalf("escaped %q %v", out, markup)
	}
	back := UnescapeMarkup([]string{"См. <g1>НИОКР &amp; R&amp;D</g1> <x2/> &#39;1&#39; &lt; 2"})
	if back[0] != "См. <g1>НИОКР & R&D</g1> <x2/> '1' < 2" {
		t.Errorf("unescaped %q", back[0])
	}
}
