package workers

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// FanoutWorker queues one translate job per target language of a new revision.
type FanoutWorker struct {
	river.WorkerDefaults[pipeline.FanoutJob]
	cfg Config
}

func (w *FanoutWorker) Work(ctx context.Context, job *river.Job[pipeline.FanoutJob]) error {
	n, err := w.cfg.Store.FanOut(ctx, job.Args.ArticleID, job.Args.RevisionID)
	if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
		return river.JobCancel(err) // the article was deleted
	}
	if err != nil {
		return err
	}
	w.cfg.Logger.InfoContext(ctx, "fanned out", "article", job.Args.ArticleID, "revision", job.Args.RevisionID, "translate_jobs", n)
	return nil
}
