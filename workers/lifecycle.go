package workers

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivershared/startstop"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/pipeline"
)

// HandBackOnStop is worker middleware for graceful shutdown. When the process stops, River lets
// running jobs finish for a while and then cancels them; a job that returns because of that
// cancellation is snoozed for no time instead of counted as a failed attempt, so it is available
// at once to another process and costs none of its attempts. Every job here is idempotent and
// saves its progress as it goes, so the next run continues where this one stopped.
type HandBackOnStop struct{ river.WorkerMiddlewareDefaults }

func (*HandBackOnStop) Work(ctx context.Context, _ *rivertype.JobRow, doInner func(context.Context) error) error {
	err := doInner(ctx)
	if err != nil && stopping(ctx) {
		return river.JobSnooze(0)
	}
	return err
}

// stopping reports whether ctx was cancelled because the client is stopping, as opposed to the
// job's own timeout or a cancellation of the job.
func stopping(ctx context.Context) bool {
	return ctx.Err() != nil && errors.Is(context.Cause(ctx), startstop.ErrStop)
}

// Sweep settings: how often the sweep runs, and how long an edition must have been translating
// with no live job before it counts as stalled (a margin for the moment between a job's end and
// the next one becoming visible is not needed, as both commit together, but a minute costs
// nothing and guards against clock skew between processes).
const (
	sweepEvery = time.Minute
	sweepGrace = time.Minute
)

// PeriodicJobs are the jobs River runs on a schedule in whichever process leads.
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{
		river.NewPeriodicJob(river.PeriodicInterval(sweepEvery),
			func() (river.JobArgs, *river.InsertOpts) { return pipeline.SweepJob{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true, ID: "sweep"}),
	}
}

// SweepWorker fails the editions whose work was lost (see pipeline.SweepJob), so that none stays
// translating without anything to move it on.
type SweepWorker struct {
	river.WorkerDefaults[pipeline.SweepJob]
	cfg Config
}

func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[pipeline.SweepJob]) error {
	failed, err := w.cfg.Store.FailStalledEditions(ctx, sweepGrace)
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		w.cfg.Logger.WarnContext(ctx, "editions had no live job and were marked failed", "editions", failed)
	}
	return nil
}
