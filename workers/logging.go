package workers

import (
	"context"
	"errors"
	"log/slog"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/internal/logging"
)

// LogJob is worker middleware that names the job in every log line written during it: its id,
// kind, queue and attempt, added to the job's context for the logger's context handler.
type LogJob struct {
	river.WorkerMiddlewareDefaults
	Logger *slog.Logger // failures are logged here, at warning level; nil logs nothing more
}

func (m *LogJob) Work(ctx context.Context, job *rivertype.JobRow, doInner func(context.Context) error) error {
	ctx = logging.With(ctx, slog.Int64("job_id", job.ID), slog.String("job_kind", job.Kind),
		slog.String("queue", job.Queue), slog.Int("attempt", job.Attempt))
	err := doInner(ctx)
	if err != nil && m.Logger != nil {
		var snooze *rivertype.JobSnoozeError
		if !errors.As(err, &snooze) {
			m.Logger.WarnContext(ctx, "job run failed", "error", err)
		}
	}
	return err
}
