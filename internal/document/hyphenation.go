package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words broken across lines. A PDF hyphenates long words at the end of a line ("распреде-" /
// "ление"), and a copy keeps the hyphen; but a compound written with a hyphen ("cross-" /
// "border") breaks there too. The text itself tells which is which: a word that the text
// writes elsewhere whole is joined, one it writes with a hyphen keeps it; otherwise the hyphen
// is a hyphenation's unless both halves are words the text uses on their own.

// compoundHeads are English words that open hyphenated compounds far more often than a
// line-end hyphenation splits a word after them ("cross-border", "long-term", "self-reliance",
// "non-tariff", "state-owned", "two-thirds"): the hyphen after them is kept unless the text
// writes the word whole elsewhere or the rest is a suffix ("state-ment", "short-age",
// "cross-ing"). Heads that hyphenation often leaves ("so-cial", "ten-sion", "mid-dle",
// "multi-ple") are not in the list.
var compoundHeads = map[string]bool{
	"cross": true, "self": true, "non": true, "well": true, "long": true, "short": true, "high": true,
	"low": true, "half": true, "all": true, "state": true, "full": true, "medium": true, "large": true,
	"small": true, "wide": true, "far": true, "two": true, "three": true, "four": true, "five": true,
	"one": true, "decision": true, "policy": true, "government": true, "world": true,
}

// wordSuffixes are endings that hyphenation splits off a word; after a compound head they make
// one word with it.
var wordSuffixes = map[string]bool{
	"ing": true, "ings": true, "ment": true, "ments": true, "ness": true, "less": true, "ful": true,
	"est": true, "ity": true, "ist": true, "ists": true, "ism": true, "ish": true, "age": true,
	"ages": true, "ers": true, "ward": true, "wards": true, "hood": true, "ship": true,
}

// Russian writes some words with a hyphen always ("по-разному", "по-русски", "во-первых",
// "кое-где", "из-за", "что-то", "какой-либо"): a line break after such a head keeps its hyphen.
// alwaysHyphenated tells them by the head and the rest.
var (
	russianHyphenParticles = map[string]bool{"то": true, "либо": true, "нибудь": true, "таки": true}
	russianAdverbTail      = regexp.MustCompile(`^\p{Ll}{2,}(ому|ему|ски|цки|ьи)$`)
	russianOrdinalTail     = regexp.MustCompile(`^(первых|вторых|третьих|четв[её]ртых|пятых|шестых|седьмых|восьмых|девятых|десятых)$`)
)

func alwaysHyphenated(head, tail string) bool {
	switch {
	case russianHyphenParticles[tail]:
		return true
	case head == "по":
		return russianAdverbTail.MatchString(tail)
	case head == "во" || head == "в":
		return russianOrdinalTail.MatchString(tail)
	case head == "кое" || head == "кой":
		return true
	case head == "из":
		return tail == "за" || tail == "под"
	}
	return false
}

// softBreak stands, at the end of a line, for a hyphen that only broke a word: appendLine joins
// the next line to it without a space and drops it. The input's own soft hyphens were removed
// by normalizeText, so every one left is this mark.
const softBreak = '\u00AD'

var (
	breakHyphen = regexp.MustCompile(`(\p{L}+)[-‐]$`)
	lineStart   = regexp.MustCompile(`^(\p{Ll}+)`)
	textWord    = regexp.MustCompile(`\p{L}+(?:[-‐]\p{L}+)*`)
)

// markLineBreakHyphens replaces the hyphen of every line that ends in the middle of a word
// broken by hyphenation with softBreak.
func markLineBreakHyphens(text string) string {
	if !strings.Contains(text, "-\n") && !strings.Contains(text, "‐\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	var words map[string]int // how often the text writes each word
	for i := 0; i+1 < len(lines); i++ {
		line := strings.TrimRightFunc(lines[i], unicode.IsSpace)
		m := breakHyphen.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		next := lineStart.FindStringSubmatch(strings.TrimLeftFunc(lines[i+1], unicode.IsSpace))
		if next == nil {
			continue
		}
		if words == nil {
			words = map[string]int{}
			for _, w := range textWord.FindAllString(text, -1) {
				words[strings.ToLower(w)]++
			}
		}
		head, tail := strings.ToLower(m[1]), next[1]
		// The halves of this very break count once each; a word of its own shows elsewhere.
		if words[head+"-"+tail] > 0 || words[head+tail] == 0 && utf8.RuneCountInString(head) > 2 && words[head] > 1 && words[tail] > 1 ||
			words[head+tail] == 0 && compoundHeads[head] && utf8.RuneCountInString(tail) >= 3 && !wordSuffixes[tail] ||
			alwaysHyphenated(head, tail) {
			continue // a compound written with a hyphen
		}
		_, size := utf8.DecodeLastRuneInString(line)
		lines[i] = line[:len(line)-size] + string(softBreak)
	}
	return strings.Join(lines, "\n")
}
