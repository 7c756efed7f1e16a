package eval

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/pipeline"
)

func init() { Register(&structureStage{}) }

// The article-structure corpus lives in DIR/structure/<split>/: for every article NAME.EXT
// (md, html, docx, or txt for text copied from a PDF; NAME starts with the language) a
// NAME.gold lists the blocks a reader should get, one "kind<TAB>text" per line. It is written
// by internal/eval/structgen (go run ./internal/eval/structgen/gen), and the text copied from
// PDFs set from its Word documents by go run ./internal/eval/structgen/pdfcopy.
//
// Each article gives several cases, one per class (and a hand-written article, named
// "<lang>-hand-<shape of site>", also "hand/article/<shape>" and "hand/nearly/<shape>"; a page
// composed by structgen.SiteHTML, "<lang>-site-NN.html", also "site/article/html" and
// "site/chrome"; text copied from a PDF of a Word document, "<lang>-pdfcopy-<document>.txt",
// also "pdfcopy/article/pdf-text", "pdfcopy/nearly/pdf-text" and "pdfcopy/chrome"; text copied
// from a PDF of a Word document written from a hand-written web page's or Markdown article's
// gold, "<lang>-pdfcopy2-hand-<shape>.txt", the same under "pdfcopy2/"):
//
//   - "article/<shape>": the whole article; exact when every block is read with its kind and
//     text and nothing else is; a positive is a block (kind and text).
//   - "nearly/<shape>": exact when at most two gold blocks are missed and no page chrome leaked
//     (the bar for text copied from a PDF, where some paragraph breaks are lost for good).
//   - "kind/<kind>": the blocks of one kind (title, heading, paragraph, quote, list_item,
//     caption, footnote, byline).
//   - "chrome": a positive is a block read; a false positive is one whose text is in no gold
//     block (navigation, footers, running headers, dates, scripts), so precision is the share
//     of what was read that is article text.

// structureBlock is a block as the structure score compares it: its kind and its plain text,
// spaces collapsed.
type structureBlock struct {
	Kind string
	Text string
}

type structureStage struct {
	parsed map[string][]structureBlock // by file, parsed once for all its cases
	errs   map[string]error
}

func (*structureStage) Name() string           { return "structure" }
func (*structureStage) Goal() Goal             { return Goal{Precision: 0.95, Recall: 0.95} }
func (*structureStage) Langs() []pipeline.Lang { return pipeline.Languages }
func (s *structureStage) Prepare() error {
	s.parsed, s.errs = map[string][]structureBlock{}, map[string]error{}
	return nil
}

// shapeNames names the formats in the report.
var shapeNames = map[string]string{".md": "md", ".html": "html", ".docx": "docx", ".txt": "pdf-text"}

// LoadCases lists the cases of every article of a split. A case's Lines hold the article's
// bytes and then its gold lines.
func (s *structureStage) LoadCases(root fs.FS, split string) ([]Case, error) {
	dir := path.Join("structure", split)
	entries, err := fs.ReadDir(root, dir)
	if err != nil {
		if errorsIsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []Case
	for _, e := range entries {
		shape, ok := shapeNames[path.Ext(e.Name())]
		if e.IsDir() || !ok {
			continue
		}
		name := path.Join(dir, e.Name())
		base := strings.TrimSuffix(name, path.Ext(name))
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return nil, err
		}
		gold, err := fs.ReadFile(root, base+".gold")
		if err != nil {
			return nil, err
		}
		langName, _, _ := strings.Cut(path.Base(base), "-")
		lang, err := pipeline.ParseLang(langName)
		if err != nil {
			return nil, fmt.Errorf("%s: the file name must start with a language: %w", name, err)
		}
		lines := append([]string{string(data)}, strings.Split(strings.TrimRight(string(gold), "\n"), "\n")...)
		c := Case{Stage: "structure", Split: split, Lang: lang, File: name, Line: 1, Lines: lines}
		kinds := map[string]bool{}
		for _, g := range lines[1:] {
			k, _, _ := strings.Cut(g, "\t")
			kinds[k] = true
		}
		classes := []string{"article/" + shape, "nearly/" + shape, "chrome"}
		if handWritten(name) {
			classes = append(classes, "hand/article/"+shape, "hand/nearly/"+shape)
		}
		if composedSite(name) {
			classes = append(classes, "site/article/"+shape, "site/chrome")
		}
		if p := pdfCopied(name); p != "" {
			classes = append(classes, p+"/article/"+shape, p+"/nearly/"+shape, p+"/chrome")
		}
		for _, k := range sortedKeys(kinds) {
			classes = append(classes, "kind/"+k)
		}
		for _, cl := range classes {
			c.Class = cl
			out = append(out, c)
		}
	}
	return out, nil
}

// handWritten reports an article written by hand after the shape of a real site, editor or PDF
// ("en-hand-ghost.html") rather than by structgen: its classes are also reported apart, since
// the generated corpus shares the templates the readers were built against.
func handWritten(name string) bool {
	_, rest, _ := strings.Cut(path.Base(name), "-")
	return strings.HasPrefix(rest, "hand-")
}

// composedSite reports a page that structgen composed from independent choices of markup and
// chrome ("en-site-03.html", written by SiteHTML); its classes are also reported apart.
func composedSite(name string) bool {
	_, rest, _ := strings.Cut(path.Base(name), "-")
	return strings.HasPrefix(rest, "site-")
}

