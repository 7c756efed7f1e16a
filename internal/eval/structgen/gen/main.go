// Command gen writes the article-structure corpus under testdata/eval/structure: go run
// ./internal/eval/structgen/gen from the repository root.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
		if err := removeGenerated(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := structgen.Write(dir, sents, split == "heldout", 12); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	for _, split := range []string{"tune", "heldout"} {
		if err := structgen.WriteSites(filepath.Join(root, split), sents, split == "heldout", 12); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// removeGenerated removes the articles structgen wrote before, keeping the hand-written ones
// ("<lang>-hand-<shape>.<ext>"), which it cannot write again.
func removeGenerated(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		// Hand-written articles and text copied from PDFs that LibreOffice set (written by
		// ./internal/eval/structgen/pdfcopy, which needs tools the generator does not) stay.
		if _, rest, _ := strings.Cut(e.Name(), "-"); strings.HasPrefix(rest, "hand-") || strings.HasPrefix(rest, "pdfcopy-") {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
