package checks

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// checkWhitespace warns about spacing errors in the translation: two or more spaces in a row,
// leading or trailing whitespace the source does not have, a space before , . ; : ! ? (outside
// Chinese), and a space between two Chinese characters. Line breaks inside the text are not
// doubled spaces.
func checkWhitespace(u pipeline.CheckUnit, _ *Options) []pipeline.Finding {
	t := u.Target
	var out []pipeline.Finding
	add := func(id string) { out = append(out, newFinding(CheckWhitespace, id, map[string]any{})) }
	if hasLeadingSpace(t) && !hasLeadingSpace(u.Source) {
		add("check.whitespace.leading")
	}
	if hasTrailingSpace(t) && !hasTrailingSpace(u.Source) {
		add("check.whitespace.trailing")
	}
	inner := strings.TrimSpace(t)
	if strings.Contains(inner, "  ") || strings.Contains(inner, " \u00a0") || strings.Contains(inner, "\u00a0 ") {
		if !strings.Contains(strings.TrimSpace(u.Source), "  ") {
			add("check.whitespace.double")
		}
	}
	rs := []rune(inner)
	for i := 1; i+1 < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) || rs[i] == '\n' {
			continue
		}
		if u.TargetLang != pipeline.Chinese && strings.ContainsRune(",.;:!?", rs[i+1]) && !unicode.IsSpace(rs[i-1]) &&
			(rs[i+1] != '.' || i+2 >= len(rs) || !isDigit(rs[i+2]) && rs[i+2] != '.') {
			add("check.whitespace.before_punctuation")
			break
		}
	}
	if u.TargetLang == pipeline.Chinese {
		for i := 1; i+1 < len(rs); i++ {
			if unicode.IsSpace(rs[i]) && rs[i] != '\n' && isHan(rs[i-1]) && isHan(rs[i+1]) {
				add("check.whitespace.between_han")
				break
			}
		}
	}
	return out
}

func hasLeadingSpace(s string) bool {
	return s != "" && strings.TrimLeftFunc(s, unicode.IsSpace) != s
}

func hasTrailingSpace(s string) bool {
	return s != "" && strings.TrimRightFunc(s, unicode.IsSpace) != s
}
