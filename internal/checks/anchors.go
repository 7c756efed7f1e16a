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
		b, err := lexiconFS.ReadFile("lexicon/names.txt")
		if err != nil {
			return
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
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
	has := func(forms []string, text string, lang pipeline.Lang) bool {
		for _, f := range forms {
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
		if has(n[u.SourceLang], u.Source, u.SourceLang) && !has(n[u.TargetLang], u.Target, u.TargetLang) {
			out = append(out, n[u.SourceLang][0])
		}
	}
	for _, t := range opts.Terms {
		st, tt := t.Terms[u.SourceLang], t.Terms[u.TargetLang]
		if st == "" || tt == "" || t.DoNotTranslate {
			continue
		}
		if len(sourceTermUses(memo, u.Source, st, u.SourceLang, 1)) > 0 && !has([]string{tt}, u.Target, u.TargetLang) {
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
