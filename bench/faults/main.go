// Command faults is a fault campaign against the real tilmash binary. Each trial gets a fresh
// database, runs `tilmash serve` and `tilmash worker` as separate processes on loopback, with a
// fake LibreTranslate server of its own as the machine-translation provider, and ingests a few
// articles (API and CLI). While the pipeline works on them (ingest, fan-out, translate, check,
// publish), a translator edits and confirms segments through the API and takes one edition all
// the way to submission, and an editor approves the source editions and that one, faults strike
// at random moments:
//
//   - kill -9 of the server or of a worker process (started again shortly after);
//   - every connection to the trial's database terminated (pg_terminate_backend);
//   - the provider answering 429 with Retry-After, answering 5xx, or not answering at all, for
//     a few seconds.
//
// At the end of the fault window every process goes down (kill -9 in odd trials, SIGTERM in even
// ones) and starts again, and the campaign waits until every edition reaches its expected state:
// the source editions and the translator's edition published, every other translation in review.
// Then it checks the database: no segment lost (an edition past translation with an empty
// segment) or duplicated (a translation row that belongs to no segment, a segment filled by the
// machine twice, a draft that is not its own segment's translation, an edition published twice),
// and no person's text overwritten (every segment the translator saved still holds the last text
// they saved).
//
// The target: 0 lost, 0 duplicated, 0 overwritten, 0 stuck, every edition done within one job
// timeout plus one minute of the restart.
//
// Run it from the repository root:
//
//	go run ./bench/faults                  # 10 trials
//	go run ./bench/faults -trials 100 -v   # with every event printed
//
// It uses DATABASE_URL's server when set (creating and dropping a database per trial), and a
// private PostgreSQL from the machine's binaries otherwise. It builds the binary once (or takes
// -bin), stops by itself, kills every process it started and drops its databases on the way out.
// Per-trial logs (events and each process's output) are kept only for trials that missed the
// target, with -keep also their databases. It exits 1 when a trial missed the target.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tilmash/tilmash/internal/pgserver"
)

// campaign is what every trial shares.
type campaign struct {
	bin        string
	work       string
	adminURL   string
	admin      *pgxpool.Pool
	fake       *fakeMT
	baseEnv    []string
	jobTimeout time.Duration
	chaos      time.Duration
	wait       time.Duration
	articles   int
	seed       uint64
	verbose    bool
	keep       bool
}

func main() {
	os.Exit(run())
}

func run() int {
	trials := flag.Int("trials", 10, "number of trials")
	articles := flag.Int("articles", 4, "articles per trial")
	chaos := flag.Duration("chaos", 30*time.Second, "length of each trial's fault window")
	jobTimeout := flag.Duration("job-timeout", 15*time.Second, "TILMASH_JOB_TIMEOUT of the tilmash processes")
	wait := flag.Duration("wait", 0, "longest wait after the restart for every edition to reach its state (default: job timeout + 2m)")
	seed := flag.Uint64("seed", 0, "random seed (default: from the clock); the same seed repeats the same choices, not the same timing")
	bin := flag.String("bin", "", "tilmash binary to test (default: build ./cmd/tilmash)")
	verbose := flag.Bool("v", false, "print every event of every trial")
	keep := flag.Bool("keep", false, "keep the databases of trials that missed the target")
	flag.Parse()
	if *trials < 1 || *articles < 1 || *chaos <= 0 || *jobTimeout <= 0 {
		fmt.Fprintln(os.Stderr, "faults: -trials and -articles must be at least 1, -chaos and -job-timeout positive")
		return 2
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	if *wait <= 0 {
		*wait = *jobTimeout + 2*time.Minute
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer killChildren()

	c := &campaign{jobTimeout: *jobTimeout, chaos: *chaos, wait: *wait, articles: *articles, seed: *seed,
		verbose: *verbose, keep: *keep, baseEnv: os.Environ()}
	var err error
	if c.work, err = os.MkdirTemp("", "tilmash-faults-"); err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	keepWork := false
	defer func() {
		if !keepWork {
			_ = os.RemoveAll(c.work)
		}
	}()
	// The private server, when there is one, runs as another account when we are root; it must
	// be able to enter the work directory.
	_ = os.Chmod(c.work, 0o755)

	c.bin = *bin
	if c.bin == "" {
		c.bin = filepath.Join(c.work, "tilmash")
		fmt.Println("building ./cmd/tilmash")
		build := exec.CommandContext(ctx, "go", "build", "-o", c.bin, "./cmd/tilmash")
		build.Stdout, build.Stderr = os.Stdout, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "faults: build:", err)
			return 1
		}
	} else if c.bin, err = filepath.Abs(c.bin); err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}

	c.adminURL = os.Getenv("DATABASE_URL")
	if c.adminURL == "" {
		sctx, scancel := context.WithTimeout(ctx, 2*time.Minute)
		srv, err := pgserver.Start(sctx, pgserver.Options{Dir: filepath.Join(c.work, "pg")})
		scancel()
		if err != nil {
			fmt.Fprintln(os.Stderr, "faults: no DATABASE_URL, and the private PostgreSQL did not start:", err)
			return 1
		}
		defer func() {
			_ = srv.Stop(context.Background())
			if srv.Dir() != filepath.Join(c.work, "pg") {
				_ = os.RemoveAll(srv.Dir())
			}
		}()
		c.adminURL = srv.URL("postgres")
		fmt.Printf("private PostgreSQL on port %d\n", srv.Port())
	}
	if c.admin, err = pgxpool.New(ctx, c.adminURL); err != nil {
		fmt.Fprintln(os.Stderr, "faults: database:", err)
		return 1
	}
	defer c.admin.Close()
	if c.fake, err = startFakeMT(); err != nil {
		fmt.Fprintln(os.Stderr, "faults: fake provider:", err)
		return 1
	}
	defer c.fake.close()

	target := c.jobTimeout + time.Minute
	fmt.Printf("%d trials, %d articles each, %v fault window, job timeout %v (target: done within %v of the restart), seed %d\n",
		*trials, c.articles, c.chaos, c.jobTimeout, target, c.seed)

	var results []result
	for n := 1; n <= *trials && ctx.Err() == nil; n++ {
		r := c.runTrial(ctx, n)
		if ctx.Err() != nil {
			fmt.Printf("trial %3d: interrupted\n", n)
			break
		}
		results = append(results, r)
		printTrial(r, target)
		if r.problems() || r.recovery > target {
			keepWork = true
		}
	}
	failed := summary(results, target, ctx.Err() != nil)
	if keepWork {
		fmt.Printf("logs of the trials that missed the target: %s\n", c.work)
		for _, r := range results {
			if !r.problems() && r.recovery <= target {
				_ = os.RemoveAll(filepath.Join(c.work, fmt.Sprintf("trial-%03d", r.n)))
			}
		}
		_ = os.Remove(c.bin)
	}
	if failed {
		return 1
	}
	return 0
}

