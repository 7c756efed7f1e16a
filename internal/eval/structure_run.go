package eval

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// RunStructure implements "tilmash eval-structure": it scores the importers on the structure
// corpus and prints WriteStructureReport for each split. It returns 0 when it ran, 1 when the
// corpus cannot be read, 2 on bad usage.
func RunStructure(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval-structure", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "testdata/eval", "corpus root: DIR/structure/<split>/")
	splitList := fs.String("split", "tune,heldout", "comma-separated splits: tune, heldout")
	verbose := fs.Bool("v", false, "list the wrong blocks of every case")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	root := os.DirFS(*dir)
	for _, sp := range strings.Split(*splitList, ",") {
		cases, err := LoadStructure(root, strings.TrimSpace(sp))
		if err != nil {
			fmt.Fprintf(stderr, "tilmash eval-structure: %v\n", err)
			return 1
		}
		WriteStructureReport(stdout, sp, cases, *verbose)
	}
	return 0
}
