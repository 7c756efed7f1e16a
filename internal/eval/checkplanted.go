package eval

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// The checks corpus also holds, per split, planted.txt and later sets planted-b.txt, …: translation units written by hand with
// errors planted in them, in every direction between en, ru, kk and zh. A block is one source
// and its translations:
//
//	ru: the source sentence (its line's language is the source language)
//	en: a correct translation
//	kk omission-phrase: a translation with one planted error of that check
//
// A line "LANG: text" after the first is a clean translation; "LANG CHECK: text" is a unit with
// one error of CHECK, where CHECK is a check id or "omission-phrase" (a few words dropped inside
// one clause, scored as the class "omission (phrase)"). A block belongs to the held-out split
// when SplitFor gives Heldout for the text of its source line (without "LANG: ").

// phraseLabel is the planted class of omissions inside a clause.
const phraseLabel = "omission-phrase"

// parsePlanted reads one planted file of a split into units.
func parsePlanted(data, name, split string) ([]checkUnit, error) {
	// A unit's id holds its split and its file's base name ("tune/planted-b/clean/kk/40"): the
	// stage keeps findings by id across the splits of one run.
	set := split + "/" + strings.TrimSuffix(path.Base(name), ".txt")
	var out []checkUnit
	var src string
	var srcLang pipeline.Lang
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" {
			src = ""
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		key, text, ok := strings.Cut(line, ": ")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"LANG: text\" or \"LANG CHECK: text\"", name, n)
		}
		langName, check, _ := strings.Cut(key, " ")
		lang, err := pipeline.ParseLang(langName)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if src == "" {
			if check != "" {
				return nil, fmt.Errorf("%s:%d: a block starts with its source, not a %s unit", name, n, check)
			}
			if SplitFor([]string{text}) != split {
				return nil, fmt.Errorf("%s:%d: the block belongs to the other split by its hash", name, n)
			}
			src, srcLang = text, lang
			continue
		}
		if lang == srcLang {
			return nil, fmt.Errorf("%s:%d: a translation into the source language", name, n)
		}
		u := checkUnit{ID: fmt.Sprintf("%s/%s/%s/%d", set, "clean", lang, n), Lang: lang, SourceLang: srcLang, Source: src, Target: text, file: name, line: n}
		if check != "" {
			u.ID = fmt.Sprintf("%s/%s/%s/%d", set, check, lang, n)
			u.Check, u.Note = check, "planted"
			if check == phraseLabel {
				u.Check = checks.CheckOmission
			} else if !knownCheck(check) {
				return nil, fmt.Errorf("%s:%d: no check %q", name, n, check)
			}
		}
		out = append(out, u)
	}
	return out, sc.Err()
}

func knownCheck(id string) bool {
	for _, c := range checks.AllChecks {
		if c == id {
			return true
		}
	}
	return false
}

// loadPlanted reads every DIR/checks/<split>/planted*.txt (planted.txt and later sets such as
// planted-b.txt) in name order; a split may have none.
func loadPlanted(root fs.FS, split string) ([]checkUnit, error) {
	names, err := fs.Glob(root, path.Join("checks", split, "planted*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []checkUnit
	for _, name := range names {
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return nil, err
		}
		units, err := parsePlanted(string(data), name, split)
		if err != nil {
			return nil, err
		}
		out = append(out, units...)
	}
	return out, nil
}
