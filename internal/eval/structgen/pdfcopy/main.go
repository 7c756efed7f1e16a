// Command pdfcopy derives article-structure cases of text copied from real PDFs: every Word
// document of the corpus (testdata/eval/structure/<split>/<lang>-docx-NN.docx and
// <lang>-hand-NAME.docx) is given what a report printed to PDF has, set by LibreOffice into a
// PDF, and its text taken out by poppler the way a reader copying from a PDF viewer gets it. The
// result is <lang>-pdfcopy-<source>.txt beside a copy of the source's gold,
// <lang>-pdfcopy-<source>.gold, in the source's split: the running header, the page numbers and
// the note numbers are chrome a reader must drop, and the notes, set at the foot of their page,
// are the same notes.
//
// It needs LibreOffice Writer (soffice) and poppler's pdftotext and pdfinfo (the Debian packages
// libreoffice-writer-nogui and poppler-utils, with fonts-liberation2, whose fonts have the
// Kazakh letters, and fonts-noto-cjk for Chinese), so it is not run
// by the tests: the .txt and .gold files it writes are committed. Run it from the repository
// root after the sources change:
//
//	go run ./internal/eval/structgen/pdfcopy [-seed N] [-keep DIR]
//	go run ./internal/eval/structgen/pdfcopy -gold [-seed N] [-keep DIR]
//
// -keep leaves the PDFs in DIR to look at. -gold derives instead <lang>-pdfcopy2-hand-NAME
// from Word documents written from the golds of the hand-written web pages and Markdown
// articles (see gold.go): new text, through the same dressing and copying.
//
// What the document is given, each by a choice seeded by the file's name:
//   - a running header with the name of an institution or a series (on every page, or on every
//     page but the first), unless the document has a header of its own;
//   - a footer with the page number ("3", "Page 3 of 5", "— 3 —", "3 / 5", the series' name and
//     the number), unless the document has a footer of its own;
//   - where its styles say nothing of the look, a body font and size, paragraphs set apart by
//     space or by a first-line indent, left-aligned or justified, headings and the title larger
//     and bold, quotations indented, captions and notes smaller, bullets drawn; a list level
//     with no marker text gets one;
//   - a page size and margins (A4, A5, B5, Letter or 6×9 in) that make the article run over two
//     or more pages: the type enlarged and the column narrowed until it does, then headings set
//     to start a new page, then the title set on a page of its own (a short article has no
//     other way to a second page).
//
// A package whose parts (styles, numbering, notes) are not linked from the document gets the
// links Word writes, since LibreOffice does not open it otherwise.
//
// How the text is copied, by a seeded choice per file:
//   - "pdftotext": pdftotext's default reading order, the pages one after another (the form feed
//     between pages dropped), with the empty lines it puts between text flows;
//   - "raw": pdftotext -raw, the text in the order the PDF draws it;
//   - "lines": the default reading order with no empty lines, one text line a line, as a viewer
//     built on poppler (Evince, Okular) copies a selection of all pages;
//   - "blocks": every text block poppler finds (pdftotext -bbox-layout) copied as one line, its
//     lines joined by a space (with none between CJK characters), as a viewer that rebuilds
//     paragraphs before copying gives it; a block may hold several paragraphs set close.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"html"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	root := flag.String("dir", filepath.Join("testdata", "eval", "structure"), "the structure corpus")
	seed := flag.Int64("seed", 1, "seed of the choices")
	keep := flag.String("keep", "", "leave the PDFs in this folder")
	only := flag.String("only", "", "derive only sources whose name holds this")
	fromGold := flag.Bool("gold", false, "write Word documents from the golds of the hand-written web pages and Markdown articles (<lang>-pdfcopy2-<source>)")
	flag.Parse()
	work, err := os.MkdirTemp("", "pdfcopy")
	if err != nil {
		fail(err)
	}
	defer func() { _ = os.RemoveAll(work) }() // a scratch folder of the machine's temporary space
	for _, split := range []string{"tune", "heldout"} {
		dir := filepath.Join(*root, split)
		if *fromGold {
			if err := deriveFromGolds(dir, split, *only, *seed, work, *keep); err != nil {
				fail(err)
			}
			continue
		}
		names, err := filepath.Glob(filepath.Join(dir, "*.docx"))
		if err != nil {
			fail(err)
		}
		sort.Strings(names)
		for _, name := range names {
			base := strings.TrimSuffix(filepath.Base(name), ".docx")
			lang, rest, _ := strings.Cut(base, "-")
			if !strings.HasPrefix(rest, "docx-") && !strings.HasPrefix(rest, "hand-") || !strings.Contains(base, *only) {
				continue
			}
			out := lang + "-pdfcopy-" + rest
			r := rand.New(rand.NewSource(*seed ^ int64(hash(base))))
			info, err := derive(name, filepath.Join(dir, out), lang, r, work, *keep)
			if err != nil {
				fail(fmt.Errorf("%s: %w", name, err))
			}
			fmt.Printf("%s/%s\t%s\n", split, out, info)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "pdfcopy:", err)
	os.Exit(1)
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// look is what the document is given.
type look struct {
	lang      string
	header    string // running header; "" keeps the document's own
	footer    string // footer pattern, {p} and {n} for the page and the page count
	headerJc  string
	footerJc  string
	firstPage bool // no running header on the first page
	pageW     int  // twips
	pageH     int
	margin    int
	size      int // body size in half-points
	serif     bool
	indent    bool // first-line indent rather than space between paragraphs
	justify   bool
	copy      string

	ownHeader, ownFooter bool    // the document has a header or footer of its own
	breakSections        bool    // headings start a new page
	cover                bool    // the title stands on a page of its own
	scale                float64 // sizes of a document with a look of its own are multiplied by this
}

// ems is the width of the column in ems of the body type.
func (l look) ems() float64 {
	return float64(l.pageW-2*l.margin) / 20 / (float64(l.size) / 2)
}

var pages = []struct {
	name         string
	w, h, margin int
	size         int // half-points
}{
	{"A4", 11906, 16838, 1701, 26},
	{"A5", 8391, 11906, 1134, 22},
	{"B5", 9979, 14173, 1247, 22},
	{"Letter", 12240, 15840, 1800, 26},
	{"6x9in", 8640, 12960, 1080, 22},
}

var series = map[string][]string{
	"en": {"Central Asia Policy Review", "Institute for Regional Studies · Working Paper Series", "Caspian Research Centre — Occasional Papers", "Eurasian Economic Outlook 2024", "Silk Road Studies Programme"},
	"ru": {"Вестник региональных исследований", "Институт стратегических исследований · Аналитический доклад", "Центрально-азиатское обозрение, № 3 (2024)", "Серия «Экономика и политика»", "Научные записки института"},
	"kk": {"Аймақтық зерттеулер институты", "Қазақстан экономикалық шолуы, № 2 (2024)", "Стратегиялық зерттеулер орталығы · Талдамалық баяндама", "Орталық Азия зерттеулері", "Ғылыми жазбалар сериясы"},
	"zh": {"中亚研究所工作论文", "区域发展研究报告（2024）", "丝绸之路经济带研究 · 第3期", "欧亚经济评论", "国际问题研究中心"},
}

var footers = map[string][]string{
	"en": {"{p}", "Page {p} of {n}", "— {p} —", "{p} / {n}", "{s} | {p}", "Page {p}"},
	"ru": {"{p}", "Страница {p} из {n}", "– {p} –", "{p} / {n}", "{s} | {p}", "Стр. {p}"},
	"kk": {"{p}", "{p}-бет", "– {p} –", "{p} / {n}", "{s} | {p}", "Бет {p}"},
	"zh": {"{p}", "第 {p} 页 共 {n} 页", "- {p} -", "{p} / {n}", "{s} | {p}", "第{p}页"},
}

var copies = []string{"pdftotext", "raw", "lines", "blocks"}

func choose(lang string, r *rand.Rand) look {
	l := look{lang: lang}
	ss := series[lang]
	s := ss[r.Intn(len(ss))]
	l.header = s
	fs := footers[lang]
	l.footer = strings.ReplaceAll(fs[r.Intn(len(fs))], "{s}", s)
	jcs := []string{"left", "center", "right"}
	l.headerJc, l.footerJc = jcs[r.Intn(3)], jcs[1+r.Intn(2)]
	l.firstPage = r.Intn(3) == 0
	p := pages[r.Intn(len(pages))]
	l.pageW, l.pageH, l.margin, l.size = p.w, p.h, p.margin, p.size
	l.serif = r.Intn(3) != 0
	l.indent = r.Intn(3) == 0
	l.justify = r.Intn(2) == 0
	l.copy = copies[r.Intn(len(copies))]
	return l
}

func (l look) String() string {
	if l.ownHeader {
		l.header = "(its own)"
	}
	if l.ownFooter {
		l.footer = "(its own)"
	}
	return fmt.Sprintf("page %dx%d margin %d size %d ems %.0f serif=%v indent=%v justify=%v breaks=%v cover=%v header=%q first=%v footer=%q copy=%s",
		l.pageW, l.pageH, l.margin, l.size/2, l.ems(), l.serif, l.indent, l.justify && l.ems() >= 30, l.breakSections, l.cover, l.header, l.firstPage, l.footer, l.copy)
}

func derive(src, out, lang string, r *rand.Rand, work, keep string) (string, error) {
	parts, order, err := readZip(src)
	if err != nil {
		return "", err
	}
	gold, err := os.ReadFile(strings.TrimSuffix(src, ".docx") + ".gold")
	if err != nil {
		return "", err
	}
	return setAndCopy(parts, order, gold, out, lang, r, work, keep)
}

// setAndCopy dresses the Word document given by its parts, sets it into a PDF, copies its
// text and writes the copy and the gold beside out.
func setAndCopy(parts map[string][]byte, order []string, gold []byte, out, lang string, r *rand.Rand, work, keep string) (string, error) {
	l := choose(lang, r)
	l.ownHeader = bytes.Contains(parts[docPart], []byte("w:headerReference"))
	l.ownFooter = bytes.Contains(parts[docPart], []byte("w:footerReference"))
	base := filepath.Base(out)
	var pdf string
	n := 0
	size0 := l.size
	ownLook := bytes.Contains(parts["word/styles.xml"], []byte("<w:docDefaults"))
	for try := 0; ; try++ {
		data, err := dress(parts, order, l, try)
		if err != nil {
			return "", err
		}
		docx := filepath.Join(work, base+".docx")
		if err := os.WriteFile(docx, data, 0o644); err != nil {
			return "", err
		}
		pdf = filepath.Join(work, base+".pdf")
		_ = os.Remove(pdf) // a PDF of an earlier run, if there is one
		cmd := exec.Command("soffice", "--headless", "--convert-to", "pdf", "--outdir", work, docx)
		if o, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("soffice: %v: %s", err, o)
		}
		if _, err := os.Stat(pdf); err != nil {
			return "", fmt.Errorf("soffice made no PDF of %s", docx)
		}
		if n, err = pageCount(pdf); err != nil {
			return "", err
		}
		if n >= 2 || l.cover {
			break
		}
		// One page: larger type and a narrower column, as a booklet would be set, up to 4 points
		// more and a column of 24 ems; then sections that start on a new page; then a title
		// page.
		switch {
		case l.size < size0+8:
			l.size += 2
			if ownLook {
				l.scale = float64(l.size) / float64(size0)
			}
			if wider := (look{pageW: l.pageW, margin: l.margin + l.pageW/40, size: l.size}); wider.ems() >= 24 {
				l.margin = wider.margin
			}
		case !l.breakSections:
			l.breakSections = true
		default:
			l.cover = true
		}
	}
	text, err := copyText(pdf, l.copy)
	if err != nil {
		return "", err
	}
	if keep != "" {
		dir := filepath.Join(keep, filepath.Base(filepath.Dir(out)))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		b, err := os.ReadFile(pdf)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, base+".pdf"), b, 0o644); err != nil {
			return "", err
		}
	}
	if err := os.WriteFile(out+".txt", []byte(text), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(out+".gold", gold, 0o644); err != nil {
		return "", err
	}
	return fmt.Sprintf("pages=%d %s lost=%s", n, l, lost(string(gold), text)), nil
}

