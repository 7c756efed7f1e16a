package qa

import (
	"math"

	"github.com/tilmash/tilmash/pipeline"
)

// lengthFactor is the usual content length (letters and digits) of a text in a language relative
// to the same text in English, measured on analytical prose: Russian and Kazakh run longer,
// Chinese needs about a third of the characters.
func lengthFactor(l pipeline.Lang) float64 {
	switch l {
	case pipeline.Russian:
		return 1.12
	case pipeline.Kazakh:
		return 1.10
	case pipeline.Chinese:
		return 0.31
	}
	return 1
}

// Thresholds of the omission check, as shares of the expected translation length.
const (
	omissionMinSource = 40   // content characters below which lengths say too little
	omissionShort     = 0.68 // shorter than this is a warning on its own
	omissionFewer     = 0.86 // shorter than this with fewer sentences or clauses is a warning
)

// checkOmission warns when a translation seems to have lost a clause or a sentence. It compares
// the translation's length with the usual length for the language pair and counts sentences and
// clauses: a translation much shorter than usual is suspect on its own; one somewhat shorter is
// suspect when it also has fewer sentences than the source, or clearly fewer clauses. Short
// sources are skipped, since their lengths vary too much to judge. Translations that are too
// long are not reported.
func checkOmission(u pipeline.CheckUnit, _ *Options) []pipeline.Finding {
	srcLen := contentLength(stripMarkup(u.Source))
	tgtLen := contentLength(stripMarkup(u.Target))
	if float64(srcLen)*lengthFactor(u.SourceLang) < omissionMinSource {
		return nil
	}
	expected := float64(srcLen) * lengthFactor(u.TargetLang) / lengthFactor(u.SourceLang)
	ratio := float64(tgtLen) / expected
	pct := int(math.Round(ratio * 100))
	srcS, tgtS := countSentences(u.Source, u.SourceLang), countSentences(u.Target, u.TargetLang)
	switch {
	case ratio < omissionShort:
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.short", map[string]any{"Percent": pct})}
	case ratio < omissionFewer && tgtS < srcS:
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.sentences",
			map[string]any{"Percent": pct, "SourceCount": srcS, "TargetCount": tgtS})}
	case ratio < omissionFewer && clauseDeficit(u):
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.clauses", map[string]any{"Percent": pct})}
	}
	return nil
}

// clauseDeficit reports a translation with clearly fewer clauses than its source: two fewer, or
// one fewer of three. Chinese, which strings clauses with commas, is compared the same way.
func clauseDeficit(u pipeline.CheckUnit) bool {
	s, t := countClauses(u.Source), countClauses(u.Target)
	return t <= s-2 || (s >= 3 && t < s && s-t >= 1 && t*3 < s*2)
}
