package checks

import (
	"strings"
	"sync"

	"github.com/tilmash/tilmash/pipeline"
)

// anchorName is a name in the four languages, each with alternative forms.
type anchorName map[pipeline.Lang][]string

var (
	anchorOnce  sync.Once
	anchorNames []anchorName
)

// names returns the built-in list of names (lexicon/names.txt).
func names() []anchorName {
	anchorOnce.Do(func() {
		for _, line := range lexiconLines("names.txt") {
			cols := strings.Split(line, "|")
			if len(cols) != 4 {
				continue
			}
			n := anchorName{}
			for i, l := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
				for _, f := range strings.Split(cols[i], "/") {
					if f = strings.TrimSpace(f); f != "" {
						n[l] = append(n[l], f)
					}
				}
			}
			anchorNames = append(anchorNames, n)
		}
	})
	return anchorNames
}

// missingAnchors lists what the source names or counts that the translation does not render: a
// name of the built-in list or the termbase found in the source with no form in the
// translation, and numbers of the source missing from it. Each is weak evidence on its own (a
// translator may write "the country" for Kazakhstan) but, with a short translation, points at a
// lost clause.
func missingAnchors(u pipeline.CheckUnit, opts *Options) []string {
	var out []string
	memo := opts.wordMemo()
	if memo == nil {
		memo = &wordMemo{}
	}
	// A name's first letters stand in the text wherever a form of it does (endings and the
	// voicing of a last consonant change only its end): the folded texts rule out most names
	// before they are looked for word by word. Terms are looked for in full: a fleeting vowel
	// changes the start of short ones (заём, займов).
	folded := map[string]string{}
	has := func(forms []string, text string, lang pipeline.Lang, name bool) bool {
		ft, ok := folded[text]
		if !ok && name {
			ft = foldWord(text)
			folded[text] = ft
		}
		for _, f := range forms {
			if abbrev, ok := strings.CutPrefix(f, "~"); ok {
				if lang == pipeline.Chinese && hanAbbrevInChain(text, abbrev) {
					return true
				}
				continue
			}
			if name && !strings.Contains(ft, formHead(f)) {
				continue
			}
			if len(findTermAll(memo, text, f, lang, 1)) > 0 {
				return true
			}
		}
		return false
	}
	for _, n := range names() {
		if len(n[u.SourceLang]) == 0 || len(n[u.TargetLang]) == 0 {
			continue
		}
		if has(n[u.SourceLang], u.Source, u.SourceLang, true) && !has(n[u.TargetLang], u.Target, u.TargetLang, true) {
			out = append(out, n[u.SourceLang][0])
		}
	}
	for _, t := range opts.Terms {
		st, tt := t.Terms[u.SourceLang], t.Terms[u.TargetLang]
		if st == "" || tt == "" || t.DoNotTranslate {
			continue
		}
		if len(sourceTermUses(memo, u.Source, st, u.SourceLang, 1)) > 0 && !has([]string{tt}, u.Target, u.TargetLang, false) {
			out = append(out, st)
		}
	}
	for _, f := range numberFindings(u, opts) {
		if f.MessageID == "check.number.missing" {
			out = append(out, f.Data["Number"].(string))
		}
	}
	return out
}

var (
	hanAbbrevOnce sync.Once
	hanAbbrevs    map[rune]bool
	hanFullNames  *strings.Replacer // blanks the names of three characters or more
)

// hanAbbrevInChain reports whether the one-character abbreviation a stands in text next to
// another one-character abbreviation of lexicon/names.txt: 吉 and 乌 in 中吉乌铁路.
func hanAbbrevInChain(text, a string) bool {
	hanAbbrevOnce.Do(func() {
		hanAbbrevs = map[rune]bool{}
		var long []string
		for _, n := range names() {
			for _, f := range n[pipeline.Chinese] {
				f = strings.TrimPrefix(f, "~")
				switch rs := []rune(f); {
				case len(rs) == 1:
					hanAbbrevs[rs[0]] = true
				case len(rs) >= 3:
					long = append(long, f, "　")
				}
			}
		}
		hanFullNames = strings.NewReplacer(long...)
	})
	if !strings.Contains(text, a) {
		return false
	}
	ar := []rune(a)[0]
	// The characters of a full name (塔吉克斯坦 holds 塔吉) are no chain of abbreviations.
	rs := []rune(hanFullNames.Replace(text))
	for i, r := range rs {
		if r == ar && (i > 0 && hanAbbrevs[rs[i-1]] && rs[i-1] != r || i+1 < len(rs) && hanAbbrevs[rs[i+1]] && rs[i+1] != r) {
			return true
		}
	}
	return false
}

// formHead is the folded first three letters of a name's form: every form of the name begins
// with them.
func formHead(f string) string {
	f = foldWord(f)
	n := 0
	for i := range f {
		if n == 3 {
			return f[:i]
		}
		n++
	}
	return f
}
