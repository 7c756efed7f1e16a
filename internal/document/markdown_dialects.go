package document

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	calloutKind     = regexp.MustCompile(`^>\s?\[!([A-Za-z-]{1,30})\]`)
	imageFile       = regexp.MustCompile(`(?i)^[^|\n]+\.(?:png|jpe?g|gif|webp|svg|bmp|avif)(?:\|[^\n]*)?$`)
	// hackmdTags is HackMD's and HedgeDoc's line of tags, a small heading: "###### tags:
	// `energy` `China`".
	hackmdTags = regexp.MustCompile("^#{1,6}[ \t]+tags:[ \t]*(`[^`\n]+`[ \t]*)+$")
	// hackmdComment marks a quoted line as a reviewer's comment in HackMD and HedgeDoc: "> Check
	// the figures [name=Dina] [time=…] [color=#e67e22]".
	hackmdComment = regexp.MustCompile(`^[ \t]*>.*\[(?:name|time|color)=[^\]\n]*\]`)
	// tagLine is a line of tags only: "#china #trade", or closed as Weibo and SiYuan write
	// them, "#粮食贸易# #中亚农业#".
	tagLine = regexp.MustCompile(`^\s*#[\p{L}\p{N}_/-]+#?(\s+#[\p{L}\p{N}_/-]+#?)*\s*$`)
)

// quoteCallouts are the kinds of callout that set a quotation apart.
var quoteCallouts = map[string]bool{"quote": true, "cite": true}

// withoutWikiMarkup rewrites the notation described above. A line's
// rewriting depends only on that line and whether it is inside fenced code, so the cost is
// linear in the text.
func withoutWikiMarkup(src string) string {
	if !strings.Contains(src, "[[") && !strings.Contains(src, "%%") && !strings.Contains(src, "[!") &&
		!strings.Contains(src, "#") && !strings.Contains(src, "==") && !strings.Contains(src, "[name=") && !strings.Contains(src, "[time=") &&
		!strings.Contains(src, "[color=") {
		return src
	}
	inCallout := false // inside a callout that is no quotation: its lines are the text's
	return rewriteOutsideCode(src, func(_ int, line string) string {
		trimmed := strings.TrimLeft(line, " ")
		if tagLine.MatchString(line) && !isATXHeading(trimmed) || hackmdTags.MatchString(trimmed) || hackmdComment.MatchString(line) {
			return ""
		}
		if inCallout {
			if rest, ok := strings.CutPrefix(trimmed, ">"); ok {
				line = strings.TrimPrefix(rest, " ")
			} else {
				inCallout = false
			}
		}
		if m := calloutMarker.FindStringSubmatch(line); m != nil {
			// "> [!note] Title": the callout's kind is markup; a title of its own is text.
			// A note, a tip or a warning is the author's point set apart, read as text; a
			// callout of a quotation ("[!quote]", "[!cite]") stays a quotation.
			line = m[1] + m[2]
			if strings.TrimSpace(m[2]) == "" {
				line = strings.TrimRight(m[1], " ")
			}
			if kind := calloutKind.FindStringSubmatch(trimmed); kind != nil && !quoteCallouts[strings.ToLower(kind[1])] && strings.Count(m[1], ">") == 1 {
				inCallout = true
				line = strings.TrimSpace(m[2])
				if line != "" {
					line += "\n" // the title, a line of its own
				}
			}
		}
		if strings.Contains(line, "[[") {
			line = wikiEmbed.ReplaceAllStringFunc(line, func(e string) string {
				// A picture embedded is a picture; a note embedded is another page's text.
				if name := strings.TrimSuffix(strings.TrimPrefix(e, "![["), "]]"); imageFile.MatchString(name) {
					file, _, _ := strings.Cut(name, "|") // "![[map.png|400]]"
					return "![](" + strings.ReplaceAll(file, " ", "%20") + ")"
				}
				return ""
			})
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
		if strings.Contains(line, "==") {
			line = highlightMark.ReplaceAllString(line, "$1") // "==highlighted==" (Obsidian, Bear, Typora)
		}
		return line
	})
}

// withCJKStrong mends text in "**" whose marks CommonMark does not take for emphasis because a
// Chinese punctuation mark stands inside them and a letter outside ("**作者：**王一鸣"), the
// long-standing flaw of its flanking rules that CJK-friendly parsers fix: it moves the
// punctuation out of the marks ("**作者**：王一鸣"), as the writer of HTML's bold text does, so
// that every reading takes them for what the writer meant. The marks of a line are paired in
// order; a line with an odd number of them stays as written, as does fenced code.
func withCJKStrong(src string) string {
	if !strings.Contains(src, "**") {
		return src
	}
	return rewriteOutsideCode(src, func(_ int, line string) string {
		parts := strings.Split(line, "**")
		if len(parts) < 3 || len(parts)%2 == 0 {
			return line
		}
		changed := false
		for i := 1; i+1 < len(parts); i += 2 {
			inside, after := parts[i], parts[i+1]
			body := strings.TrimRightFunc(inside, isCJKPunct)
			next, _ := utf8.DecodeRuneInString(after)
			if body == inside || body == "" || !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				continue
			}
			parts[i], parts[i+1] = body, inside[len(body):]+after
			changed = true
		}
		if !changed {
			return line
		}
		return strings.Join(parts, "**")
	})
}

