package checks

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// normaliseSource is the form of a source text that the translation memory is asked about:
// trimmed, with runs of whitespace collapsed to one space.
func normaliseSource(s string) string { return strings.Join(strings.Fields(s), " ") }

// comparable reduces a translation to what matters for consistency: letters and digits in lower
// case, with ё as е. Spacing, punctuation and quote style do not make translations different.
func comparable(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ё':
			b.WriteRune('е')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkConsistency warns when the translation memory holds a different translation of the same
// source, so that the reviewer picks one. Translations that differ only in spacing,
// punctuation, quotes or case count as the same. The finding names how many other versions
// exist and quotes the first.
func checkConsistency(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	if opts.OtherTranslations == nil || isBlank(u.Source) {
		return nil
	}
	mine := comparable(u.Target)
	var first string
	n := 0
	seen := map[string]bool{}
	for _, o := range opts.OtherTranslations(normaliseSource(u.Source)) {
		c := comparable(o)
		if c == "" || c == mine || seen[c] {
			continue
		}
		seen[c] = true
		if n == 0 {
			first = o
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return []pipeline.Finding{newFinding(CheckConsistency, "check.consistency.differs", map[string]any{"Other": first, "Count": n})}
}
