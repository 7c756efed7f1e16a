package qa

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// Speller tells misspelled words. Misspelled must be safe for concurrent use and should answer
// false for languages it does not know.
type Speller interface {
	Misspelled(word string, lang pipeline.Lang) bool
}

// SpellerSet is a Speller with one Hunspell dictionary per language.
type SpellerSet struct {
	Dicts map[pipeline.Lang]*Hunspell
}

// Misspelled reports whether the dictionary of lang rejects word. Case is handled the way
// readers expect: a capitalised word is also accepted in lower case (sentence starts) and an
// upper-case word in lower case or capitalised; a lower-case word must be in the dictionary in
// lower case. ё may be written as е and the other way round, and the typographic apostrophe ’
// counts as '. Words of a language without a dictionary are never misspelled.
func (s *SpellerSet) Misspelled(word string, lang pipeline.Lang) bool {
	h := s.Dicts[lang]
	if h == nil || word == "" {
		return false
	}
	word = strings.ReplaceAll(word, "’", "'")
	for _, w := range caseVariants(word) {
		if h.Valid(w) {
			return false
		}
		if strings.ContainsRune(w, 'ё') && h.Valid(strings.ReplaceAll(w, "ё", "е")) {
			return false
		}
		if lang == pipeline.Russian && strings.ContainsRune(w, 'е') && h.Valid(strings.ReplaceAll(w, "е", "ё")) {
			return false
		}
	}
	return true
}

// caseVariants lists the spellings a word may have in the dictionary.
func caseVariants(w string) []string {
	out := []string{w}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return out
	}
	lower := strings.ToLower(w)
	out = append(out, string(unicode.ToLower(r))+w[size:])
	if isAllUpper(w) {
		out = append(out, lower, string(r)+strings.ToLower(w[size:]))
	}
	return out
}

// debianDicts names the Debian Hunspell dictionaries and the packages that ship them.
var debianDicts = []struct {
	lang pipeline.Lang
	name string
	pkg  string
}{
	{pipeline.English, "en_US", "hunspell-en-us"},
	{pipeline.Russian, "ru_RU", "hunspell-ru"},
	{pipeline.Kazakh, "kk_KZ", "hunspell-kk"},
}

// DebianSpeller loads the en_US, ru_RU and kk_KZ dictionaries from /usr/share/hunspell. A
// missing dictionary is an error naming the Debian package to install.
func DebianSpeller() (*SpellerSet, error) { return LoadSpellerDir("/usr/share/hunspell") }

// LoadSpellerDir loads the en_US, ru_RU and kk_KZ dictionaries from dir.
func LoadSpellerDir(dir string) (*SpellerSet, error) {
	set := &SpellerSet{Dicts: map[pipeline.Lang]*Hunspell{}}
	for _, d := range debianDicts {
		aff := filepath.Join(dir, d.name+".aff")
		dic := filepath.Join(dir, d.name+".dic")
		for _, p := range []string{aff, dic} {
			if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("hunspell dictionary %s is missing (install the Debian package %s): %w", p, d.pkg, err)
			}
		}
		h, err := LoadHunspell(aff, dic)
		if err != nil {
			return nil, fmt.Errorf("load %s dictionary: %w", d.name, err)
		}
		set.Dicts[d.lang] = h
	}
	return set, nil
}
