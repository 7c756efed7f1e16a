// Command kkattested writes internal/text/words/kk-attested.txt.gz, the Kazakh word forms that
// real text attests and the speller would otherwise reject (see text.KazakhAttested), from a
// plain word list of Kazakh text, one word per line. The list of Tesseract's Kazakh model
// serves; Debian's tesseract-ocr and tesseract-ocr-kaz packages hold the tools and the model:
//
//	combine_tessdata -u /usr/share/tesseract-ocr/5/tessdata/kaz.traineddata /tmp/kaz.
//	dawg2wordlist /tmp/kaz.lstm-unicharset /tmp/kaz.lstm-word-dawg /tmp/kaz.words
//	go run ./internal/checks/cmd/kkattested -words /tmp/kaz.words
//
// It keeps a word when it is written in the Kazakh Cyrillic alphabet (hyphenated compounds
// included), the speller with the Debian dictionary and the analyser rejects it in lower case,
// it is no Russian word written without Kazakh letters, and no one keyboard slip turns it into a word the speller accepts: a list drawn from the web
// holds the common misspellings of Kazakh typed on a Russian layout (шаруашылыгы for
// шаруашылығы, мәжбур for мәжбүр), and accepting them would blind the spelling check to the very
// typos it exists for.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// keyboardSlips pairs each Kazakh letter with the Russian letter typed for it on a Russian
// layout, the substitution that most misspelled Kazakh text on the web shows.
var keyboardSlips = map[rune]rune{
	'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ү': 'у', 'ұ': 'у', 'і': 'и', 'ы': 'и', 'ә': 'а', 'ө': 'о', 'һ': 'х',
}

var kazakhWord = regexp.MustCompile(`^[а-яёәғқңөұүһі]+(-[а-яёәғқңөұүһі]+)*$`)

func main() {
	words := flag.String("words", "", "word list of Kazakh text, one word per line")
	out := flag.String("out", "internal/text/words/kk-attested.txt.gz", "file to write")
	flag.Parse()
	if *words == "" {
		fmt.Fprintln(os.Stderr, "kkattested: -words is required (see the command's documentation)")
		os.Exit(2)
	}
	if err := run(*words, *out); err != nil {
		fmt.Fprintln(os.Stderr, "kkattested:", err)
		os.Exit(1)
	}
}

func run(wordsPath, outPath string) error {
	sp, err := checks.DebianSpeller()
	if err != nil {
		return err
	}
	sp.KazakhAttested = nil // judge the list by the dictionary and the analyser alone
	known := func(w string) bool { return !sp.Misspelled(w, pipeline.Kazakh) }

	f, err := os.Open(wordsPath)
	if err != nil {
		return err
	}
	defer f.Close()
	seen := map[string]bool{}
	var kept []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if seen[w] || !kazakhWord.MatchString(w) {
			continue
		}
		seen[w] = true
		if known(w) || oneSlipFromKnown(w, known) || russianWord(w, sp) {
			continue
		}
		kept = append(kept, w)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sort.Strings(kept)

	o, err := os.Create(outPath)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	for _, w := range kept {
		fmt.Fprintln(zw, w)
	}
	if err := zw.Close(); err != nil {
		o.Close()
		return err
	}
	if err := o.Close(); err != nil {
		return err
	}
	fmt.Printf("%d forms read, %d kept in %s\n", len(seen), len(kept), outPath)
	return nil
}

// kazakhLetters are the letters of the Kazakh alphabet that Russian lacks.
const kazakhLetters = "әғқңөұүһі"

// russianWord reports a form with no letter of Kazakh's own that the Russian dictionary accepts:
// text from the web mixes languages, and году or было are Russian words in Kazakh text, which
// the wrong-language check and not this list must judge.
func russianWord(w string, sp *checks.SpellerSet) bool {
	return !strings.ContainsAny(w, kazakhLetters) && !sp.Misspelled(w, pipeline.Russian)
}

// oneSlipFromKnown reports whether putting one Kazakh letter back where its Russian stand-in
// stands (or the stand-in where the letter stands, for a slip the other way) gives a known word.
func oneSlipFromKnown(w string, known func(string) bool) bool {
	rs := []rune(w)
	for i, r := range rs {
		for kk, ru := range keyboardSlips {
			var alt rune
			switch r {
			case kk:
				alt = ru
			case ru:
				alt = kk
			default:
				continue
			}
			rs[i] = alt
			ok := known(string(rs))
			rs[i] = r
			if ok {
				return true
			}
		}
	}
	return false
}
