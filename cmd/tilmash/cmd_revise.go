package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/tilmash/tilmash/pipeline"
)

// revisionInput is a new source text for an existing article, from the command line.
type revisionInput struct {
	slug   string
	lang   pipeline.Lang // optional; must be the article's source language when given
	text   string
	format pipeline.Format
	byline string
	minor  bool
}

// ingestRevision stores a new revision of the article with the given slug, aligned with its
// current revision, and prints the article, the revision number and what changed.
func ingestRevision(ctx context.Context, cfg *Config, in revisionInput, stdout, stderr io.Writer, log *slog.Logger) error {
	a, err := newApp(ctx, cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	art, err := a.store.FindArticleBySlug(ctx, in.slug)
	if err != nil {
		return err
	}
	if in.lang != "" && in.lang != art.SourceLang {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.revision_lang",
			Data: map[string]any{"Lang": string(art.SourceLang)}}
	}
	prep, err := a.preparer()
	if err != nil {
		return err
	}
	prepared, err := prep.Prepare(pipeline.IngestRequest{Text: in.text, Format: in.format, SourceLang: art.SourceLang,
		Byline: in.byline, CreatedBy: "cli"}, cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	res, err := a.store.CreateRevision(ctx, pipeline.NewRevision{ArticleID: art.ID, Request: prepared.Request,
		Doc: prepared.Doc, Segments: prepared.Segments, Minor: in.minor, Repairs: prepared.Repairs, Questions: prepared.Questions})
	if err != nil {
		return err
	}
	if !res.Changed {
		fmt.Fprintf(stdout, "%d %s revision %d unchanged\n", art.ID, art.Slug, res.Revision.Number)
		return nil
	}
	s := res.Revision.Summary
	fmt.Fprintf(stdout, "%d %s revision %d: %d unchanged, %d moved, %d changed, %d added, %d removed\n",
		art.ID, art.Slug, res.Revision.Number, s.Unchanged, s.Moved, s.Changed, s.Added, s.Removed)
	return nil
}
