package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/tilmash/tilmash/internal/logging"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/pipeline"
)

// lockedBuffer collects log output written from many goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Secrets the operations test hands the program; none may appear in its logs.
const (
	opsDBPassword     = "dbpw-Zq81"
	opsAdminPassword  = "admin-pw-Kx20"
	opsTransPassword  = "trans-pw-Lm44"
	opsMetricsToken   = "metrics-tok-Vb93"
	opsWrongPassword  = "wrong-pw-Hd57"
	opsArticleSlug    = "operations-short-note"
	opsArticleText    = "The council met on Monday. It agreed a budget of 12 million tenge. The next meeting is in May."
	opsQueueUIJobList = "/admin/river/api/jobs?state=completed&limit=50"
)

// startServe starts one more serve process (an app and its web server, with or without workers)
// on the database at dbURL, logging to logw.
func startServe(t *testing.T, dbURL string, workers bool, logw io.Writer, cfgFn func(*Config)) (*app, *httptest.Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	log, err := logging.New(logw, logging.Options{Format: "json", Level: "debug"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &Config{DatabaseURL: dbURL, Provider: "pseudo", Workers: workers, Getenv: func(string) string { return "" }}
	if cfgFn != nil {
		cfgFn(cfg)
	}
	a, err := newApp(ctx, cfg, log, logw)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.start(ctx); err != nil {
		t.Fatal(err)
	}
	ws, err := a.webServer()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(func() { srv.Close(); cancel(); a.close(context.Background()) })
	return a, srv
}

// runAsTilmash, set in the environment of this test binary, makes it run as the program itself
// (see TestMain) with its arguments: a test starts another process of the program that way,
// without building it.
const runAsTilmash = "TILMASH_TEST_RUN_AS_PROGRAM"

// startServeProcess runs "tilmash serve" with args in a process of its own on the database at
// dbURL, until the test ends, and returns its base URL; its log lines go to logw.
func startServeProcess(t *testing.T, dbURL string, logw io.Writer, args ...string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), runAsTilmash+"=1", "DATABASE_URL="+dbURL, "TILMASH_PROVIDER=none",
		"TILMASH_LOG_FORMAT=json", "TILMASH_LOG_LEVEL=debug")
	cmd.Stderr = logw
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt) // it may have ended already
		if err := cmd.Wait(); err != nil {
			t.Errorf("the serve process ended with %v", err)
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "serving on ")
	if err != nil || !ok {
		t.Fatalf("the serve process printed %q (%v)", line, err)
	}
	go io.Copy(io.Discard, stdout) // nothing more is expected; keep the pipe open until it ends
	return base
}

