package interchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestToolkitReadsXLIFF12 has translate-toolkit read the XLIFF 1.2 Tilmash writes for each
// language, unit for unit: the same ids, the source and target text, the notes.
func TestToolkitReadsXLIFF12(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	a := newArticle(t, db, pipeline.English, englishArticle)
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		// Half the segments translated, so that the file has copies of the source and translations.
		file := export(t, db, a, lang, interchange.XLIFF12)
		targets := map[int]string{}
		for i := 0; i < len(englishArticle); i += 2 {
			targets[i] = xmlInline(translations[lang][i], interchange.XLIFF12, englishArticle[i].inline)
		}
		importFile(t, db, a, lang, translate(file, interchange.XLIFF12, targets, ""))
		file = export(t, db, a, lang, interchange.XLIFF12)
		class, units := toolkitRead(t, "edition."+string(lang)+".xlf", file)
		if class != "xlifffile" || len(units) != len(englishArticle) {
			t.Fatalf("%s: translate-toolkit read a %s with %d units, want %d: %+v", lang, class, len(units), len(englishArticle), units)
		}
		keys := pipeline.SegmentKeys(content(t, db, a, lang).Segments)
		for i, u := range units {
			src := pipeline.StripPlaceholders(englishArticle[i].text)
			tgt := src
			if i%2 == 0 {
				tgt = pipeline.StripPlaceholders(translations[lang][i])
			}
			if !strings.HasSuffix(u.ID, keys[i]) || u.Source != src || u.Target != tgt {
				t.Errorf("%s unit %d: %+v, want id %s source %q target %q", lang, i, u, keys[i], src, tgt)
			}
		}
	}
}

// TestToolkitXLIFFImports imports an XLIFF file that translate-toolkit wrote (po2xliff) from a
// PO file keyed by the units' ids: units with Tilmash's keys reach their segments.
func TestToolkitXLIFFImports(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	a := newArticle(t, db, pipeline.English, englishArticle)
	keys := pipeline.SegmentKeys(content(t, db, a, pipeline.Chinese).Segments)
	var po strings.Builder
	po.WriteString("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: zh\\n\"\n\n")
	for _, i := range []int{0, 1, 3} { // sentences without markup: po2xliff writes plain text
		po.WriteString("msgctxt \"" + keys[i] + "\"\nmsgid \"" + englishArticle[i].text + "\"\nmsgstr \"" + translations[pipeline.Chinese][i] + "\"\n\n")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "zh.po"), filepath.Join(dir, "zh.xlf")
	if err := os.WriteFile(in, []byte(po.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	toolkitConvert(t, "po2xliff", in, out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// po2xliff names no target language (a PO file names it in its header); a person sets it, as
	// in any CAT tool. Its units have ids of its own: their source texts find their segments.
	s := strings.Replace(string(data), `<file `, `<file target-language="zh" `, 1)
	f, err := interchange.ReadXLIFF(strings.NewReader(s))
	if err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	rep, err := interchange.ImportEdition(t.Context(), db, a.ID, pipeline.Chinese, f, interchange.ImportOptions{User: "po2xliff"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Applied != 3 || rep.Refused != 1 || rep.Units[0].MessageID != "interchange.not_in_edition" { // the PO header
		t.Fatalf("report %+v\n%s", rep, s)
	}
	c := content(t, db, a, pipeline.Chinese)
	for _, i := range []int{0, 1, 3} {
		if got := c.Translations[c.Segments[i].ID].Text; got != translations[pipeline.Chinese][i] {
			t.Errorf("segment %d: %q", i, got)
		}
	}
}
