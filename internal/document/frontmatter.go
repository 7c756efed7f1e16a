package document

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Static-site generators and editors put metadata at the top of a Markdown file, between "---"
// lines (YAML) or "+++" lines (TOML). It is not article text: read as Markdown, the closing
// "---" would turn the metadata into a heading. frontMatter finds it.

// maxFrontMatterLines bounds the search for the closing line.
const maxFrontMatterLines = 200

// frontMatterMeta is what the front matter says of the article beside its text.
type frontMatterMeta struct {
	title, author string
}

// frontMatter returns the byte length of the front matter at the start of src (0 when there is
// none) and the title and author it declares, if any: an "author" of one name, or the names of
// an "authors" list, as blogs (Docusaurus, Hugo) print them under the title; an "author" list,
// a document's metadata for its title page (Pandoc, Quarto, R Markdown), is left alone. Blank
// lines may come before it. It is, in the forms static-site generators and converters write:
//
//   - lines fenced by "---" (YAML, also closed by "...") or "+++" (TOML), closed within
//     maxFrontMatterLines lines, opening with a key and made of keys, list entries,
//     continuations, comments, tables and the brackets of multi-line lists, so that a document
//     that merely opens with a thematic break is not mistaken for one;
//   - a JSON object from a "{" line to a "}" line (Hugo);
//   - a Pandoc title block: "% Title", "% Authors", "% Date" lines;
//   - MultiMarkdown metadata: a first block of "Key: value" lines, two at least, one of them
//     the title, the author or the date.
func frontMatter(src string) (int, frontMatterMeta) {
	lead := len(src) - len(strings.TrimLeft(src, "\n"))
	n, meta := fencedFrontMatter(src[lead:])
	if n == 0 {
		n, meta = jsonFrontMatter(src[lead:])
	}
	if n == 0 {
		n, meta = pandocTitleBlock(src[lead:])
	}
	if n == 0 {
		n, meta = metadataBlock(src[lead:])
	}
	if n == 0 {
		return 0, frontMatterMeta{}
	}
	return lead + n, meta
}

// frontMatterLines calls line for each line of src, with the byte offset after it, until line
// returns false or maxFrontMatterLines lines were read.
func frontMatterLines(src string, line func(l string, next int) bool) {
	at := 0
	for n := 0; n < maxFrontMatterLines && at < len(src); n++ {
		end := strings.IndexByte(src[at:], '\n')
		l, next := src[at:], len(src)
		if end >= 0 {
			l, next = src[at:at+end], at+end+1
		}
		if !line(strings.TrimRight(l, " \t\r"), next) {
			return
		}
		at = next
	}
}

func fencedFrontMatter(src string) (int, frontMatterMeta) {
	first, _, _ := strings.Cut(src, "\n")
	fence := strings.TrimRight(first, " \t\r")
	if fence != "---" && fence != "+++" {
		return 0, frontMatterMeta{}
	}
	var meta frontMatterMeta
	keys, size, lines := 0, 0, 0
	listKey := ""     // the key whose list the lines under it give ("authors:" over "- name: …")
	var list []string // the names of that list, when it is the authors'
	frontMatterLines(src[len(first)+min(1, len(src)-len(first)):], func(l string, next int) bool {
		lines++
		if l == fence || fence == "---" && l == "..." {
			if keys > 0 {
				size = len(first) + 1 + next
			}
			return false
		}
		if entry, ok := strings.CutPrefix(strings.TrimLeft(l, " \t"), "- "); ok && listKey == "authors" {
			if name := authorEntry(entry); name != "" {
				list = append(list, name)
			}
		}
		key, val, ok := cutKey(l, fence)
		if ok {
			listKey = ""
			if val == "" {
				listKey = strings.ToLower(strings.Trim(key, "\"'"))
			}
		}
		switch {
		case ok:
			keys++
			meta.take(key, val)
		case keys == 0 && l != "" && !strings.HasPrefix(l, "#"):
			return false // the first line says something other than a key: no front matter
		case l == "" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "- ") ||
			strings.HasPrefix(l, "#") || strings.HasPrefix(l, "[") || strings.Trim(l, "[]{},") == "":
		default:
			return false
		}
		return true
	})
	if size > len(src) {
		size = len(src)
	}
	if meta.author == "" && len(list) > 0 && size > 0 {
		meta.author = strings.Join(list, ", ")
	}
	return size, meta
}

// authorEntry returns the name an entry of a front matter's list of authors gives ("- name:
// Zhao Wenqing", "- Zhao Wenqing"), or "" for a key that points elsewhere ("- zhao-wenqing", the
// file of authors' Docusaurus and Hugo keep).
func authorEntry(entry string) string {
	if key, val, ok := strings.Cut(entry, ":"); ok {
		if strings.TrimSpace(key) != "name" {
			return ""
		}
		entry = val
	}
	name := unquoteScalar(strings.TrimSpace(entry))
	if name == "" || strings.ContainsAny(name, "/@") || !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsUpper(r) || isHan(r) || r == ' ' }) {
		return ""
	}
	return name
}

