package checks

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// isBlank reports whether s holds nothing but whitespace.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// checkUntranslated reports an empty translation of a non-empty source, and a translation that is
// a copy of the source although the source has words to translate. A copy is fine when the source
// is only names, acronyms, numbers, URLs or markup ("Xi Jinping", "SCO", "2023", a link): a word
// needs translating when it is in lower case and at least three letters long. Copies are compared
// with whitespace and letter case ignored.
func checkUntranslated(u pipeline.CheckUnit, _ *Options) []pipeline.Finding {
	if isBlank(u.Source) {
		return nil
	}
	if isBlank(u.Target) {
		return []pipeline.Finding{newFinding(CheckUntranslated, "check.untranslated.empty", map[string]any{})}
	}
	if u.SourceLang == u.TargetLang || !sameText(u.Source, u.Target) || !needsTranslation(u.Source) {
		return nil
	}
	return []pipeline.Finding{newFinding(CheckUntranslated, "check.untranslated.copy", map[string]any{})}
}

// sameText compares two texts with whitespace collapsed and case folded: their words (runs
// between white space) pair up and each pair is equal under case folding. Nothing is copied.
func sameText(a, b string) bool {
	for {
		var fa, fb string
		fa, a = nextField(a)
		fb, b = nextField(b)
		if fa == "" || fb == "" {
			return fa == fb
		}
		if !strings.EqualFold(fa, fb) {
			return false
		}
	}
}

// nextField returns the first run of s between white space, as strings.Fields splits, and the
// rest of s after it; "" when s holds no more.
func nextField(s string) (field, rest string) {
	start := strings.IndexFunc(s, notSpace)
	if start < 0 {
		return "", ""
	}
	s = s[start:]
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return s, ""
	}
	return s[:end], s[end:]
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }

// needsTranslation reports whether s has a word that is not a name, an acronym or a number: a
// lower-case word of three letters or more, or any Chinese character.
func needsTranslation(s string) bool {
	for _, w := range words(stripMarkup(s)) {
		r := []rune(w.Text)
		if isHan(r[0]) {
			return true
		}
		if len(r) >= 3 && unicode.IsLower(r[0]) {
			return true
		}
	}
	return false
}
