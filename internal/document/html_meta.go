package document

import (
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page's own word on who wrote it: the authors its metadata names, in <meta> tags
// ("author", "article:author", "citation_author", "DC.creator"), in schema.org JSON-LD
// ("author": {"name": …}) and in links marked rel="author". Only names of persons count; a site that names itself as the author
// ("新浪财经") says nothing of the article's.

// Bounds of the look at a page's metadata.
const (
	maxLDBytes        = 64 << 10
	maxDeclaredNames  = 8
	maxLDDepth        = 8
	maxDeclaredLength = 80
)

// authorMetaNames are the names and properties of <meta> tags that give the author.
var authorMetaNames = map[string]bool{"author": true, "article:author": true, "citation_author": true,
	"dc.creator": true, "dcterms.creator": true, "parsely-author": true, "sailthru.author": true}

// declaredAuthors returns the personal names a parsed (not yet sanitised) page declares as its
// authors, by their titleKey.
func declaredAuthors(raw *html.Node) map[string]bool {
	names := map[string]bool{}
	add := func(s string) {
		s = collapseSpaces(s)
		if len(names) < maxDeclaredNames && s != "" && len(s) <= maxDeclaredLength && !strings.Contains(s, "/") &&
			(isNameLine(s) || isChineseNames(s) || isTransliteratedName(s) || isNameLine(reorderedName(s))) {
			names[titleKey(s)] = true
		}
	}
	for _, m := range findAll(raw, func(n *html.Node) bool { return n.DataAtom == atom.Meta }) {
		key := strings.ToLower(attr(m, "name") + attr(m, "property"))
		if authorMetaNames[key] {
			add(attr(m, "content"))
		}
	}
	// A link the page marks as leading to the author's page names the author.
	for _, a := range findAll(raw, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		if slices.Contains(strings.Fields(strings.ToLower(attr(a, "rel"))), "author") {
			add(textOf(a))
		}
	}
	budget := maxLDBytes
	for _, s := range findAll(raw, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && strings.EqualFold(attr(n, "type"), "application/ld+json")
	}) {
		text := textOf(s)
		if budget -= len(text); budget < 0 {
			break
		}
		var v any
		if json.Unmarshal([]byte(text), &v) == nil {
			ldAuthors(v, add, 0)
		}
	}
	return names
}

// ldAuthors walks a JSON-LD value and adds the names given under "author" or "creator".
func ldAuthors(v any, add func(string), depth int) {
	if depth > maxLDDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ldAuthors(e, add, depth+1)
		}
	case map[string]any:
		for k, e := range x {
			if k == "author" || k == "creator" {
				ldNames(e, add, depth+1)
				continue
			}
			ldAuthors(e, add, depth+1)
		}
	}
}

// ldNames adds the names of a JSON-LD author value: a string, a person, or a list of them.
func ldNames(v any, add func(string), depth int) {
	if depth > maxLDDepth {
		return
	}
	switch x := v.(type) {
	case string:
		add(x)
	case []any:
		for _, e := range x {
			ldNames(e, add, depth+1)
		}
	case map[string]any:
		if t, _ := x["@type"].(string); t == "Organization" {
			return
		}
		if n, ok := x["name"].(string); ok {
			add(n)
		}
	}
}

// reorderedName returns "Malika Saidova" for a name written surname first with a comma
// ("Saidova, Malika"), as repositories cite authors; else s.
func reorderedName(s string) string {
	if last, first, ok := strings.Cut(s, ","); ok && !strings.Contains(first, ",") {
		return strings.TrimSpace(first) + " " + strings.TrimSpace(last)
	}
	return s
}

// declaredByline returns the text of a short block with no blocks inside that names only the
// authors the page declares, with a byline's label or not ("Author: NAME", "NAME and NAME").
func (c *htmlConverter) declaredByline(n *html.Node) (string, bool) {
	if len(c.declared) == 0 || !isBlockElement(n) || hasBlockChild(n) || isHeadingAtom(n.DataAtom) || n == c.title {
		return "", false
	}
	text, short := boundedText(n, 4*maxBylineColumns)
	text = collapseSpaces(text)
	if !short || text == "" {
		return "", false
	}
	return text, declaresAll(c.declared, text)
}

// namesSeparator parts the names of several authors.
var namesSeparator = strings.NewReplacer(" and ", ",", " & ", ",", " и ", ",", " және ", ",", "、", ",", ";", ",", "，", ",")

// declaresAll reports a line whose names, after a byline's label, are all among the declared
// authors.
func declaresAll(declared map[string]bool, s string) bool {
	if len(declared) == 0 {
		return false
	}
	s = collapseSpaces(s)
	if hasBylinePrefix(s) {
		l := strings.ToLower(s)
		for _, p := range bylinePrefixes {
			if strings.HasPrefix(l, p) {
				s = strings.TrimLeft(s[len(p):], " :：")
				break
			}
		}
	}
	parts := strings.Split(namesSeparator.Replace(s), ",")
	if declared[titleKey(s)] {
		return true // "Saidova, Malika"
	}
	found := 0
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !declared[titleKey(p)] {
			return false
		}
		found++
	}
	return found > 0
}