// isCJKPunct reports the punctuation of Chinese text: the CJK symbols and the full-width forms.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF65 && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// mdxStatement matches a line of an MDX file's JavaScript: the modules it imports and what it
// exports ("import Tabs from '@theme/Tabs';"), which build the page and say nothing.
var mdxStatement = regexp.MustCompile(`^(?:import\s+(?:[\w$*{}\s,]+\s+from\s+)?['"][^'"\n]+['"]\s*;?|export\s+(?:const|let|default|function)\b.*)$`)

// mdxComment matches an MDX comment, "{/* TODO: … */}": a note to the writers, never shown.
var mdxComment = regexp.MustCompile(`\{/\*[^*]{0,1000}?\*/\}`)

// jsxCaptioned matches a JSX component of an MDX file that shows a picture with its caption in
// an attribute ("<Figure src=… caption="Solar panels at …" />", also over several lines): the
// caption is the reader's; the component's other attributes are markup.
var jsxCaptioned = regexp.MustCompile(`<[A-Z][\w.]{0,40}\s[^<>]{0,1000}?\bcaption=(?:"([^"\n]*)"|'([^'\n]*)'|\{["']([^"'\n]*)["']\})[^<>]{0,1000}?/>`)

// withoutMDXStatements blanks those lines, outside fenced code, removes MDX comments, and turns
// the components that caption a picture into a figure with its caption.
func withoutMDXStatements(src string) string {
	if strings.Contains(src, "{/*") || strings.Contains(src, "caption=") {
		src = rewriteRunsOutsideCode(src, func(run string) string {
			run = mdxComment.ReplaceAllString(run, "")
			return jsxCaptioned.ReplaceAllStringFunc(run, func(tag string) string {
				m := jsxCaptioned.FindStringSubmatch(tag)
				caption := strings.TrimSpace(m[1] + m[2] + m[3])
				if !strings.ContainsFunc(caption, unicode.IsLetter) {
					return ""
				}
				return "<figure><figcaption>" + html.EscapeString(html.UnescapeString(caption)) + "</figcaption></figure>"
			})
		})
	}
	if !strings.Contains(src, "import ") && !strings.Contains(src, "export ") {
		return src
	}
	return rewriteOutsideCode(src, func(_ int, line string) string {
		if mdxStatement.MatchString(strings.TrimSpace(line)) {
			return ""
		}
		return line
	})
}

