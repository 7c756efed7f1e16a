package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// cmdIngest stores an article from a file (or stdin for "-") and queues its pipeline; with
// --article it stores the file as a new revision of an existing article instead.
func cmdIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("ingest")
	var cfg Config
	cfg.bind(fs, getenv)
	langFlag := fs.String("lang", "", "source language: en, ru, kk or zh (required)")
	formatFlag := fs.String("format", "", "text, markdown, html or docx (default: detected from the content)")
	slug := fs.String("slug", "", "URL slug (default: from the title)")
	category := fs.String("category", "", "category")
	byline := fs.String("byline", "", "byline (default: found in the text)")
	article := fs.String("article", "", "store FILE as a new revision of the article with this slug")
	minor := fs.Bool("minor", false, "with --article: a typo or punctuation fix; changed sentences keep their confirmed translations")
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("ingest needs one FILE (or - for standard input)")
	}
	if *article == "" && *langFlag == "" {
		return usagef("ingest needs --lang (en, ru, kk or zh)")
	}
	if *article != "" && (*slug != "" || *category != "") {
		return usagef("--slug and --category name a new article; a revision keeps the article's")
	}
	if *article == "" && *minor {
		return usagef("--minor applies to a new revision: give --article")
	}
	var lang pipeline.Lang
	if *langFlag != "" {
		var err error
		if lang, err = pipeline.ParseLang(*langFlag); err != nil {
			return usagef("%s", errorText(err))
		}
	}
	var format pipeline.Format // empty: detected from the content
	if *formatFlag != "" {
		var err error
		if format, err = pipeline.ParseFormat(*formatFlag); err != nil {
			return usagef("unknown format %q (text, markdown, html or docx)", *formatFlag)
		}
	}
	text, err := readInput(fs.Arg(0), stdin, ingest.MaxFileBytes(cfg.MaxBodyBytes))
	if err != nil {
		return err
	}
	if *article != "" {
		return ingestRevision(ctx, &cfg, revisionInput{slug: *article, lang: lang, text: text, format: format,
			byline: *byline, minor: *minor}, stdout, stderr, log)
	}
	// Everything that can be refused is refused before the database is touched.
	prep, err := cfg.loadPreparer()
	if err != nil {
		return err
	}
	in, err := prep.Prepare(pipeline.IngestRequest{Text: text, Format: format, SourceLang: lang, Slug: *slug,
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
	if len(in.Repairs) > 0 || len(in.Questions) > 0 {
		fmt.Fprintf(stderr, "text repair: %d changes, %d questions (GET /api/v1/articles/%d/repairs)\n",
			len(in.Repairs), len(in.Questions), art.ID)
	}
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
