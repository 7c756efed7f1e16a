// Command gen writes the article-structure corpus under testdata/eval/structure: go run
// ./internal/eval/structgen/gen from the repository root.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tilmash/tilmash/internal/eval/structgen"
)

func main() {
	sents, err := structgen.Sentences("internal/checks/testdata/corpus/units.txt")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	root := filepath.Join("testdata", "eval", "structure")
	for _, split := range []string{"tune", "heldout"} {
		dir := filepath.Join(root, split)
		if err := os.RemoveAll(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := structgen.Write(dir, sents, split == "heldout", 12); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