// pdfCopied names the class prefix of text copied from a PDF that LibreOffice set from a Word
// document (written by internal/eval/structgen/pdfcopy): real page layout, running headers,
// page numbers and notes at the foot of the page, so its classes are also reported apart.
// "pdfcopy" is a copy of one of the corpus's Word documents ("en-pdfcopy-docx-03.txt");
// "pdfcopy2" one of a document written from the gold of a hand-written web page or Markdown
// article ("en-pdfcopy2-hand-ghost.txt"), text the readers' rules for PDF copies were not built
// against. "" is neither.
func pdfCopied(name string) string {
	_, rest, _ := strings.Cut(path.Base(name), "-")
	switch {
	case strings.HasPrefix(rest, "pdfcopy-"):
		return "pdfcopy"
	case strings.HasPrefix(rest, "pdfcopy2-"):
		return "pdfcopy2"
	}
	return ""
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Score compares what the importers read from the article with its gold, for the case's class.
func (s *structureStage) Score(c Case) (Tally, string, error) {
	if s.parsed == nil {
		_ = s.Prepare()
	}
	got, seen := s.parsed[c.File]
	if !seen {
		got, s.errs[c.File] = readStructure(c.File, []byte(c.Lines[0]), c.Lang)
		s.parsed[c.File] = got
	}
	if err := s.errs[c.File]; err != nil {
		return Tally{Cases: 1, FN: len(c.Lines) - 1}, "error " + err.Error(), nil
	}
	var gold []structureBlock
	for _, l := range c.Lines[1:] {
		k, t, _ := strings.Cut(l, "\t")
		gold = append(gold, structureBlock{Kind: k, Text: structureNorm(t)})
	}
	kind, _ := strings.CutPrefix(c.Class, "kind/")
	if !strings.HasPrefix(c.Class, "kind/") {
		kind = ""
	}
	t, leaks, missed, extra := compareBlocks(gold, got, kind)
	t.Cases = 1
	switch {
	case c.Class == "chrome", c.Class == "site/chrome", c.Class == "pdfcopy/chrome", c.Class == "pdfcopy2/chrome":
		t = Tally{Cases: 1, TP: len(got) - leaks, FP: leaks}
		if leaks == 0 {
			t.Exact = 1
		}
	case strings.HasPrefix(c.Class, "nearly/"), strings.HasPrefix(c.Class, "hand/nearly/"), strings.HasPrefix(c.Class, "pdfcopy/nearly/"), strings.HasPrefix(c.Class, "pdfcopy2/nearly/"):
		if t.FN <= 2 && leaks == 0 {
			t.Exact = 1
		}
	default:
		if t.FP == 0 && t.FN == 0 {
			t.Exact = 1
		}
	}
	if t.Exact == 1 || strings.HasPrefix(c.Class, "kind/") || strings.HasSuffix(c.Class, "chrome") {
		return t, "", nil
	}
	var b strings.Builder
	for _, m := range missed {
		b.WriteString("\n    - " + m.Kind + "\t" + clip(m.Text))
	}
	for _, m := range extra {
		b.WriteString("\n    + " + m.Kind + "\t" + clip(m.Text))
	}
	return t, fmt.Sprintf("%d missed, %d extra, %d chrome%s", len(missed), len(extra), leaks, b.String()), nil
}

// compareBlocks compares gold and got as multisets of (kind, text), restricted to one kind
// unless kind is "". leaks counts the blocks read whose text is in no gold block and is no
// piece of one (page chrome, as opposed to article text cut or read with the wrong kind).
func compareBlocks(gold, got []structureBlock, kind string) (t Tally, leaks int, missed, extra []structureBlock) {
	want := map[structureBlock]int{}
	texts := map[string]bool{}
	for _, g := range gold {
		texts[g.Text] = true
		if kind == "" || g.Kind == kind {
			want[g]++
		}
	}
	for _, g := range got {
		if !texts[g.Text] && !partOfGold(g.Text, gold) {
			leaks++
		}
		if kind != "" && g.Kind != kind {
			continue
		}
		if want[g] > 0 {
			want[g]--
			t.TP++
			continue
		}
		t.FP++
		extra = append(extra, g)
	}
	for _, g := range gold {
		if want[g] > 0 {
			want[g]--
			t.FN++
			missed = append(missed, g)
		}
	}
	return t, leaks, missed, extra
}

// structureNorm is the text a block is compared by: spaces collapsed, no-break spaces made
// plain.
func structureNorm(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// readStructure parses one article the way ingest does (web pages and Word documents through
// their Markdown), without the word repair, which this score leaves out.
func readStructure(name string, data []byte, lang pipeline.Lang) ([]structureBlock, error) {
	var doc pipeline.Document
	var err error
	switch path.Ext(name) {
	case ".md":
		doc, err = document.ParseMarkdownMarkup(string(data), lang)
	case ".html":
		var md string
		if md, err = document.HTMLToMarkdown(string(data)); err == nil {
			doc, err = document.ParseMarkdownMarkup(md, lang)
		}
	case ".docx":
		var md string
		if md, err = document.DOCXToMarkdown(data); err == nil {
			doc, err = document.ParseMarkdownMarkup(md, lang)
		}
	default:
		doc, err = document.Parse(string(data), pipeline.FormatText, lang)
	}
	if err != nil {
		return nil, err
	}
	out := make([]structureBlock, 0, len(doc.Blocks))
	for _, b := range doc.Blocks {
		out = append(out, structureBlock{Kind: string(b.Kind), Text: structureNorm(pipeline.StripPlaceholdersOf(b.Text, b.Inline))})
	}
	return out, nil
}

// partOfGold reports text that is a piece of a gold block or holds one: a block cut in two or
// two glued together, which is a structure mistake but not chrome.
func partOfGold(s string, gold []structureBlock) bool {
	for _, g := range gold {
		if s != "" && (strings.Contains(g.Text, s) || strings.Contains(s, g.Text)) {
			return true
		}
	}
	return false
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}
