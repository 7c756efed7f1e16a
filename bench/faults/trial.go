package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tilmash/tilmash/internal/pgserver"
)

// The people of a trial.
const (
	editorName     = "editor"
	translatorName = "translator"
	fullLang       = "ru" // the translation of the first article goes all the way to readers
)

var targetLangs = []string{"ru", "kk", "zh"}

// article is one article a trial ingests.
type article struct {
	idx  int
	slug string
	text string
	cli  bool         // ingested with `tilmash ingest` rather than the API
	id   atomic.Int64 // 0 until ingested
	// full: its fullLang edition is confirmed, submitted, approved and published.
	full bool
}

// edit is one save of a segment by the translator.
type edit struct {
	article int
	lang    string
	segment int64
	text    string
	acked   bool // a 2xx answer came
	unknown bool // no answer, and the request may have reached the server
}

// trial is one run of the campaign: its own database and processes.
type trial struct {
	c      *campaign
	n      int
	dir    string
	dbURL  string
	dbName string
	pool   *pgxpool.Pool
	procs  *procSet
	env    []string
	addr   string
	start  time.Time

	editor, translator *apiClient
	articles           []*article

	events *os.File
	mu     sync.Mutex
	edits  []edit
	faults map[string]int
	// skip lists segments whose last save has an unknown outcome: the translator leaves them be.
	skip      map[int64]bool
	conflicts int
}

// result is what a trial found.
type result struct {
	n                  int
	topology           string
	finalStop          string
	articles, editions int
	done, stuck        int
	lost, extra        int
	doubleFilled       int
	misplaced          int
	dupPublished       int
	humanSegments      int
	humanSaves         int
	overwritten        int
	unknownSaves       int
	conflicts          int
	recovery           time.Duration // -1: not every edition reached its state in time
	faults             map[string]int
	mtRequests         int64
	mtFaulted          int64
	notes              []string
	err                error
}

func (r *result) problems() bool {
	return r.err != nil || r.stuck > 0 || r.lost > 0 || r.extra > 0 || r.doubleFilled > 0 || r.misplaced > 0 ||
		r.dupPublished > 0 || r.overwritten > 0 || r.recovery < 0
}

func (t *trial) logf(format string, args ...any) {
	msg := fmt.Sprintf("%s %7.2fs  ", time.Now().Format("15:04:05.000"), time.Since(t.start).Seconds()) + fmt.Sprintf(format, args...)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.events != nil {
		fmt.Fprintln(t.events, msg)
	}
	if t.c.verbose {
		fmt.Printf("  [%d] %s\n", t.n, msg)
	}
}

func (t *trial) count(fault string) {
	t.mu.Lock()
	t.faults[fault]++
	t.mu.Unlock()
}

