package workers

import (
	"context"
	"errors"
	"math/rand/v2"
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

// RetryPolicy retries a failed job after 1 s, 2 s, 4 s and so on, never more than Cap later, with
// up to a tenth more at random so that jobs failed together do not retry together. River's
// default (the attempt to the fourth power in seconds: 1 s, 16 s, 81 s, 256 s …) leaves an edition
// waiting minutes after a short provider outage is over; jobs here are idempotent and cheap to
// retry, so the cap bounds how long work waits once the cause has gone.
type RetryPolicy struct{ Cap time.Duration }

func (p RetryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	d := p.Cap
	if n := job.Attempt - 1; n >= 0 && n < 30 && time.Second<<n < p.Cap {
		d = time.Second << n
	}
	return time.Now().Add(d + rand.N(d/10+1))
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
