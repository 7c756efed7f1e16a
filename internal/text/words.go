package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// Word is a word of a text and where it stands in it, in bytes.
type Word struct {
	Text       string
	Start, End int
	// Number reports a word of digits (with the separators inside numbers: 3.5, 1,000, 12,5),
	// not of letters.
	Number bool
}

// Words returns the words of s in order: the Unicode word segments (UAX #29) that hold a letter
// or a digit, which keeps apostrophes inside words (don't, China’s, д’Ивуар) and separators inside
// numbers (3.5, 1,000) and splits at hyphens, with three rules for the languages of Tilmash:
//   - letters and digits that meet are two words (2016года, G20): Russian and Kazakh glue endings
//     to numbers, and copies from PDFs glue numbers to words;
//   - a full stop or colon between letters separates words (U.S., т.е., end.Then);
//   - a run of Chinese characters is one word, as is a run of hiragana: these scripts put no
//     spaces between words, and UAX #29 makes every character a word of its own.
//
// The checks, the text repair and ingest read words with it, so that they agree on what a word is.
func Words(s string) []Word {
	out := make([]Word, 0, len(s)/8+1)
	it := words.FromString(s)
	for it.Next() {
		start, end := it.Start(), it.End()
		if end-start == 1 && s[start] < utf8.RuneSelf { // a space, a punctuation mark, a letter or a digit
			switch classify(rune(s[start])) {
			case classLetter:
				out = append(out, Word{Text: s[start:end], Start: start, End: end})
			case classDigit:
				out = append(out, Word{Text: s[start:end], Start: start, End: end, Number: true})
			}
			continue
		}
		out = appendWords(out, s, start, end)
	}
	return out
}

// wordClass is what a rune contributes to a word.
type wordClass uint8

const (
	classOther  wordClass = iota // joiners (apostrophes, separators, format characters), punctuation
	classLetter                  // letters and the marks that go with them
	classDigit
	classStop // a full stop or colon: inside a number a separator, between letters a break
)

func classify(r rune) wordClass {
	switch {
	case 0x0400 <= r && r <= 0x0481 || 0x048A <= r && r <= 0x052F:
		return classLetter // Cyrillic letters, looked up without the tables
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			return classLetter
		case '0' <= r && r <= '9':
			return classDigit
		case r == '.' || r == ':':
			return classStop
		}
		return classOther
	case unicode.IsLetter(r) || unicode.IsMark(r):
		return classLetter
	case unicode.IsDigit(r):
		return classDigit
	}
	return classOther
}

// spaceless tells the scripts written without spaces between words: 1 for Han, 2 for hiragana.
func spaceless(r rune) int {
	switch {
	case r < 0x3040:
		return 0
	case unicode.Is(unicode.Han, r):
		return 1
	case unicode.Is(unicode.Hiragana, r):
		return 2
	}
	return 0
}

// appendWords appends the words of the UAX #29 segment s[start:end].
func appendWords(out []Word, s string, start, end int) []Word {
	seg := s[start:end]
	first, size := utf8.DecodeRuneInString(seg)
	c := classify(first)
	if c != classLetter && c != classDigit && (size == len(seg) || seg[0] == ' ') {
		return out // a space or a punctuation mark: most segments that are no word
	}
	if sp := spaceless(first); sp != 0 {
		// UAX #29 gives one ideograph (or kana) per segment: join it to the run it continues.
		if n := len(out); n > 0 && out[n-1].End == start {
			last, _ := utf8.DecodeLastRuneInString(out[n-1].Text)
			if spaceless(last) == sp {
				out[n-1].End = end
				out[n-1].Text = s[out[n-1].Start:end]
				return out
			}
		}
		return append(out, Word{Text: seg, Start: start, End: end})
	}
	// One pass finds the runs of letters and of digits; a run ends where the other kind starts,
	// at a full stop or colon after letters, or at the end. Joiners between two runes of a run
	// stay in it; those at its ends do not.
	runStart, runEnd := -1, -1 // the current run: from its first to past its last letter or digit
	runClass := classOther
	for i := 0; i <= len(seg); {
		var r rune
		c, size = classOther, 0
		if i < len(seg) {
			if b := seg[i]; b < utf8.RuneSelf {
				r, size = rune(b), 1
			} else {
				r, size = utf8.DecodeRuneInString(seg[i:])
			}
			c = classify(r)
			if c == classLetter && runClass == classDigit && unicode.IsMark(r) {
				runEnd = i + size // a combining mark stays with the digit before it
				i += size
				continue
			}
		}
		if runStart >= 0 && (i == len(seg) || c != runClass && c != classOther && (c != classStop || runClass == classLetter)) {
			out = append(out, Word{Text: s[start+runStart : start+runEnd], Start: start + runStart,
				End: start + runEnd, Number: runClass == classDigit})
			runStart, runClass = -1, classOther
		}
		if i == len(seg) {
			break
		}
		if c == classLetter || c == classDigit {
			if runStart < 0 {
				runStart, runClass = i, c
			}
			runEnd = i + size
		}
		i += size
	}
	return out
}
