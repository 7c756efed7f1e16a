package workers

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// CheckWorker runs the automated checks on every segment of an edition, stores the findings and
// moves the edition to review.
type CheckWorker struct {
	river.WorkerDefaults[pipeline.CheckJob]
	cfg Config
}

func (w *CheckWorker) Work(ctx context.Context, job *river.Job[pipeline.CheckJob]) error {
	c, err := w.cfg.Store.FindEditionContentByID(ctx, job.Args.EditionID)
	if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	if c.Edition.RevisionID != job.Args.RevisionID {
		return nil
	}
	findings := CheckEdition(c, w.cfg.Check)
	return w.cfg.Store.CompleteCheck(ctx, c.Edition.ID, job.Args.RevisionID, findings)
}

// CheckEdition runs check on every segment of a target edition.
func CheckEdition(c pipeline.EditionContent, check Checker) []pipeline.Finding {
	var out []pipeline.Finding
	for _, s := range c.Segments {
		t := c.Translations[s.ID]
		for _, f := range check(pipeline.CheckUnit{SourceLang: c.Article.SourceLang, TargetLang: c.Edition.Lang, Source: s.Text, Target: t.Text}) {
			f.SegmentID = s.ID
			out = append(out, f)
		}
	}
	return out
}
