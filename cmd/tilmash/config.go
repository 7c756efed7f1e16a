package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// Config is everything the binary can be told, from flags with defaults from the environment.
type Config struct {
	DatabaseURL string // DATABASE_URL; empty runs a private PostgreSQL under PGDir
	PGDir       string // TILMASH_PG_DIR
	Addr        string // TILMASH_ADDR
	BaseURL     string // TILMASH_BASE_URL
	// MarkMachineText (TILMASH_MARK_MACHINE_TEXT) tells readers when a translation holds
	// machine translation no person changed.
	MarkMachineText bool
	// TimeZone (TILMASH_TIME_ZONE) is the newsroom's zone, an IANA name such as Asia/Almaty: the
	// pages show times in it and read typed release times in it. Empty is the server's zone.
	TimeZone string
	// LiveEvery (TILMASH_LIVE_EVERY) is how often open pages ask what changed.
	LiveEvery    time.Duration
	Provider     string // TILMASH_PROVIDER
	MaxBodyBytes int    // TILMASH_MAX_BODY_BYTES
	// MaxSegments (TILMASH_MAX_SEGMENTS) and MaxSegmentChars (TILMASH_MAX_SEGMENT_CHARS) bound one
	// article: its sentences, and the characters of each. Zero means the default.
	MaxSegments     int
	MaxSegmentChars int
	Workers         bool // run River workers in this process
	// JobTimeout (TILMASH_JOB_TIMEOUT) bounds every job. A job still marked running this long
	// after it started (its process was killed) is handed back to the queue shortly after.
	JobTimeout time.Duration
	// MetricsToken (TILMASH_METRICS_TOKEN), when set, is the bearer token /metrics requires.
	// MetricsAddr (TILMASH_METRICS_ADDR), when set, is a separate listen address serving the
	// metrics (and, for a worker, the health endpoints); the main address then has no /metrics.
	// With neither, /metrics on the main address answers loopback clients only.
	MetricsToken string
	MetricsAddr  string

	// envErr is a malformed environment variable, reported when the program starts.
	envErr error

	// Getenv reads the rest of the environment (provider keys and routes).
	Getenv func(string) string
}

// envOr returns the environment variable's value, or def when it is unset or empty.
func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// bind declares the flags shared by the commands that touch the database and the pipeline.
func (c *Config) bind(fs *flag.FlagSet, getenv func(string) string) {
	c.Getenv = getenv
	fs.StringVar(&c.DatabaseURL, "database-url", getenv("DATABASE_URL"),
		"PostgreSQL URL (env DATABASE_URL); when empty, a private PostgreSQL runs under --pg-dir")
	fs.StringVar(&c.PGDir, "pg-dir", envOr(getenv, "TILMASH_PG_DIR", "./.tilmash/pg"),
		"directory of the private PostgreSQL (env TILMASH_PG_DIR)")
	fs.StringVar(&c.Provider, "provider", envOr(getenv, "TILMASH_PROVIDER", "none"),
		"machine translation provider (env TILMASH_PROVIDER): none, pseudo, libretranslate, deepl, google, openai")
	timeout, err := time.ParseDuration(envOr(getenv, "TILMASH_JOB_TIMEOUT", defaultJobTimeout.String()))
	if err != nil || timeout <= 0 {
		c.envErr = usagef("TILMASH_JOB_TIMEOUT=%q is not a positive duration such as 5m or 90s", getenv("TILMASH_JOB_TIMEOUT"))
		timeout = defaultJobTimeout
	}
	fs.DurationVar(&c.JobTimeout, "job-timeout", timeout,
		"longest a job may run before it is cancelled and retried (env TILMASH_JOB_TIMEOUT)")
	max, _ := strconv.Atoi(getenv("TILMASH_MAX_BODY_BYTES"))
	fs.IntVar(&c.MaxBodyBytes, "max-body-bytes", max, "largest accepted article text in bytes (env TILMASH_MAX_BODY_BYTES; default 2 MB)")
	fs.IntVar(&c.MaxSegments, "max-segments", c.envCount(getenv, "TILMASH_MAX_SEGMENTS"),
		fmt.Sprintf("most sentences one article may have (env TILMASH_MAX_SEGMENTS; default %d)", pipeline.DefaultMaxSegments))
	fs.IntVar(&c.MaxSegmentChars, "max-segment-chars", c.envCount(getenv, "TILMASH_MAX_SEGMENT_CHARS"),
		fmt.Sprintf("most characters one sentence may have (env TILMASH_MAX_SEGMENT_CHARS; default %d)", pipeline.DefaultMaxSegmentChars))
}

// bindMetrics declares where the metrics are served and who may read them. The token comes only
// from the environment: a flag would show it in the process list.
func (c *Config) bindMetrics(fs *flag.FlagSet, getenv func(string) string) {
	c.MetricsToken = strings.TrimSpace(getenv("TILMASH_METRICS_TOKEN"))
	fs.StringVar(&c.MetricsAddr, "metrics-addr", getenv("TILMASH_METRICS_ADDR"),
		"separate listen address for /metrics (env TILMASH_METRICS_ADDR); a bearer token comes from TILMASH_METRICS_TOKEN")
}

