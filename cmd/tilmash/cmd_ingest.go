package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/tilmash/tilmash/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// cmdIngest stores an article from a file (or stdin for "-") and queues its pipeline.
func cmdIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("ingest")
	var cfg Config
	cfg.bind(fs, getenv)
	langFlag := fs.String("lang", "", "source language: en, ru, kk or zh (required)")
	formatFlag := fs.String("format", "text", "text or markdown")
	slug := fs.String("slug", "", "URL slug (default: from the title)")
	category := fs.String("category", "", "category")
	byline := fs.String("byline", "", "byline (default: found in the text)")
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("ingest needs one FILE (or - for standard input)")
	}
	if *langFlag == "" {
		return usagef("ingest needs --lang (en, ru, kk or zh)")
	}
	lang, err := pipeline.ParseLang(*langFlag)
	if err != nil {
		return usagef("%s", errorText(err))
	}
	format, err := pipeline.ParseFormat(*formatFlag)
	if err != nil {
		return usagef("unknown format %q (text or markdown)", *formatFlag)
	}
	text, err := readInput(fs.Arg(0), stdin, cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	// Everything that can be refused is refused before the database is touched.
	in, err := ingest.Prepare(pipeline.IngestRequest{Text: text, Format: format, SourceLang: lang, Slug: *slug,
		Category: *category, Byline: *byline, CreatedBy: "cli"}, cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	art, err := a.store.CreateArticle(ctx, in)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d %s\n", art.ID, art.Slug)
	return nil
}

// readInput reads a file, or stdin for "-", refusing more than the size limit.
func readInput(name string, stdin io.Reader, maxBytes int) (string, error) {
	if maxBytes <= 0 {
		maxBytes = pipeline.DefaultMaxBodyBytes
	}
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("cannot read %s: %w", name, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", name, err)
	}
	if len(data) > maxBytes {
		return "", &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.text_too_large",
			Data: map[string]any{"Limit": maxBytes}}
	}
	return string(data), nil
}
