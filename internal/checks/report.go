package checks

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/tilmash/tilmash/pipeline"
)

// ReportEntry is one finding in the JSON report of the `tilmash qa` command.
type ReportEntry struct {
	File     string            `json:"file"`
	Unit     string            `json:"unit"`
	Check    string            `json:"check"`
	Severity pipeline.Severity `json:"severity"`
	Message  string            `json:"message"`
}

// Localize renders a go-i18n message with its template data, in the reader's language.
type Localize func(messageID string, data map[string]any) string

// BuildReport turns the findings of one unit of a file into report entries, with messages
// rendered by localize (nil leaves the message ID as the message).
func BuildReport(file, unit string, findings []pipeline.Finding, localize Localize) []ReportEntry {
	out := make([]ReportEntry, 0, len(findings))
	for _, f := range findings {
		msg := f.MessageID
		if localize != nil {
			msg = localize(f.MessageID, f.Data)
		}
		out = append(out, ReportEntry{File: file, Unit: unit, Check: f.Check, Severity: f.Severity, Message: msg})
	}
	return out
}

// CheckXLIFF reads an XLIFF file, checks every unit and returns the report entries of all
// findings, in file order.
func CheckXLIFF(file string, r io.Reader, opts Options, localize Localize) ([]ReportEntry, error) {
	units, src, tgt, err := ReadXLIFF(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	out := []ReportEntry{}
	for _, u := range units {
		fs := Check(pipeline.CheckUnit{SourceLang: src, TargetLang: tgt, Source: u.Source, Target: u.Target}, opts)
		out = append(out, BuildReport(file, u.ID, fs, localize)...)
	}
	return out, nil
}

// WriteReport writes entries as an indented JSON array; no findings give [].
func WriteReport(w io.Writer, entries []ReportEntry) error {
	if entries == nil {
		entries = []ReportEntry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(entries); err != nil {
		return fmt.Errorf("write qa report: %w", err)
	}
	return nil
}
