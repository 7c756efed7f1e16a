package document

import (
	"regexp"
	"strings"
)

// Markdown as note-taking tools extend it (Obsidian, Logseq, Foam, wikis). Their additions are
// not CommonMark, so a CommonMark parser would print them as text: wiki links ("[[Page|text]]"),
// embeds ("![[map.png]]"), comments ("%%…%%"), callout markers ("> [!note] Title") and lines of
// tags ("#china #trade"). withoutWikiMarkup rewrites them into what a reader sees: a wiki link's
// text, a callout's title, and nothing for the rest. Fenced code is left alone. (Site
// generators' boxes and table-of-contents markers are withoutGeneratorAsides's.)

var (
	wikiEmbed       = regexp.MustCompile(`!\[\[[^\[\]\n]{1,200}\]\]`)
	wikiLink        = regexp.MustCompile(`\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]`)
	obsidianComment = regexp.MustCompile(`%%[^%]{0,1000}%%`)
	calloutMarker   = regexp.MustCompile(`^((?: {0,3}>\s?)+)\[![A-Za-z-]{1,30}\][+-]?\s*(.*)$`)
	// tagLine is a line of tags only: "#china #trade".
	tagLine = regexp.MustCompile(`^\s*#[\p{L}\p{N}_/-]+(\s+#[\p{L}\p{N}_/-]+)*\s*$`)
)

// withoutWikiMarkup rewrites the notation described above. A line's
// rewriting depends only on that line and whether it is inside fenced code, so the cost is
// linear in the text.
func withoutWikiMarkup(src string) string {
	if !strings.Contains(src, "[[") && !strings.Contains(src, "%%") && !strings.Contains(src, "[!") &&
		!strings.Contains(src, "#") {
		return src
	}
	return rewriteOutsideCode(src, func(_ int, line string) string {
		trimmed := strings.TrimLeft(line, " ")
		if tagLine.MatchString(line) && !isATXHeading(trimmed) {
			return ""
		}
		if m := calloutMarker.FindStringSubmatch(line); m != nil {
			// "> [!note] Title": the callout's kind is markup; a title of its own is text.
			line = m[1] + m[2]
			if strings.TrimSpace(m[2]) == "" {
				line = strings.TrimRight(m[1], " ")
			}
		}
		if strings.Contains(line, "[[") {
			line = wikiEmbed.ReplaceAllString(line, "")
			line = wikiLink.ReplaceAllStringFunc(line, func(l string) string {
				m := wikiLink.FindStringSubmatch(l)
				if m[2] != "" {
					return m[2]
				}
				page, _, _ := strings.Cut(m[1], "#") // "[[Page#Section]]"
				return page
			})
		}
		if strings.Contains(line, "%%") {
			line = obsidianComment.ReplaceAllString(line, "")
		}
		return line
	})
}

// rewriteOutsideCode calls rewrite for every line of src outside fenced code, with its number,
// and puts in its place what rewrite returns; fenced code stays as written.
func rewriteOutsideCode(src string, rewrite func(i int, line string) string) string {
	lines := strings.Split(src, "\n")
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]+" \t") == "" {
				fence = ""
			}
			continue
		}
		if f := codeFence(trimmed); f != "" {
			fence = f
			continue
		}
		lines[i] = rewrite(i, line)
	}
	return strings.Join(lines, "\n")
}

// codeFence returns the fence that opens fenced code on a line ("```", "~~~~"), or "".
func codeFence(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		n := 0
		for n < len(trimmed) && trimmed[n] == c[0] {
			n++
		}
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// isATXHeading reports a heading line ("# Title", "## Часть 1"): a run of # and a space.
func isATXHeading(trimmed string) bool {
	n := 0
	for n < len(trimmed) && trimmed[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(trimmed) || trimmed[n] == ' ' || trimmed[n] == '\t')
}

// Python-Markdown's and PHP Markdown Extra's extensions, which MkDocs and docsify sites use,
// and docsify's own notes:
//   - an attribute list, on a line of its own under a block or at the end of a heading ("{ .lead }",
//     "{: #intro }", "## Title { #id }"): markup;
//   - a caption block under a picture or a table ("/// caption" … "///", pymdownx.blocks): the
//     figure's caption; the fences of the other blocks ("/// details | Title", "///") are markup
//     and their text stays;
//   - an abbreviation's definition ("*[SCO]: Shanghai Cooperation Organisation"): markup, its
//     expansion shown only when a reader points at the word;
//   - docsify's notes ("?> text", "!> text"): the text.
//
// withoutExtensionMarkup rewrites them into what a reader sees, line by line outside fenced code.
var (
	attrListLine  = regexp.MustCompile(`[ \t]*\{:?[ \t]*(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+)))*[ \t]*\}[ \t]*$`)
	blockFence    = regexp.MustCompile(`^/{3,}(?:[ \t]+([\w-]+)(?:[ \t]*\|.*)?)?[ \t]*$`)
	abbrDefLine   = regexp.MustCompile(`^\*\[[^\]\n]{1,40}\]:[ \t]`)
	docsifyMarker = regexp.MustCompile(`^[?!]>[ \t]+`)
)

func withoutExtensionMarkup(src string) string {
	if !strings.Contains(src, "{") && !strings.Contains(src, "///") && !strings.Contains(src, "*[") &&
		!strings.Contains(src, "?>") && !strings.Contains(src, "!>") {
		return src
	}
	inCaption := false
	out := rewriteOutsideCode(src, func(_ int, line string) string {
		trimmed := strings.TrimLeft(line, " ")
		if m := blockFence.FindStringSubmatch(trimmed); m != nil {
			// "/// caption" opens a caption; a bare "///" closes whatever block is open.
			switch {
			case inCaption && m[1] == "":
				inCaption = false
				return "</figcaption></figure>"
			case m[1] == "caption":
				inCaption = true
				return "<figure><figcaption>"
			}
			return ""
		}
		switch {
		case abbrDefLine.MatchString(trimmed):
			return ""
		case docsifyMarker.MatchString(trimmed):
			return docsifyMarker.ReplaceAllString(trimmed, "")
		case strings.Contains(line, "{") && attrListLine.MatchString(line):
			return attrListLine.ReplaceAllString(line, "")
		}
		return line
	})
	if inCaption {
		return src // a caption block never closed: leave the text as written
	}
	return out
}
