package document

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notes written by hand in Markdown, without the footnote syntax: a numbered list or numbered
// paragraphs at the end ("1. Customs data." or "[1] Customs data.", under a "Notes" heading or
// a rule, or not), referred to in the text by the same numbers ("rail.[1]", "tenth.<sup>2</sup>",
// "tenth.²"); and Pandoc's inline notes ("rail.^[Customs data.]"). handNotes rewrites them in the
// footnote syntax, so that they are read as the notes they are. The numbers must run from 1 up
// without a gap and each must be found in the text above, so that a numbered list that ends an
// article stays a list.

var (
	// handNoteLine also takes the labels as the web page reader writes them, escaped ("1\\.",
	// "\\[1\\]"), so that notes typed by hand on a page are read as the same notes.
	handNoteLine = regexp.MustCompile(`^(?:\\?\[(\d{1,3})\\?\]|(\d{1,3})\\?[.)]|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|[①-⑳]))[\s\x{3000}]+(\S.*)$`)
	inlineNote   = regexp.MustCompile(`\^\[([^\[\]\n]{1,500})\]`)
	// notesRule is a thematic break or a short heading ("## Notes", "Примечания") over the notes.
	notesRule = regexp.MustCompile(`^(?:-{3,}|\*{3,}|_{3,}|#{1,6}\s+\S.{0,40})$`)
)

// maxSignatureAfterNotes: the lines that sign a text after its notes are one or two.
const maxSignatureAfterNotes = 2

// maxHandNotes bounds the notes looked for this way, so that the look stays cheap: each note's
// mark is searched for in the whole text.
const maxHandNotes = 50

func handNotes(src string) string {
	return inlineNotes(numberedNotes(src))
}

// inlineNotes rewrites Pandoc's inline notes as footnotes.
func inlineNotes(src string) string {
	if !strings.Contains(src, "^[") {
		return src
	}
	var defs []string
	src = inlineNote.ReplaceAllStringFunc(src, func(m string) string {
		defs = append(defs, inlineNote.FindStringSubmatch(m)[1])
		return "[^inline" + strconv.Itoa(len(defs)) + "]"
	})
	for i, d := range defs {
		src += "\n\n[^inline" + strconv.Itoa(i+1) + "]: " + d + "\n"
	}
	return src
}

// numberedNotes rewrites a numbered list of notes that ends the text, and the marks that refer
// to it, as footnotes.
func numberedNotes(src string) string {
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	if n := len(lines); n > 0 {
		if run := runInNotes(lines[n-1]); run != nil {
			lines = append(lines[:n-1], run...)
		}
	}
	end := len(lines)
	// A signature may follow the notes ("丝路慢行者"): a line or two that sign the text, kept
	// after it.
	var tail []string
	for k, signed := end, 0; k > 0 && signed < maxSignatureAfterNotes; k-- {
		l := strings.TrimSpace(lines[k-1])
		if l == "" {
			continue
		}
		if handNoteLine.MatchString(l) || !isBylineText(strings.Trim(l, "*_")) {
			break
		}
		signed++
		end = k - 1
		tail = lines[end:]
	}
	start := end
	var nums []int
	for start > 0 {
		l := strings.TrimSpace(lines[start-1])
		if l == "" {
			start--
			continue
		}
		m := handNoteLine.FindStringSubmatch(l)
		if m == nil {
			break
		}
		nums = append(nums, noteNumber(m))
		start--
	}
	if len(nums) == 0 || len(nums) > maxHandNotes {
		return src
	}
	// The numbers, read top down, run 1, 2, 3…
	for i, n := range nums {
		if n != len(nums)-i {
			return src
		}
	}
	body := strings.Join(lines[:start], "\n")
	head := start
	for head > 0 && strings.TrimSpace(lines[head-1]) == "" {
		head--
	}
	if head > 0 && (notesRule.MatchString(strings.TrimSpace(lines[head-1])) && !strings.HasPrefix(strings.TrimSpace(lines[head-1]), "# ") ||
		isNotesLabelLine(lines[head-1])) {
		head--
		body = strings.Join(lines[:head], "\n")
	}
	// Every number is a mark in the text, the last of its marks taken.
	for n := len(nums); n >= 1; n-- {
		k := strconv.Itoa(n)
		marks := []string{"<sup>" + k + "</sup>", "<sup>[" + k + "]</sup>", "[" + k + "]", superscriptNumber(n), `\[` + k + `\]`}
		if n <= 20 {
			marks = append(marks, string([]rune(circledNumbers)[n-1]))
		}
		at, mark := -1, ""
		for _, mk := range marks {
			if i := strings.LastIndex(body, mk); i > at && (mk != "["+k+"]" || i+len(mk) >= len(body) || body[i+len(mk)] != '(' && body[i+len(mk)] != ':') {
				at, mark = i, mk
			}
		}
		if at <= 0 {
			return src
		}
		body = body[:at] + "[^" + k + "]" + body[at+len(mark):]
	}
	var b strings.Builder
	b.WriteString(body)
	b.WriteString("\n")
	if len(tail) > 0 {
		b.WriteString("\n" + strings.Join(tail, "\n") + "\n")
	}
	for _, l := range lines[start:end] {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		m := handNoteLine.FindStringSubmatch(l)
		b.WriteString("\n[^" + strconv.Itoa(noteNumber(m)) + "]: " + m[4] + "\n")
	}
	return b.String()
}

