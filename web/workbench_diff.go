package web

import (
	"unicode"
	"unicode/utf8"
)

// diffPart is a run of text in a memory match's source: the same as in the current source, only
// in the memory's ("del"), or only in the current one ("ins").
type diffPart struct {
	Op   string
	Text string
}

// tokens splits text into words, runs of space and single other characters. Han, Hiragana and
// Katakana characters are tokens of their own, since Chinese has no spaces between words.
func tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '-' || r2 == '\'') || unicode.In(r2, unicode.Han) {
					break
				}
				j += n2
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// maxDiffTokens bounds the quadratic comparison; longer sentences are shown without a diff.
const maxDiffTokens = 400

// wordDiff compares a memory match's source (old) with the current source (cur) word by word, by
// longest common subsequence, so that the translator sees what changed since the match was made.
func wordDiff(old, cur string) []diffPart {
	a, b := tokens(old), tokens(cur)
	if len(a) > maxDiffTokens || len(b) > maxDiffTokens {
		return []diffPart{{Text: cur}}
	}
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffPart
	add := func(op, text string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, diffPart{Op: op, Text: text})
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			add("", a[i])
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			add("del", a[i])
			i++
		default:
			add("ins", b[j])
			j++
		}
	}
	for ; i < len(a); i++ {
		add("del", a[i])
	}
	for ; j < len(b); j++ {
		add("ins", b[j])
	}
	return out
}