// taskItem matches the box that opens an item of a task list ("- [x] ", "1. [ ] "), GitHub's and
// Typora's: a control, not words.
var taskItem = regexp.MustCompile(`^(\s*(?:[-*+]|\d{1,3}[.)])[ \t]+)\[[ xX]\][ \t]+`)

// withoutTaskBoxes removes the boxes of task lists, outside fenced code.
func withoutTaskBoxes(src string) string {
	if !strings.Contains(src, "[ ]") && !strings.Contains(src, "[x]") && !strings.Contains(src, "[X]") {
		return src
	}
	return rewriteOutsideCode(src, func(_ int, line string) string { return taskItem.ReplaceAllString(line, "$1") })
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

// rewriteRunsOutsideCode is rewriteOutsideCode for rewrites that span lines: rewrite is given
// each run of lines between fenced code, joined, and may change their number.
func rewriteRunsOutsideCode(src string, rewrite func(run string) string) string {
	lines := strings.Split(src, "\n")
	var out, run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, rewrite(strings.Join(run, "\n")))
			run = nil
		}
	}
	fence := ""
	for _, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]+" \t") == "" {
				fence = ""
			}
			out = append(out, line)
		case codeFence(trimmed) != "":
			flush()
			fence = codeFence(trimmed)
			out = append(out, line)
		default:
			run = append(run, line)
		}
	}
	flush()
	return strings.Join(out, "\n")
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
// highlightMark matches text marked as highlighted: "==words==", no space inside the marks.
var highlightMark = regexp.MustCompile(`==([^\s=](?:[^=\n]*[^\s=])?)==`)

// attrList is the content of an attribute list: classes, an id and key=value pairs
// (".smallcaps", "#fig-1", "width=50%").
const attrList = `[ \t]*(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+)))*[ \t]*`

var (
	// bracketedSpan matches Pandoc's span, words in brackets with an attribute list
	// ("[data]{.smallcaps}"), which shows its words; inlineAttrs an attribute list right after a
	// link, an image, emphasis or code ("[report](r.pdf){target=_blank}"), which shows nothing.
	bracketedSpan = regexp.MustCompile(`\[([^\[\]\n]+)\]\{` + attrList + `\}`)
	inlineAttrs   = regexp.MustCompile("([)*_`])\\{" + attrList + "\\}")
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
		if strings.Contains(line, "]{") || strings.Contains(line, "){") || strings.Contains(line, "*{") || strings.Contains(line, "_{") || strings.Contains(line, "`{") {
			line = inlineAttrs.ReplaceAllString(bracketedSpan.ReplaceAllString(line, "$1"), "$1")
		}
		return line
	})
	if inCaption {
		return src // a caption block never closed: leave the text as written
	}
	return out
}

// Outliners (Logseq, and Roam's Markdown export) write a page as a tree of bullets: every block
// is a "- " item, indented under its parent by a tab or two spaces, the page's properties come
// first as "key:: value" lines, and a block's own properties ("id:: …") follow it, indented.
// Read as CommonMark, the whole article would be one nested list. fromOutline rewrites such a
// page as a reader sees it: the "title::" property as the title, a bullet that holds a heading
// as that heading, the other blocks as paragraphs, the blocks nested under a paragraph as the
// items of its list, and a block's continuation lines (a quotation's, a picture's caption)
// with it; properties and attribute maps ("{:width 600}") are markup.
var (
	outlineProperty = regexp.MustCompile(`^[\t ]*(?:- )?\p{L}[\p{L}\d_-]*::(\s|$)`)
	// outlineTask matches a block that is a task of the writer's, not text: Roam's "{{[[TODO]]}}"
	// and Logseq's "TODO", "DONE", "LATER", "NOW".
	outlineTask = regexp.MustCompile(`^(?:\{\{\[\[(?:TODO|DONE)\]\]\}\}|(?:TODO|DONE|LATER|NOW|DOING) )`)
	// outlineHighlight matches Roam's highlight, "^^words^^": the words, marked.
	outlineHighlight = regexp.MustCompile(`\^\^([^^\n]+)\^\^`)
	outlineBullet    = regexp.MustCompile(`^([\t ]*)- (.*)$`)
	outlineAttrs     = regexp.MustCompile(`\{:[a-z][\w-]*\s[^{}\n]*\}`)
)

