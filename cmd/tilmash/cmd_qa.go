package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// cmdQA checks XLIFF files from outside with the same checks as the pipeline. It exits 0 when it
// ran, whatever it found, and 2 on unreadable input.
func cmdQA(args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	fs := newFlagSet("qa")
	termsFile := fs.String("terms", "", "termbase CSV (the format of `tilmash terms import`)")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("qa needs at least one XLIFF FILE")
	}
	opts := checks.Options{Spell: newChecks(slog.New(slog.NewTextHandler(io.Discard, nil))).spell}
	if *termsFile != "" {
		f, err := os.Open(*termsFile)
		if err != nil {
			return usageError{fmt.Sprintf("cannot read %s: %v", *termsFile, err)}
		}
		cs, err := pipeline.ReadConceptsCSV(f)
		f.Close()
		if err != nil {
			return usageError{errorText(err)}
		}
		opts.Terms = qaTerms(cs)
	}
	bundle, err := locales.Bundle()
	if err != nil {
		return err
	}
	loc := i18n.NewLocalizer(bundle, "en")
	localize := func(id string, data map[string]any) string {
		msg, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
		if err != nil && msg == "" {
			return id
		}
		return msg
	}
	var all []checks.ReportEntry
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return usageError{fmt.Sprintf("cannot read %s: %v", name, err)}
		}
		entries, err := checks.CheckXLIFF(name, f, opts, localize)
		f.Close()
		if err != nil {
			return usageError{fmt.Sprintf("cannot check %s", errorText(errors.Unwrap(err))+" ("+name+")")}
		}
		all = append(all, entries...)
	}
	if *asJSON {
		return checks.WriteReport(stdout, all)
	}
	for _, e := range all {
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\n", e.File, e.Unit, e.Severity, e.Check, strings.ReplaceAll(e.Message, "\n", " "))
	}
	fmt.Fprintf(stdout, "%d findings in %d files\n", len(all), fs.NArg())
	return nil
}
