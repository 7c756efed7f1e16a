package eval

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Run implements "tilmash eval": it scores each chosen stage on each chosen split of the corpus
// under -dir and prints one table per stage and split, then the languages that miss the stage's
// goal. It returns 0 when it ran, 1 when a corpus cannot be read or a stage fails, and 2 on bad
// usage. With -v it lists every case that came out wrong.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "testdata/eval", "corpus root: DIR/<stage>/<split>/<lang>.txt")
	stageList := fs.String("stage", "", "comma-separated stages (default: all of "+strings.Join(stageNames(), ", ")+")")
	splitList := fs.String("split", Tune+","+Heldout, "comma-separated splits: tune, heldout")
	verbose := fs.Bool("v", false, "list the cases that came out wrong")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tilmash eval [-dir testdata/eval] [-stage sentences,repair] [-split tune,heldout] [-v]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tilmash eval: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	stages := Stages()
	if *stageList != "" {
		stages = nil
		for _, name := range strings.Split(*stageList, ",") {
			s, ok := Lookup(strings.TrimSpace(name))
			if !ok {
				fmt.Fprintf(stderr, "tilmash eval: unknown stage %q (known: %s)\n", name, strings.Join(stageNames(), ", "))
				return 2
			}
			stages = append(stages, s)
		}
	}
	var splits []string
	for _, sp := range strings.Split(*splitList, ",") {
		sp = strings.TrimSpace(sp)
		if sp != Tune && sp != Heldout {
			fmt.Fprintf(stderr, "tilmash eval: unknown split %q (tune or heldout)\n", sp)
			return 2
		}
		splits = append(splits, sp)
	}
	root := os.DirFS(*dir)
	for _, s := range stages {
		if err := s.Prepare(); err != nil {
			fmt.Fprintf(stderr, "tilmash eval: %s: %v\n", s.Name(), err)
			return 1
		}
		for _, sp := range splits {
			rep, err := Evaluate(root, s, sp)
			if err != nil {
				fmt.Fprintf(stderr, "tilmash eval: %v\n", err)
				return 1
			}
			if len(rep.Rows) == 0 {
				fmt.Fprintf(stdout, "%s / %s: no cases under %s/%s/%s\n\n", s.Name(), sp, *dir, s.Name(), sp)
				continue
			}
			if err := rep.Write(stdout); err != nil {
				return 1
			}
			for _, lang := range s.Langs() {
				if row, ok := rep.Lang(string(lang)); ok {
					if miss := s.Goal().Misses(row.Tally); len(miss) > 0 {
						fmt.Fprintf(stdout, "below goal: %s %s %s\n", s.Name(), lang, strings.Join(miss, ", "))
					}
				}
			}
			if *verbose {
				for _, m := range rep.Mistakes {
					fmt.Fprintf(stdout, "%s [%s] %s\n", m.Case.Where(), m.Case.Class, m.What)
				}
			}
			fmt.Fprintln(stdout)
		}
	}
	return 0
}

func stageNames() []string {
	var out []string
	for _, s := range Stages() {
		out = append(out, s.Name())
	}
	return out
}
