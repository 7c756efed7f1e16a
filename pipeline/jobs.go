package pipeline

// Job payloads for the queue. They satisfy River's JobArgs interface structurally (a Kind method),
// so the domain does not import River. Each payload carries only identifiers: a job reads the
// current state from the database when it runs, which is what makes a retried or duplicated job
// harmless.

// FanoutJob starts work on a new source revision: one TranslateJob per target language.
type FanoutJob struct {
	ArticleID  int64 `json:"article_id" river:"unique"`
	RevisionID int64 `json:"revision_id" river:"unique"`
}

func (FanoutJob) Kind() string { return "fanout" }

// TranslateJob fills the drafts of one edition for one source revision. Run counts the editor's
// retries of the edition: a retry is a new run, so it is queued even though an earlier run's job
// of the same edition and revision completed.
type TranslateJob struct {
	EditionID  int64 `json:"edition_id" river:"unique"`
	RevisionID int64 `json:"revision_id" river:"unique"`
	Run        int64 `json:"run,omitempty" river:"unique"`
}

func (TranslateJob) Kind() string { return "translate" }

// CheckJob runs the automated checks on an edition's drafts and moves it to review.
type CheckJob struct {
	EditionID  int64 `json:"edition_id" river:"unique"`
	RevisionID int64 `json:"revision_id" river:"unique"`
	Run        int64 `json:"run,omitempty" river:"unique"` // the run of the translate job that queued it
}

func (CheckJob) Kind() string { return "check" }

// SweepJob looks for editions whose work was lost: translating, with no live job to move them on
// (a job discarded after its last attempt, or a process killed at the wrong moment too often). It
// marks them failed with a reason, so that the editor sees them and can retry; it never guesses
// what the lost job would have done.
type SweepJob struct{}

func (SweepJob) Kind() string { return "sweep" }
