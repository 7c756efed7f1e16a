package checks

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// lengthFactor is the usual length of a text in a language relative to the same text in English,
// measured on analytical prose with weightedLength: Russian and Kazakh run longer; Chinese, with
// each character weighing three letters, comes out a little shorter.
func lengthFactor(l pipeline.Lang) float64 {
	switch l {
	case pipeline.Russian:
		return 1.08
	case pipeline.Kazakh:
		return 1.04
	case pipeline.Chinese:
		return 0.955
	}
	return 1
}

// weightedLength measures how much a text says: letters and digits, a Chinese character
// counting as three, markup left out.
func weightedLength(s string) float64 { return weightedLengthStripped(stripMarkup(s)) }

// weightedLengthStripped is weightedLength of a text whose markup is already stripped.
func weightedLengthStripped(s string) float64 {
	n := 0.0
	for _, r := range s {
		switch {
		case r < 0x80: // ASCII, most of an English or Latin text: no table look-ups
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				n++
			}
		case isHan(r):
			n += 3
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		}
	}
	return n
}

// Thresholds of the omission check, as shares of the expected translation length.
const (
	omissionMinSource    = 40   // weighted source length below which lengths say too little
	omissionShort        = 0.70 // shorter than this is a warning on its own (Chinese: see shortLimit)
	omissionAnchored     = 0.97 // shorter than this with a lost name, term or number is a warning
	omissionFewer        = 0.92 // shorter than this with fewer sentences is a warning
	omissionClauses      = 0.85 // shorter than this with clearly fewer clauses is a warning
	omissionFewerClauses = 0.78 // shorter than this with any fewer clauses is a warning
)

// checkOmission warns when a translation seems to have lost a clause or a sentence. Lengths
// alone vary too much between translations to tell, so it weighs them with evidence: a
// translation much shorter than usual for the language pair is suspect on its own; one
// somewhat shorter is suspect when a name, term or number of the source has no counterpart in
// it, when it has fewer sentences than the source, or clearly fewer clauses. Short sources are
// skipped. Translations that are too long are not reported.
func checkOmission(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	memo := opts.wordMemo()
	srcLen := memo.weightedLength(u.Source)
	if srcLen < omissionMinSource {
		return nil
	}
	expected := srcLen * lengthFactor(u.TargetLang) / lengthFactor(u.SourceLang)
	ratio := memo.weightedLength(u.Target) / expected
	pct := int(math.Round(ratio * 100))
	if ratio >= omissionAnchored {
		return nil
	}
	if ratio < shortLimit(u.TargetLang) {
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.short", map[string]any{"Percent": pct})}
	}
	if lost := missingAnchors(u, opts); len(lost) > 0 {
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.anchor",
			map[string]any{"Percent": pct, "Missing": strings.Join(lost, ", ")})}
	}
	srcS := text.CountSentences(memo.stripped(u.Source), u.SourceLang)
	tgtS := text.CountSentences(memo.stripped(u.Target), u.TargetLang)
	switch {
	case ratio < omissionFewer && tgtS < srcS:
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.sentences",
			map[string]any{"Percent": pct, "SourceCount": srcS, "TargetCount": tgtS})}
	case ratio < omissionClauses && clauseDeficit(u), ratio < omissionFewerClauses && countClauses(u.Target) < sourceClauses(u):
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.clauses", map[string]any{"Percent": pct})}
	}
	return nil
}

// shortLimit is the ratio below which a translation is too short on its own. Chinese lengths
// vary more (a character may stand for a word or a syllable), so its limit is lower.
func shortLimit(l pipeline.Lang) float64 {
	if l == pipeline.Chinese {
		return omissionShort - 0.16
	}
	return omissionShort
}

// clauseDeficit reports a translation with clearly fewer clauses than its source: two fewer, or
// one fewer of three.
func clauseDeficit(u pipeline.CheckUnit) bool {
	s, t := sourceClauses(u), countClauses(u.Target)
	return t <= s-2 || (s >= 3 && t*3 < s*2)
}

// sourceClauses counts the source's clauses as the target language would punctuate them:
// English relative clauses after a comma lose that comma in Kazakh and Chinese.
func sourceClauses(u pipeline.CheckUnit) int {
	n := countClauses(u.Source)
	if u.SourceLang == pipeline.English && (u.TargetLang == pipeline.Kazakh || u.TargetLang == pipeline.Chinese) {
		n -= len(relativeComma.FindAllStringIndex(stripMarkup(u.Source), -1))
	}
	return max(n, 1)
}

// relativeComma matches an English comma that opens a relative clause: Kazakh and Chinese put
// such clauses before their noun, without a comma.
var relativeComma = regexp.MustCompile(`(?i),\s+(which|who|whom|whose|where|when)\b`)

// countClauses counts the pieces of s between clause punctuation: commas, semicolons, colons,
// dashes between spaces and sentence ends, in both half- and full-width forms.
func countClauses(s string) int {
	s = stripMarkup(s)
	n := 1
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case ',', ';', ':', '，', '；', '：', '、':
			if r == ',' && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]) {
				continue
			}
			n++
		case '—', '–':
			if i > 0 && rs[i-1] == ' ' {
				n++
			}
		}
	}
	return n
}
