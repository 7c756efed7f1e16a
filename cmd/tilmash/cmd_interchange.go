package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// englishLocalize renders messages in English, for the command line.
func englishLocalize() (interchange.Localize, error) {
	b, err := locales.Bundle()
	if err != nil {
		return nil, err
	}
	loc := i18n.NewLocalizer(b, "en")
	return func(id string, data map[string]any) string {
		msg, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
		if err != nil && msg == "" {
			return id
		}
		return msg
	}, nil
}

// findArticle reads ARTICLE as an id or a slug.
func findArticle(ctx context.Context, store *postgres.DB, ref string) (pipeline.Article, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return store.FindArticleByID(ctx, id)
	}
	return store.FindArticleBySlug(ctx, ref)
}

// output opens the file named by -o, or stdout for "" and "-".
func output(name string, stdout io.Writer) (io.Writer, func() error, error) {
	if name == "" || name == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, usageError{fmt.Sprintf("cannot write %s: %v", name, err)}
	}
	return f, f.Close, nil
}

// termFinder finds terms in any inflected form, as the glossary check does.
func termFinder(text, term string, lang pipeline.Lang) bool {
	_, _, ok := checks.FindTerm(text, term, lang)
	return ok
}

// cmdXLIFF handles "xliff export ARTICLE LANG" and "xliff import FILE".
func cmdXLIFF(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "export") {
		return usagef("usage: tilmash xliff export ARTICLE LANG [--version 1.2|2.1] [-o FILE] | tilmash xliff import FILE [--user NAME]")
	}
	fs := newFlagSet("xliff " + args[0])
	var cfg Config
	cfg.bind(fs, getenv)
	version := fs.String("version", "2.1", "XLIFF version: 1.2 (OmegaT, Trados) or 2.1")
	out := fs.String("o", "", "write the file here instead of to standard output")
	user := fs.String("user", "cli", "whose work the imported texts are, in the segments' history")
	articleRef := fs.String("article", "", "import into this article (id or slug) instead of the one the file names")
	langFlag := fs.String("lang", "", "import into this edition's language instead of the one the file names")
	if err := fs.Parse(interleaved(fs, args[1:])); err != nil {
		return err
	}
	loc, err := englishLocalize()
	if err != nil {
		return err
	}
	if args[0] == "export" {
		if fs.NArg() != 2 {
			return usagef("usage: tilmash xliff export ARTICLE LANG [--version 1.2|2.1] [-o FILE] (ARTICLE is an id or a slug)")
		}
		lang, err := pipeline.ParseLang(fs.Arg(1))
		if err != nil {
			return usagef("%s", errorText(err))
		}
		v, err := interchange.ParseXLIFFVersion(*version)
		if err != nil {
			return usagef("%s", errorText(err))
		}
		db, err := openDatabase(ctx, &cfg, log, stderr)
		if err != nil {
			return err
		}
		defer db.close(ctx)
		store := newStore(db)
		a, err := findArticle(ctx, store, fs.Arg(0))
		if err != nil {
			return err
		}
		f, err := interchange.LoadEdition(ctx, store, a.ID, lang, interchange.ExportOptions{Version: v, Localize: loc, FindTerm: termFinder})
		if err != nil {
			return err
		}
		w, closeOut, err := output(*out, stdout)
		if err != nil {
			return err
		}
		if err := f.WriteXLIFF(w, v); err != nil {
			closeOut() //nolint:errcheck // the export already failed; that error is the one to report
			return err
		}
		return closeOut()
	}

	if fs.NArg() != 1 {
		return usagef("xliff import needs one FILE")
	}
	file, err := os.Open(fs.Arg(0))
	if err != nil {
		return usageError{fmt.Sprintf("cannot read %s: %v", fs.Arg(0), err)}
	}
	x, err := interchange.ReadXLIFF(file)
	file.Close()
	if err != nil {
		return interchange.ReadError(err)
	}
	articleID, lang, ok := interchange.FileTarget(x)
	db, err := openDatabase(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	store := newStore(db)
	if *articleRef != "" {
		a, err := findArticle(ctx, store, *articleRef)
		if err != nil {
			return err
		}
		articleID, ok = a.ID, true
	}
	if *langFlag != "" {
		if lang, err = pipeline.ParseLang(*langFlag); err != nil {
			return usagef("%s", errorText(err))
		}
	} else if lang == "" {
		lang, err = interchange.LangOf(x.TargetLang, "target", interchange.ErrXLIFF)
		if err != nil {
			return interchange.ReadError(err)
		}
	}
	if !ok {
		return usagef("%s does not say which article it belongs to (it was not exported by Tilmash): name it with --article", fs.Arg(0))
	}
	rep, err := interchange.ImportEdition(ctx, store, articleID, lang, x,
		interchange.ImportOptions{User: *user, Check: newChecks(log).Check})
	if err != nil {
		return err
	}
	rep.Localize(loc)
	for _, u := range rep.Units {
		line := u.Unit + "\t" + string(u.Outcome)
		if u.Message != "" {
			line += "\t" + strings.ReplaceAll(u.Message, "\n", " ")
		}
		fmt.Fprintln(stdout, line)
	}
	fmt.Fprintf(stdout, "%s: %d applied, %d unchanged, %d conflicts, %d refused\n", filepath.Base(fs.Arg(0)),
		rep.Applied, rep.Unchanged, rep.Conflicts, rep.Refused)
	return nil
}

