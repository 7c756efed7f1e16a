package qa

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// maxSpellingFindings caps the findings per unit: past a few, the text needs a rewrite, not a
// list.
const maxSpellingFindings = 5

// checkSpelling warns about words of the translation that the speller rejects. It skips what a
// dictionary cannot judge: words that also occur in the source (names, titles, codes), words of
// the termbase, acronyms, capitalised words inside a sentence (names), words with digits,
// words in another script than the language's (Latin names in Russian text), and words of
// one letter. Hyphenated words are accepted whole or part by part.
func checkSpelling(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	if opts.Spell == nil || u.TargetLang == pipeline.Chinese {
		return nil
	}
	text := stripMarkup(u.Target)
	srcWords := map[string]bool{}
	for _, w := range words(u.Source) {
		srcWords[foldWord(w.text)] = true
	}
	for _, t := range opts.Terms {
		for _, w := range words(t.Terms[u.TargetLang]) {
			srcWords[foldWord(w.text)] = true
		}
	}
	var out []pipeline.Finding
	seen := map[string]bool{}
	for _, tok := range hyphenWords(text) {
		w := tok.text
		if seen[w] || skipSpelling(w, u.TargetLang, srcWords) {
			continue
		}
		if isUpperInitial(w) && !sentenceStart(text, tok.start) {
			continue // a name
		}
		seen[w] = true
		if !opts.Spell.Misspelled(w, u.TargetLang) {
			continue
		}
		if strings.Contains(w, "-") && partsSpelled(w, u.TargetLang, opts.Spell, srcWords) {
			continue
		}
		out = append(out, newFinding(CheckSpelling, "check.spelling.unknown", map[string]any{"Word": w}))
		if len(out) == maxSpellingFindings {
			break
		}
	}
	return out
}

// hyphenWords splits text into words, keeping hyphenated compounds (Нур-Султан, экономико-
// политический) and apostrophes inside words together.
func hyphenWords(s string) []span {
	ws := words(s)
	var out []span
	for i := 0; i < len(ws); i++ {
		cur := ws[i]
		for i+1 < len(ws) && ws[i+1].start == cur.end+len("-") && strings.ContainsRune("-'", rune(s[cur.end])) && !isHan([]rune(ws[i+1].text)[0]) {
			cur = span{s[cur.start:ws[i+1].end], cur.start, ws[i+1].end}
			i++
		}
		out = append(out, cur)
	}
	return out
}

func skipSpelling(w string, lang pipeline.Lang, srcWords map[string]bool) bool {
	rs := []rune(w)
	if len(rs) < 2 || srcWords[foldWord(w)] || isAllUpper(w) {
		return true
	}
	for _, r := range rs {
		if unicode.IsDigit(r) || isHan(r) {
			return true
		}
		if unicode.IsLetter(r) && (lang == pipeline.English) != isLatin(r) {
			return true // another script: a name or a quotation
		}
	}
	return false
}

func partsSpelled(w string, lang pipeline.Lang, sp Speller, srcWords map[string]bool) bool {
	for _, p := range strings.Split(w, "-") {
		if p != "" && !skipSpelling(p, lang, srcWords) && sp.Misspelled(p, lang) {
			return false
		}
	}
	return true
}

// sentenceStart reports whether the word at byte offset i opens a sentence: nothing but
// punctuation before it, or a sentence end and space.
func sentenceStart(s string, i int) bool {
	before := strings.TrimRightFunc(s[:i], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("«“\"'([—–-", r)
	})
	if before == "" {
		return true
	}
	last := []rune(before)
	return strings.ContainsRune(".!?…:", last[len(last)-1])
}
