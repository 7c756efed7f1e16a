package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DiffKind says what a run of a word diff is: in both texts, only in the new one, or only in the
// old one.
type DiffKind string

const (
	DiffEqual  DiffKind = "equal"
	DiffInsert DiffKind = "insert"
	DiffDelete DiffKind = "delete"
)

// DiffOp is one run of a word diff. Joining the Equal and Delete runs gives the old text back, the
// Equal and Insert runs the new one, so a view can show either side or both without gaps.
type DiffOp struct {
	Kind DiffKind `json:"op"`
	Text string   `json:"text"`
}

// maxDiffCells bounds the table of the word diff (tokens of the old text times tokens of the new).
// Sentences stay far below it; past it the diff says "all of it changed" rather than use memory
// out of proportion to what a person can read anyway.
const maxDiffCells = 4 << 20

// WordDiff compares two texts word by word, as a translator wants to see a changed source
// sentence: whole words, punctuation and each Chinese character are the units, so a fixed typo
// shows as one replaced word and not as scattered letters. Spaces between two changed words are
// reported as changed too, so that a rewritten phrase reads as one deletion and one insertion.
func WordDiff(old, new string) []DiffOp {
	a, b := wordTokens(old), wordTokens(new)
	// Common ends first: most edits touch a few words in the middle.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []DiffOp
	add := func(k DiffKind, toks ...string) {
		for _, t := range toks {
			ops = append(ops, DiffOp{Kind: k, Text: t})
		}
	}
	add(DiffEqual, a[:pre]...)
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(am)*len(bm) > maxDiffCells {
		add(DiffDelete, am...)
		add(DiffInsert, bm...)
	} else {
		ops = append(ops, lcsDiff(am, bm)...)
	}
	add(DiffEqual, a[len(a)-suf:]...)
	return mergeDiff(absorbSpaces(ops))
}

// lcsDiff diffs two token lists by their longest common subsequence, deletions before insertions.
func lcsDiff(a, b []string) []DiffOp {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		var out []DiffOp
		for _, t := range a {
			out = append(out, DiffOp{DiffDelete, t})
		}
		for _, t := range b {
			out = append(out, DiffOp{DiffInsert, t})
		}
		return out
	}
	// l[i][j] is the LCS length of a[i:] and b[j:].
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []DiffOp
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffOp{DiffEqual, a[i]})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			out = append(out, DiffOp{DiffDelete, a[i]})
			i++
		default:
			out = append(out, DiffOp{DiffInsert, b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, DiffOp{DiffDelete, a[i]})
	}
	for ; j < m; j++ {
		out = append(out, DiffOp{DiffInsert, b[j]})
	}
	return out
}

// absorbSpaces turns an unchanged run of spaces between two changes into a deletion and an
// insertion: "big red car" → "small blue car" then reads "[big red → small blue] car" instead of
// "[big → small] [red → blue] car".
func absorbSpaces(ops []DiffOp) []DiffOp {
	changed := func(k int) bool { return k >= 0 && k < len(ops) && ops[k].Kind != DiffEqual }
	out := make([]DiffOp, 0, len(ops))
	for k, op := range ops {
		if op.Kind == DiffEqual && strings.TrimSpace(op.Text) == "" && changed(k-1) && changed(k+1) {
			out = append(out, DiffOp{DiffDelete, op.Text}, DiffOp{DiffInsert, op.Text})
			continue
		}
		out = append(out, op)
	}
	return out
}

// mergeDiff joins neighbouring runs of one kind and puts each stretch of changes in the order
// deletion, insertion.
func mergeDiff(ops []DiffOp) []DiffOp {
	var out []DiffOp
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, DiffOp{DiffDelete, del.String()})
			del.Reset()
		}
		if ins.Len() > 0 {
			out = append(out, DiffOp{DiffInsert, ins.String()})
			ins.Reset()
		}
	}
	for _, op := range ops {
		switch op.Kind {
		case DiffDelete:
			del.WriteString(op.Text)
		case DiffInsert:
			ins.WriteString(op.Text)
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].Kind == DiffEqual {
				out[n-1].Text += op.Text
			} else {
				out = append(out, op)
			}
		}
	}
	flush()
	return out
}

// wordTokens splits text into words (letters, digits, inner hyphens and apostrophes), runs of
// space, and single other characters. Han, Hiragana and Katakana characters are tokens of their
// own, since Chinese has no spaces between words.
func wordTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isIdeograph(r):
		case isWordRune(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isIdeograph(r2) || !(isWordRune(r2) || r2 == '-' || r2 == '\'' || r2 == '’') {
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

func isIdeograph(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// similarityWords returns the lower-cased words and ideographs of a text: what similarity compares.
// Spaces and punctuation are left out so that short sentences do not look alike for sharing a full
// stop.
func similarityWords(s string) []string {
	var out []string
	for _, t := range wordTokens(s) {
		r, _ := utf8.DecodeRuneInString(t)
		if isWordRune(r) || isIdeograph(r) {
			out = append(out, strings.ToLower(t))
		}
	}
	return out
}

// WordSimilarity scores how alike two texts are, from 0 (no word in common) to 1 (the same words
// in the same order): twice the longest common subsequence of their words over the number of
// words of both. A split sentence scores about 0.67 against each half, a one-word fix of a
// twelve-word sentence about 0.92.
func WordSimilarity(a, b string) float64 {
	return wordsSimilarity(similarityWords(a), similarityWords(b))
}

func wordsSimilarity(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a)*len(b) > maxDiffCells {
		return 0
	}
	return 2 * float64(lcsLen(a, b)) / float64(len(a)+len(b))
}

// lcsLen is the length of the longest common subsequence of a and b, in O(len(b)) memory.
func lcsLen(a, b []string) int {
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}
