package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/pipeline"
)

// cmdTerms handles "terms import FILE" and "terms export", as CSV or TBX.
func cmdTerms(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "export") {
		return usagef("usage: tilmash terms import FILE.csv|FILE.tbx | tilmash terms export [--format csv|tbx]")
	}
	fs := newFlagSet("terms " + args[0])
	var cfg Config
	cfg.bind(fs, getenv)
	format := fs.String("format", "", "csv or tbx (import: from the file's name, csv by default)")
	dialect := fs.String("dialect", "tbx", "TBX export: tbx (TBX-Basic, v3 core) or martif (TBX v2)")
	assume := fs.String("assume-lang", "", "TBX import: the language of terms the file leaves unsaid (such as translate-toolkit's xx)")
	if err := fs.Parse(interleaved(fs, args[1:])); err != nil {
		return err
	}
	if args[0] == "export" && strings.EqualFold(*format, "tbx") {
		return exportTBX(ctx, &cfg, *dialect, stdout, stderr, log)
	}
	if args[0] == "import" && fs.NArg() == 1 && (strings.EqualFold(*format, "tbx") ||
		(*format == "" && strings.EqualFold(filepath.Ext(fs.Arg(0)), ".tbx"))) {
		return importTBX(ctx, &cfg, fs.Arg(0), *assume, stdout, stderr, log)
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

// exportTBX prints the termbase as TBX.
func exportTBX(ctx context.Context, cfg *Config, dialect string, stdout, stderr io.Writer, log *slog.Logger) error {
	d, err := interchange.ParseTBXDialect(dialect)
	if err != nil {
		return usagef("%s", errorText(err))
	}
	db, err := openDatabase(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	cs, err := newStore(db).FindConcepts(ctx)
	if err != nil {
		return err
	}
	return interchange.WriteTBX(stdout, cs, d)
}

// importTBX imports a TBX file, all or nothing, as the CSV import does.
func importTBX(ctx context.Context, cfg *Config, name, assume string, stdout, stderr io.Writer, log *slog.Logger) error {
	var opts interchange.TBXOptions
	if assume != "" {
		l, err := pipeline.ParseLang(assume)
		if err != nil {
			return usagef("%s", errorText(err))
		}
		opts.Assume = l
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	defer f.Close()
	res, err := interchange.ReadTBX(f, opts)
	if err != nil {
		return err
	}
	db, err := openDatabase(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	created, updated, err := newStore(db).ImportConcepts(ctx, res.Concepts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d concepts imported (%d new, %d updated); %d entries without a term in en, ru, kk or zh skipped, %d terms left out\n",
		created+updated, created, updated, res.Skipped, res.Dropped)
	return nil
}
