package workers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// TranslateWorker fills an edition's empty segments with machine drafts, batch by batch, saving
// each batch as it arrives: a job that stops halfway continues where it stopped, and a segment a
// person touched is never sent or overwritten. Then it queues the check job.
type TranslateWorker struct {
	river.WorkerDefaults[pipeline.TranslateJob]
	cfg Config
}

// Timeout allows for slow providers; each provider has its own request timeout as well.
func (w *TranslateWorker) Timeout(*river.Job[pipeline.TranslateJob]) time.Duration {
	return 15 * time.Minute
}

func (w *TranslateWorker) Work(ctx context.Context, job *river.Job[pipeline.TranslateJob]) error {
	err := w.translate(ctx, job.Args)
	if err == nil {
		return nil
	}
	code, msg := failureMessage(err)
	switch code {
	case pipeline.CodeRateLimited:
		var retryAfter time.Duration
		if pe := (*pipeline.Error)(nil); errors.As(err, &pe) {
			retryAfter = pe.RetryAfter
		}
		w.cfg.Logger.WarnContext(ctx, "translation rate-limited", "edition", job.Args.EditionID, "wait", snoozeFor(retryAfter))
		return river.JobSnooze(snoozeFor(retryAfter))
	case pipeline.CodeAuth, pipeline.CodeUnsupported, pipeline.CodeNotFound:
		// Retrying cannot help: the editor must fix the configuration and retry the edition.
		if ferr := w.cfg.Store.FailEdition(ctx, job.Args.EditionID, code, msg); ferr != nil {
			return ferr
		}
		return river.JobCancel(err)
	}
	if lastAttempt(job.Attempt, job.MaxAttempts) {
		if ferr := w.cfg.Store.FailEdition(ctx, job.Args.EditionID, code, msg); ferr != nil {
			return ferr
		}
	}
	return err
}

func (w *TranslateWorker) translate(ctx context.Context, args pipeline.TranslateJob) error {
	c, err := w.cfg.Store.FindEditionContentByID(ctx, args.EditionID)
	if err != nil {
		return err
	}
	e := c.Edition
	if e.State != pipeline.StateTranslating || e.RevisionID != args.RevisionID || e.IsSource {
		return nil // the edition moved on; nothing to do
	}
	if tr, ok := w.cfg.Route(c.Article.SourceLang, e.Lang); ok {
		if err := w.fill(ctx, c, tr); err != nil {
			return err
		}
	}
	return w.cfg.Store.FinishTranslation(ctx, e.ID, args.RevisionID)
}

// fill sends the still-empty segments to tr in batches, with their neighbours as context.
func (w *TranslateWorker) fill(ctx context.Context, c pipeline.EditionContent, tr pipeline.Translator) error {
	var pending []int // indexes into c.Segments
	for i, s := range c.Segments {
		if c.Translations[s.ID].State == pipeline.SegmentEmpty {
			pending = append(pending, i)
		}
	}
	for start := 0; start < len(pending); start += w.cfg.BatchSize {
		batch := pending[start:min(start+w.cfg.BatchSize, len(pending))]
		req := pipeline.TranslateRequest{SourceLang: c.Article.SourceLang, TargetLang: c.Edition.Lang, Title: c.Article.Title}
		for _, i := range batch {
			req.Texts = append(req.Texts, c.Segments[i].Text)
		}
		first, last := batch[0], batch[len(batch)-1]
		for i := max(first-2, 0); i < first; i++ {
			req.Before = append(req.Before, c.Segments[i].Text)
		}
		for i := last + 1; i < min(last+3, len(c.Segments)); i++ {
			req.After = append(req.After, c.Segments[i].Text)
		}
		out, err := tr.Translate(ctx, req)
		if err != nil {
			return err
		}
		if len(out) != len(req.Texts) {
			return &pipeline.Error{Code: pipeline.CodeBadResponse, MessageID: "error.provider_bad_response",
				Data: map[string]any{"Provider": tr.Name()},
				Err:  fmt.Errorf("%s returned %d translations for %d texts", tr.Name(), len(out), len(req.Texts))}
		}
		drafts := make([]pipeline.Draft, 0, len(batch))
		for k, i := range batch {
			if out[k] == "" {
				continue
			}
			drafts = append(drafts, pipeline.Draft{SegmentID: c.Segments[i].ID, Text: out[k], Origin: "mt:" + tr.Name()})
		}
		if _, err := w.cfg.Store.SaveDrafts(ctx, c.Edition.ID, c.Edition.RevisionID, drafts); err != nil {
			return err
		}
	}
	return nil
}