// lost counts the pieces of gold text (runs of 10 letters, spaces left out) that the copy does
// not hold, against fonts without a glyph or text the PDF does not show; a few are pieces cut
// by a page break or a note number.
func lost(gold, text string) string {
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	t := squeeze(text)
	all, miss := 0, 0
	for _, line := range strings.Split(gold, "\n") {
		_, g, _ := strings.Cut(line, "\t")
		rs := []rune(squeeze(html.UnescapeString(g)))
		for i := 0; i+10 <= len(rs); i += 10 {
			all++
			if !strings.Contains(t, string(rs[i:i+10])) {
				miss++
			}
		}
	}
	return fmt.Sprintf("%d/%d", miss, all)
}

func pageCount(pdf string) (int, error) {
	o, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		return 0, fmt.Errorf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(o)
	if m == nil {
		return 0, errors.New("pdfinfo gave no page count")
	}
	return strconv.Atoi(string(m[1]))
}

// copyText takes the text out of the PDF the way the chosen copy gives it.
func copyText(pdf, how string) (string, error) {
	run := func(args ...string) (string, error) {
		o, err := exec.Command("pdftotext", append(args, pdf, "-")...).Output()
		if err != nil {
			return "", fmt.Errorf("pdftotext %v: %v", args, err)
		}
		return string(o), nil
	}
	if how == "raw" {
		t, err := run("-raw")
		return strings.ReplaceAll(t, "\f", ""), err
	}
	plain, err := run()
	if err != nil {
		return "", err
	}
	layout, err := run("-bbox-layout")
	if err != nil {
		return "", err
	}
	blocks := layoutBlocks(layout)
	plain = strings.ReplaceAll(keepHyphens(plain, blocks), "\f", "")
	switch how {
	case "pdftotext":
		return plain, nil
	case "lines":
		return strings.Join(textLines(plain), "\n") + "\n", nil
	case "blocks":
		return joinBlocks(textLines(plain), blocks)
	}
	return "", fmt.Errorf("unknown copy %q", how)
}

