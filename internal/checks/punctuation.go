package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// checkPunctuation warns about punctuation that does not follow the target language's
// conventions or does not match the source:
//   - Chinese: half-width , . ; : ? ! or parentheses next to Chinese characters (full-width
//     ，。；：？！（） belong there), straight quotes around Chinese text (“” belong there);
//   - Russian and Kazakh: straight quotes or English “” quotes at the outer level («» belong there;
//     „“ and “” inside «» are fine), a hyphen between spaces where a dash (—) belongs;
//   - every language: end punctuation that does not match the source (a full stop against a
//     question mark; none where the source has some, or some where it has none, each said as
//     such), brackets and quotes that the source balances and the
//     translation does not.
//
// Decimal points, URLs, placeholders and Latin text inside Chinese are left alone.
func checkPunctuation(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	memo := opts.wordMemo()
	tgt := memo.stripped(u.Target)
	var out []pipeline.Finding
	add := func(id string, data map[string]any) {
		out = append(out, newFinding(CheckPunctuation, id, data))
	}
	switch u.TargetLang {
	case pipeline.Chinese:
		if p, ok := halfWidthInChinese(tgt); ok {
			add("check.punctuation.halfwidth", map[string]any{"Mark": p})
		}
		if straightQuotesAroundHan(tgt) {
			add("check.punctuation.zh_quotes", map[string]any{})
		}
	case pipeline.Russian, pipeline.Kazakh:
		if badRuQuotes(tgt) {
			add("check.punctuation.guillemets", map[string]any{})
		}
		if strings.Contains(tgt, " - ") {
			add("check.punctuation.dash", map[string]any{})
		}
	}
	se, te := endClass(memo.stripped(u.Source)), endClass(tgt)
	switch {
	case se == te || se == endNone && te == endStop && u.TargetLang == pipeline.Chinese:
	case te == endNone:
		add("check.punctuation.end_missing", map[string]any{"Source": endMark(se)})
	case se == endNone:
		add("check.punctuation.end_extra", map[string]any{"Target": endMark(te)})
	default:
		add("check.punctuation.end", map[string]any{"Source": endMark(se), "Target": endMark(te)})
	}
	if pair, ok := unbalanced(tgt); ok {
		if _, srcBad := unbalanced(memo.stripped(u.Source)); !srcBad {
			add("check.punctuation.unbalanced", map[string]any{"Mark": pair})
		}
	}
	return out
}

// halfWidthInChinese finds a half-width punctuation mark touching a Chinese character.
func halfWidthInChinese(s string) (string, bool) {
	rs := []rune(s)
	lastText := len(rs) - 1 // the last rune that is not a space: after it, the text has ended
	for lastText >= 0 && unicode.IsSpace(rs[lastText]) {
		lastText--
	}
	han := containsHan(s)
	for i, r := range rs {
		if !strings.ContainsRune(",.;:?!()", r) {
			continue
		}
		prevHan := i > 0 && isHan(rs[i-1])
		nextHan := i+1 < len(rs) && isHan(rs[i+1])
		if r == '.' && i > 0 && isDigit(rs[i-1]) {
			continue // 1.5亿
		}
		if r == '(' && nextHan || r == ')' && prevHan || r != '(' && r != ')' && (prevHan || nextHan && r != '.') {
			return string(r), true
		}
		if r == '.' && i > 0 && !isLatin(rs[i-1]) && i >= lastText && han {
			return string(r), true // a Chinese sentence ends with 。, after digits and % too
		}
	}
	return "", false
}

// straightQuotesAroundHan reports "…" quotes whose content starts or ends with a Chinese
// character.
func straightQuotesAroundHan(s string) bool {
	rs := []rune(s)
	for i, r := range rs {
		if r != '"' {
			continue
		}
		if i+1 < len(rs) && isHan(rs[i+1]) || i > 0 && isHan(rs[i-1]) {
			return true
		}
	}
	return false
}

