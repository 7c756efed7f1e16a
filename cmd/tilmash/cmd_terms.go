package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/tilmash/tilmash/pipeline"
)

// cmdTerms handles "terms import FILE" and "terms export".
func cmdTerms(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "export") {
		return usagef("usage: tilmash terms import FILE.csv | tilmash terms export")
	}
	fs := newFlagSet("terms " + args[0])
	var cfg Config
	cfg.bind(fs, getenv)
	if err := fs.Parse(interleaved(fs, args[1:])); err != nil {
		return err
	}
	if args[0] == "export" {
		db, err := openDatabase(ctx, &cfg, log, stderr)
		if err != nil {
			return err
		}
		defer db.close(ctx)
		cs, err := newStore(db).FindConcepts(ctx)
		if err != nil {
			return err
		}
		return pipeline.WriteConceptsCSV(stdout, cs)
	}
	if fs.NArg() != 1 {
		return usagef("terms import needs one FILE.csv")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", fs.Arg(0), err)
	}
	defer f.Close()
	cs, err := pipeline.ReadConceptsCSV(f)
	if err != nil {
		return err
	}
	db, err := openDatabase(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	created, updated, err := newStore(db).ImportConcepts(ctx, cs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d concepts imported (%d new, %d updated)\n", created+updated, created, updated)
	return nil
}