// runTrial runs trial n from a fresh database to its verdict.
func (c *campaign) runTrial(ctx context.Context, n int) (res result) {
	res = result{n: n, recovery: -1}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute+c.chaos+c.wait)
	defer cancel()
	t := &trial{c: c, n: n, start: time.Now(), faults: map[string]int{}, skip: map[int64]bool{}}
	res.faults = t.faults
	rng := rand.New(rand.NewPCG(c.seed, uint64(n)))

	t.dir = filepath.Join(c.work, fmt.Sprintf("trial-%03d", n))
	if err := os.MkdirAll(t.dir, 0o755); err != nil {
		res.err = err
		return res
	}
	var err error
	if t.events, err = os.Create(filepath.Join(t.dir, "events.log")); err != nil {
		res.err = err
		return res
	}
	defer t.events.Close()

	dbURL, drop, err := pgserver.CreateTempDatabase(ctx, c.adminURL, "tilmash_faults")
	if err != nil {
		res.err = fmt.Errorf("create database: %w", err)
		return res
	}
	t.dbURL = dbURL
	if u, err := url.Parse(dbURL); err == nil {
		t.dbName = strings.TrimPrefix(u.Path, "/")
	}
	defer func() {
		if c.keep && res.problems() {
			res.notes = append(res.notes, "database "+t.dbName+" and "+t.dir+" kept")
			return
		}
		dctx, dcancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer dcancel()
		if err := drop(dctx); err != nil {
			fmt.Fprintf(os.Stderr, "trial %d: %v\n", n, err)
		}
	}()

	port, err := freePort()
	if err != nil {
		res.err = err
		return res
	}
	t.addr = "127.0.0.1:" + strconv.Itoa(port)
	t.env = childEnv(c.baseEnv, dbURL, c.fake.url, c.jobTimeout, t.addr)
	t.procs = newProcSet(c.bin, t.dir, t.env)
	defer t.procs.killAll()

	if err := t.setUp(ctx); err != nil {
		res.err = err
		return res
	}
	if t.pool, err = pgxpool.New(ctx, dbURL); err != nil {
		res.err = err
		return res
	}
	defer t.pool.Close()

	// Topology: one server with workers and a worker process, or a server without workers and
	// two worker processes.
	if n%2 == 1 {
		res.topology = "serve+worker"
		err = errors.Join(t.procs.start("serve", "serve"), t.procs.start("worker1", "worker"))
	} else {
		res.topology = "serve --no-workers+2 workers"
		err = errors.Join(t.procs.start("serve", "serve", "--no-workers"), t.procs.start("worker1", "worker"),
			t.procs.start("worker2", "worker"))
	}
	if err != nil {
		res.err = err
		return res
	}
	if err := t.waitReady(ctx, 90*time.Second); err != nil {
		res.err = err
		return res
	}
	t.makeArticles(rng)
	res.articles = len(t.articles)
	res.editions = 4 * len(t.articles)
	t.logf("ready; %d articles, topology %s", len(t.articles), res.topology)

	// The fault window: people work, faults strike.
	peopleCtx, stopPeople := context.WithCancel(ctx)
	defer stopPeople()
	var people, translator sync.WaitGroup
	chaosCtx, stopChaos := context.WithTimeout(ctx, c.chaos)
	defer stopChaos()
	people.Go(func() { t.ingest(peopleCtx, rand.New(rand.NewPCG(c.seed, uint64(n)<<8|1))) })
	people.Go(func() { t.approve(peopleCtx) })
	people.Go(func() { t.finish(peopleCtx, rand.New(rand.NewPCG(c.seed, uint64(n)<<8|2))) })
	translator.Go(func() { t.editAtRandom(chaosCtx, rand.New(rand.NewPCG(c.seed, uint64(n)<<8|3))) })
	t.inject(chaosCtx, rng)
	translator.Wait()

	// The end of the window: the provider heals and every process goes down, by kill -9 or by a
	// stop signal, then everything starts again.
	c.fake.heal()
	if n%2 == 1 {
		res.finalStop = "kill -9"
		t.procs.killAll()
	} else {
		res.finalStop = "SIGTERM"
		if k := t.procs.stopAll(time.Minute); k > 0 {
			res.notes = append(res.notes, fmt.Sprintf("%d processes ignored SIGTERM for a minute and were killed", k))
		}
	}
	t.logf("all processes stopped (%s); restarting", res.finalStop)
	restart := time.Now()
	for _, name := range t.procs.names() {
		if err := t.procs.restart(name); err != nil {
			res.err = err
			return res
		}
	}
	deadline := restart.Add(c.wait)
	doneAt := map[int64]time.Duration{}
	for {
		ok, err := t.allDone(ctx, restart, doneAt)
		if err == nil && ok {
			res.recovery = time.Since(restart)
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		sleep(ctx, 250*time.Millisecond)
	}
	t.logf("waited %.1fs after the restart (recovered: %v)", time.Since(restart).Seconds(), res.recovery >= 0)
	if res.recovery >= 0 {
		var slowest int64
		for id, d := range doneAt {
			if slowest == 0 || d > doneAt[slowest] {
				slowest = id
			}
		}
		jobs := t.describeJobs(ctx, slowest)
		t.logf("last edition done: %d, %.1fs after the restart;%s", slowest, doneAt[slowest].Seconds(), jobs)
		if res.recovery > c.jobTimeout+time.Minute {
			res.notes = append(res.notes, fmt.Sprintf("last edition done (%d) %.1fs after the restart;%s", slowest,
				doneAt[slowest].Seconds(), jobs))
		}
	}
	stopPeople()
	people.Wait()
	if parent.Err() != nil {
		res.err = errors.New("interrupted")
		return res
	}
	t.procs.stopAll(45 * time.Second)

	res.mtRequests, res.mtFaulted = c.fake.requests.Swap(0), c.fake.faulted.Swap(0)
	vctx, vcancel := context.WithTimeout(context.Background(), time.Minute)
	defer vcancel()
	if err := t.verify(vctx, &res); err != nil {
		res.err = err
	}
	return res
}

