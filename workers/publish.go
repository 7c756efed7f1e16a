package workers

import (
	"context"
	"errors"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// renderVersion renders an edition once, as the immutable version readers will see.
func renderVersion(c pipeline.EditionContent) pipeline.PublishedVersion {
	e := c.Edition
	r := pipeline.Render(c.Segments, c.Texts(), e.Lang)
	if r.Title == "" {
		r.Title = c.Article.Title
	}
	v := pipeline.PublishedVersion{EditionID: e.ID, ArticleID: e.ArticleID, Lang: e.Lang, Slug: c.Article.Slug,
		Title: r.Title, Byline: r.Byline, HTML: r.HTML, RevisionID: e.RevisionID, Release: e.Release}
	if v.Byline == "" {
		v.Byline = c.Article.Byline
	}
	if !e.IsSource {
		v.MachineText = pipeline.ProvenanceOf(c.Translations).Machine
	}
	return v
}

func afterPublish(ctx context.Context, cfg Config, v pipeline.PublishedVersion) {
	if cfg.AfterPublish == nil {
		return
	}
	if err := cfg.AfterPublish(ctx, v); err != nil {
		cfg.Logger.ErrorContext(ctx, "after publish", "error", err)
	}
}

// ReleaseStore is what the release job needs from storage.
type ReleaseStore interface {
	FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error)
	FindRelease(ctx context.Context, releaseID int64) (pipeline.Release, error)
	SaveRelease(ctx context.Context, releaseID int64, schedule int, versions []pipeline.PublishedVersion) (bool, error)
}

// ReleaseWorker publishes the editions an editor released together. It renders each of them, then
// makes all of them live in one transaction, so that no reader sees one language of the release
// without the others.
type ReleaseWorker struct {
	river.WorkerDefaults[pipeline.ReleaseJob]
	store ReleaseStore
	cfg   Config
}

// RegisterRelease adds the release worker to ws.
func RegisterRelease(ws *river.Workers, store ReleaseStore, cfg Config) error {
	if store == nil {
		return errors.New("the release worker needs a store")
	}
	return river.AddWorkerSafely(ws, &ReleaseWorker{store: store, cfg: withDefaults(cfg)})
}

func (w *ReleaseWorker) Work(ctx context.Context, job *river.Job[pipeline.ReleaseJob]) error {
	rel, err := w.store.FindRelease(ctx, job.Args.ReleaseID)
	if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	if rel.State != pipeline.ReleaseScheduled || rel.Schedule != job.Args.Schedule {
		return nil
	}
	versions := make([]pipeline.PublishedVersion, 0, len(rel.EditionIDs))
	for _, id := range rel.EditionIDs {
		c, err := w.store.FindEditionContentByID(ctx, id)
		if err != nil {
			return err
		}
		versions = append(versions, renderVersion(c))
	}
	done, err := w.store.SaveRelease(ctx, rel.ID, job.Args.Schedule, versions)
	if err != nil || !done {
		return err
	}
	w.cfg.Logger.InfoContext(ctx, "released", "article", rel.ArticleID, "release", rel.ID, "langs", rel.Langs)
	for _, v := range versions {
		afterPublish(ctx, w.cfg, v)
	}
	return nil
}
