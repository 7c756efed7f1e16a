package repair

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// quoteStyle is a language's pair of primary quotation marks.
type quoteStyle struct{ open, close string }

func styleFor(lang pipeline.Lang) quoteStyle {
	if lang == pipeline.English {
		return quoteStyle{"“", "”"}
	}
	return quoteStyle{"«", "»"}
}

// dashEdits makes a dash between spaced words an em dash, the dash of English, Russian and Kazakh
// alike: "policy - and" and "policy – and" become "policy — and". Hyphens inside words, ranges
// such as "2023–2024" and list bullets at the start of a line are not spaced on both sides and
// stay.
func dashEdits(text string) []edit {
	var out []edit
	for _, d := range []string{" -- ", " - ", " – "} {
		edges := newLineEdges(text)
		for i := 0; ; {
			j := strings.Index(text[i:], d)
			if j < 0 {
				break
			}
			s := i + j
			if !edges.at(s, s+len(d)) {
				out = append(out, edit{start: s + 1, end: s + len(d) - 1, after: "—", rule: "dash"})
			}
			i = s + len(d) - 1
		}
	}
	// "word--word": two hyphens standing for a dash.
	for i := 0; ; {
		j := strings.Index(text[i:], "--")
		if j < 0 {
			break
		}
		s := i + j
		r1, _ := utf8.DecodeLastRuneInString(text[:s])
		r2, _ := utf8.DecodeRuneInString(text[s+2:])
		if isLetter(r1) && isLetter(r2) {
			out = append(out, edit{start: s, end: s + 2, after: "—", rule: "dash"})
		}
		i = s + 2
	}
	sortEdits(out)
	return out
}

// quoteEdits makes quotation marks consistent with the language, converting a paragraph's marks
// only when their pairing is unambiguous: every mark is clearly opening or closing and they
// alternate. English apostrophes become ’.
func quoteEdits(text string, lang pipeline.Lang) []edit {
	var out []edit
	style := styleFor(lang)
	for _, p := range paragraphs(text) {
		out = append(out, pairEdits(text, p, []string{`"`}, style, "quotes")...)
		if lang == pipeline.English {
			out = append(out, pairEdits(text, p, []string{"«", "»"}, style, "quotes")...)
			out = append(out, apostropheEdits(text, p)...)
		} else if !strings.ContainsAny(text[p[0]:p[1]], "«»„") {
			out = append(out, pairEdits(text, p, []string{"“", "”"}, style, "quotes")...)
		}
	}
	sortEdits(out)
	return out
}

// paragraphs returns the [start, end) spans of text separated by blank lines.
func paragraphs(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "\n")
		if j < 0 {
			break
		}
		lineEnd := i + j
		k := lineEnd + 1
		next := k
		for next < len(text) && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r') {
			next++
		}
		if next < len(text) && text[next] == '\n' || next == len(text) {
			out = append(out, [2]int{start, lineEnd})
			start = k
		}
		i = k
	}
	return append(out, [2]int{start, len(text)})
}

// pairEdits converts the marks of one paragraph when each is clearly opening or closing and they
// alternate, starting with an opening one. marks is one straight mark used both ways, or an
// opening and a closing mark.
func pairEdits(text string, p [2]int, marks []string, style quoteStyle, rule string) []edit {
	type pos struct {
		at, n int
		open  bool
	}
	var found []pos
	set := marks[0] + marks[len(marks)-1] // each mark is one character
	for i := p[0]; i < p[1]; {
		k := strings.IndexAny(text[i:p[1]], set)
		if k < 0 {
			break
		}
		i += k
		_, n := utf8.DecodeRuneInString(text[i:])
		m := text[i : i+n]
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+n:])
		if i == 0 {
			before = ' '
		}
		if i+n >= len(text) {
			after = ' '
		}
		opening := isOpenContext(before) && !unicode.IsSpace(after)
		closing := !unicode.IsSpace(before) && isCloseContext(after)
		if opening == closing {
			return nil // ambiguous: leave the paragraph as it is
		}
		if len(marks) == 2 && (m == marks[0]) != opening {
			return nil // an opening mark in a closing place, or the reverse
		}
		found = append(found, pos{i, n, opening})
		i += n
	}
	if len(found)%2 != 0 {
		return nil
	}
	var out []edit
	for k, f := range found {
		if f.open != (k%2 == 0) {
			return nil
		}
		want := style.close
		if f.open {
			want = style.open
		}
		if text[f.at:f.at+f.n] != want {
			out = append(out, edit{start: f.at, end: f.at + f.n, after: want, rule: rule})
		}
	}
	return out
}

func isOpenContext(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/«“„‘", r)
}

func isCloseContext(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-/…»”’", r)
}

// apostropheEdits turns a straight apostrophe after a letter ("region's", "countries' ") into ’,
// which is both the English apostrophe and the closing single quote, so it is right either way.
// A straight quote after a space stays: it may open a quotation or stand for elided letters.
func apostropheEdits(text string, p [2]int) []edit {
	var out []edit
	for i := p[0]; i < p[1]; i++ {
		if text[i] != '\'' || i == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		if isLetter(before) || before == '.' && i > 1 {
			out = append(out, edit{start: i, end: i + 1, after: "’", rule: "apostrophe"})
		}
	}
	return out
}

func sortEdits(es []edit) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].start < es[j-1].start; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}
