package mthttp

import (
	"html"
	"regexp"
	"strings"
)

// Segments carry inline markup (links, emphasis, footnote references) as placeholder tags:
// <g1>…</g1> around text and <x1/> alone. Providers keep tags in place when told the text is
// markup (DeepL's tag_handling=xml, Google's and LibreTranslate's format=html), which in turn
// needs the rest of the text escaped.
var placeholder = regexp.MustCompile(`</?g\d+>|<x\d+/>`)

var markupEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// EscapeMarkup returns the texts escaped as markup, with the placeholder tags left as tags, and
// whether any text had placeholders; when none had, the texts are returned unchanged.
func EscapeMarkup(texts []string) ([]string, bool) {
	found := false
	for _, t := range texts {
		found = found || placeholder.MatchString(t)
	}
	if !found {
		return texts, false
	}
	out := make([]string, len(texts))
	for i, s := range texts {
		var b strings.Builder
		last := 0
		for _, m := range placeholder.FindAllStringIndex(s, -1) {
			b.WriteString(markupEscaper.Replace(s[last:m[0]]))
			b.WriteString(s[m[0]:m[1]])
			last = m[1]
		}
		b.WriteString(markupEscaper.Replace(s[last:]))
		out[i] = b.String()
	}
	return out, true
}

// UnescapeMarkup turns a provider's markup answer back into plain text with placeholder tags.
func UnescapeMarkup(texts []string) []string {
	for i, t := range texts {
		texts[i] = html.UnescapeString(t)
	}
	return texts
}
