// Command tilmash carries articles from their source language to four published editions: it
// ingests, translates, checks, approves and publishes, and serves the site.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	corpuseval "github.com/tilmash/tilmash/internal/eval"
	"github.com/tilmash/tilmash/internal/logging"
	"github.com/tilmash/tilmash/internal/repair"
)

const helpText = `tilmash: a translation and publishing pipeline for English, Russian, Kazakh and Chinese.

Usage: tilmash COMMAND [flags]

Commands:
  demo                 run the whole pipeline on the sample article and serve the site
  serve                serve the site and the API, and run the workers (--no-workers to only serve)
  worker               run the workers only
  migrate              apply database migrations
  ingest FILE          ingest an article (--lang en, --format text|markdown); prints its id and slug
  user add NAME        create a user (--role translator|editor|admin, --langs ru,kk, --password-stdin)
  token create USER    create an API token for a user
  export [--full] DIR  write the public site as static files (pages, .gz/.br copies, feeds, sitemap);
                       only what changed since DIR's last export, or everything with --full
  retry ARTICLE LANG   queue a failed edition's translation again
  terms import FILE    import a termbase CSV (en,ru,kk,zh,note,do_not_translate,forbidden_en,...)
                       or TBX (FILE.tbx; --assume-lang for terms in no language)
  terms export         print the termbase as CSV (--format tbx [--dialect martif] for TBX)
  xliff export ARTICLE LANG
                       an edition as XLIFF (--version 1.2|2.1, -o FILE) for a CAT tool
  xliff import FILE    apply a translated XLIFF file to its edition; prints what each unit did
  tm export            the translation memory as TMX (--source, --target, --import, --tags omegat, -o)
  tm import FILE.tmx   add a TMX file to the memory as one import (--tags omegat)
  tm imports           list memory imports
  tm remove BATCH      remove a memory import and its entries
  qa FILE...           check XLIFF 1.2/2.x files (--terms TERMS.csv, --json); exit 2 on unreadable input
  repair [FILE]        repair text damaged by PDF copying (--lang en); report on stderr
  eval                 score sentence splitting, word repair and the other stages on the corpora
                       under testdata/eval (-stage, -split tune,heldout, -v for the misses)
  probe URL            exit 0 when URL answers 200 (container health checks: /healthz, /readyz)
  help                 show this help

Configuration (flags override the environment):
  DATABASE_URL            PostgreSQL URL; unset: a private PostgreSQL runs under ./.tilmash/pg
  TILMASH_PG_DIR          directory of the private PostgreSQL
  TILMASH_ADDR            HTTP address (default 127.0.0.1:8080)
  TILMASH_PROVIDER        machine translation: none (default), pseudo, libretranslate, deepl,
                          google, openai (keys and routes: see the README)
  TILMASH_MAX_BODY_BYTES  largest accepted article text (default 2 MB)
  TILMASH_MAX_SEGMENTS    most sentences one article may have (default 5000)
  TILMASH_MAX_SEGMENT_CHARS
                          most characters one sentence may have (default 4000)
  TILMASH_BASE_URL        public URL of the site
  TILMASH_EXPORT_DIR      export the public site here after every change (with the workers)
  TILMASH_LOG_FORMAT      text (default) or json
  TILMASH_LOG_LEVEL       debug (with a line per HTTP request), info (default), warn, error
  TILMASH_METRICS_TOKEN   bearer token /metrics requires
  TILMASH_METRICS_ADDR    separate address serving /metrics (a worker: also /healthz, /readyz);
                          with neither, /metrics answers only this machine
  TILMASH_READER_CACHE_MB memory for the reader's pages (default 64); more are kept as files
  TILMASH_READER_CACHE_DIR
                          a directory of the reader's own for its page files (default: temporary)

Run "tilmash COMMAND -h" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run executes one command and returns the exit status: 0 on success, 1 on failure, 2 on a
// usage mistake.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	log, err := logging.New(stderr, logging.Options{Format: getenv("TILMASH_LOG_FORMAT"), Level: getenv("TILMASH_LOG_LEVEL")})
	if err != nil {
		fmt.Fprintf(stderr, "tilmash: TILMASH_LOG_FORMAT or TILMASH_LOG_LEVEL: %v\n", err)
		return 2
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, helpText)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, helpText)
		return 0
	case "demo":
		err = cmdDemo(ctx, rest, stdout, stderr, getenv, log)
	case "serve":
		err = cmdServe(ctx, rest, stdout, stderr, getenv, log, true)
	case "worker":
		err = cmdWorker(ctx, rest, stdout, stderr, getenv, log)
	case "migrate":
		err = cmdMigrate(ctx, rest, stdout, stderr, getenv, log)
	case "ingest":
		err = cmdIngest(ctx, rest, stdin, stdout, stderr, getenv, log)
	case "user":
		err = cmdUser(ctx, rest, stdin, stdout, stderr, getenv, log)
	case "token":
		err = cmdToken(ctx, rest, stdout, stderr, getenv, log)
	case "export":
		err = cmdExport(ctx, rest, stdout, stderr, getenv, log)
	case "retry":
		err = cmdRetry(ctx, rest, stdout, stderr, getenv, log)
	case "terms":
		err = cmdTerms(ctx, rest, stdout, stderr, getenv, log)
	case "qa":
		err = cmdQA(rest, stdout, stderr, log)
	case "xliff":
		err = cmdXLIFF(ctx, rest, stdout, stderr, getenv, log)
	case "tm":
		err = cmdTM(ctx, rest, stdout, stderr, getenv, log)
	case "probe":
		err = cmdProbe(ctx, rest, stdout)
	case "repair":
		return repair.Run(stdin, rest, stdout, stderr)
	case "eval":
		return corpuseval.Run(rest, stdout, stderr)
	default:
		err = usagef("unknown command %q", cmd)
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "tilmash: %s\nRun \"tilmash help\" for usage.\n", ue.msg)
		return 2
	}
	fmt.Fprintf(stderr, "tilmash: %s\n", logging.RedactText(errorText(err)))
	return 1
}
