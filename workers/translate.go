package workers

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// TranslateWorker drafts an edition's empty segments: first from the translation memory (exact and
// context matches fill the draft and are never sent to a provider; fuzzy matches are stored as
// suggestions for the translator), then from the machine-translation provider, batch by batch,
// saving each batch as it arrives. A job that stops halfway continues where it stopped, and a
// segment a person touched is never sent or overwritten. Then it queues the check job.
type TranslateWorker struct {
	river.WorkerDefaults[pipeline.TranslateJob]
	cfg Config
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
	pending, err := w.fromMemory(ctx, c, w.pending(c))
	if err != nil {
		return err
	}
	if tr, ok := w.cfg.Route(c.Article.SourceLang, e.Lang); ok && len(pending) > 0 {
		if err := w.fromProvider(ctx, c, tr, pending); err != nil {
			return err
		}
	}
	return w.cfg.Store.FinishTranslation(ctx, e.ID, args.RevisionID)
}

// pending lists the indexes of segments that are still empty.
func (w *TranslateWorker) pending(c pipeline.EditionContent) []int {
	var out []int
	for i, s := range c.Segments {
		if c.Translations[s.ID].State == pipeline.SegmentEmpty {
			out = append(out, i)
		}
	}
	return out
}

// fromMemory fills pending segments that have an exact or context match, stores fuzzy suggestions
// for the others, and returns the indexes still to translate.
func (w *TranslateWorker) fromMemory(ctx context.Context, c pipeline.EditionContent, pending []int) ([]int, error) {
	if len(pending) == 0 {
		return nil, nil
	}
	norms := make([]string, len(c.Segments)) // each segment's text normalised once
	for i, s := range c.Segments {
		norms[i] = pipeline.NormalizeForMemory(s.Text)
	}
	norm := func(i int) string {
		if i < 0 || i >= len(c.Segments) {
			return ""
		}
		return norms[i]
	}
	keys := make([]pipeline.MemoryKey, len(pending))
	for k, i := range pending {
		keys[k] = pipeline.MemoryKey{Norm: norm(i), Prev: norm(i - 1), Next: norm(i + 1)}
	}
	exact, err := w.cfg.Store.FindMemoryExact(ctx, c.Article.SourceLang, c.Edition.Lang, keys)
	if err != nil {
		return nil, err
	}
	var drafts []pipeline.Draft
	var rest []int
	var restNorms []string
	for k, i := range pending {
		seg := c.Segments[i]
		if m, ok := exact[k]; ok {
			origin := pipeline.OriginMemoryExact
			if m.Context {
				origin = pipeline.OriginMemoryContext
			}
			drafts = append(drafts, pipeline.Draft{SegmentID: seg.ID, Text: m.Entry.Target, Origin: origin})
			continue
		}
		rest = append(rest, i)
		restNorms = append(restNorms, norms[i])
	}
	// The fuzzy look-ups of all the others go in one round trip.
	suggestions := map[int64][]pipeline.MemoryMatch{}
	if len(rest) > 0 {
		fuzzy, err := w.cfg.Store.FindMemoryFuzzyMany(ctx, c.Article.SourceLang, c.Edition.Lang, restNorms, pipeline.MemoryThreshold, 3)
		if err != nil {
			return nil, err
		}
		for k, i := range rest {
			if len(fuzzy[k]) > 0 {
				suggestions[c.Segments[i].ID] = fuzzy[k]
			}
		}
	}
	if len(drafts) > 0 {
		if _, err := w.cfg.Store.SaveDrafts(ctx, c.Edition.ID, c.Edition.RevisionID, drafts); err != nil {
			return nil, err
		}
	}
	if len(suggestions) > 0 {
		if err := w.cfg.Store.SaveSuggestions(ctx, c.Edition.ID, suggestions); err != nil {
			return nil, err
		}
	}
	return rest, nil
}

// fromProvider sends the pending segments to tr in batches, with their neighbours and the
// termbase entries they contain as context, and counts what was sent.
func (w *TranslateWorker) fromProvider(ctx context.Context, c pipeline.EditionContent, tr pipeline.Translator, pending []int) error {
	var concepts []pipeline.Concept
	if w.cfg.Terms != nil {
		var err error
		if concepts, err = w.cfg.Store.FindConcepts(ctx); err != nil {
			return err
		}
	}
	for start := 0; start < len(pending); start += w.cfg.BatchSize {
		batch := pending[start:min(start+w.cfg.BatchSize, len(pending))]
		req := pipeline.TranslateRequest{SourceLang: c.Article.SourceLang, TargetLang: c.Edition.Lang, Title: c.Article.Title}
		chars := 0
		for _, i := range batch {
			req.Texts = append(req.Texts, c.Segments[i].Text)
			chars += utf8.RuneCountInString(c.Segments[i].Text)
		}
		first, last := batch[0], batch[len(batch)-1]
		for i := max(first-2, 0); i < first; i++ {
			req.Before = append(req.Before, c.Segments[i].Text)
		}
		for i := last + 1; i < min(last+3, len(c.Segments)); i++ {
			req.After = append(req.After, c.Segments[i].Text)
		}
		if w.cfg.Terms != nil && len(concepts) > 0 {
			req.Terms = w.cfg.Terms(req.Texts, req.SourceLang, req.TargetLang, concepts)
		}
		out, err := tr.Translate(ctx, req)
		usage := pipeline.Usage{EditionID: c.Edition.ID, Provider: tr.Name(), Characters: int64(chars), Requests: 1}
		if err == nil && len(out) != len(req.Texts) {
			err = &pipeline.Error{Code: pipeline.CodeBadResponse, MessageID: "error.provider_bad_response",
				Data: map[string]any{"Provider": tr.Name()},
				Err:  fmt.Errorf("%s returned %d translations for %d texts", tr.Name(), len(out), len(req.Texts))}
		}
		if err != nil {
			// The provider was asked all the same: its usage counts.
			if uerr := w.cfg.Store.RecordUsage(ctx, usage); uerr != nil {
				w.cfg.Logger.WarnContext(ctx, "usage not recorded", "error", uerr)
			}
			return err
		}
		drafts := make([]pipeline.Draft, 0, len(batch))
		for k, i := range batch {
			if out[k] == "" {
				continue
			}
			drafts = append(drafts, pipeline.Draft{SegmentID: c.Segments[i].ID, Text: out[k], Origin: "mt:" + tr.Name()})
		}
		// The drafts and the usage that produced them commit together.
		if _, err := w.cfg.Store.SaveMachineDrafts(ctx, c.Edition.ID, c.Edition.RevisionID, drafts, &usage); err != nil {
			return err
		}
	}
	return nil
}