// cmdTM handles "tm export", "tm import FILE", "tm imports" and "tm remove BATCH".
func cmdTM(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	const usage = "usage: tilmash tm export [--source LANG] [--target LANG] [--import BATCH] [--tags tmx|omegat] [-o FILE] | " +
		"tilmash tm import FILE.tmx [--tags omegat] | tilmash tm imports | tilmash tm remove BATCH"
	if len(args) == 0 {
		return usagef(usage)
	}
	switch args[0] {
	case "export", "import", "imports", "remove":
	default:
		return usagef(usage)
	}
	fs := newFlagSet("tm " + args[0])
	var cfg Config
	cfg.bind(fs, getenv)
	source := fs.String("source", "", "only entries from this language")
	target := fs.String("target", "", "only entries into this language")
	batch := fs.Int64("import", 0, "only the entries of this import")
	tagsFlag := fs.String("tags", "tmx", "inline markup as TMX elements (tmx) or as OmegaT's numbered tags (omegat)")
	out := fs.String("o", "", "write the file here instead of to standard output")
	user := fs.String("user", "cli", "who imports, in the list of imports")
	if err := fs.Parse(interleaved(fs, args[1:])); err != nil {
		return err
	}
	tags, err := interchange.ParseTags(*tagsFlag)
	if err != nil {
		return usagef("%s", errorText(err))
	}
	var filter pipeline.MemoryFilter
	for _, p := range []struct {
		v    string
		into *pipeline.Lang
	}{{*source, &filter.SourceLang}, {*target, &filter.TargetLang}} {
		if p.v != "" {
			l, err := pipeline.ParseLang(p.v)
			if err != nil {
				return usagef("%s", errorText(err))
			}
			*p.into = l
		}
	}
	filter.ImportID = *batch
	var in *os.File
	if args[0] == "import" {
		if fs.NArg() != 1 {
			return usagef("tm import needs one FILE.tmx")
		}
		if in, err = os.Open(fs.Arg(0)); err != nil {
			return usageError{fmt.Sprintf("cannot read %s: %v", fs.Arg(0), err)}
		}
		defer in.Close()
	}
	var removeID int64
	if args[0] == "remove" {
		if fs.NArg() != 1 {
			return usagef("tm remove needs the number of an import (see tilmash tm imports)")
		}
		if removeID, err = strconv.ParseInt(fs.Arg(0), 10, 64); err != nil || removeID <= 0 {
			return usagef("tm remove: %q is not the number of an import", fs.Arg(0))
		}
	}
	db, err := openDatabase(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	store := newStore(db)
	switch args[0] {
	case "export":
		w, closeOut, err := output(*out, stdout)
		if err != nil {
			return err
		}
		if err := interchange.ExportTMX(ctx, store, w, filter, tags); err != nil {
			closeOut() //nolint:errcheck // the export already failed; that error is the one to report
			return err
		}
		return closeOut()
	case "import":
		imp := pipeline.MemoryImport{FileName: filepath.Base(fs.Arg(0)), CreatedBy: *user}
		if err := interchange.ImportTMX(ctx, store, in, &imp, tags); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "import %d: %d units, %d memory entries, %d skipped (remove with: tilmash tm remove %d)\n",
			imp.ID, imp.Units, imp.Entries, imp.Skipped, imp.ID)
	case "imports":
		list, err := store.FindMemoryImports(ctx)
		if err != nil {
			return err
		}
		for _, m := range list {
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\t%d entries\t%d skipped\n", m.ID, m.CreatedAt.UTC().Format("2006-01-02 15:04"),
				m.CreatedBy, m.FileName, m.Entries, m.Skipped)
		}
	case "remove":
		m, err := store.DeleteMemoryImport(ctx, removeID)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "import %d removed: %d memory entries\n", m.ID, m.Entries)
	}
	return nil
}