// take keeps the title and the author a key names.
func (m *frontMatterMeta) take(key, val string) {
	key = strings.ToLower(strings.Trim(key, "\"'"))
	switch {
	case key == "title" && m.title == "":
		m.title = unquoteScalar(val)
	case key == "author" && m.author == "" && !strings.HasPrefix(val, "["):
		m.author = unquoteScalar(val)
	}
}

// jsonFrontMatter reads a JSON object that opens the file, from a "{" line to a "}" line.
func jsonFrontMatter(src string) (int, frontMatterMeta) {
	if !strings.HasPrefix(src, "{\n") && !strings.HasPrefix(src, "{\r\n") {
		return 0, frontMatterMeta{}
	}
	size := 0
	frontMatterLines(src, func(l string, next int) bool {
		if l == "}" {
			size = next
			return false
		}
		return true
	})
	var fields map[string]any
	if size == 0 || json.Unmarshal([]byte(src[:size]), &fields) != nil {
		return 0, frontMatterMeta{}
	}
	var meta frontMatterMeta
	for k, v := range fields {
		if s, ok := v.(string); ok {
			meta.take(k, strconv.Quote(s))
		}
	}
	return size, meta
}

// pandocTitleBlock reads the "% Title", "% Authors", "% Date" lines Pandoc puts first.
func pandocTitleBlock(src string) (int, frontMatterMeta) {
	var meta frontMatterMeta
	size, n := 0, 0
	frontMatterLines(src, func(l string, next int) bool {
		rest, ok := strings.CutPrefix(l, "%")
		if !ok || n >= 3 {
			return false
		}
		rest = strings.TrimSpace(rest)
		switch n {
		case 0:
			meta.title = rest
		case 1:
			meta.author = strings.ReplaceAll(rest, ";", ",")
		}
		n++
		size = next
		return true
	})
	if meta.title == "" {
		return 0, frontMatterMeta{}
	}
	return size, meta
}

// metadataKey matches the key of a MultiMarkdown metadata line: a word or three, then a colon.
var metadataKey = regexp.MustCompile(`^\p{L}[\p{L}\d_ -]{0,30}:\s`)

// metadataBlock reads MultiMarkdown metadata: a first block of "Key: value" lines.
func metadataBlock(src string) (int, frontMatterMeta) {
	var meta frontMatterMeta
	size, keys, known := 0, 0, false
	frontMatterLines(src, func(l string, next int) bool {
		if l == "" {
			size = next
			return false
		}
		if !metadataKey.MatchString(l) || len(strings.Fields(l[:strings.Index(l, ":")])) > 3 {
			keys = -1 // a line of text: the block is a paragraph
			return false
		}
		key, val, _ := strings.Cut(l, ":")
		switch strings.ToLower(key) {
		case "title", "author", "date":
			known = true
		}
		meta.take(key, strings.TrimSpace(val))
		keys++
		return true
	})
	if size == 0 || keys < 2 || !known {
		return 0, frontMatterMeta{}
	}
	return size, meta
}

// cutKey reads "key: value" (YAML, the key maybe quoted or of several words) or "key = value"
// (TOML).
func cutKey(line, fence string) (string, string, bool) {
	if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "- ") {
		return "", "", false
	}
	if fence == "+++" {
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.ContainsAny(k, " \t") && !strings.HasPrefix(k, "\"") {
			return "", "", false
		}
		return k, strings.TrimSpace(v), true
	}
	m := yamlKey.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(line[len(m[0]):]), true
}

// yamlKey matches a YAML mapping key and its colon: a quoted key, or a plain one of a few words.
var yamlKey = regexp.MustCompile(`^("[^"]{1,60}"|'[^']{1,60}'|[^\s:#"'\-\[{][^:#]{0,40}?):(\s|$)`)

// unquoteScalar reads a YAML or TOML scalar: a quoted string is unquoted, a plain one trimmed.
func unquoteScalar(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		if s, err := strconv.Unquote(v); err == nil {
			return strings.TrimSpace(s)
		}
		return strings.TrimSpace(v[1 : len(v)-1])
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.TrimSpace(strings.ReplaceAll(v[1:len(v)-1], "''", "'"))
	}
	if strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">") {
		return ""
	}
	return v
}

// blankFrontMatter returns src with its front matter (the first n bytes) turned into blank
// lines, so that the lines of the text keep their numbers.
func blankFrontMatter(src string, n int) string {
	if n == 0 {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	for _, r := range src[:n] {
		if r == '\n' {
			b.WriteByte('\n')
		}
	}
	b.WriteString(src[n:])
	return b.String()
}
