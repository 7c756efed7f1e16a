package checks

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// Words that English grammar repeats ("that that", "had had").
var enRepeatable = wordSet("that had")

// Chinese characters whose doubling is almost always a typo. Most function characters also end
// or begin words (首都|都将, 为了|了解, 现在|在, 被|被告, 还|还款), so only 的 is listed, with the
// words that end in it, and the adverbs 也, 很, 又, which begin and end no word.
const zhNoDouble = "的也很又"

var zhDoubleOK = []string{"目的的", "的的确确", "有的的", "别的的"}

// checkRepeatedWord warns about a word typed twice in a row ("в в", "the the"), or two or three
// words ("in the in the"), ignoring case and allowing only spaces between them. Numbers and the English pairs "that that" and "had
// had" are fine. In Chinese, which has no spaces, it looks for a doubled 的
// (outside 目的的, 的的确确) and for a doubled run of two to four characters (合作合作); single-character
// reduplication such as 常常 or 人人 is normal Chinese and stays quiet.
func checkRepeatedWord(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	text := opts.wordMemo().stripped(u.Target)
	ws := opts.wordMemo().words(text)
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if isHan(firstRune(a.Text)) || !strings.EqualFold(a.Text, b.Text) {
			continue
		}
		gap := text[a.End:b.Start]
		if strings.TrimSpace(gap) != "" || gap == "" || enRepeatable[strings.ToLower(a.Text)] {
			continue
		}
		return []pipeline.Finding{newFinding(CheckRepeatedWord, "check.repeated_word.word", map[string]any{"Word": b.Text})}
	}
	if w, ok := doubledPhrase(text, ws); ok {
		return []pipeline.Finding{newFinding(CheckRepeatedWord, "check.repeated_word.word", map[string]any{"Word": w})}
	}
	if u.TargetLang == pipeline.Chinese || containsHan(text) {
		if w, ok := doubledHan(text); ok {
			return []pipeline.Finding{newFinding(CheckRepeatedWord, "check.repeated_word.word", map[string]any{"Word": w})}
		}
	}
	return nil
}

// doubledPhrase finds two or three words typed twice in a row with only spaces between them
// ("in the in the", "в том числе в том числе"), the trace of a cut-and-paste that no prose
// repeats on purpose.
func doubledPhrase(text string, ws []word) (string, bool) {
	for n := 2; n <= 3; n++ {
		for i := 0; i+2*n <= len(ws); i++ {
			same := true
			for k := 0; k < n && same; k++ {
				a, b := ws[i+k], ws[i+n+k]
				same = !isHan(firstRune(a.Text)) && strings.EqualFold(a.Text, b.Text)
			}
			for k := i; k < i+2*n-1 && same; k++ {
				gap := text[ws[k].End:ws[k+1].Start]
				same = gap != "" && strings.TrimSpace(gap) == ""
			}
			if same {
				return text[ws[i].Start:ws[i+n-1].End], true
			}
		}
	}
	return "", false
}

// doubledHan finds a doubled Chinese function character or run of two to four characters,
// unless the source of the doubling is a known pattern (一带一路 has no doubling; 研究研究-style
// verb reduplication is rare in analytical prose and reported).
func doubledHan(s string) (string, bool) {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if !isHan(rs[i]) {
			continue
		}
		if i+1 < len(rs) && rs[i] == rs[i+1] && strings.ContainsRune(zhNoDouble, rs[i]) && !doubleOK(rs, i) {
			return string(rs[i : i+2]), true
		}
		for n := 2; n <= 4 && i+2*n <= len(rs); n++ {
			same := true
			for k := 0; k < n; k++ {
				if rs[i+k] != rs[i+n+k] || !isHan(rs[i+k]) {
					same = false
					break
				}
			}
			if same && !allSame(rs[i:i+n]) {
				return string(rs[i : i+n]), true
			}
		}
	}
	return "", false
}

// doubleOK reports whether the doubled character at i belongs to a word that allows it.
func doubleOK(rs []rune, i int) bool {
	for _, w := range zhDoubleOK {
		wr := []rune(w)
		for k := range wr {
			if s := i - k; s >= 0 && s+len(wr) <= len(rs) && string(rs[s:s+len(wr)]) == w {
				return true
			}
		}
	}
	return false
}

func allSame(rs []rune) bool {
	for _, r := range rs {
		if r != rs[0] || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