// setUp migrates the database and makes the editor and the translator with their tokens.
func (t *trial) setUp(ctx context.Context) error {
	cli := func(stdin string, args ...string) (string, error) {
		return runCLI(ctx, t.c.bin, t.dir, t.env, stdin, args...)
	}
	if _, err := cli("", "migrate"); err != nil {
		return err
	}
	if _, err := cli("editor-password\n", "user", "add", editorName, "--role", "editor", "--password-stdin"); err != nil {
		return err
	}
	if _, err := cli("translator-password\n", "user", "add", translatorName, "--role", "translator",
		"--langs", strings.Join(targetLangs, ","), "--password-stdin"); err != nil {
		return err
	}
	et, err := cli("", "token", "create", editorName)
	if err != nil {
		return err
	}
	tt, err := cli("", "token", "create", translatorName)
	if err != nil {
		return err
	}
	t.editor = newAPIClient(t.addr, strings.TrimSpace(et))
	t.translator = newAPIClient(t.addr, strings.TrimSpace(tt))
	return nil
}

// waitReady waits until the API answers.
func (t *trial) waitReady(ctx context.Context, limit time.Duration) error {
	end := time.Now().Add(limit)
	for time.Now().Before(end) && ctx.Err() == nil {
		status, _, err := t.editor.call(ctx, http.MethodGet, "/articles?limit=1", nil, nil)
		if err == nil && status == http.StatusOK {
			return nil
		}
		sleep(ctx, 200*time.Millisecond)
	}
	return fmt.Errorf("the API at %s did not answer within %v (see %s)", t.addr, limit, t.dir)
}

