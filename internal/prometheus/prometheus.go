// Package prometheus exposes Tilmash's metrics in the Prometheus format, on a registry of its own
// (no global state): the queue and the editions as the database has them, read when scraped with
// bounded queries; job runs and their durations (River worker middleware); machine-translation
// characters, errors and durations by provider (a wrapper around each provider); HTTP request
// durations by route; the reader cache's size; and publication latency. The Go runtime and the
// process are included.
//
// It imports the domain only: the binary adapts the store (Snapshot), the web server
// (ObserveRequest, ReaderCache) and the machine-translation router (Translator) to it.
package prometheus

import (
	"context"
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	prom "github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/pipeline"
)

// Snapshot is what the database holds at scrape time.
type Snapshot struct {
	// Jobs counts the queue's jobs by kind and state (River's table, completed jobs until River
	// deletes them).
	Jobs []JobCount
	// Queues are the queues with available jobs: how many, and how long the oldest has waited.
	Queues []QueueDepth
	// Editions counts editions by state.
	Editions map[string]int64
}

// JobCount is the number of jobs of one kind in one state.
type JobCount struct {
	Kind, State string
	Count       int64
}

// QueueDepth is one queue's backlog: jobs available to run now, and the age of the oldest.
type QueueDepth struct {
	Queue     string
	Available int64
	OldestAge time.Duration
}

// Config holds where the metrics come from.
type Config struct {
	// Snapshot reads the database's share; it runs once per scrape, bounded by ScrapeTimeout.
	Snapshot func(ctx context.Context) (Snapshot, error)
	// ReaderCache, when set, reports the reader site's cache: pages and bytes held in memory.
	ReaderCache func() (pages int, bytes int64)
}

// ScrapeTimeout bounds the database queries of one scrape.
const ScrapeTimeout = 5 * time.Second

// Metrics is the registry and the instruments the program reports to.
type Metrics struct {
	reg         *prom.Registry
	http        *prom.HistogramVec
	jobs        *prom.HistogramVec
	mtChars     *prom.CounterVec
	mtErrors    *prom.CounterVec
	mtDuration  *prom.HistogramVec
	publication prom.Histogram
}

// New builds the registry with every instrument.
func New(cfg Config) *Metrics {
	reg := prom.NewRegistry()
	m := &Metrics{
		reg: reg,
		http: prom.NewHistogramVec(prom.HistogramOpts{Name: "tilmash_http_request_duration_seconds",
			Help:    "HTTP request durations by method, route pattern and status code.",
			Buckets: []float64{.0005, .001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}},
			[]string{"method", "route", "code"}),
		jobs: prom.NewHistogramVec(prom.HistogramOpts{Name: "tilmash_job_duration_seconds",
			Help:    "Durations of job runs in this process by kind and outcome (completed, failed, snoozed, cancelled).",
			Buckets: []float64{.005, .01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300}},
			[]string{"kind", "outcome"}),
		mtChars: prom.NewCounterVec(prom.CounterOpts{Name: "tilmash_mt_characters_total",
			Help: "Characters of source text machine-translated successfully, by provider."}, []string{"provider"}),
		mtErrors: prom.NewCounterVec(prom.CounterOpts{Name: "tilmash_mt_errors_total",
			Help: "Failed machine-translation calls by provider and error code."}, []string{"provider", "code"}),
		mtDuration: prom.NewHistogramVec(prom.HistogramOpts{Name: "tilmash_mt_request_duration_seconds",
			Help:    "Durations of machine-translation calls (one batch) by provider.",
			Buckets: []float64{.01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}}, []string{"provider"}),
		publication: prom.NewHistogram(prom.HistogramOpts{Name: "tilmash_publication_latency_seconds",
			Help:    "Time from a release's approval (or its scheduled time, when later) to its editions being live.",
			Buckets: []float64{.1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300, 900}}),
	}
	reg.MustRegister(m.http, m.jobs, m.mtChars, m.mtErrors, m.mtDuration, m.publication,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if cfg.Snapshot != nil {
		reg.MustRegister(&databaseCollector{snapshot: cfg.Snapshot})
	}
	if cfg.ReaderCache != nil {
		reg.MustRegister(
			prom.NewGaugeFunc(prom.GaugeOpts{Name: "tilmash_reader_cache_pages",
				Help: "Pages the reader site holds in memory."},
				func() float64 { p, _ := cfg.ReaderCache(); return float64(p) }),
			prom.NewGaugeFunc(prom.GaugeOpts{Name: "tilmash_reader_cache_bytes",
				Help: "Bytes of page bodies (all encodings) the reader site holds in memory."},
				func() float64 { _, b := cfg.ReaderCache(); return float64(b) }))
	}
	return m
}

// Registry is the registry, for tests and for gathering.
func (m *Metrics) Registry() *prom.Registry { return m.reg }

// ObserveRequest records one HTTP request (web.Config.ObserveRequest). Methods other than the
// standard ones count as "OTHER", so that a client cannot make series without end.
func (m *Metrics) ObserveRequest(method, route string, status int, d time.Duration) {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete,
		http.MethodOptions:
	default:
		method = "OTHER"
	}
	m.http.WithLabelValues(method, route, statusText(status)).Observe(d.Seconds())
}

