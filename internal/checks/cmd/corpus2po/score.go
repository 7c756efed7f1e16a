package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/checks/internal/corpus"
	"github.com/tilmash/tilmash/pipeline"
)

// pofilterTests maps each qa check to the pofilter tests that look for the same kind of error.
var pofilterTests = map[string][]string{
	checks.CheckUntranslated:  {"untranslated", "unchanged", "blank"},
	checks.CheckNumber:        {"numbers"},
	checks.CheckWrongLanguage: {"validchars"},
	checks.CheckGlossary:      {"notranslatewords", "musttranslatewords"},
	checks.CheckOmission:      {"short", "sentencecount"},
	checks.CheckPunctuation:   {"endpunc", "startpunc", "brackets", "doublequoting", "singlequoting", "puncspacing", "purepunc"},
	checks.CheckWhitespace:    {"doublespacing", "startwhitespace", "endwhitespace", "puncspacing", "tabs", "newlines"},
	checks.CheckRepeatedWord:  {"doublewords"},
	checks.CheckMarkup:        {"xmltags", "urls", "printf", "pythonbraceformat", "variables", "escapes"},
	checks.CheckSpelling:      {"spellcheck"},
	checks.CheckConsistency:   {"compendiumconflicts"},
}

// readPofilter returns, per unit id (msgctxt), the pofilter tests that failed.
func readPofilter(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open pofilter output: %w", err)
	}
	defer f.Close()
	out := map[string][]string{}
	var pending []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# (pofilter) "); ok {
			name, _, _ := strings.Cut(rest, ":")
			pending = append(pending, strings.TrimSpace(name))
			continue
		}
		if rest, ok := strings.CutPrefix(line, "msgctxt "); ok {
			id, err := strconv.Unquote(rest)
			if err != nil {
				return nil, fmt.Errorf("%s: bad msgctxt %s: %w", path, rest, err)
			}
			out[id] = append(out[id], pending...)
			pending = nil
		}
	}
	return out, sc.Err()
}

type tally struct{ n, hit, hitAny int }

func (t tally) rate(any bool) string {
	if t.n == 0 {
		return "  n/a"
	}
	h := t.hit
	if any {
		h = t.hitAny
	}
	return fmt.Sprintf("%5.3f", float64(h)/float64(t.n))
}

// score prints qa's and pofilter's recall per check and language and their false-positive rates
// on the clean units, side by side. pofilter's recall counts a unit when one of the tests mapped
// to the check failed ("any" counts any test).
func score(dir string) error {
	units, err := corpus.ReadUnits(filepath.Join(dir, "units.json"))
	if err != nil {
		return err
	}
	srcDir := os.Getenv("QA_CORPUS_DIR")
	if srcDir == "" {
		srcDir = "internal/checks/testdata/corpus"
	}
	ts, err := corpus.LoadTerms(srcDir)
	if err != nil {
		return err
	}
	terms := corpus.QATerms(ts)
	var sp checks.Speller
	if s, err := checks.DebianSpeller(); err == nil {
		sp = s
	}
	po := map[pipeline.Lang]map[string][]string{}
	for _, l := range corpus.Targets {
		if po[l], err = readPofilter(filepath.Join(dir, "out-"+string(l)+".po")); err != nil {
			return err
		}
	}
	ours := map[string]map[pipeline.Lang]*tally{}
	theirs := map[string]map[pipeline.Lang]*tally{}
	get := func(m map[string]map[pipeline.Lang]*tally, c string, l pipeline.Lang) *tally {
		if m[c] == nil {
			m[c] = map[pipeline.Lang]*tally{}
		}
		if m[c][l] == nil {
			m[c][l] = &tally{}
		}
		return m[c][l]
	}
	for _, u := range units {
		check := u.Check
		if strings.HasPrefix(u.ID, "omission-phrase/") {
			check = "omission (phrase)"
		}
		if check == "" {
			check = "clean"
		}
		fs := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: u.Lang, Source: u.Source, Target: u.Target},
			checks.Options{Terms: terms, Spell: sp, OtherTranslations: func(string) []string { return u.Memory }})
		o, t := get(ours, check, u.Lang), get(theirs, check, u.Lang)
		o.n++
		t.n++
		failed := po[u.Lang][u.ID]
		if check == "clean" {
			if len(fs) > 0 {
				o.hit++
			}
			if len(failed) > 0 {
				t.hit++
			}
			continue
		}
		for _, f := range fs {
			if f.Check == u.Check {
				o.hit++
				break
			}
		}
		if len(failed) > 0 {
			t.hitAny++
		}
		for _, name := range failed {
			if contains(pofilterTests[u.Check], name) {
				t.hit++
				break
			}
		}
	}
	fmt.Printf("%-18s | %-23s | %-23s | %s\n", "recall", "tilmash qa  ru    kk    zh", "pofilter    ru    kk    zh", "pofilter, any test ru kk zh")
	rows := append(append([]string{}, checks.AllChecks...), "omission (phrase)")
	for _, c := range rows {
		fmt.Printf("%-18s |  %s %s %s  |  %s %s %s  |  %s %s %s\n", c,
			get(ours, c, "ru").rate(false), get(ours, c, "kk").rate(false), get(ours, c, "zh").rate(false),
			get(theirs, c, "ru").rate(false), get(theirs, c, "kk").rate(false), get(theirs, c, "zh").rate(false),
			get(theirs, c, "ru").rate(true), get(theirs, c, "kk").rate(true), get(theirs, c, "zh").rate(true))
	}
	fmt.Printf("%-18s |  %s %s %s  |  %s %s %s  |\n", "false positives",
		get(ours, "clean", "ru").rate(false), get(ours, "clean", "kk").rate(false), get(ours, "clean", "zh").rate(false),
		get(theirs, "clean", "ru").rate(false), get(theirs, "clean", "kk").rate(false), get(theirs, "clean", "zh").rate(false))
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
