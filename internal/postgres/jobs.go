package postgres

import (
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Queue names. Translation waits on slow providers, so it gets a queue of its own and cannot
// starve checks and publishing.
const (
	QueueTranslate = "translate"
	QueuePublish   = "publish"
)

// uniqueStates makes a job unique among live jobs and completed ones, but lets a cancelled or
// discarded one be queued again (an editor retrying a failed edition).
var uniqueStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStateCompleted, rivertype.JobStatePending,
	rivertype.JobStateRetryable, rivertype.JobStateRunning, rivertype.JobStateScheduled,
}

func uniqueOpts(queue string, maxAttempts int) *river.InsertOpts {
	return &river.InsertOpts{Queue: queue, MaxAttempts: maxAttempts,
		UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}

func fanoutOpts() *river.InsertOpts { return uniqueOpts(river.QueueDefault, 10) }

// A translation waits on an outside provider: with retries at most 30 s apart (the workers'
// retry policy), 25 attempts ride out about ten minutes of outage before the edition fails.
func translateOpts() *river.InsertOpts { return uniqueOpts(QueueTranslate, 25) }
func checkOpts() *river.InsertOpts     { return uniqueOpts(river.QueueDefault, 10) }