// TestOperatorsView runs a short article through a serve process with workers while a second
// serve process without workers (another process of the program) shares its database, then looks at both as an operator does:
// the queue's UI (administrators only, signed in through the workbench), the metrics (with the
// token), the health endpoints, request and job ids in the JSON logs, and no secret in them. The
// second process serves the publication within a second of the database's notice.
func TestOperatorsView(t *testing.T) {
	t.Parallel()
	dbURL := strings.Replace(postgrestest.NewDatabase(t), "postgres://postgres@", "postgres://postgres:"+opsDBPassword+"@", 1)
	if !strings.Contains(dbURL, opsDBPassword) {
		t.Fatalf("test database URL %q has an unexpected form", dbURL)
	}
	var logs lockedBuffer
	ctx := context.Background()
	a, srv := startServe(t, dbURL, true, &logs, func(c *Config) { c.MetricsToken = opsMetricsToken })
	env := &testEnv{url: dbURL, app: a, srv: srv, site: listenSite(t, ctx, dbURL), users: map[string]client{}}
	baseB := startServeProcess(t, dbURL, &logs, "--no-workers") // a second process, without workers

	for _, u := range []struct {
		user     pipeline.User
		password string
	}{
		{pipeline.User{Name: "ops-admin", Role: pipeline.RoleAdmin}, opsAdminPassword},
		{pipeline.User{Name: "ops-ru", Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Russian}}, opsTransPassword},
		{pipeline.User{Name: "ops-ed", Role: pipeline.RoleEditor}, "unused"},
	} {
		if _, err := a.store.CreateUser(ctx, u.user, "x"); err != nil {
			t.Fatal(err)
		}
		setPassword(t, a.store, u.user.Name, u.password)
	}
	edToken, err := a.store.CreateToken(ctx, "ops-ed")
	if err != nil {
		t.Fatal(err)
	}
	ed := client{t: t, base: srv.URL, token: edToken}
	env.users["ed"] = ed

	// The second process has built its pages before the publication, and follows the database.
	pageB := baseB + "/en/articles/" + opsArticleSlug
	if code, _ := get(t, pageB, ""); code != http.StatusNotFound {
		t.Fatalf("second process before publication: %d", code)
	}

	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": opsArticleText, "format": "text",
		"source_lang": "en", "slug": opsArticleSlug}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})
	approved := time.Now()
	ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/en/approve", id), map[string]any{}, 200)

	// The second process serves the page once the database's notice of the publication reaches
	// it: the page is fetched from it at the notice and in short steps after, so the time from
	// the notice to the first success is its delay, give or take a step.
	t.Run("second serve process follows within a second", func(t *testing.T) {
		code, _ := env.waitSite(t, pageB, func(code int, _ string) bool { return code == http.StatusOK })
		served := time.Now()
		if code != http.StatusOK {
			t.Fatalf("second process: %d after the publication", code)
		}
		_, last, _ := env.site.state()
		if !last.After(approved) {
			t.Fatalf("no notice of the publication, yet the page is served")
		}
		if served.Sub(last) > time.Second {
			t.Errorf("second process served the page %v after the database's notice", served.Sub(last))
		}
		t.Logf("served by the second process %v after the notice", served.Sub(last))

	})
	env.waitFor(t, id, "publication", func(s map[pipeline.Lang]string) bool { return s["en"] == "published" })

	t.Run("queue UI for administrators only", func(t *testing.T) {
		for _, base := range []string{srv.URL, baseB} { // with and without workers
			anon := newWBClient(t, base)
			req, _ := http.NewRequest("GET", base+"/admin/river/", nil)
			code, _, loc := anon.do(req)
			if code != http.StatusSeeOther || loc != "/workbench/signin?next="+url.QueryEscape("/admin/river/") {
				t.Fatalf("anonymous: %d to %q", code, loc)
			}
			if code, _ := anon.get(opsQueueUIJobList); code != http.StatusSeeOther {
				t.Errorf("anonymous on the UI's API: %d", code)
			}
		}
		translator := signIn(t, baseB, "ops-ru", opsTransPassword)
		if code, page := translator.get("/admin/river/"); code != http.StatusForbidden || !strings.Contains(page, "<html") {
			t.Errorf("translator: %d\n%s", code, page)
		}
		if code, _ := translator.get(opsQueueUIJobList); code != http.StatusForbidden {
			t.Errorf("translator on the UI's API: %d", code)
		}
		{
			base := srv.URL // the process with workers; the browser below uses the other
			admin := newWBClient(t, base)
			_, form := admin.get("/workbench/signin?next=/admin/river/")
			m := csrfField.FindStringSubmatch(form)
			if m == nil {
				t.Fatal("no sign-in form")
			}
			code, _, loc := admin.postForm("/workbench/signin", url.Values{"csrf": {m[1]}, "name": {"ops-admin"},
				"password": {opsAdminPassword}, "next": {"/admin/river/"}})
			if code != http.StatusSeeOther || loc != "/admin/river/" {
				t.Fatalf("admin sign-in: %d to %q", code, loc)
			}
			if code, page := admin.get("/admin/river/"); code != http.StatusOK || !strings.Contains(page, "/admin/river/assets/") {
				t.Fatalf("admin: %d\n%s", code, page)
			}
			code, body := admin.get(opsQueueUIJobList)
			if code != http.StatusOK {
				t.Fatalf("jobs API: %d %s", code, body)
			}
			var list struct {
				Data []struct {
					ID   int64  `json:"id"`
					Kind string `json:"kind"`
				} `json:"data"`
			}
			if err := json.Unmarshal([]byte(body), &list); err != nil {
				t.Fatalf("jobs API: %v\n%s", err, body)
			}
			kinds := map[string]bool{}
			for _, j := range list.Data {
				kinds[j.Kind] = true
			}
			// The UI's API changes jobs; another site's page cannot make the admin's browser do it.
			if len(list.Data) > 0 {
				job := fmt.Sprintf(`{"ids":["%d"]}`, list.Data[0].ID)
				req, _ := http.NewRequest("POST", base+"/admin/river/api/jobs/delete", strings.NewReader(job))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Sec-Fetch-Site", "cross-site")
				if code, _, _ := admin.do(req); code != http.StatusForbidden {
					t.Errorf("a cross-site delete through the queue UI: %d", code)
				}
				if code, _ := admin.get(fmt.Sprintf("/admin/river/api/jobs/%d", list.Data[0].ID)); code != http.StatusOK {
					t.Errorf("the job is gone after a refused delete: %d", code)
				}
			}
			for _, k := range []string{pipeline.FanoutJob{}.Kind(), pipeline.TranslateJob{}.Kind(), pipeline.ReleaseJob{}.Kind()} {
				if !kinds[k] {
					t.Errorf("the queue UI lists no completed %s job: %v", k, kinds)
				}
			}
		}
	})

	t.Run("queue UI in a browser", func(t *testing.T) {
		// The UI's script runs under the site's content security policy and lists the jobs, in
		// the process without workers.
		b := browserSession(t, newChromium(t))
		browserSignIn(t, b, baseB, "ops-admin", opsAdminPassword)
		if !eval[bool](t, b, `document.querySelector('.wb-nav a[href="/admin/river/"]') !== null`) {
			t.Error("the workbench's menu has no link to the queue UI for an administrator")
		}
		do(t, b, chromedp.Navigate(baseB+"/admin/river/jobs?state=completed"))
		waitJS(t, b, "the queue UI lists the completed release job",
			`document.body.innerText.includes('`+pipeline.ReleaseJob{}.Kind()+`') && document.body.innerText.includes('`+pipeline.FanoutJob{}.Kind()+`')`)
	})

	t.Run("metrics", func(t *testing.T) {
		get := func(token string) (int, string) {
			req, _ := http.NewRequest("GET", srv.URL+"/metrics", nil)
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			return res.StatusCode, string(b)
		}
		if code, body := get(""); code != http.StatusUnauthorized || strings.Contains(body, "tilmash_") {
			t.Errorf("without the token: %d", code)
		}
		if code, _ := get("wrong"); code != http.StatusUnauthorized {
			t.Errorf("with a wrong token: %d", code)
		}
		// Reader pages are rendered when first asked for: ask this process for one, so that its
		// cache holds something to report.
		page, err := http.Get(srv.URL + "/en/articles/" + opsArticleSlug)
		if err != nil {
			t.Fatal(err)
		}
		page.Body.Close()
		if page.StatusCode != http.StatusOK {
			t.Fatalf("reader page on the first process: %d", page.StatusCode)
		}
		code, body := get(opsMetricsToken)
		if code != http.StatusOK {
			t.Fatalf("with the token: %d %s", code, body)
		}
		parser := expfmt.NewTextParser(model.UTF8Validation)
		families, err := parser.TextToMetricFamilies(strings.NewReader(body))
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		value := func(name string, labels map[string]string) (float64, bool) {
			f := families[name]
			if f == nil {
				return 0, false
			}
		next:
			for _, m := range f.Metric {
				for k, v := range labels {
					if !hasLabel(m, k, v) {
						continue next
					}
				}
				switch {
				case m.Gauge != nil:
					return m.Gauge.GetValue(), true
				case m.Counter != nil:
					return m.Counter.GetValue(), true
				case m.Histogram != nil:
					return float64(m.Histogram.GetSampleCount()), true
				}
			}
			return 0, false
		}
		for _, c := range []struct {
			name   string
			labels map[string]string
		}{
			{"tilmash_jobs", map[string]string{"kind": "release", "state": "completed"}},
			{"tilmash_jobs", map[string]string{"kind": "translate", "state": "completed"}},
			{"tilmash_job_duration_seconds", map[string]string{"kind": "translate", "outcome": "completed"}},
			{"tilmash_editions", map[string]string{"state": "published"}},
			{"tilmash_editions", map[string]string{"state": "in_review"}},
			{"tilmash_mt_characters_total", map[string]string{"provider": "pseudo"}},
			{"tilmash_mt_request_duration_seconds", map[string]string{"provider": "pseudo"}},
			{"tilmash_http_request_duration_seconds", map[string]string{"route": "/api/v1/articles", "method": "POST", "code": "201"}},
			{"tilmash_http_request_duration_seconds", map[string]string{"route": "/api/v1/articles/{id}/editions/{lang}/approve"}},
			{"tilmash_reader_cache_pages", nil},
			{"tilmash_reader_cache_bytes", nil},
			{"tilmash_publication_latency_seconds", nil},
			{"tilmash_database_up", nil},
		} {
			if v, ok := value(c.name, c.labels); !ok || v <= 0 {
				t.Errorf("%s%v = %v (present %v)", c.name, c.labels, v, ok)
			}
		}
		// Characters: the three translations of the whole text.
		if v, _ := value("tilmash_mt_characters_total", map[string]string{"provider": "pseudo"}); v < 3*float64(len(opsArticleText))-10 {
			t.Errorf("pseudo characters %v, want about %d", v, 3*len(opsArticleText))
		}
		if f := families["tilmash_queue_oldest_available_age_seconds"]; f != nil && len(f.Metric) > 0 && f.Metric[0].Gauge.GetValue() < 0 {
			t.Errorf("negative queue age")
		}
		for _, m := range families["tilmash_http_request_duration_seconds"].Metric {
			for _, l := range m.Label {
				if l.GetName() == "route" && strings.Contains(l.GetValue(), opsArticleSlug) {
					t.Errorf("a raw path is a route label: %s", l.GetValue())
				}
			}
		}
	})

	t.Run("health", func(t *testing.T) {
		req, _ := http.NewRequest("GET", srv.URL+"/healthz", nil)
		req.Header.Set("X-Request-Id", "probe-7f3a")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("X-Request-Id") != "probe-7f3a" {
			t.Errorf("healthz: %d, request id %q", res.StatusCode, res.Header.Get("X-Request-Id"))
		}
		req.Header.Set("X-Request-Id", `"><script>`)
		res, err = http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if id := res.Header.Get("X-Request-Id"); id == "" || strings.ContainsAny(id, `"<>`) {
			t.Errorf("an unsafe incoming request id came back as %q", id)
		}
		for _, base := range []string{srv.URL, baseB} {
			code, body := get(t, base+"/readyz", "")
			if code != 200 || !strings.Contains(body, `"ready"`) {
				t.Errorf("readyz: %d %s", code, body)
			}
		}
		// A process meant to run workers that has not started them is not ready, and says why.
		idle, err := newApp(ctx, &Config{DatabaseURL: dbURL, Provider: "none", Workers: true}, a.log, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		defer idle.close(ctx)
		rec := httptest.NewRecorder()
		web.Readyz(idle.ready).ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
		var out struct {
			Status  string            `json:"status"`
			Failing map[string]string `json:"failing"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != 503 || out.Failing["workers"] == "" {
			t.Errorf("readyz without workers: %d %s", rec.Code, rec.Body)
		}
	})

	t.Run("logs", func(t *testing.T) {
		// A wrong password and a bad API token leave their mark on nothing but the answer.
		c := newWBClient(t, srv.URL)
		c.signIn("ops-admin", opsWrongPassword)
		(client{t: t, base: srv.URL, token: "bad-token-" + opsWrongPassword}).do("GET", "/api/v1/articles", nil)

		out := logs.String()
		for _, secret := range []string{opsDBPassword, opsAdminPassword, opsTransPassword, opsMetricsToken, opsWrongPassword, edToken} {
			if strings.Contains(out, secret) {
				t.Errorf("the logs hold a secret (%.4s…)", secret)
			}
		}
		var sawRequest, sawJob bool
		sc := bufio.NewScanner(strings.NewReader(out))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) != nil {
				continue // a line of a library that writes on its own
			}
			if rec["request_id"] == "probe-7f3a" && rec["route"] == "/healthz" {
				sawRequest = true
			}
			if rec["msg"] == "fanned out" && rec["job_kind"] == "fanout" && rec["job_id"] != nil && rec["attempt"] == float64(1) {
				sawJob = true
			}
		}
		if !sawRequest || !sawJob {
			t.Errorf("request line with its id %v, job line with its id %v", sawRequest, sawJob)
		}
	})
}

func hasLabel(m *dto.Metric, name, value string) bool {
	for _, l := range m.Label {
		if l.GetName() == name && l.GetValue() == value {
			return true
		}
	}
	return false
}

// TestWorkerServesMetricsAndHealth runs "tilmash worker" with a metrics address: its metrics,
// health and readiness answer there, "tilmash probe" (the containers' health check) agrees, and
// its log lines are JSON as TILMASH_LOG_FORMAT asks. A misspelt log setting stops the program.
func TestWorkerServesMetricsAndHealth(t *testing.T) {
	t.Parallel()
	dbURL := postgrestest.NewDatabase(t)
	env := map[string]string{"DATABASE_URL": dbURL, "TILMASH_LOG_FORMAT": "json", "TILMASH_METRICS_ADDR": "127.0.0.1:0"}
	getenv := func(k string) string { return env[k] }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"worker"}, strings.NewReader(""), pw, &stderr, getenv); pw.Close() }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("worker printed nothing: %v\n%s", err, stderr.String())
	}
	go io.Copy(io.Discard, pr) // drain until the worker ends
	metricsURL := strings.TrimSpace(strings.TrimPrefix(line, "metrics on "))
	base := strings.TrimSuffix(metricsURL, "/metrics")
	if code, body := get(t, metricsURL, ""); code != 200 || !strings.Contains(body, "tilmash_database_up 1") {
		t.Errorf("worker metrics: %d\n%.300s", code, body)
	}
	if code, body := get(t, base+"/readyz", ""); code != 200 || !strings.Contains(body, `"ready"`) {
		t.Errorf("worker readyz: %d %s", code, body)
	}
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"probe", base + "/healthz"}, nil, &out, &errOut, getenv); code != 0 {
		t.Errorf("probe healthz: %d %s", code, errOut.String())
	}
	if code := run(ctx, []string{"probe", base + "/no-such-page"}, nil, &out, &errOut, getenv); code != 1 {
		t.Errorf("probe of a missing page: %d", code)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("worker exited %d\n%s", code, stderr.String())
		}
	case <-time.After(pipelineTimeout):
		t.Fatal("the worker did not stop")
	}
	sawRunning := false
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Errorf("a log line is not JSON: %q", l)
		}
		sawRunning = sawRunning || rec["msg"] == "workers running"
	}
	if !sawRunning {
		t.Errorf("no start line in the logs:\n%s", stderr.String())
	}
	bad := func(k string) string {
		if k == "TILMASH_LOG_LEVEL" {
			return "loud"
		}
		return ""
	}
	if code := run(ctx, []string{"help"}, nil, &out, &errOut, bad); code != 2 || !strings.Contains(errOut.String(), "TILMASH_LOG_LEVEL") {
		t.Errorf("a misspelt log level: %d %s", code, errOut.String())
	}
	// A database that cannot be reached is reported without the password of its URL.
	errOut.Reset()
	unreachable := func(k string) string {
		if k == "DATABASE_URL" {
			return "postgres://postgres:" + opsDBPassword + "@127.0.0.1:1/tilmash?connect_timeout=2"
		}
		return ""
	}
	if code := run(context.Background(), []string{"migrate"}, nil, &out, &errOut, unreachable); code != 1 ||
		strings.Contains(errOut.String(), opsDBPassword) || errOut.Len() == 0 {
		t.Errorf("an unreachable database: %d %s", code, errOut.String())
	}
}
