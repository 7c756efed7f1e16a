package main

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tilmash/tilmash/internal/argon2id"
	"github.com/tilmash/tilmash/pipeline"
	"github.com/tilmash/tilmash/samples"
)

// demoUsers are the accounts the demo creates (or resets the passwords of).
var demoUsers = []pipeline.User{
	{Name: "admin", Role: pipeline.RoleAdmin},
	{Name: "editor", Role: pipeline.RoleEditor},
	{Name: "translator-ru", Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Russian}},
	{Name: "translator-kk", Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Kazakh}},
	{Name: "translator-zh", Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Chinese}},
}

// cmdDemo runs the whole pipeline on the sample article: ingest, fan-out, pseudo-translation,
// checks, and approval and publication of the source edition when the text repair left no
// question open. Open questions are for the editor to answer on the article's repairs page: the
// source then waits for approval, and goes live once they are answered and it is approved. It
// leaves the translations in review, prints what it did and serves the site until interrupted.
func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("demo")
	var cfg Config
	cfg.bind(fs, getenv)
	cfg.bindServer(fs, getenv)
	sample := fs.String("sample", "", "article to ingest, with a termbase.csv beside it to start the termbase (default: the sample built in)")
	lang := fs.String("lang", "en", "the sample's language")
	once := fs.Bool("no-serve", false, "exit after the pipeline ran instead of serving the site")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if getenv("TILMASH_PROVIDER") == "" && !flagSet(fs, "provider") {
		cfg.Provider = "pseudo"
	}
	if cfg.TimeZone == "" {
		cfg.TimeZone = "Asia/Almaty" // the demo newsroom is in Astana
	}
	cfg.Workers = true
	srcLang, err := pipeline.ParseLang(*lang)
	if err != nil {
		return usagef("%s", errorText(err))
	}
	// The sample built into the binary, unless a file is named: the demo runs from any directory.
	text, slugFrom, termbase := "", samples.Article, func() (io.ReadCloser, error) { return samples.FS.Open(samples.Termbase) }
	if *sample == "" {
		b, err := samples.FS.ReadFile(samples.Article)
		if err != nil {
			return err
		}
		text = string(b)
	} else {
		if text, err = readInput(*sample, nil, cfg.MaxBodyBytes); err != nil {
			return err
		}
		slugFrom = *sample
		termbase = func() (io.ReadCloser, error) { return os.Open(filepath.Join(filepath.Dir(*sample), "termbase.csv")) }
	}
	var ln net.Listener
	if !*once {
		// Claim the address first: a busy port should fail before any work is done.
		if ln, err = net.Listen("tcp", cfg.Addr); err != nil {
			return fmt.Errorf("listen on %s: %w (use --addr to pick another)", cfg.Addr, err)
		}
	}
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	a.limitMemory()
	if err := a.start(ctx); err != nil {
		return err
	}

	prep, err := a.preparer()
	if err != nil {
		return err
	}
	in, err := prep.Prepare(pipeline.IngestRequest{Text: text, Format: pipeline.FormatText, SourceLang: srcLang,
		Slug: strings.TrimSuffix(filepath.Base(slugFrom), filepath.Ext(slugFrom)), Category: "analysis", CreatedBy: "demo"}, cfg.MaxBodyBytes)
	if err != nil {
		return err
	}
	passwords, tokens, err := a.demoAccounts(ctx)
	if err != nil {
		return err
	}
	terms, err := a.demoTermbase(ctx, termbase)
	if err != nil {
		return err
	}
	art, err := a.store.FindArticleBySlug(ctx, in.Request.Slug)
	if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
		art, err = a.store.CreateArticle(ctx, in)
	}
	if err != nil {
		return err
	}
	if art, err = a.store.FindArticleByID(ctx, art.ID); err != nil {
		return err
	}
	if err := a.demoPipeline(ctx, art, srcLang); err != nil {
		return err
	}
	eds, err := a.store.FindEditions(ctx, art.ID)
	if err != nil {
		return err
	}

	addr := cfg.Addr
	if ln != nil {
		addr = ln.Addr().String()
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "\nArticle %d %q (slug %s, source %s, %d segments)\n\n", art.ID, art.Title, art.Slug, art.SourceLang, eds[0].Segments)
	fmt.Fprintln(w, "EDITION\tSTATE\tCONFIRMED\tOPEN FINDINGS")
	for _, e := range eds {
		fmt.Fprintf(w, "%s %s\t%s\t%d/%d\t%d\n", e.Lang, e.Lang.NativeName(), e.State, e.Confirmed, e.Segments, e.Findings)
	}
	fmt.Fprintln(w, "\nACCOUNT\tROLE\tPASSWORD\tAPI TOKEN")
	for _, u := range demoUsers {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", u.Name, u.Role, passwords[u.Name], tokens[u.Name])
	}
	fmt.Fprintf(w, "\nTermbase: %d concepts\n", terms)
	if art.RepairQuestions > 0 {
		fmt.Fprintf(w, "\nThe text repair left %d questions open: the source waits for the editor to answer them at\n"+
			"  http://%s/workbench/newsroom/articles/%d/repairs/\nand to approve it; then it goes live at ", art.RepairQuestions, addr, art.ID)
		fmt.Fprintf(w, "http://%s/%s/articles/%s\n", addr, srcLang, art.Slug)
	} else {
		fmt.Fprintf(w, "\nReader site:   http://%s/%s/articles/%s\n", addr, srcLang, art.Slug)
	}
	fmt.Fprintf(w, "Language index: http://%s/ru/  (the translations are in review, not yet published)\n", addr)
	fmt.Fprintf(w, "Workbench:      http://%s/workbench/  (sign in as a translator to review, as editor to approve)\n", addr)
	fmt.Fprintf(w, "Newsroom:       http://%s/workbench/newsroom/  (editors: the board, review, releases, schedules)\n", addr)
	fmt.Fprintf(w, "API:            curl -H 'Authorization: Bearer %s' http://%s/api/v1/articles/%d\n", tokens["editor"], addr, art.ID)
	if err := w.Flush(); err != nil {
		return err
	}
	if *once {
		return nil
	}
	fmt.Fprintf(stdout, "\nServing on http://%s (Ctrl-C to stop)\n", addr)
	return a.serveHTTP(ctx, ln)
}

