package pseudo

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

func newClient(t testing.TB) *Client {
	t.Helper()
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPseudoKeepsProtectedSpans(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	spans := []string{"https://example.com/path?q=1&x=y", "www.tilmash.kz/about", "editor@tilmash.kz",
		"{name}", "{{.Count}}", "${user}", "%s", "%[1]d", "%.2f", "<b>", "</a>", "&amp;", "&#169;",
		"2023", "1,234.56", "21:30", "12/05/2024"}
	for _, lang := range pipeline.Languages {
		for _, span := range spans {
			t.Run(string(lang)+"/"+span, func(t *testing.T) {
				t.Parallel()
				out := c.Pseudo("Before "+span+" after", lang)
				if !strings.Contains(out, span) {
					t.Fatalf("%q lost %q", out, span)
				}
			})
		}
	}
}

func TestPseudoScripts(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name   string
		text   string
		target pipeline.Lang
		check  func(string) bool
		what   string
	}{
		{"en accents", "Hello world", pipeline.English, hasAny("áéíöüĥļŵŕð"), "accented Latin"},
		{"ru Cyrillic", "Hello world", pipeline.Russian, onlyScript(unicode.Cyrillic), "Cyrillic letters only"},
		{"kk letters", "Kazakhstan, young guys going home", pipeline.Kazakh, hasAll("әіңғүұқөһ"), "all Kazakh letters"},
		{"kk Cyrillic only", "Hello world", pipeline.Kazakh, onlyScript(unicode.Cyrillic), "Cyrillic letters only"},
		{"zh CJK", "Hello world", pipeline.Chinese, onlyScript(unicode.Han), "CJK characters only"},
		{"ru to en transliterates", "Привет мир", pipeline.English, onlyScript(unicode.Latin), "Latin letters only"},
		{"ru to kk adds Kazakh letters", "Привет мир", pipeline.Kazakh, hasAny("әіңғүұқөһ"), "Kazakh letters"},
		{"kk to ru drops Kazakh letters", "Қазақстан", pipeline.Russian, func(s string) bool { return !hasAny("әіңғүұқөһ")(body(s)) }, "no Kazakh letters"},
		{"zh to ru", "中亚合作", pipeline.Russian, onlyScript(unicode.Cyrillic), "Cyrillic letters only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := c.Pseudo(tt.text, tt.target)
			if !strings.HasPrefix(out, "["+string(tt.target)+"] ⟦") || !strings.HasSuffix(out, "⟧") {
				t.Fatalf("%q is not marked for %s", out, tt.target)
			}
			if !tt.check(out) {
				t.Fatalf("%q: want %s", out, tt.what)
			}
		})
	}
}

func TestPseudoLengthAndDeterminism(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	text := "In recent years, the People's Republic of China has significantly strengthened its position in Central Asia."
	n := utf8.RuneCountInString(text)
	for _, lang := range pipeline.Languages {
		out := c.Pseudo(text, lang)
		if again := c.Pseudo(text, lang); again != out {
			t.Fatalf("%s: not deterministic: %q vs %q", lang, out, again)
		}
		w := width(out)
		if w < n || float64(w) > 1.45*float64(n) {
			t.Fatalf("%s: %d columns for %d runes of input: %q", lang, w, n, out)
		}
	}
	other, _ := New(Config{})
	if other.Pseudo(text, pipeline.Chinese) != c.Pseudo(text, pipeline.Chinese) {
		t.Fatal("two clients disagree")
	}
}

func TestTranslate(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	if c.Name() != "pseudo" {
		t.Fatalf("Name() = %q", c.Name())
	}
	texts := []string{"One.", "", "  ", " Two words ", "3"}
	out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: pipeline.English, TargetLang: pipeline.Kazakh, Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(texts) || out[1] != "" || out[2] != "  " {
		t.Fatalf("blank texts must stay blank: %q", out)
	}
	if !strings.HasPrefix(out[3], " [kk] ⟦") || !strings.HasSuffix(out[3], "⟧ ") {
		t.Fatalf("surrounding spaces should stay outside the markers: %q", out[3])
	}
	if out[4] != "[kk] ⟦3⟧" {
		t.Fatalf("a bare number should only be marked: %q", out[4])
	}
	_, err = c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "de", Texts: texts})
	if pipeline.ErrorCode(err) != pipeline.CodeUnsupported {
		t.Fatalf("unknown target: want unsupported, got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Translate(ctx, pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: texts}); pipeline.ErrorCode(err) != pipeline.CodeUnavailable {
		t.Fatalf("cancelled context: want unavailable, got %v", err)
	}
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	for _, e := range []float64{-0.1, 2.5} {
		if _, err := New(Config{Expansion: e}); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
			t.Fatalf("Expansion %v: want a config error, got %v", e, err)
		}
	}
}

func FuzzPseudo(f *testing.F) {
	c := newClient(f)
	for _, s := range []string{"Hello {x} 1,2", "Қазақ 中文 <b>", "%", "{{", "\xff\xfe", "⟦⟧", " \t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range pipeline.Languages {
			out := c.Pseudo(s, lang)
			if strings.TrimSpace(s) != "" && !strings.Contains(out, "⟦") {
				t.Fatalf("%q → %q is not marked", s, out)
			}
		}
	})
}

// body strips the markers and padding-free prefix for checks on the translated letters.
func body(s string) string {
	if i := strings.Index(s, "⟦"); i >= 0 {
		s = s[i+len("⟦"):]
	}
	return strings.TrimSuffix(s, "⟧")
}

func hasAny(set string) func(string) bool {
	return func(s string) bool { return strings.ContainsAny(body(s), set) }
}

func hasAll(set string) func(string) bool {
	return func(s string) bool {
		for _, r := range set {
			if !strings.ContainsRune(body(s), r) {
				return false
			}
		}
		return true
	}
}

func onlyScript(script *unicode.RangeTable) func(string) bool {
	return func(s string) bool {
		for _, r := range body(s) {
			if unicode.IsLetter(r) && !unicode.Is(script, r) {
				return false
			}
		}
		return true
	}
}
