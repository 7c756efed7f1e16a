package document

import (
	"regexp"
	"strings"
)

// Markdown as site generators and note-taking tools extend it. Their additions are not
// CommonMark, so a CommonMark parser would print them as text: the fences of custom containers
// (VuePress, VitePress, Docusaurus, Pandoc fenced divs: "::: tip", ":::"), markers that ask for a
// table of contents ("[[toc]]", "[TOC]", "{:toc}"), and Obsidian's wiki links ("[[Page|text]]"),
// embeds ("![[map.png]]"), comments ("%%…%%") and callout markers ("> [!note] Title").
// withoutDialect rewrites them into what a reader sees: a container's content without its fences
// and label, a wiki link's text, and nothing for the rest. Fenced code is left alone.

var (
	containerFence = regexp.MustCompile(`^ {0,3}:{3,}(\s.*|[^:\s].*)?$`)
	tocMarker      = regexp.MustCompile(`(?i)^ {0,3}(\[\[_?toc_?\]\]|\[toc\]|\{:toc\}|\{\{<?\s*toc\s*>?\}\}|<!--\s*(toc|/toc|tocstop)\s*-->|\$\{toc\}|\[\[_toc_\]\])\s*$`)
	// kramdownTOCItem is the list item kramdown replaces with the table of contents: "* TOC"
	// right before "{:toc}".
	kramdownTOCItem = regexp.MustCompile(`(?i)^ {0,3}([*+-]|1\.)\s+(toc|table of contents)\s*$`)
	wikiEmbed       = regexp.MustCompile(`!\[\[[^\[\]\n]{1,200}\]\]`)
	wikiLink        = regexp.MustCompile(`\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]`)
	obsidianComment = regexp.MustCompile(`%%[^%]{0,1000}%%`)
	calloutMarker   = regexp.MustCompile(`^((?: {0,3}>\s?)+)\[![A-Za-z-]{1,30}\][+-]?\s*(.*)$`)
	// tagLine is a line of tags only: "#china #trade".
	tagLine = regexp.MustCompile(`^\s*#[\p{L}\p{N}_/-]+(\s+#[\p{L}\p{N}_/-]+)*\s*$`)
)

// withoutDialect rewrites the extensions of Markdown dialects described above. A line's
// rewriting depends only on that line and whether it is inside fenced code, so the cost is
// linear in the text.
func withoutDialect(src string) string {
	if !strings.Contains(src, ":::") && !strings.Contains(src, "[[") && !strings.Contains(src, "%%") &&
		!strings.Contains(src, "[!") && !strings.Contains(src, "toc") && !strings.Contains(src, "TOC") &&
		!strings.Contains(src, "#") {
		return src
	}
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
		switch {
		case containerFence.MatchString(line), tocMarker.MatchString(line):
			lines[i] = ""
			continue
		case kramdownTOCItem.MatchString(line) && i+1 < len(lines) && tocMarker.MatchString(lines[i+1]):
			lines[i] = ""
			continue
		case tagLine.MatchString(line) && !isATXHeading(trimmed):
			lines[i] = ""
			continue
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
		lines[i] = line
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
