package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"github.com/tilmash/tilmash/pipeline"
)

// cmdRetry queues the translation of a failed edition again: "retry ARTICLE LANG", where ARTICLE
// is the article's id or slug.
func cmdRetry(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("retry")
	var cfg Config
	cfg.bind(fs, getenv)
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("usage: tilmash retry ARTICLE LANG (ARTICLE is an id or a slug)")
	}
	lang, err := pipeline.ParseLang(fs.Arg(1))
	if err != nil {
		return usagef("%s", errorText(err))
	}
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	var art pipeline.Article
	if id, perr := strconv.ParseInt(fs.Arg(0), 10, 64); perr == nil {
		art, err = a.store.FindArticleByID(ctx, id)
	} else {
		art, err = a.store.FindArticleBySlug(ctx, fs.Arg(0))
	}
	if err != nil {
		return err
	}
	e, err := a.store.FindEdition(ctx, art.ID, lang)
	if err != nil {
		return err
	}
	if err := a.store.RetryEdition(ctx, e.ID, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s %s: translation queued again\n", art.Slug, lang)
	return nil
}