// envCount reads a count from the environment: unset or empty is 0 (the default), anything but
// a positive whole number is reported when the program starts.
func (c *Config) envCount(getenv func(string) string, key string) int {
	v := getenv(key)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		c.envErr = usagef("%s=%q is not a positive whole number", key, v)
		return 0
	}
	return n
}

// articleLimits are the limits on one article this configuration asks for.
func (c *Config) articleLimits() pipeline.ArticleLimits {
	return pipeline.ArticleLimits{MaxSegments: c.MaxSegments, MaxSegmentChars: c.MaxSegmentChars}
}

// loadPreparer loads the article preparer with its text repair, holding articles to the
// configured limits.
func (c *Config) loadPreparer() (*ingest.Preparer, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	p, err := ingest.Load()
	if err != nil {
		return nil, err
	}
	return p.WithLimits(c.articleLimits()), nil
}

// bindServer declares the HTTP flags.
func (c *Config) bindServer(fs *flag.FlagSet, getenv func(string) string) {
	c.bindMetrics(fs, getenv)
	fs.StringVar(&c.Addr, "addr", envOr(getenv, "TILMASH_ADDR", "127.0.0.1:8080"), "HTTP listen address (env TILMASH_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", getenv("TILMASH_BASE_URL"), "public URL of the site, for canonical links (env TILMASH_BASE_URL)")
	fs.StringVar(&c.TimeZone, "time-zone", getenv("TILMASH_TIME_ZONE"),
		"the newsroom's time zone, such as Asia/Almaty, for the times pages show and release times (env TILMASH_TIME_ZONE; default the server's zone)")
	live, err := time.ParseDuration(envOr(getenv, "TILMASH_LIVE_EVERY", "3s"))
	if err != nil || live < 100*time.Millisecond || live > time.Minute {
		c.envErr = usagef("TILMASH_LIVE_EVERY=%q is not a duration between 100ms and 1m", getenv("TILMASH_LIVE_EVERY"))
		live = 3 * time.Second
	}
	fs.DurationVar(&c.LiveEvery, "live-every", live, "how often open pages ask what changed (env TILMASH_LIVE_EVERY)")
	mark, _ := strconv.ParseBool(getenv("TILMASH_MARK_MACHINE_TEXT"))
	fs.BoolVar(&c.MarkMachineText, "mark-machine-text", mark,
		"tell readers when a translation holds machine translation nobody changed (env TILMASH_MARK_MACHINE_TEXT)")
}

// defaultJobTimeout bounds a job when nothing else is configured. A translation that needs longer
// (a long article through a slow provider) is not lost: it saves batch by batch, and its retry
// continues where it stopped.
const defaultJobTimeout = 5 * time.Minute

// validate reports a setting that cannot work, before anything starts.
func (c *Config) validate() error {
	if c.envErr != nil {
		return c.envErr
	}
	if c.JobTimeout == 0 {
		c.JobTimeout = defaultJobTimeout
	}
	if c.JobTimeout < 0 {
		return usagef("--job-timeout must be positive, such as 5m or 90s")
	}
	if _, err := c.zone(); err != nil {
		return err
	}
	if c.MaxSegments < 0 || c.MaxSegmentChars < 0 {
		return usagef("--max-segments and --max-segment-chars must be positive (0 keeps the default)")
	}
	return nil
}

// zone loads the newsroom's time zone; empty is the server's, by its name where the system
// tells it (TZ, or the zone file /etc/localtime links to), so that pages and forms can name it.
func (c *Config) zone() (*time.Location, error) {
	if c.TimeZone == "" {
		if name := localZoneName(c.Getenv); name != "" {
			if z, err := time.LoadLocation(name); err == nil {
				return z, nil
			}
		}
		return time.Local, nil
	}
	z, err := time.LoadLocation(c.TimeZone)
	if err != nil || c.TimeZone == "Local" {
		return nil, usagef("--time-zone %q is not a time zone name such as Asia/Almaty or UTC", c.TimeZone)
	}
	return z, nil
}

// localZoneName is the IANA name of the server's zone, or "" when the system does not say.
func localZoneName(getenv func(string) string) string {
	if getenv != nil {
		if tz := strings.TrimPrefix(getenv("TZ"), ":"); tz != "" && !strings.HasPrefix(tz, "/") {
			return tz
		}
	}
	target, err := os.Readlink("/etc/localtime")
	if err != nil {
		return ""
	}
	if _, name, ok := strings.Cut(target, "zoneinfo/"); ok {
		return name
	}
	return ""
}

// usageError is a mistake on the command line: it is printed with a hint and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	return fs
}
