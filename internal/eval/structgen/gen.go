// Package structgen writes the article-structure corpus: articles put together from the checks
// corpus's sentences and the pools of content.go, each written out in one of the shapes an
// article reaches Tilmash in (Markdown with or without front matter, web pages of varied site
// templates, Word documents with varied styles, text copied from a PDF with its running headers,
// page numbers and per-page notes), with the gold list of blocks a reader should get: kind and
// text, and nothing of the page chrome.
package structgen

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Block is one gold block.
type Block struct {
	Kind string
	Text string
	refs []int // notes referenced at the end of this block (paragraphs)
}

// Article is one generated article in one language.
type Article struct {
	Lang      string
	Title     string
	Byline    string
	BylineTop bool
	Date      string
	ReadTime  string
	Body      []Block // heading, paragraph, quote, list_item, caption
	Notes     []string
}

// Gold lists the blocks a reader should get, in reading order: title, a byline under it, the
// body, a byline at the end, the notes.
func (a Article) Gold() []Block {
	out := []Block{{Kind: "title", Text: a.Title}}
	if a.Byline != "" && a.BylineTop {
		out = append(out, Block{Kind: "byline", Text: a.Byline})
	}
	for _, b := range a.Body {
		out = append(out, Block{Kind: b.Kind, Text: b.Text})
	}
	if a.Byline != "" && !a.BylineTop {
		out = append(out, Block{Kind: "byline", Text: a.Byline})
	}
	for _, n := range a.Notes {
		out = append(out, Block{Kind: "footnote", Text: n})
	}
	return out
}

// Sentences reads the sentences of the checks corpus by language.
func Sentences(unitsPath string) (map[string][]string, error) {
	f, err := os.Open(unitsPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ": ")
		// Sentences with inline markup of the checks (emphasis, links, notes, tags) are left out:
		// the structure gold holds plain text.
		if ok && len(k) == 2 && k != "uk" && !strings.ContainsAny(v, "*[]<>`_") {
			out[k] = append(out[k], v)
		}
	}
	return out, sc.Err()
}

// half returns the tune or held-out half of a pool.
func half(pool []string, heldout bool) []string {
	m := len(pool) / 2
	if heldout {
		return pool[m:]
	}
	return pool[:m]
}

func pick(r *rand.Rand, pool []string) string { return pool[r.IntN(len(pool))] }

// NewArticle composes an article: a title, up to three sections under headings, paragraphs of
// two or three sentences (the sentences of the tune and held-out splits never overlap), a quote,
// a list, a figure caption or two, notes referenced from paragraphs.
func NewArticle(r *rand.Rand, lang string, sents []string, heldout bool) Article {
	p := content[lang]
	a := Article{Lang: lang, Title: pick(r, half(p.titles, heldout))}
	if r.IntN(5) > 0 {
		a.Byline = pick(r, half(p.bylines, heldout))
		a.BylineTop = r.IntN(2) == 0
	}
	if r.IntN(3) > 0 {
		a.Date = pick(r, half(p.dates, heldout))
		if r.IntN(2) == 0 {
			a.ReadTime = fmt.Sprintf(pick(r, p.readTime), 3+r.IntN(12))
		}
	}
	pool := half(sents, heldout)
	sep := " "
	if lang == "zh" {
		sep = ""
	}
	para := func() Block {
		n := 2 + r.IntN(2)
		at := r.IntN(len(pool) - n)
		return Block{Kind: "paragraph", Text: strings.Join(pool[at:at+n], sep)}
	}
	headings := half(p.headings, heldout)
	r.Shuffle(len(headings), func(i, j int) { headings[i], headings[j] = headings[j], headings[i] })
	notes := half(p.notes, heldout)
	usedCaption := map[string]bool{}
	sections := 1 + r.IntN(3)
	for s := range sections {
		if s > 0 || r.IntN(2) == 0 {
			a.Body = append(a.Body, Block{Kind: "heading", Text: headings[s]})
		}
		for range 1 + r.IntN(3) {
			b := para()
			if len(a.Notes) < len(notes) && r.IntN(3) == 0 {
				a.Notes = append(a.Notes, notes[len(a.Notes)])
				b.refs = []int{len(a.Notes)}
			}
			a.Body = append(a.Body, b)
		}
		switch r.IntN(4) {
		case 0:
			a.Body = append(a.Body, Block{Kind: "quote", Text: pick(r, half(p.quotes, heldout))})
		case 1:
			items := half(p.items, heldout)
			for _, i := range r.Perm(len(items))[:2+r.IntN(2)] {
				a.Body = append(a.Body, Block{Kind: "list_item", Text: items[i]})
			}
		case 2:
			c := pick(r, half(p.captions, heldout))
			if !usedCaption[c] {
				usedCaption[c] = true
				a.Body = append(a.Body, Block{Kind: "caption", Text: c})
			}
		}
		a.Body = append(a.Body, para())
	}
	if len(a.Notes) == 0 && r.IntN(2) == 0 {
		// At least half of the articles carry a note.
		for i := range a.Body {
			if a.Body[i].Kind == "paragraph" {
				a.Notes = append(a.Notes, notes[0])
				a.Body[i].refs = []int{1}
				break
			}
		}
	}
	return a
}

// Shapes are the formats written per article.
var Shapes = []string{"md", "html", "docx", "txt"}

// Write writes n articles per language and shape into dir (tune or heldout), each as
// NAME.EXT with NAME.gold beside it.
func Write(dir string, sents map[string][]string, heldout bool, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	seed := uint64(1)
	if heldout {
		seed = 1000
	}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		for i := range n {
			for si, shape := range Shapes {
				r := rand.New(rand.NewPCG(seed, uint64(i*16+si)+uint64(len(lang)*7919)+uint64(lang[0])*131))
				a := NewArticle(r, lang, sents[lang], heldout)
				if shape == "txt" {
					a = ForText(a)
				}
				name := fmt.Sprintf("%s-%s-%02d", lang, shape, i+1)
				var data []byte
				var err error
				switch shape {
				case "md":
					data = []byte(Markdown(r, a, heldout))
				case "html":
					data = []byte(HTML(r, a, heldout))
				case "docx":
					data, err = DOCX(r, a, heldout)
				case "txt":
					data = []byte(PDFText(r, a, heldout))
				}
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dir, name+"."+shape), data, 0o644); err != nil {
					return err
				}
				if err := writeGold(dir, name, a); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func writeGold(dir, name string, a Article) error {
	var g strings.Builder
	for _, b := range a.Gold() {
		g.WriteString(b.Kind + "\t" + b.Text + "\n")
	}
	return os.WriteFile(filepath.Join(dir, name+".gold"), []byte(g.String()), 0o644)
}

// WriteSites writes n pages per language composed by SiteHTML into dir, as NAME.html
// ("en-site-01.html") with NAME.gold beside it. It runs after Write for both splits, so that the
// articles Write draws stay the same.
func WriteSites(dir string, sents map[string][]string, heldout bool, n int) error {
	seed := uint64(7)
	if heldout {
		seed = 7000
	}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		for i := range n {
			r := rand.New(rand.NewPCG(seed, uint64(i)+uint64(len(lang)*7919)+uint64(lang[0])*131))
			page, a := SiteHTML(r, NewArticle(r, lang, sents[lang], heldout), heldout)
			name := fmt.Sprintf("%s-site-%02d", lang, i+1)
			if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page), 0o644); err != nil {
				return err
			}
			if err := writeGold(dir, name, a); err != nil {
				return err
			}
		}
	}
	return nil
}
