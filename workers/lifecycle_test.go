package workers

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
)

type blockingJob struct{}

func (blockingJob) Kind() string { return "test_blocking" }

// blockingWorker signals when it starts and then works until its context ends, as a long
// translation does when the process is told to stop.
type blockingWorker struct {
	river.WorkerDefaults[blockingJob]
	started chan struct{}
}

func (w *blockingWorker) Work(ctx context.Context, _ *river.Job[blockingJob]) error {
	close(w.started)
	<-ctx.Done()
	return ctx.Err()
}

// A job still running when the process stops is cancelled after the soft-stop timeout and handed
// back at once: available again, with no error recorded and no attempt spent, instead of left
// "running" for the rescuer or counted as a failure.
func TestStopHandsRunningJobsBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, postgrestest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	ws := river.NewWorkers()
	w := &blockingWorker{started: make(chan struct{})}
	river.AddWorker(ws, w)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Workers:         ws,
		Queues:          map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 1}},
		SoftStopTimeout: 50 * time.Millisecond,
		Middleware:      []rivertype.Middleware{&HandBackOnStop{}},
		TestOnly:        true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := client.Insert(ctx, blockingJob{}, &river.InsertOpts{MaxAttempts: 3})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.started:
	case <-time.After(30 * time.Second):
		t.Fatal("the job never started")
	}
	if err := client.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	job, err := client.JobGet(ctx, res.Job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if job.State != rivertype.JobStateAvailable && job.State != rivertype.JobStateScheduled {
		t.Fatalf("job state after stop = %s, want available", job.State)
	}
	if job.ScheduledAt.After(time.Now()) {
		t.Errorf("job handed back for %s from now, want at once", time.Until(job.ScheduledAt))
	}
	if len(job.Errors) != 0 {
		t.Errorf("stop recorded errors %v, want none", job.Errors)
	}
	if job.MaxAttempts-job.Attempt != 3-1+1 {
		t.Errorf("attempt %d of %d after stop: the stop cost an attempt", job.Attempt, job.MaxAttempts)
	}
}

// Retries come quickly at first and never later than the cap, so that work resumes soon after a
// short outage ends.
func TestRetryPolicyIsCapped(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{Cap: 30 * time.Second}
	for attempt, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 5: 16 * time.Second,
		6: 30 * time.Second, 25: 30 * time.Second, 100: 30 * time.Second} {
		got := time.Until(p.NextRetry(&rivertype.JobRow{Attempt: attempt}))
		if got < want-time.Second || got > want+want/10+time.Second {
			t.Errorf("attempt %d retries in %v, want about %v", attempt, got, want)
		}
	}
}