// minOutlineShare: the share of a page's lines of text that are bullets or properties when the
// page is an outline.
const minOutlineShare = 0.8

func fromOutline(src string) string {
	lines := strings.Split(src, "\n")
	text, outline, props := 0, 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		text++
		switch {
		case outlineProperty.MatchString(l):
			outline++
			props++
		case outlineBullet.MatchString(l):
			outline++
		}
	}
	if text == 0 || props == 0 || float64(outline) < minOutlineShare*float64(text) {
		return src
	}
	depth := func(indent string) int {
		return strings.Count(indent, "\t") + strings.Count(indent, " ")/2
	}
	var out []string
	paraDepth := -1 // the depth of the last paragraph block, whose children are its list
	picture := -1   // the depth of a block that is a picture alone, whose child may caption it
	for _, l := range lines {
		if m := outlineProperty.FindString(l); m != "" {
			key := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(m), "- "), "::"))
			value := strings.TrimSpace(l[len(m):])
			switch {
			case strings.EqualFold(key, "title") && len(out) == 0:
				out = append(out, "# "+value, "")
			case hasBylinePrefix(key+": X") && value != "":
				// The author's property is the byline: "Автор:: [[Айгуль Сагындыкова]]".
				out = append(out, key+": "+value, "")
			}
			continue
		}
		l = outlineAttrs.ReplaceAllString(l, "")
		l = outlineHighlight.ReplaceAllString(l, "$1")
		m := outlineBullet.FindStringSubmatch(l)
		if m != nil && outlineTask.MatchString(strings.TrimSpace(m[2])) {
			continue
		}
		if m != nil && picture >= 0 && depth(m[1]) > picture && isWhollyEmphasised(strings.TrimSpace(m[2])) {
			// The picture's child in italics is its caption, on the line under it.
			out = append(out[:len(out)-1], strings.TrimSpace(m[2]), "")
			picture = -1
			continue
		}
		picture = -1
		if m != nil && markdownImage.MatchString(strings.TrimSpace(m[2])) && markdownImage.FindString(strings.TrimSpace(m[2])) == strings.TrimSpace(m[2]) {
			picture = depth(m[1])
		}
		if m == nil {
			// A block's continuation line: a quotation's next line, a picture's caption. A line
			// before the first bullet (the page's title as a heading) is a block of its own.
			if t := strings.TrimSpace(l); t != "" && len(out) > 0 {
				out = append(out[:len(out)-1], t, "")
			} else if t != "" {
				out = append(out, t, "")
			}
			continue
		}
		d, body := depth(m[1]), strings.TrimSpace(m[2])
		switch {
		case strings.HasPrefix(body, "#"):
			paraDepth = -1
			out = append(out, body, "")
		case paraDepth >= 0 && d > paraDepth:
			out = append(out[:len(out)-1], "- "+body, "") // an item of the paragraph's list
			continue
		default:
			paraDepth = d
			out = append(out, body, "")
		}
	}
	return strings.Join(out, "\n")
}

// isWhollyEmphasised reports text wholly in emphasis: "*…*", "_…_", "__…__".
func isWhollyEmphasised(s string) bool {
	for _, mark := range []string{"__", "**", "_", "*"} {
		if len(s) > 2*len(mark) && strings.HasPrefix(s, mark) && strings.HasSuffix(s, mark) {
			return true
		}
	}
	return false
}