// badRuQuotes reports straight double quotes, or English “” quotes not nested inside «».
func badRuQuotes(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '"':
			return true
		case '«':
			depth++
		case '»':
			if depth > 0 {
				depth--
			}
		case '“':
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

type endKind int

const (
	endNone endKind = iota
	endStop
	endQuestion
	endExclamation
	endColon
	endSemicolon
	endEllipsis
)

// endClass classifies how a text ends, looking past closing quotes and brackets, footnote
// markers and trailing space.
func endClass(s string) endKind {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'»”’)]）】」』*", r)
	})
	if s == "" {
		return endNone
	}
	last, _ := utf8.DecodeLastRuneInString(s) // the last rune, without reading the others
	switch last {
	case '.', '。':
		if strings.HasSuffix(s, "...") {
			return endEllipsis
		}
		return endStop
	case '?', '？':
		return endQuestion
	case '!', '！':
		return endExclamation
	case ':', '：':
		return endColon
	case ';', '；':
		return endSemicolon
	case '…':
		return endEllipsis
	}
	return endNone
}

func endMark(k endKind) string {
	return [...]string{"—", ".", "?", "!", ":", ";", "…"}[k]
}

// unbalanced reports the first bracket or quote pair of s that does not close, or closes
// without opening. Straight double quotes are balanced when their count is even.
func unbalanced(s string) (string, bool) {
	// Russian inner quotes „…“ close with the English opening quote: take those pairs out first.
	if strings.Contains(s, "„") {
		var ok bool
		if s, ok = withoutLowQuotePairs(s); !ok {
			return "„“", true
		}
	}
	// One pass for all pairs: a pair's count stops at its first close without an open.
	var depth [len(bracketPairs)]int
	for _, r := range s {
		i, open := bracketPair(r)
		switch {
		case i < 0 || depth[i] < 0:
		case open:
			depth[i]++
		default:
			depth[i]--
		}
	}
	for i, d := range depth {
		if d != 0 {
			return bracketPairs[i], true
		}
	}
	if strings.Count(s, "\"")%2 != 0 {
		return `""`, true
	}
	return "", false
}

// bracketPairs are the pairs unbalanced checks, in the order it reports them.
var bracketPairs = [...]string{"()", "[]", "{}", "«»", "“”", "（）", "【】", "《》", "「」", "『』"}

// bracketPair returns the index in bracketPairs of the pair r opens or closes, and whether it
// opens it; -1 for any other rune.
func bracketPair(r rune) (int, bool) {
	switch r {
	case '(':
		return 0, true
	case ')':
		return 0, false
	case '[':
		return 1, true
	case ']':
		return 1, false
	case '{':
		return 2, true
	case '}':
		return 2, false
	case '«':
		return 3, true
	case '»':
		return 3, false
	case '“':
		return 4, true
	case '”':
		return 4, false
	case '（':
		return 5, true
	case '）':
		return 5, false
	case '【':
		return 6, true
	case '】':
		return 6, false
	case '《':
		return 7, true
	case '》':
		return 7, false
	case '「':
		return 8, true
	case '」':
		return 8, false
	case '『':
		return 9, true
	case '』':
		return 9, false
	}
	return -1, false
}

// withoutLowQuotePairs removes every „ with the first “ after it that no earlier „ took, in one
// pass (not string by string: a text of many pairs would be copied once per pair). It reports
// false when a „ has no “ after it.
func withoutLowQuotePairs(s string) (string, bool) {
	var opens, closes []int
	for i, r := range s {
		switch r {
		case '„':
			opens = append(opens, i)
		case '“':
			closes = append(closes, i)
		}
	}
	drop := make(map[int]bool, 2*len(opens))
	c := 0
	for _, o := range opens {
		for c < len(closes) && closes[c] < o {
			c++
		}
		if c == len(closes) {
			return "", false
		}
		drop[o], drop[closes[c]] = true, true
		c++
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := range s {
		if drop[i] {
			b.WriteString(s[last:i])
			_, size := utf8.DecodeRuneInString(s[i:])
			last = i + size
		}
	}
	b.WriteString(s[last:])
	return b.String(), true
}
