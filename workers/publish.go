package workers

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// PublishWorker renders an approved edition into an immutable published version and makes it
// live. A job whose release was withdrawn or superseded finds nothing to do.
type PublishWorker struct {
	river.WorkerDefaults[pipeline.PublishJob]
	cfg Config
}

func (w *PublishWorker) Work(ctx context.Context, job *river.Job[pipeline.PublishJob]) error {
	c, err := w.cfg.Store.FindEditionContentByID(ctx, job.Args.EditionID)
	if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	e := c.Edition
	if e.State != pipeline.StateApproved || e.Release != job.Args.Release {
		return nil
	}
	r := pipeline.Render(c.Segments, c.Texts(), e.Lang)
	if r.Title == "" {
		r.Title = c.Article.Title
	}
	v := pipeline.PublishedVersion{EditionID: e.ID, ArticleID: e.ArticleID, Lang: e.Lang, Slug: c.Article.Slug,
		Title: r.Title, Byline: r.Byline, HTML: r.HTML, RevisionID: e.RevisionID, Release: job.Args.Release}
	if v.Byline == "" {
		v.Byline = c.Article.Byline
	}
	done, err := w.cfg.Store.SavePublication(ctx, v)
	if err != nil || !done {
		return err
	}
	w.cfg.Logger.InfoContext(ctx, "published", "article", e.ArticleID, "lang", e.Lang, "release", job.Args.Release)
	if w.cfg.AfterPublish != nil {
		if err := w.cfg.AfterPublish(ctx, v); err != nil {
			w.cfg.Logger.ErrorContext(ctx, "after publish", "error", err)
		}
	}
	return nil
}
