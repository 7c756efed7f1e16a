// Command corpus2po writes the qa evaluation corpus as PO files, one per target language
// (ru.po, kk.po, zh.po: msgid = English source, msgstr = translation, msgctxt = unit id), so
// that other checkers such as translate-toolkit's pofilter can run on the same units. It also
// writes units.json with every unit, its injected error and the translation memory.
//
//	go run ./internal/checks/cmd/corpus2po [-corpus internal/checks/testdata/corpus] OUTDIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/checks/internal/corpus"
)

func main() {
	dir := flag.String("corpus", "internal/checks/testdata/corpus", "corpus directory")
	scoreMode := flag.Bool("score", false, "score pofilter's output in OUTDIR against qa")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: corpus2po [-corpus DIR] [-score] OUTDIR")
		os.Exit(2)
	}
	if *scoreMode {
		if err := os.Setenv("QA_CORPUS_DIR", *dir); err != nil {
			fmt.Fprintln(os.Stderr, "corpus2po:", err)
			os.Exit(1)
		}
		if err := score(flag.Arg(0)); err != nil {
			fmt.Fprintln(os.Stderr, "corpus2po:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dir, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "corpus2po:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	srcs, err := corpus.LoadSources(dir)
	if err != nil {
		return err
	}
	terms, err := corpus.LoadTerms(dir)
	if err != nil {
		return err
	}
	in := corpus.Injector{Terms: terms}
	if sp, err := checks.DebianSpeller(); err == nil {
		in.Spell = sp
	} else {
		fmt.Fprintln(os.Stderr, "corpus2po: no spelling injections:", err)
	}
	units := append(corpus.CleanUnits(srcs), in.Inject(srcs)...)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	if err := corpus.WriteUnits(filepath.Join(out, "units.json"), units); err != nil {
		return err
	}
	for _, l := range corpus.Targets {
		var b strings.Builder
		fmt.Fprintf(&b, "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: %s\\n\"\n\n", l)
		for _, u := range units {
			if u.Lang != l {
				continue
			}
			fmt.Fprintf(&b, "msgctxt %s\nmsgid %s\nmsgstr %s\n\n", poString(u.ID), poString(u.Source), poString(u.Target))
		}
		if err := os.WriteFile(filepath.Join(out, string(l)+".po"), []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("write PO file: %w", err)
		}
	}
	return nil
}

// poString quotes s for a PO file.
func poString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}
