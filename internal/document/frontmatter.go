package document

import (
	"strconv"
	"strings"
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
// none) and the title and author it declares, if any (a list of authors is left alone). The
// front matter must open on the very first line and close within maxFrontMatterLines lines;
// its lines must look like keys, list entries or continuations, so that a document that merely
// opens with a thematic break is not mistaken for one.
func frontMatter(src string) (int, frontMatterMeta) {
	var fence string
	switch {
	case strings.HasPrefix(src, "---\n"):
		fence = "---"
	case strings.HasPrefix(src, "+++\n"):
		fence = "+++"
	default:
		return 0, frontMatterMeta{}
	}
	at := len(fence) + 1
	var meta frontMatterMeta
	keys := 0
	for n := 0; n < maxFrontMatterLines && at <= len(src); n++ {
		end := strings.IndexByte(src[at:], '\n')
		line := src[at:]
		next := len(src)
		if end >= 0 {
			line, next = src[at:at+end], at+end+1
		}
		trimmed := strings.TrimRight(line, " \t")
		if trimmed == fence || (fence == "---" && trimmed == "...") {
			if keys == 0 {
				return 0, frontMatterMeta{}
			}
			return next, meta
		}
		key, val, ok := cutKey(trimmed, fence)
		switch {
		case ok:
			keys++
			switch {
			case strings.EqualFold(key, "title") && meta.title == "":
				meta.title = unquoteScalar(val)
			case strings.EqualFold(key, "author") && meta.author == "" && !strings.HasPrefix(val, "["):
				meta.author = unquoteScalar(val)
			}
		case trimmed == "" || strings.HasPrefix(trimmed, " ") || strings.HasPrefix(trimmed, "\t") ||
			strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "["):
		default:
			return 0, frontMatterMeta{}
		}
		if end < 0 {
			break
		}
		at = next
	}
	return 0, frontMatterMeta{}
}

// cutKey reads "key: value" (YAML) or "key = value" (TOML).
func cutKey(line, fence string) (string, string, bool) {
	sep := ":"
	if fence == "+++" {
		sep = "="
	}
	k, v, ok := strings.Cut(line, sep)
	k = strings.TrimSpace(k)
	if !ok || k == "" || strings.ContainsAny(k, " \t\"'") || strings.HasPrefix(line, " ") {
		return "", "", false
	}
	return k, strings.TrimSpace(v), true
}

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