func textLines(t string) []string {
	var out []string
	for _, l := range strings.Split(t, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// layoutBlocks reads pdftotext -bbox-layout: the blocks of every page in reading order, each
// a list of lines, each the words of the line.
func layoutBlocks(layout string) [][][]string {
	var blocks [][][]string
	dec := xml.NewDecoder(strings.NewReader(layout))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	inWord := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "block":
				blocks = append(blocks, nil)
			case "line":
				b := &blocks[len(blocks)-1]
				*b = append(*b, nil)
			case "word":
				inWord = true
				b := blocks[len(blocks)-1]
				b[len(b)-1] = append(b[len(b)-1], "")
			}
		case xml.EndElement:
			if t.Name.Local == "word" {
				inWord = false
			}
		case xml.CharData:
			if inWord {
				b := blocks[len(blocks)-1]
				l := b[len(b)-1]
				l[len(l)-1] += string(t)
			}
		}
	}
	return blocks
}

// keepHyphens undoes pdftotext's joining of a line that ends in a hyphen with the next line,
// the hyphen dropped ("Trans-" / "Caspian" printed "TransCaspian"): a viewer's copy keeps the
// hyphen and the line break, and the hyphen of a compound is part of the text.
func keepHyphens(plain string, blocks [][][]string) string {
	var b strings.Builder
	rest := plain
	for _, block := range blocks {
		for i := 0; i+1 < len(block); i++ {
			line, next := block[i], block[i+1]
			if len(line) == 0 || len(next) == 0 {
				continue
			}
			last := line[len(line)-1]
			stem, ok := strings.CutSuffix(last, "-")
			if !ok || stem == "" {
				continue
			}
			joined := stem + next[0]
			if k := strings.Index(rest, joined); k >= 0 && !strings.HasPrefix(rest[k:], last) {
				b.WriteString(rest[:k] + last + "\n")
				rest = rest[k+len(stem):]
			}
		}
	}
	b.WriteString(rest)
	return b.String()
}

