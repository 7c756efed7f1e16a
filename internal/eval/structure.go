package eval

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/pipeline"
)

// The article-structure corpus lives in DIR/structure/<split>/: for every article NAME.EXT (md,
// html, docx, or txt for text copied from a PDF; NAME starts with the language) a NAME.gold
// lists the blocks a reader should get, one "kind<TAB>text" per line. It is written by
// internal/eval/structgen.

// StructureBlock is a block as the structure score compares it: its kind and its plain text,
// spaces collapsed.
type StructureBlock struct {
	Kind string
	Text string
}

// StructureCase is one scored article.
type StructureCase struct {
	Name  string // NAME.EXT
	Lang  string
	Shape string // md, html, docx, txt
	Gold  []StructureBlock
	Got   []StructureBlock
	Err   error
}

// Count is what a class or a case came to: gold blocks matched (kind and text), gold blocks
// missed, blocks read that are not in the gold, and of those, page chrome (text in no gold
// block of any kind, as opposed to a gold text read with the wrong kind or cut differently).
type Count struct {
	Cases, Exact     int
	NearlyRight      int // cases with at most two gold blocks missed and no chrome leaked
	Gold, TP, FP, FN int
	Leaks            int
}

func (c *Count) add(o Count) {
	c.Cases += o.Cases
	c.Exact += o.Exact
	c.NearlyRight += o.NearlyRight
	c.Gold += o.Gold
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
	c.Leaks += o.Leaks
}

// structureNorm is the text a block is compared by: spaces collapsed, no-break spaces made
// plain.
func structureNorm(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// ReadStructure parses one article of the corpus the way ingest does (web pages and Word
// documents through their Markdown), without the word repair, which the structure score leaves
// out.
func ReadStructure(name string, data []byte, lang pipeline.Lang) ([]StructureBlock, error) {
	var doc pipeline.Document
	var err error
	switch path.Ext(name) {
	case ".md":
		doc, err = document.ParseMarkdownMarkup(string(data), lang)
	case ".html":
		var md string
		md, err = document.HTMLToMarkdown(string(data))
		if err == nil {
			doc, err = document.ParseMarkdownMarkup(md, lang)
		}
	case ".docx":
		var md string
		md, err = document.DOCXToMarkdown(data)
		if err == nil {
			doc, err = document.ParseMarkdownMarkup(md, lang)
		}
	default:
		doc, err = document.Parse(string(data), pipeline.FormatText, lang)
	}
	if err != nil {
		return nil, err
	}
	var out []StructureBlock
	for _, b := range doc.Blocks {
		out = append(out, StructureBlock{Kind: string(b.Kind), Text: structureNorm(pipeline.StripPlaceholdersOf(b.Text, b.Inline))})
	}
	return out, nil
}

// LoadStructure reads and parses every article of one split.
func LoadStructure(root fs.FS, split string) ([]StructureCase, error) {
	dir := path.Join("structure", split)
	entries, err := fs.ReadDir(root, dir)
	if err != nil {
		return nil, err
	}
	var out []StructureCase
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) == ".gold" {
			continue
		}
		base := strings.TrimSuffix(e.Name(), path.Ext(e.Name()))
		goldData, err := fs.ReadFile(root, path.Join(dir, base+".gold"))
		if err != nil {
			return nil, err
		}
		data, err := fs.ReadFile(root, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		lang, _, _ := strings.Cut(base, "-")
		c := StructureCase{Name: e.Name(), Lang: lang, Shape: strings.TrimPrefix(path.Ext(e.Name()), ".")}
		for _, l := range strings.Split(strings.TrimRight(string(goldData), "\n"), "\n") {
			k, t, _ := strings.Cut(l, "\t")
			c.Gold = append(c.Gold, StructureBlock{Kind: k, Text: structureNorm(t)})
		}
		c.Got, c.Err = ReadStructure(e.Name(), data, pipeline.Lang(lang))
		out = append(out, c)
	}
	return out, nil
}

// Score compares a case's blocks with its gold as multisets of (kind, text), per kind.
func (c StructureCase) Score() (total Count, byKind map[string]*Count) {
	byKind = map[string]*Count{}
	kc := func(k string) *Count {
		if byKind[k] == nil {
			byKind[k] = &Count{}
		}
		return byKind[k]
	}
	want := map[StructureBlock]int{}
	texts := map[string]bool{}
	for _, g := range c.Gold {
		want[g]++
		texts[g.Text] = true
		kc(g.Kind).Gold++
	}
	for _, g := range c.Got {
		if want[g] > 0 {
			want[g]--
			kc(g.Kind).TP++
			continue
		}
		kc(g.Kind).FP++
		if !texts[g.Text] && !partOfGold(g.Text, c.Gold) {
			kc(g.Kind).Leaks++
		}
	}
	for g, n := range want {
		kc(g.Kind).FN += n
	}
	for _, k := range byKind {
		total.add(*k)
	}
	total.Cases = 1
	if total.FP == 0 && total.FN == 0 && c.Err == nil {
		total.Exact = 1
	}
	if total.FN <= 2 && total.Leaks == 0 && c.Err == nil {
		total.NearlyRight = 1
	}
	return total, byKind
}

