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
	concepts, err := w.cfg.Store.FindConcepts(ctx)
	if err != nil {
		return err
	}
	norms := make([]string, len(c.Segments))
	for i, s := range c.Segments {
		norms[i] = pipeline.NormalizeForMemory(s.Text)
	}
	others, err := w.cfg.Store.FindMemoryTargets(ctx, c.Article.SourceLang, c.Edition.Lang, norms)
	if err != nil {
		return err
	}
	findings := CheckEdition(c, concepts, norms, others, w.cfg.Check)
	return w.cfg.Store.CompleteCheck(ctx, c.Edition.ID, job.Args.RevisionID, findings)
}

// CheckEdition runs check on every segment of a target edition, with the termbase and, by
// normalised source, the translations the memory holds. norms[i] is the normalised text of
// segment i (pipeline.NormalizeForMemory).
func CheckEdition(c pipeline.EditionContent, concepts []pipeline.Concept, norms []string, others map[string][]string, check Checker) []pipeline.Finding {
	var out []pipeline.Finding
	for i, s := range c.Segments {
		t := c.Translations[s.ID]
		u := pipeline.CheckUnit{SourceLang: c.Article.SourceLang, TargetLang: c.Edition.Lang, Source: s.Text, Target: t.Text,
			Terms: concepts}
		for _, o := range others[norms[i]] {
			if o != t.Text {
				u.Others = append(u.Others, o)
			}
		}
		for _, f := range check(u) {
			f.SegmentID = s.ID
			out = append(out, f)
		}
	}
	return out
}