// Wiki.js writes its notation in CommonMark's place: a block quote followed by a class line
// ("{.is-info}", "{.is-warning}") is a callout box, which sets a point of the text apart rather
// than quoting anyone; a heading marked "{.tabset}" is the hidden parent of the tabs under it,
// which the page never shows; and an image may carry its size after its address
// ("![Khorgos](/uploads/khorgos.jpg =700x)"), which CommonMark then reads as no image.
var (
	wikiJSCallout = regexp.MustCompile(`^[ \t]*\{\.is-(?:info|warning|success|danger)\}[ \t]*$`)
	wikiJSTabset  = regexp.MustCompile(`^#{1,6}[ \t].*\{\.tabset\}[ \t]*$`)
	sizedImage    = regexp.MustCompile(`(!\[[^\]\n]*\]\([^)\s]+)[ \t]+=\d*x\d*\)`)
)

// withoutWikiJSMarkup rewrites that notation, outside fenced code: a callout's lines lose their
// quote marks, the tab set's heading and the class lines go, and an image loses its size.
func withoutWikiJSMarkup(src string) string {
	if !strings.Contains(src, "{.") && !strings.Contains(src, " =") {
		return src
	}
	return rewriteRunsOutsideCode(src, func(run string) string {
		lines := strings.Split(run, "\n")
		for i, l := range lines {
			switch {
			case wikiJSCallout.MatchString(l):
				for j := i - 1; j >= 0 && strings.HasPrefix(strings.TrimLeft(lines[j], " "), ">"); j-- {
					lines[j] = strings.TrimPrefix(strings.TrimPrefix(strings.TrimLeft(lines[j], " "), ">"), " ")
				}
				lines[i] = ""
			case wikiJSTabset.MatchString(l):
				lines[i] = ""
			case strings.Contains(l, " ="):
				lines[i] = sizedImage.ReplaceAllString(l, "$1)")
			}
		}
		return strings.Join(lines, "\n")
	})
}

// A callout box of Notion, Craft, Wolai or Feishu, exported to Markdown, is a block quote that
// opens with the box's icon ("> 💡 Бұл жазба…", "> 📌 本文为…"): a point of the text set apart,
// not a quotation. withoutIconCallouts gives its lines without the quote marks and the icon.
func withoutIconCallouts(src string) string {
	if !strings.Contains(src, "> ") {
		return src
	}
	return rewriteRunsOutsideCode(src, func(run string) string {
		lines := strings.Split(run, "\n")
		for i := 0; i < len(lines); i++ {
			body, ok := strings.CutPrefix(lines[i], "> ")
			if !ok || i > 0 && strings.HasPrefix(lines[i-1], ">") {
				continue
			}
			if icon, _ := utf8.DecodeRuneInString(body); !unicode.Is(unicode.So, icon) {
				continue
			}
			rest := withoutPictogram(body)
			if strings.TrimSpace(rest) == "" {
				continue
			}
			lines[i] = rest
			for j := i + 1; j < len(lines) && strings.HasPrefix(lines[j], ">"); j++ {
				lines[j] = strings.TrimPrefix(strings.TrimPrefix(lines[j], ">"), " ")
			}
		}
		return strings.Join(lines, "\n")
	})
}

// revisionLine matches an AsciiDoc document's revision line as converters carry it into
// Markdown under the author's line: "v1.2, 04.03.2025: уточнены данные", "v2.0, 2025-03-04".
var revisionLine = regexp.MustCompile(`^v\d{1,3}(?:\.\d{1,3}){1,2},\s*\d[\d./-]{5,9}\d(?::.*)?$`)

// withoutRevisionLines removes revision lines, outside fenced code, and the hard line break
// that set one under the line before it.
func withoutRevisionLines(src string) string {
	if !strings.Contains(src, "\nv") {
		return src
	}
	return rewriteRunsOutsideCode(src, func(run string) string {
		lines := strings.Split(run, "\n")
		out := lines[:0]
		for _, l := range lines {
			if revisionLine.MatchString(strings.TrimSpace(l)) {
				if n := len(out); n > 0 {
					out[n-1] = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(out[n-1], " "), "\\"), " ")
				}
				continue
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	})
}
