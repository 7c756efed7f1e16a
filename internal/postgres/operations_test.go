package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestOperationsStatsAndSchemaStatus: the metrics' numbers are the database's (a new article's
// fan-out job waits in its queue, its editions count by state), and the schema status names the
// migrations a database lacks, the application's and River's alike.
func TestOperationsStatsAndSchemaStatus(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, postgrestest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{TestOnly: true}) // inserts only
	if err != nil {
		t.Fatal(err)
	}
	db := postgres.New(pool)
	db.UseQueue(client)
	if _, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, "ops-stats", "A title", "One. Two.")); err != nil {
		t.Fatal(err)
	}
	st, err := db.OperationsStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	jobs := map[string]int64{}
	for _, j := range st.Jobs {
		jobs[j.Kind+"/"+j.State] = j.Count
	}
	if jobs["fanout/available"] != 1 {
		t.Errorf("jobs %v", st.Jobs)
	}
	if len(st.Queues) != 1 || st.Queues[0].Available != 1 || st.Queues[0].OldestAge < 0 || st.Queues[0].OldestAge > time.Minute {
		t.Errorf("queues %+v", st.Queues)
	}
	var total int64
	for _, n := range st.Editions {
		total += n
	}
	if total != 4 {
		t.Errorf("editions %v, want 4 in all", st.Editions)
	}

	if app, queue, err := postgres.SchemaStatus(ctx, pool); err != nil || app != "" || queue != "" {
		t.Fatalf("a migrated database: %q %q %v", app, queue, err)
	}
	if _, err := pool.Exec(ctx, `DELETE FROM goose_db_version WHERE version_id = (SELECT max(version_id) FROM goose_db_version)`); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `DELETE FROM river_migration WHERE version = (SELECT max(version) FROM river_migration)`); err != nil {
		t.Fatal(err)
	}
	if app, queue, err := postgres.SchemaStatus(ctx, pool); err != nil || app == "" || queue == "" {
		t.Errorf("a database missing migrations: %q %q %v", app, queue, err)
	}
}