// notesWords are the words that label a list of notes.
var notesWords = map[string]bool{"notes": true, "endnotes": true, "footnotes": true, "примечания": true, "сноски": true,
	"ескертпелер": true, "ескертулер": true, "түсініктемелер": true, "注释": true, "注": true, "脚注": true}

// runInNote matches the label of a list of notes run into one paragraph with its notes, as a page
// sets them with line breaks that the copy lost ("**Примечания:** 1. … 2. …", "注释：1. …").
var runInNote = regexp.MustCompile(`^\*{0,2}([\p{L}]{1,20})\s*[:：]\*{0,2}\s*((?:1\\?[.)]|\\?\[1\\?\])\s.*)$`)

// runInNotes returns the lines of a paragraph that holds a notes label and the notes numbered
// from 1 after it, the label first and a note a line; nil for any other line.
func runInNotes(line string) []string {
	m := runInNote.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil || !notesWords[strings.ToLower(m[1])] {
		return nil
	}
	rest := strings.TrimSpace(m[2])
	out := []string{m[1]}
	for k := 2; k <= maxHandNotes; k++ {
		next := -1
		for _, mark := range []string{" " + strconv.Itoa(k) + ". ", " " + strconv.Itoa(k) + `\. `, " " + strconv.Itoa(k) + ") ", ` \[` + strconv.Itoa(k) + `\] `, " [" + strconv.Itoa(k) + "] "} {
			if i := strings.Index(rest, mark); i > 0 && (next < 0 || i < next) {
				next = i
			}
		}
		if next < 0 {
			break
		}
		out = append(out, "", strings.TrimSpace(rest[:next]))
		rest = strings.TrimSpace(rest[next:])
	}
	return append(out, "", rest)
}

// isNotesLabelLine reports a line of its own over the notes that names them ("Notes",
// "Примечания", "注释"): a word or two, with no number and no sentence's end.
func isNotesLabelLine(l string) bool {
	l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "*_"))
	return l != "" && utf8.RuneCountInString(l) <= maxNotesLabelRunes && !endsWithTerminator(l) &&
		!strings.ContainsFunc(l, unicode.IsDigit) && !strings.ContainsAny(l, "[]()|")
}

// noteNumber reads the number of a hand-written note's label.
func noteNumber(m []string) int {
	for _, g := range m[1:3] {
		if g != "" {
			n, _ := strconv.Atoi(g)
			return n
		}
	}
	if i := strings.Index(circledNumbers, m[3]); i >= 0 && m[3] != "" {
		return i/len("①") + 1 // ①, ②: the notes of Chinese texts
	}
	n := 0
	for _, r := range m[3] {
		n = n*10 + strings.IndexRune(superscripts, r)/len("¹")
	}
	return n
}

// superscriptNumber writes n in superscript digits.
func superscriptNumber(n int) string {
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteString(string([]rune(superscripts)[d-'0']))
	}
	return b.String()
}
