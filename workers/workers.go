// Package workers runs the pipeline's stages as River jobs: fan-out, translate, check and publish.
// Each worker reads the current state when it runs and changes it only through the store, which
// checks the state rules, so a retried or duplicated job changes nothing twice.
package workers

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

// Store is what the workers need from storage.
type Store interface {
	FanOut(ctx context.Context, articleID, revisionID int64) (int, error)
	FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error)
	SaveDrafts(ctx context.Context, editionID, revisionID int64, drafts []pipeline.Draft) (int, error)
	SaveMachineDrafts(ctx context.Context, editionID, revisionID int64, drafts []pipeline.Draft, usage *pipeline.Usage) (int, error)
	FinishTranslation(ctx context.Context, editionID, revisionID int64) error
	CompleteCheck(ctx context.Context, editionID, revisionID int64, findings []pipeline.Finding) error
	FailEdition(ctx context.Context, editionID int64, code pipeline.Code, messageID string) error
	FailStalledEditions(ctx context.Context, grace time.Duration) ([]int64, error)

	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	FindMemoryExact(ctx context.Context, source, target pipeline.Lang, keys []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error)
	FindMemoryFuzzyMany(ctx context.Context, source, target pipeline.Lang, norms []string, threshold, limit int) ([][]pipeline.MemoryMatch, error)
	FindMemoryTargets(ctx context.Context, source, target pipeline.Lang, norms []string) (map[string][]string, error)
	SaveSuggestions(ctx context.Context, editionID int64, bySegment map[int64][]pipeline.MemoryMatch) error
	RecordUsage(ctx context.Context, u pipeline.Usage) error
}

// TermFinder returns the termbase entries that occur in texts (in any inflected form), with their
// target-language terms.
type TermFinder func(texts []string, source, target pipeline.Lang, concepts []pipeline.Concept) []pipeline.TermHint

// Route chooses the translator for a language pair; false means drafts are left to translators.
type Route func(source, target pipeline.Lang) (pipeline.Translator, bool)

// Checker runs the automated checks on one segment's translation.
type Checker func(u pipeline.CheckUnit) []pipeline.Finding

// Config holds the workers' collaborators.
type Config struct {
	Store  Store
	Route  Route
	Check  Checker
	Terms  TermFinder // nil: no term hints for providers
	Logger *slog.Logger
	// BatchSize is how many segments the translate job sends to a translator at once and saves
	// together; providers split further as their limits require. Default 50.
	BatchSize int
	// AfterPublish, when set, runs after an edition went live (a static export, for example).
	// Its error is logged, not retried: the publication itself has succeeded.
	AfterPublish func(ctx context.Context, v pipeline.PublishedVersion) error
}

// Register adds every worker to ws.
func Register(ws *river.Workers, cfg Config) error {
	if cfg.Store == nil || cfg.Check == nil {
		return errors.New("workers need a store and a checker")
	}
	cfg = withDefaults(cfg)
	for _, err := range []error{
		river.AddWorkerSafely(ws, &FanoutWorker{cfg: cfg}),
		river.AddWorkerSafely(ws, &TranslateWorker{cfg: cfg}),
		river.AddWorkerSafely(ws, &CheckWorker{cfg: cfg}),
		river.AddWorkerSafely(ws, &SweepWorker{cfg: cfg}),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func withDefaults(cfg Config) Config {
	if cfg.Route == nil {
		cfg.Route = func(pipeline.Lang, pipeline.Lang) (pipeline.Translator, bool) { return nil, false }
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 50
	}
	return cfg
}

// lastAttempt reports whether a failing job will not be retried.
func lastAttempt(attempt, maxAttempts int) bool { return attempt >= maxAttempts }

// failureMessage is the message ID stored on a failed edition for an error.
func failureMessage(err error) (pipeline.Code, string) {
	var pe *pipeline.Error
	if !errors.As(err, &pe) {
		return pipeline.CodeUnavailable, "error.translate_failed"
	}
	if pe.MessageID == "" {
		return pe.Code, "error.translate_failed"
	}
	return pe.Code, pe.MessageID
}

// snoozeFor bounds a provider's Retry-After so that a bogus value cannot park a job for days.
func snoozeFor(d time.Duration) time.Duration {
	switch {
	case d <= 0:
		return 30 * time.Second
	case d > time.Hour:
		return time.Hour
	}
	return d
}