// joinBlocks joins the lines of every block of poppler's layout analysis. The lines' text is
// taken from the default output, which prints the same lines in the same order, so that the
// spacing within a line is pdftotext's own.
func joinBlocks(lines []string, blocks [][][]string) (string, error) {
	total := 0
	for _, b := range blocks {
		total += len(b)
	}
	if total != len(lines) {
		return "", fmt.Errorf("the layout has %d lines, the text %d", total, len(lines))
	}
	var b strings.Builder
	i := 0
	for _, bl := range blocks {
		n := len(bl)
		for j := 0; j < n; j++ {
			l := strings.TrimSpace(lines[i+j])
			// A line that ends in a hyphen runs on into the next with no space.
			if j > 0 {
				if prev := strings.TrimSpace(lines[i+j-1]); !cjkJoin(prev, l) && !strings.HasSuffix(prev, "-") {
					b.WriteByte(' ')
				}
			}
			b.WriteString(l)
		}
		if n > 0 {
			b.WriteByte('\n')
		}
		i += n
	}
	return b.String(), nil
}

// cjkJoin reports lines joined with no space: Chinese runs on across a line end.
func cjkJoin(prev, next string) bool {
	p := []rune(strings.TrimSpace(prev))
	n := []rune(next)
	if len(p) == 0 || len(n) == 0 {
		return false
	}
	return cjk(p[len(p)-1]) || cjk(n[0])
}

func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

func readZip(name string) (map[string][]byte, []string, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = zr.Close() }() // read only
	parts := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
		parts[f.Name] = b.Bytes()
		order = append(order, f.Name)
	}
	return parts, order, nil
}