// statusCodes are the status codes as label values, made once rather than per request.
var statusCodes = func() (s [600]string) {
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func statusText(code int) string {
	if code >= 0 && code < len(statusCodes) {
		return statusCodes[code]
	}
	return strconv.Itoa(code)
}

// ObservePublication records the time from a release's approval to its editions being live.
func (m *Metrics) ObservePublication(d time.Duration) { m.publication.Observe(max(d, 0).Seconds()) }

// Access says who may read the metrics.
type Access struct {
	// Token, when set, must come as "Authorization: Bearer TOKEN".
	Token string
	// LoopbackOnly answers only clients on this machine.
	LoopbackOnly bool
}

// Handler serves the metrics to those access lets in: others get 401 (a missing or wrong token)
// or 403 (not a loopback client), with nothing of the metrics.
func (m *Metrics) Handler(access Access) http.Handler {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError,
		MaxRequestsInFlight: 4, Timeout: ScrapeTimeout + time.Second})
	token := []byte(access.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(token) > 0 {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), token) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
				http.Error(w, "metrics need the bearer token (TILMASH_METRICS_TOKEN)", http.StatusUnauthorized)
				return
			}
		}
		if access.LoopbackOnly && !loopback(r.RemoteAddr) {
			http.Error(w, "metrics answer only this machine; set TILMASH_METRICS_TOKEN or TILMASH_METRICS_ADDR", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func loopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// JobMiddleware is River worker middleware timing every job run of this process.
func (m *Metrics) JobMiddleware() rivertype.WorkerMiddleware { return &jobTimer{m: m} }

type jobTimer struct {
	river.WorkerMiddlewareDefaults
	m *Metrics
}

func (t *jobTimer) Work(ctx context.Context, job *rivertype.JobRow, doInner func(context.Context) error) error {
	start := time.Now()
	err := doInner(ctx)
	outcome := "completed"
	var snooze *rivertype.JobSnoozeError
	var cancel *rivertype.JobCancelError
	switch {
	case err == nil:
	case errors.As(err, &snooze):
		outcome = "snoozed"
	case errors.As(err, &cancel):
		outcome = "cancelled"
	default:
		outcome = "failed"
	}
	t.m.jobs.WithLabelValues(job.Kind, outcome).Observe(time.Since(start).Seconds())
	return err
}

// Translator wraps a machine-translation provider so that its calls are counted under its
// name: characters translated, errors by code, durations.
func (m *Metrics) Translator(t pipeline.Translator) pipeline.Translator {
	return &countedTranslator{Translator: t, m: m}
}

type countedTranslator struct {
	pipeline.Translator
	m *Metrics
}

func (c *countedTranslator) Translate(ctx context.Context, req pipeline.TranslateRequest) ([]string, error) {
	name := c.Name()
	start := time.Now()
	out, err := c.Translator.Translate(ctx, req)
	c.m.mtDuration.WithLabelValues(name).Observe(time.Since(start).Seconds())
	if err != nil {
		code := string(pipeline.ErrorCode(err))
		if code == "" {
			code = "unknown"
		}
		c.m.mtErrors.WithLabelValues(name, code).Inc()
		return out, err
	}
	n := 0
	for _, s := range req.Texts {
		n += utf8.RuneCountInString(s)
	}
	c.m.mtChars.WithLabelValues(name).Add(float64(n))
	return out, nil
}

// String keeps the provider's description for start-up logs.
func (c *countedTranslator) String() string {
	if s, ok := c.Translator.(interface{ String() string }); ok {
		return s.String()
	}
	return c.Name()
}

// databaseCollector reads the database's share at scrape time.
type databaseCollector struct {
	snapshot func(ctx context.Context) (Snapshot, error)
}

var (
	descJobs = prom.NewDesc("tilmash_jobs", "Jobs in the queue's table by kind and state.",
		[]string{"kind", "state"}, nil)
	descQueueDepth = prom.NewDesc("tilmash_queue_available_jobs", "Jobs available to run now, by queue.",
		[]string{"queue"}, nil)
	descQueueAge = prom.NewDesc("tilmash_queue_oldest_available_age_seconds",
		"How long the oldest job available to run has waited, by queue (0 when none waits).", []string{"queue"}, nil)
	descEditions = prom.NewDesc("tilmash_editions", "Editions by state.", []string{"state"}, nil)
	descUp       = prom.NewDesc("tilmash_database_up", "1 when the scrape's database queries succeeded.", nil, nil)
)

func (c *databaseCollector) Describe(ch chan<- *prom.Desc) {
	for _, d := range []*prom.Desc{descJobs, descQueueDepth, descQueueAge, descEditions, descUp} {
		ch <- d
	}
}

func (c *databaseCollector) Collect(ch chan<- prom.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), ScrapeTimeout)
	defer cancel()
	snap, err := c.snapshot(ctx)
	if err != nil {
		ch <- prom.MustNewConstMetric(descUp, prom.GaugeValue, 0)
		return
	}
	ch <- prom.MustNewConstMetric(descUp, prom.GaugeValue, 1)
	for _, j := range snap.Jobs {
		ch <- prom.MustNewConstMetric(descJobs, prom.GaugeValue, float64(j.Count), j.Kind, j.State)
	}
	for _, q := range snap.Queues {
		ch <- prom.MustNewConstMetric(descQueueDepth, prom.GaugeValue, float64(q.Available), q.Queue)
		ch <- prom.MustNewConstMetric(descQueueAge, prom.GaugeValue, q.OldestAge.Seconds(), q.Queue)
	}
	for state, n := range snap.Editions {
		ch <- prom.MustNewConstMetric(descEditions, prom.GaugeValue, float64(n), state)
	}
}
