package deepl

import (
	"regexp"
	"strings"
)

// Segments carry inline markup (links, emphasis, footnote references) as placeholder tags:
// <g1>…</g1> around text and <x1/> alone. DeepL keeps such tags in place when asked for XML tag
// handling, which in turn needs the rest of the text escaped as XML.
var placeholder = regexp.MustCompile(`</?g\d+>|<x\d+/>`)

// hasPlaceholders reports whether any text carries inline markup.
func hasPlaceholders(texts []string) bool {
	for _, t := range texts {
		if placeholder.MatchString(t) {
			return true
		}
	}
	return false
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeXML escapes a text for XML tag handling, leaving the placeholder tags as tags.
func escapeXML(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range placeholder.FindAllStringIndex(s, -1) {
		b.WriteString(xmlEscaper.Replace(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(xmlEscaper.Replace(s[last:]))
	return b.String()
}

var xmlUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&")

// unescapeXML turns DeepL's XML answer back into plain text with placeholder tags.
func unescapeXML(s string) string { return xmlUnescaper.Replace(s) }