// partOfGold reports text that is a piece of a gold block or holds one: a block cut in two or
// two glued together, which is a structure mistake but not chrome.
func partOfGold(s string, gold []StructureBlock) bool {
	for _, g := range gold {
		if len(s) > 0 && (strings.Contains(g.Text, s) || strings.Contains(s, g.Text)) {
			return true
		}
	}
	return false
}

// WriteStructureReport prints one split's scores: per shape and language the articles fully
// right, the gold blocks found and the chrome leaked; then precision and recall per block kind
// and language. verbose lists every wrong block.
func WriteStructureReport(w io.Writer, split string, cases []StructureCase, verbose bool) {
	type key struct{ shape, lang string }
	rows := map[key]*Count{}
	kinds := map[string]map[string]*Count{}
	all := &Count{}
	for _, c := range cases {
		t, bk := c.Score()
		for _, k := range []key{{c.Shape, c.Lang}, {c.Shape, "all"}} {
			if rows[k] == nil {
				rows[k] = &Count{}
			}
			rows[k].add(t)
		}
		all.add(t)
		for kind, kcnt := range bk {
			if kinds[kind] == nil {
				kinds[kind] = map[string]*Count{}
			}
			for _, l := range []string{c.Lang, "all"} {
				if kinds[kind][l] == nil {
					kinds[kind][l] = &Count{}
				}
				kinds[kind][l].add(*kcnt)
			}
		}
		if verbose && t.Exact == 0 {
			fmt.Fprintf(w, "  %s/%s:", split, c.Name)
			if c.Err != nil {
				fmt.Fprintf(w, " error %v", c.Err)
			}
			fmt.Fprintln(w)
			writeBlockDiff(w, c)
		}
	}
	fmt.Fprintf(w, "structure / %s: %d articles, %d fully right, %d of %d gold blocks found, %d blocks wrong, %d pieces of chrome leaked\n",
		split, all.Cases, all.Exact, all.TP, all.Gold, all.FP, all.Leaks)
	fmt.Fprintf(w, "%-6s %-4s %6s %7s %9s %12s %6s %6s\n", "shape", "lang", "cases", "exact", "≤2 short", "found/gold", "wrong", "leaks")
	var keys []key
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].shape != keys[j].shape {
			return keys[i].shape < keys[j].shape
		}
		return keys[i].lang < keys[j].lang
	})
	for _, k := range keys {
		r := rows[k]
		fmt.Fprintf(w, "%-6s %-4s %6d %7d %9d %12s %6d %6d\n", k.shape, k.lang, r.Cases, r.Exact, r.NearlyRight, fmt.Sprintf("%d/%d", r.TP, r.Gold), r.FP, r.Leaks)
	}
	fmt.Fprintf(w, "%-10s %-4s %9s %7s %6s\n", "kind", "lang", "precision", "recall", "gold")
	var kindNames []string
	for k := range kinds {
		kindNames = append(kindNames, k)
	}
	sort.Strings(kindNames)
	for _, k := range kindNames {
		var langs []string
		for l := range kinds[k] {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			c := kinds[k][l]
			fmt.Fprintf(w, "%-10s %-4s %9.3f %7.3f %6d\n", k, l, ratioOf(c.TP, c.TP+c.FP), ratioOf(c.TP, c.TP+c.FN), c.Gold)
		}
	}
	fmt.Fprintln(w)
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// writeBlockDiff lists the gold blocks not read and the blocks read that are not in the gold.
func writeBlockDiff(w io.Writer, c StructureCase) {
	want := map[StructureBlock]int{}
	for _, g := range c.Gold {
		want[g]++
	}
	have := map[StructureBlock]int{}
	for _, g := range c.Got {
		have[g]++
	}
	for _, g := range c.Gold {
		if have[g] > 0 {
			have[g]--
			continue
		}
		fmt.Fprintf(w, "    - %s\t%s\n", g.Kind, clip(g.Text))
	}
	have = map[StructureBlock]int{}
	for _, g := range c.Gold {
		have[g]++
	}
	for _, g := range c.Got {
		if have[g] > 0 {
			have[g]--
			continue
		}
		fmt.Fprintf(w, "    + %s\t%s\n", g.Kind, clip(g.Text))
	}
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}
