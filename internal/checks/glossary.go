package checks

import (
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// checkGlossary enforces the termbase. For each term whose source-language form FindTerm finds
// in the source:
//   - a do-not-translate term must appear in the translation exactly as in the source;
//   - a forbidden variant in the translation is reported (unless it lies inside the approved
//     term, as «Пояс» inside «Пояс и путь»);
//   - otherwise the approved target term must appear in some inflected form (termRendered: in
//     Russian its relative adjective counts too), unless the translation renders another sense
//     of the source word (lexicon/senses.txt: қарыз is a loan and a debt).
//
// Terms without a form in the source or target language are skipped, and so are source
// occurrences inside an English fixed phrase ("on time": see enIdioms).
func checkGlossary(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	var out []pipeline.Finding
	memo := opts.wordMemo()
	if memo == nil {
		memo = &wordMemo{} // the texts are read once for all terms all the same
	}
	for _, t := range opts.Terms {
		st := strings.TrimSpace(t.Terms[u.SourceLang])
		if st == "" {
			continue
		}
		m := sourceTermUses(memo, u.Source, st, u.SourceLang, 1)
		if len(m) == 0 {
			continue
		}
		s, e := m[0][0], m[0][1]
		if t.DoNotTranslate {
			if !strings.Contains(u.Target, st) && !strings.Contains(u.Target, u.Source[s:e]) {
				out = append(out, newFinding(CheckGlossary, "check.glossary.keep_original", map[string]any{"Term": st}))
			}
			continue
		}
		tt := strings.TrimSpace(t.Terms[u.TargetLang])
		good, rendered := termRendered(memo, u, t)
		f, _, ok := forbiddenUse(memo, u.Target, t.Forbidden[u.TargetLang], good, u.TargetLang)
		if ok {
			out = append(out, newFinding(CheckGlossary, "check.glossary.forbidden", map[string]any{"Forbidden": f, "Target": tt, "Source": st}))
			continue
		}
		if !rendered {
			out = append(out, newFinding(CheckGlossary, "check.glossary.missing", map[string]any{"Source": st, "Target": tt}))
		}
	}
	return out
}

// forbiddenUse finds a forbidden variant in text that is not part of a longer occurrence of the
// approved term. Where the variant and the approved term match the same words (a variant that
// differs only in an ending the matcher forgives, like Шанхай ынтымақтастығы ұйымы against
// Шанхай ынтымақтастық ұйымы), the variant wins when the text spells it exactly.
//
// Matches come in order of their starts (strictly increasing), so one pass over good per variant
// decides containment: a match lies inside an approved occurrence that starts earlier when the
// longest of those reaches its end, or inside the one occurrence that starts with it.
func forbiddenUse(memo *wordMemo, text string, forbidden []string, good [][2]int, lang pipeline.Lang) (string, [2]int, bool) {
	for _, f := range forbidden {
		g, reach := 0, -1 // good[:g] start before the match; reach is the furthest end among them
		for _, m := range findTermAll(memo, text, f, lang, -1) {
			for g < len(good) && good[g][0] < m[0] {
				reach = max(reach, good[g][1])
				g++
			}
			inside := reach >= m[1]
			if !inside && g < len(good) && good[g][0] == m[0] && good[g][1] >= m[1] {
				inside = good[g] != m || !strings.EqualFold(normalizeSpaces(text[m[0]:m[1]]), normalizeSpaces(f))
			}
			if !inside {
				return text[m[0]:m[1]], m, true
			}
		}
	}
	return "", [2]int{}, false
}

func normalizeSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }
