package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestForeignKeysLeadAnIndex: every foreign key of the application's tables has an index that
// starts with its columns. Without one, deleting a referenced row makes PostgreSQL scan the whole
// referring table, once per deleted row: deleting an article of 250,000 segments took over a
// minute.
func TestForeignKeysLeadAnIndex(t *testing.T) {
	t.Parallel()
	rows, err := postgrestest.Pool(t).Query(context.Background(), `
		SELECT c.conrelid::regclass::text, c.conname
		FROM pg_constraint c
		WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
		  AND c.conrelid::regclass::text NOT LIKE 'river\_%'
		  AND NOT EXISTS (
		    SELECT 1 FROM pg_index i
		    WHERE i.indrelid = c.conrelid
		      AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
		      AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
		ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, constraint string
		if err := rows.Scan(&table, &constraint); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s: foreign key %s has no index that starts with its columns", table, constraint)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestReserveSigninConcurrent: 200 attempts on one account from one address, 25 at a time, get
// exactly the policy's five reservations; the same account from another address still gets one.
func TestReserveSigninConcurrent(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	name := fmt.Sprintf("owner-%d", time.Now().UnixNano())
	policy := pipeline.DefaultSigninPolicy
	var mu sync.Mutex
	granted, refused := 0, 0
	for range 8 {
		var wg sync.WaitGroup
		for range 25 {
			wg.Go(func() {
				id, wait, err := db.ReserveSignin(ctx, name, "203.0.113.7", policy)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					t.Error(err)
				case id != 0 && wait == 0:
					granted++
				case id == 0 && wait > 0:
					refused++
				default:
					t.Errorf("ReserveSignin = %d, %v", id, wait)
				}
			})
		}
		wg.Wait()
	}
	if granted != policy.PerPair || refused != 200-policy.PerPair {
		t.Errorf("%d attempts reserved, %d refused; want %d and %d", granted, refused, policy.PerPair, 200-policy.PerPair)
	}
	id, wait, err := db.ReserveSignin(ctx, name, "198.51.100.9", policy)
	if err != nil || id == 0 || wait != 0 {
		t.Fatalf("the owner's address: ReserveSignin = %d, %v, %v; want a reservation", id, wait, err)
	}
	if err := db.SigninSucceeded(ctx, id, name, "198.51.100.9"); err != nil {
		t.Fatal(err)
	}
}

// TestReserveSigninSpacesNameNotLocks: failures of one account name from many addresses do not
// lock it: past the free allowance, attempts are spaced by seconds, and an address the account
// signed in from before is not slowed at all. Released attempts do not count.
func TestReserveSigninSpacesNameNotLocks(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	name := fmt.Sprintf("target-%d", time.Now().UnixNano())
	policy := pipeline.DefaultSigninPolicy
	id, _, err := db.ReserveSignin(ctx, name, "192.0.2.1", policy)
	if err != nil || id == 0 {
		t.Fatalf("ReserveSignin = %d, %v", id, err)
	}
	if err := db.SigninSucceeded(ctx, id, name, "192.0.2.1"); err != nil { // the owner's desk
		t.Fatal(err)
	}
	for i := range policy.NameFree {
		id, wait, err := db.ReserveSignin(ctx, name, fmt.Sprintf("198.51.100.%d", i+1), policy)
		if err != nil || id == 0 || wait != 0 {
			t.Fatalf("attempt %d from a new address: %d, %v, %v; want a reservation", i+1, id, wait, err)
		}
	}
	_, wait, err := db.ReserveSignin(ctx, name, "198.51.100.200", policy)
	if err != nil || wait <= 0 || wait > policy.NameMaxDelay {
		t.Errorf("past %d failures of the name: wait %v, %v; want a delay of at most %v", policy.NameFree, wait, err, policy.NameMaxDelay)
	}
	id, wait, err = db.ReserveSignin(ctx, name, "192.0.2.1", policy)
	if err != nil || id == 0 || wait != 0 {
		t.Errorf("the owner's known address: %d, %v, %v; want a reservation without waiting", id, wait, err)
	}
	if err := db.ReleaseSignin(ctx, id); err != nil {
		t.Fatal(err)
	}
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM signin_failures WHERE name = $1 AND addr = '192.0.2.1'`, name); n != 0 {
		t.Errorf("%d failures recorded for the released attempt; want 0", n)
	}
}