// makeArticles writes the trial's articles: English text of 25 to 110 sentences, each unique, so
// that the translation memory never fills one from another.
func (t *trial) makeArticles(rng *rand.Rand) {
	for i := range t.c.articles {
		a := &article{idx: i, slug: fmt.Sprintf("faults-%d-%d-%04x", t.n, i, rng.IntN(1<<16)), cli: i%2 == 1, full: i == 0}
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d of trial %d on the %s %s\n\n", i+1, t.n, pick(rng, adjectives), pick(rng, nouns))
		sentences := 25 + rng.IntN(86)
		for s := 0; s < sentences; s++ {
			words := make([]string, 0, 12)
			words = append(words, pick(rng, subjects), pick(rng, verbs), "the", pick(rng, adjectives), pick(rng, nouns),
				"of", "the", pick(rng, nouns), pick(rng, tails), fmt.Sprintf("in item %d.%d.%d", t.n, i, s))
			sentence := strings.Join(words, " ") + "."
			b.WriteString(strings.ToUpper(sentence[:1]) + sentence[1:])
			if s%5 == 4 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		a.text = strings.TrimSpace(b.String()) + "\n"
		t.articles = append(t.articles, a)
	}
}

var (
	subjects   = []string{"the council", "the ministry", "the delegation", "our correspondent", "the committee", "the regional office", "the working group", "the mayor"}
	verbs      = []string{"reviewed", "approved", "discussed", "questioned", "welcomed", "postponed", "published", "examined"}
	adjectives = []string{"annual", "northern", "new", "joint", "revised", "regional", "national", "long-term"}
	nouns      = []string{"budget", "water plan", "railway project", "trade agreement", "school programme", "energy report", "grain harvest", "border crossing"}
	tails      = []string{"after a long debate", "without objection", "at the request of the members", "for the second time", "before the summer", "with several amendments"}
)

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

// ingest brings every article in at random moments of the first 60% of the fault window, and
// the last one near its end so that the final stop finds work under way, retrying until each is
// in. An article whose first attempt may have gone through is found by its slug.
func (t *trial) ingest(ctx context.Context, rng *rand.Rand) {
	offsets := make([]time.Duration, len(t.articles))
	for i := range offsets {
		offsets[i] = time.Duration(rng.Int64N(int64(t.c.chaos) * 6 / 10))
		if i == len(offsets)-1 && i > 0 {
			offsets[i] = time.Duration(int64(t.c.chaos) * int64(85+rng.IntN(10)) / 100)
		}
	}
	sort.Slice(offsets, func(i, j int) bool { return offsets[i] < offsets[j] })
	begin := time.Now()
	for i, a := range t.articles {
		if !sleep(ctx, time.Until(begin.Add(offsets[i]))) {
			return
		}
		for attempt := 1; ctx.Err() == nil; attempt++ {
			id, err := t.ingestOnce(ctx, a)
			if err == nil {
				a.id.Store(id)
				t.logf("article %d ingested as %d (%s, attempt %d)", a.idx, id, map[bool]string{true: "cli", false: "api"}[a.cli], attempt)
				break
			}
			t.logf("ingest of article %d, attempt %d: %v", a.idx, attempt, err)
			sleep(ctx, time.Duration(300+rng.IntN(700))*time.Millisecond)
		}
	}
}

func (t *trial) ingestOnce(ctx context.Context, a *article) (int64, error) {
	if id, err := t.articleID(ctx, a.slug); err == nil && id > 0 {
		return id, nil // an earlier attempt went through
	}
	if a.cli {
		file := filepath.Join(t.dir, a.slug+".txt")
		if err := os.WriteFile(file, []byte(a.text), 0o644); err != nil {
			return 0, err
		}
		out, err := runCLI(ctx, t.c.bin, t.dir, t.env, "", "ingest", file, "--lang", "en", "--slug", a.slug, "--category", "analysis")
		if err != nil {
			return 0, err
		}
		id, _, _ := strings.Cut(strings.TrimSpace(out), " ")
		return strconv.ParseInt(id, 10, 64)
	}
	var art apiArticle
	status, body, err := t.editor.call(ctx, http.MethodPost, "/articles", map[string]any{
		"text": a.text, "format": "text", "source_lang": "en", "slug": a.slug, "category": "analysis"}, &art)
	switch {
	case err != nil:
		return 0, err
	case status == http.StatusCreated || status == http.StatusOK:
		return art.ID, nil
	}
	return 0, fmt.Errorf("HTTP %d: %s", status, strings.TrimSpace(string(body)))
}

// articleID looks an article up by its slug; 0 when there is none.
func (t *trial) articleID(ctx context.Context, slug string) (int64, error) {
	var id int64
	err := t.pool.QueryRow(ctx, `SELECT coalesce((SELECT id FROM articles WHERE slug = $1), 0)`, slug).Scan(&id)
	return id, err
}

// approve is the editor: the source edition of every article, and the full edition once
// submitted, are approved as soon as they await approval.
func (t *trial) approve(ctx context.Context) {
	for sleep(ctx, 300*time.Millisecond) {
		for _, a := range t.articles {
			id := a.id.Load()
			if id == 0 {
				continue
			}
			var art apiArticle
			status, _, err := t.editor.call(ctx, http.MethodGet, fmt.Sprintf("/articles/%d", id), nil, &art)
			if err != nil || status != http.StatusOK {
				continue
			}
			for _, e := range art.Editions {
				if e.State != "awaiting_approval" || !(e.IsSource || (a.full && e.Lang == fullLang)) {
					continue
				}
				// The translator confirmed drafts as they were: the editor accepts that machine
				// text explicitly.
				status, body, err := t.editor.call(ctx, http.MethodPost, fmt.Sprintf("/articles/%d/editions/%s/approve", id, e.Lang),
					map[string]any{"accept_machine_text": !e.IsSource}, nil)
				t.logf("editor approves article %d %s: %s", a.idx, e.Lang, outcome(status, body, err))
			}
		}
	}
}

// finish is the translator of the full edition: every segment confirmed (the draft as it is, or
// the translator's own text where there is none yet), blocking findings dismissed, submitted.
func (t *trial) finish(ctx context.Context, rng *rand.Rand) {
	var a *article
	for _, x := range t.articles {
		if x.full {
			a = x
		}
	}
	for sleep(ctx, time.Duration(300+rng.IntN(500))*time.Millisecond) {
		id := a.id.Load()
		if id == 0 {
			continue
		}
		path := fmt.Sprintf("/articles/%d/editions/%s", id, fullLang)
		var v apiEditionView
		status, _, err := t.translator.call(ctx, http.MethodGet, path, nil, &v)
		if err != nil || status != http.StatusOK {
			continue
		}
		if v.Edition.State == "published" {
			t.logf("full edition published")
			return
		}
		if v.Edition.State != "translating" && v.Edition.State != "in_review" {
			continue
		}
		open := 0
		for _, s := range v.Segments {
			if ctx.Err() != nil {
				return
			}
			// A save whose answer was lost shows here as done or not: a person looks again.
			if s.State == "confirmed" && s.UpdatedBy == translatorName {
				continue
			}
			open++
			text := s.Target
			if text == "" {
				text = t.humanText(fullLang, rng)
			}
			t.save(ctx, a, fullLang, s, text, true)
			if rng.IntN(8) == 0 {
				break // a person pauses; faults go on meanwhile
			}
		}
		if open > 0 || v.Edition.State != "in_review" {
			continue
		}
		for _, s := range v.Segments {
			for _, f := range s.Findings {
				if f.Severity == "error" && !f.Dismissed {
					_, _, _ = t.translator.call(ctx, http.MethodPost, fmt.Sprintf("%s/findings/%d/dismiss", path, f.ID),
						map[string]string{"reason": "checked by the translator"}, nil)
				}
			}
		}
		status, body, err := t.translator.call(ctx, http.MethodPost, path+"/submit", map[string]any{}, nil)
		t.logf("translator submits the full edition: %s", outcome(status, body, err))
	}
}

// editAtRandom is a translator editing and confirming segments of the other editions at random,
// while they are drafted and in review.
func (t *trial) editAtRandom(ctx context.Context, rng *rand.Rand) {
	for sleep(ctx, time.Duration(200+rng.IntN(1000))*time.Millisecond) {
		var ready []*article
		for _, a := range t.articles {
			if a.id.Load() != 0 {
				ready = append(ready, a)
			}
		}
		if len(ready) == 0 {
			continue
		}
		a := ready[rng.IntN(len(ready))]
		lang := targetLangs[rng.IntN(len(targetLangs))]
		if a.full && lang == fullLang {
			continue
		}
		var v apiEditionView
		status, _, err := t.translator.call(ctx, http.MethodGet, fmt.Sprintf("/articles/%d/editions/%s", a.id.Load(), lang), nil, &v)
		if err != nil || status != http.StatusOK || len(v.Segments) == 0 {
			continue
		}
		if v.Edition.State != "translating" && v.Edition.State != "in_review" {
			continue
		}
		s := v.Segments[rng.IntN(len(v.Segments))]
		if t.skipped(s.ID) {
			continue
		}
		t.save(ctx, a, lang, s, t.humanText(lang, rng), rng.IntN(2) == 0)
	}
}

// humanText is a translator's sentence in lang, unique in the trial.
func (t *trial) humanText(lang string, rng *rand.Rand) string {
	n := rng.IntN(1_000_000)
	switch lang {
	case "ru":
		return fmt.Sprintf("Совет рассмотрел вопрос № %d после долгого обсуждения.", n)
	case "kk":
		return fmt.Sprintf("Кеңес № %d мәселені ұзақ талқылаудан кейін қарады.", n)
	default:
		return fmt.Sprintf("理事会经过长时间讨论审议了第%d号问题。", n)
	}
}

// save writes one segment as the translator and records the outcome.
func (t *trial) save(ctx context.Context, a *article, lang string, s apiSegment, text string, confirm bool) {
	path := fmt.Sprintf("/articles/%d/editions/%s/segments/%d", a.id.Load(), lang, s.ID)
	status, body, err := t.translator.call(ctx, http.MethodPut, path, segmentSave{Text: text, Version: s.Version, Confirm: confirm}, nil)
	e := edit{article: a.idx, lang: lang, segment: s.ID, text: text}
	var ce *callError
	switch {
	case err == nil && status/100 == 2:
		e.acked = true
	case errors.As(err, &ce) && ce.sent && ctx.Err() == nil, err == nil && status/100 == 5:
		e.unknown = true // it may or may not have been stored
	case err == nil && status == http.StatusConflict:
		t.mu.Lock()
		t.conflicts++
		t.mu.Unlock()
	}
	if e.acked || e.unknown {
		t.mu.Lock()
		t.edits = append(t.edits, e)
		if e.unknown {
			t.skip[s.ID] = true
		}
		t.mu.Unlock()
	}
	t.logf("translator saves article %d %s segment %d (v%d, confirm %v): %s", a.idx, lang, s.ID, s.Version, confirm, outcome(status, body, err))
}

func (t *trial) skipped(segment int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.skip[segment]
}

// inject strikes a fault every 0.5 to 3 seconds until ctx ends: kill -9 of the server or of a
// worker (started again 0.2 to 2 seconds later), the database's connections terminated, or the
// provider failing for 2 to 8 seconds (429, 5xx or no answer).
func (t *trial) inject(ctx context.Context, rng *rand.Rand) {
	var workers []string
	for _, n := range t.procs.names() {
		if strings.HasPrefix(n, "worker") {
			workers = append(workers, n)
		}
	}
	sort.Strings(workers)
	down := func() time.Duration { return time.Duration(200+rng.IntN(1800)) * time.Millisecond }
	for sleep(ctx, time.Duration(500+rng.IntN(2500))*time.Millisecond) {
		switch k := rng.IntN(8); {
		case k < 2:
			t.procs.kill("serve")
			t.count("kill -9 serve")
			d := down()
			t.logf("FAULT kill -9 serve, down for %v", d)
			time.Sleep(d)
			if err := t.procs.restart("serve"); err != nil {
				t.logf("restart serve: %v", err)
			}
		case k < 4:
			w := workers[rng.IntN(len(workers))]
			t.procs.kill(w)
			t.count("kill -9 worker")
			d := down()
			t.logf("FAULT kill -9 %s, down for %v", w, d)
			time.Sleep(d)
			if err := t.procs.restart(w); err != nil {
				t.logf("restart %s: %v", w, err)
			}
		case k < 6:
			var n int
			err := t.c.admin.QueryRow(ctx, `SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				WHERE datname = $1 AND pid <> pg_backend_pid()) x`, t.dbName).Scan(&n)
			t.count("terminate backends")
			t.logf("FAULT terminated %d backends (%v)", n, err)
		default:
			mode := []string{modeLimited, modeBroken, modeHang}[rng.IntN(3)]
			d := time.Duration(2000+rng.IntN(6000)) * time.Millisecond
			retryAfter := 1 + rng.IntN(5)
			t.c.fake.fail(mode, d, retryAfter)
			t.count("provider " + mode)
			t.logf("FAULT provider %s for %v (Retry-After %ds)", mode, d, retryAfter)
		}
	}
}

// expected is the state each edition must reach: the source edition and the full edition
// published, every other translation in review.
func expected(a *article, lang string, isSource bool) string {
	if isSource || (a.full && lang == fullLang) {
		return "published"
	}
	return "in_review"
}

// allDone reports whether every article is in and every edition in its expected state, and
// notes in doneAt when each edition was first seen there.
func (t *trial) allDone(ctx context.Context, since time.Time, doneAt map[int64]time.Duration) (bool, error) {
	states, err := t.states(ctx)
	if err != nil {
		return false, err
	}
	all := true
	for _, a := range t.articles {
		eds, ok := states[a.slug]
		if !ok || len(eds) != 4 {
			all = false
			continue
		}
		for _, e := range eds {
			if e.state != expected(a, e.lang, e.isSource) {
				all = false
			} else if _, seen := doneAt[e.id]; !seen {
				doneAt[e.id] = time.Since(since)
			}
		}
	}
	return all, nil
}

type edState struct {
	id, articleID         int64
	lang, state           string
	isSource              bool
	failureCode, failure  string
	updatedAt             time.Time
	liveVersion           *int64
	revisionID, segments  int64
	confirmed, translated int64
	publishedVersions     int64
}

// states reads every edition, by article slug.
func (t *trial) states(ctx context.Context) (map[string][]edState, error) {
	rows, err := t.pool.Query(ctx, `SELECT a.slug, e.id, e.article_id, e.lang, e.state, e.is_source, e.failure_code,
			e.failure_reason, e.updated_at, e.live_version_id, e.revision_id,
			(SELECT count(*) FROM segments s WHERE s.revision_id = e.revision_id),
			(SELECT count(*) FROM segment_translations st WHERE st.edition_id = e.id AND st.state = 'confirmed'),
			(SELECT count(*) FROM segment_translations st WHERE st.edition_id = e.id AND st.state <> 'empty'),
			(SELECT count(*) FROM published_versions p WHERE p.edition_id = e.id)
		FROM editions e JOIN articles a ON a.id = e.article_id ORDER BY e.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]edState{}
	for rows.Next() {
		var slug string
		var e edState
		if err := rows.Scan(&slug, &e.id, &e.articleID, &e.lang, &e.state, &e.isSource, &e.failureCode, &e.failure,
			&e.updatedAt, &e.liveVersion, &e.revisionID, &e.segments, &e.confirmed, &e.translated, &e.publishedVersions); err != nil {
			return nil, err
		}
		out[slug] = append(out[slug], e)
	}
	return out, rows.Err()
}

func outcome(status int, body []byte, err error) string {
	if err != nil {
		return "no answer: " + err.Error()
	}
	if status/100 == 2 {
		return strconv.Itoa(status)
	}
	return fmt.Sprintf("%d %s", status, strings.TrimSpace(string(body)))
}

// sleep waits for d or until ctx ends, and reports whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-tm.C:
		return true
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// childEnv is the environment of the tilmash processes: the caller's, without anything that
// would point them elsewhere, plus the trial's database, the fake provider and the job timeout.
func childEnv(base []string, dbURL, mtURL string, jobTimeout time.Duration, addr string) []string {
	var env []string
	for _, kv := range base {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "DATABASE_URL", strings.HasPrefix(name, "TILMASH_"), strings.HasPrefix(name, "LIBRETRANSLATE_"),
			strings.HasPrefix(name, "DEEPL_"), strings.HasPrefix(name, "GOOGLE_TRANSLATE_"), strings.HasPrefix(name, "OPENAI_"),
			strings.HasPrefix(name, "PG"):
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"DATABASE_URL="+dbURL,
		"TILMASH_PROVIDER=libretranslate",
		"LIBRETRANSLATE_URL="+mtURL,
		"TILMASH_JOB_TIMEOUT="+jobTimeout.String(),
		"TILMASH_ADDR="+addr,
	)
}