// demoAccounts creates the demo users, or gives existing ones new passwords, and a new API token
// each: printed once, so the demo is usable without reading the database.
func (a *app) demoAccounts(ctx context.Context) (passwords, tokens map[string]string, err error) {
	passwords, tokens = map[string]string{}, map[string]string{}
	for _, u := range demoUsers {
		pw := randomPassword()
		hash, err := argon2id.Hash(pw)
		if err != nil {
			return nil, nil, err
		}
		if _, err := a.store.CreateUser(ctx, u, hash); pipeline.ErrorCode(err) == pipeline.CodeConflict {
			err = a.store.SetPassword(ctx, u.Name, hash)
			if err != nil {
				return nil, nil, err
			}
		} else if err != nil {
			return nil, nil, err
		}
		passwords[u.Name] = pw
		if tokens[u.Name], err = a.store.CreateToken(ctx, u.Name); err != nil {
			return nil, nil, err
		}
	}
	return passwords, tokens, nil
}

// demoTermbase imports the starter termbase when the termbase is empty, and returns its size.
func (a *app) demoTermbase(ctx context.Context, open func() (io.ReadCloser, error)) (int, error) {
	cs, err := a.store.FindConcepts(ctx)
	if err != nil || len(cs) > 0 {
		return len(cs), err
	}
	f, err := open()
	if err != nil {
		return 0, nil // no starter termbase next to the sample: nothing to import
	}
	defer f.Close()
	if cs, err = pipeline.ReadConceptsCSV(f); err != nil {
		return 0, err
	}
	created, _, err := a.store.ImportConcepts(ctx, cs)
	return created, err
}

// demoPipeline waits until the workers have carried the article to review, then approves the
// source edition as the demo editor and waits until it is live, unless the text repair left
// questions open: those are the editor's to answer (pipeline.CheckSourceApprovable), so the source
// is left awaiting approval.
func (a *app) demoPipeline(ctx context.Context, art pipeline.Article, source pipeline.Lang) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	for {
		eds, err := a.store.FindEditions(ctx, art.ID)
		if err != nil {
			return err
		}
		ready := true
		var src pipeline.Edition
		for _, e := range eds {
			switch {
			case e.IsSource:
				src = e
				ready = ready && e.State != pipeline.StateTranslating && e.State != pipeline.StateApproved
			case e.State == pipeline.StateTranslating:
				ready = false
			}
		}
		if ready && src.State == pipeline.StateAwaitingApproval && art.RepairQuestions == 0 {
			if _, err := a.store.ApproveEdition(ctx, src.ID, pipeline.Approval{Actor: "editor"}); err != nil {
				return err
			}
			ready = false
		}
		if ready {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the pipeline did not finish in time: %w", ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func randomPassword() string {
	b := make([]byte, 10)
	rand.Read(b) // crypto/rand never fails on supported platforms; it panics otherwise
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// flagSet reports whether a flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}
