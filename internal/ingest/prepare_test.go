package ingest

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/repair"
	"github.com/tilmash/tilmash/pipeline"
)

// loaded shares one Preparer between the tests: loading the word lists is the slow part.
var loaded = sync.OnceValues(Load)

func preparer(t *testing.T) *Preparer {
	t.Helper()
	p, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSampleArticleRepair ingests the sample article pasted from a PDF and logs every change the
// repair made and every question it left, with its line and column in the text as it arrived.
// The segments must be those of the repaired text, and applying the recorded changes to the
// stored body must give that text back, which is what undoing one relies on.
func TestSampleArticleRepair(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatalf("the sample article is tracked in samples/ and must be there: %v", err)
	}
	in, err := preparer(t).Prepare(pipeline.IngestRequest{Text: string(raw), SourceLang: pipeline.English}, 0)
	if err != nil {
		t.Fatal(err)
	}
	body := in.Request.Text
	for _, c := range in.Repairs {
		line, col := position(body, c.Start)
		t.Logf("change %d:%d %q → %q (%s)", line, col, c.Before, c.After, c.Rule)
	}
	for _, q := range in.Questions {
		line, col := position(body, q.Start)
		t.Logf("question %d:%d %q %v: %s", line, col, q.Token, q.Candidates, q.Reason)
	}
	t.Logf("%d changes, %d questions, %d segments", len(in.Repairs), len(in.Questions), len(in.Segments))
	if in.Request.Format != pipeline.FormatText || in.SourceFormat != pipeline.FormatText {
		t.Errorf("format %q from %q, want text", in.Request.Format, in.SourceFormat)
	}
	if len(in.Repairs) < 10 {
		t.Errorf("only %d repairs on an article full of joined words", len(in.Repairs))
	}
	all := joinSegments(in.Segments)
	for _, want := range []string{"in Central Asia", "strategically important", "key tools"} {
		if !strings.Contains(all, want) {
			t.Errorf("segments lack the repaired %q", want)
		}
	}
	for _, bad := range []string{"inCentral", "strategicallyimportant"} {
		if strings.Contains(all, bad) {
			t.Errorf("segments still have %q", bad)
		}
	}
	// Undoing one change: the text re-prepared with the others gives the same segments except
	// where that change was.
	var rest []repair.Change
	undone := -1
	for i, c := range in.Repairs {
		if undone < 0 && c.Before == "inCentral" {
			undone = i
			continue
		}
		rest = append(rest, repair.Change{Start: c.Start, End: c.End, Before: c.Before, After: c.After, Rule: c.Rule})
	}
	if undone < 0 {
		t.Fatal("the repair of inCentral was not recorded")
	}
	_, segs, err := Parse(repair.Apply(body, rest), in.Request.Format, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != len(in.Segments) || !strings.Contains(joinSegments(segs), "inCentral") {
		t.Errorf("undo gave %d segments (was %d)", len(segs), len(in.Segments))
	}
	diff := 0
	for i := range segs {
		if segs[i].Hash != in.Segments[i].Hash {
			diff++
		}
	}
	if diff != 1 {
		t.Errorf("undoing one change altered %d segments", diff)
	}
}

func joinSegments(segs []pipeline.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text + "\n")
	}
	return b.String()
}

// position gives the 1-based line and column, in characters, of a byte offset.
func position(text string, off int) (int, int) {
	line, col := 1, 1
	for _, r := range text[:off] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func TestPrepareFormats(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile("../document/testdata/article-page.html")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("../document/testdata/article.docx")
	if err != nil {
		t.Fatal(err)
	}
	p := preparer(t)
	for _, tc := range []struct {
		name     string
		data     []byte
		declared pipeline.Format
		from     pipeline.Format
		title    string
	}{
		{"html detected", page, "", pipeline.FormatHTML, "Water and Power in Central Asia"},
		{"html declared", page, pipeline.FormatHTML, pipeline.FormatHTML, "Water and Power in Central Asia"},
		{"docx detected", docx, "", pipeline.FormatDOCX, "Kazakhstan and the SCO: A Decade of Security Cooperation"},
		{"docx declared", docx, pipeline.FormatDOCX, pipeline.FormatDOCX, "Kazakhstan and the SCO: A Decade of Security Cooperation"},
	} {
		in, err := p.Prepare(pipeline.IngestRequest{Text: string(tc.data), Format: tc.declared, SourceLang: pipeline.English}, 0)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if in.SourceFormat != tc.from || in.Request.Format != pipeline.FormatMarkdown || in.Doc.Title != tc.title {
			t.Errorf("%s: from %q stored as %q, title %q", tc.name, in.SourceFormat, in.Request.Format, in.Doc.Title)
		}
		marked := 0
		for _, s := range in.Segments {
			if s.Inline != "" {
				marked++
			}
		}
		if marked < 3 {
			t.Errorf("%s: only %d segments kept their links, emphasis or notes", tc.name, marked)
		}
	}
	for _, tc := range []struct {
		name     string
		data     string
		declared pipeline.Format
		id       string
		code     pipeline.Code
	}{
		{"docx sent as html", string(docx), pipeline.FormatHTML, "error.ingest.format_mismatch", pipeline.CodeInvalid},
		{"page sent as text", string(page), pipeline.FormatText, "error.ingest.format_mismatch", pipeline.CodeInvalid},
		{"text sent as docx", "Title\n\nJust text.", pipeline.FormatDOCX, "error.ingest.format_mismatch", pipeline.CodeInvalid},
		{"encrypted", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 600), "", "error.ingest.file_encrypted", pipeline.CodeInvalid},
		{"corrupt docx", string(docx[:len(docx)-200]), pipeline.FormatDOCX, "error.ingest.file_corrupt", pipeline.CodeInvalid},
		{"too large", strings.Repeat("Word. ", 100), pipeline.FormatText, "error.text_too_large", pipeline.CodeTooLarge},
	} {
		limit := 200
		if len(tc.data) > 1000 {
			limit = 0
		}
		_, err := p.Prepare(pipeline.IngestRequest{Text: tc.data, Format: tc.declared, SourceLang: pipeline.English}, limit)
		pe, ok := err.(*pipeline.Error)
		if !ok || pe.MessageID != tc.id || pe.Code != tc.code {
			t.Errorf("%s: error %v, want %s", tc.name, err, tc.id)
		}
	}
	// A pasted text with a tag or two in it is still text.
	if _, err := p.Prepare(pipeline.IngestRequest{Text: "Title\n\nThe <b>bold</b> claim stands.\n\nMore text here.",
		Format: pipeline.FormatText, SourceLang: pipeline.English}, 0); err != nil {
		t.Errorf("text with a tag: %v", err)
	}
}
