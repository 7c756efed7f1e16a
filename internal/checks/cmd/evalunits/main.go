// Command evalunits writes the units of the checks stage of "tilmash eval": for each split of
// testdata/eval/checks, the clean units of units.txt and, from them, units with one injected
// error each (the injector of the qa corpus, plus an enumeration item dropped, an omission that
// lengths alone cannot see), as units.json beside units.txt.
//
//	go run ./internal/checks/cmd/evalunits [-dir testdata/eval/checks]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/checks/internal/corpus"
	"github.com/tilmash/tilmash/pipeline"
)

func main() {
	dir := flag.String("dir", "testdata/eval/checks", "corpus directory: terms.txt and <split>/units.txt")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "evalunits:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	terms, err := corpus.LoadTerms(dir)
	if err != nil {
		return err
	}
	sp, err := checks.DebianSpeller()
	if err != nil {
		return err
	}
	in := corpus.Injector{Terms: terms, Spell: sp}
	for _, split := range []string{"tune", "heldout"} {
		srcs, err := corpus.LoadSources(filepath.Join(dir, split))
		if err != nil {
			return err
		}
		units := append(corpus.CleanUnits(srcs), in.Inject(srcs)...)
		units = append(units, itemOmissions(srcs)...)
		for i := range units {
			units[i].ID = split + "/" + units[i].ID
		}
		if err := corpus.WriteUnits(filepath.Join(dir, split, "units.json"), units); err != nil {
			return err
		}
	}
	return nil
}

// enumeration matches the last two items of an enumeration in each language: ", B и C",
// ", B және C", "、B和C"; the item B (a few words, no punctuation) is what gets dropped.
var enumeration = map[pipeline.Lang]*regexp.Regexp{
	pipeline.Russian: regexp.MustCompile(`, ([^,;:.]{3,60}?) (и) `),
	pipeline.Kazakh:  regexp.MustCompile(`, ([^,;:.]{3,60}?) (және|мен|пен|бен) `),
	pipeline.Chinese: regexp.MustCompile(`、([^、，。；：]{1,20}?)(和|及|以及)`),
}

// itemOmissions drops one item of an enumeration from each translation that has one: the
// translation keeps nearly its length and its clause punctuation, so only a count of the items
// (or of the source's names) shows the loss.
func itemOmissions(srcs []corpus.Source) []corpus.Unit {
	var out []corpus.Unit
	for _, l := range corpus.Targets {
		for _, s := range srcs {
			t := s.Texts[string(l)]
			m := enumeration[l].FindStringSubmatchIndex(t)
			if m == nil {
				continue
			}
			item := t[m[2]:m[3]]
			sep := " "
			if l == pipeline.Chinese {
				sep = ""
			}
			cut := t[:m[0]] + sep + t[m[4]:]
			if l == pipeline.Chinese {
				cut = t[:m[0]] + t[m[4]:]
			}
			cut = strings.TrimSpace(cut)
			out = append(out, corpus.Unit{ID: fmt.Sprintf("omission-item/%s/%d", l, s.N), Check: checks.CheckOmission,
				Lang: l, Source: s.Texts["en"], Target: cut, Note: "enumeration item dropped: " + item})
		}
	}
	return out
}