func printTrial(r result, target time.Duration) {
	rec := "NOT RECOVERED"
	if r.recovery >= 0 {
		rec = fmt.Sprintf("recovered in %.1fs", r.recovery.Seconds())
		if r.recovery > target {
			rec += " (LATE)"
		}
	}
	var faults []string
	for k, v := range r.faults {
		faults = append(faults, fmt.Sprintf("%s×%d", k, v))
	}
	sort.Strings(faults)
	fmt.Printf("trial %3d: %d editions: %d done, %d stuck; lost %d, duplicated %d (extra %d, double-filled %d, misplaced %d, published twice %d); "+
		"overwritten %d of %d segments a person wrote (%d saves, %d unanswered, %d conflicts); %s after %s; %s; faults: %s; provider %d requests, %d faulted\n",
		r.n, r.editions, r.done, r.stuck, r.lost, r.extra+r.doubleFilled+r.misplaced+r.dupPublished, r.extra, r.doubleFilled, r.misplaced, r.dupPublished,
		r.overwritten, r.humanSegments, r.humanSaves, r.unknownSaves, r.conflicts, rec, r.finalStop, r.topology,
		strings.Join(faults, ", "), r.mtRequests, r.mtFaulted)
	if r.err != nil {
		fmt.Printf("    error: %v\n", r.err)
	}
	for _, n := range r.notes {
		fmt.Printf("    %s\n", n)
	}
}

// summary prints the campaign's figures and reports whether the target was missed.
func summary(results []result, target time.Duration, interrupted bool) bool {
	var s result
	var longest time.Duration
	late, unrecovered, errs := 0, 0, 0
	for _, r := range results {
		s.editions += r.editions
		s.done += r.done
		s.stuck += r.stuck
		s.lost += r.lost
		s.extra += r.extra + r.doubleFilled + r.misplaced + r.dupPublished
		s.overwritten += r.overwritten
		s.humanSegments += r.humanSegments
		s.humanSaves += r.humanSaves
		switch {
		case r.err != nil:
			errs++
		case r.recovery < 0:
			unrecovered++
		case r.recovery > target:
			late++
		}
		longest = max(longest, r.recovery)
	}
	fmt.Println()
	if interrupted {
		fmt.Println("interrupted")
	}
	fmt.Printf("trials:                 %d (%d with a harness error)\n", len(results), errs)
	fmt.Printf("editions completed:     %d of %d\n", s.done, s.editions)
	fmt.Printf("editions stuck:         %d\n", s.stuck)
	fmt.Printf("segments lost:          %d\n", s.lost)
	fmt.Printf("segments duplicated:    %d\n", s.extra)
	fmt.Printf("human edits overwritten: %d of %d segments (%d acknowledged saves)\n", s.overwritten, s.humanSegments, s.humanSaves)
	fmt.Printf("longest recovery:       %.1fs after the restart (target %v); %d trials late, %d not recovered\n",
		longest.Seconds(), target, late, unrecovered)
	return errs > 0 || s.stuck > 0 || s.lost > 0 || s.extra > 0 || s.overwritten > 0 || late > 0 || unrecovered > 0 || interrupted
}
