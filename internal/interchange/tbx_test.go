package interchange_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

func testConcepts(suffix string) []pipeline.Concept {
	return []pipeline.Concept{
		{Terms: map[pipeline.Lang]string{"en": "Astana" + suffix, "ru": "Астана" + suffix, "kk": "Астана" + suffix, "zh": "阿斯塔纳" + suffix},
			Forbidden: map[pipeline.Lang][]string{"ru": {"Акмола" + suffix, "Целиноград" + suffix}, "zh": {"阿斯塔那" + suffix}},
			Note:      "capital since 1997 & <still>"},
		{Terms: map[pipeline.Lang]string{"en": "SCO" + suffix, "kk": "ШЫҰ" + suffix}, DoNotTranslate: true, Forbidden: map[pipeline.Lang][]string{}},
		{Terms: map[pipeline.Lang]string{"zh": "一带一路" + suffix, "ru": "Пояс и путь" + suffix}, Forbidden: map[pipeline.Lang][]string{"en": {"OBOR" + suffix}}},
	}
}

// TestTBXRoundTrip writes the termbase as TBX in both dialects and reads it back: the same
// concepts, forbidden variants, notes and flags, through the store's import.
func TestTBXRoundTrip(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	suffix := fmt.Sprint(" ", time.Now().UnixNano())
	if _, _, err := db.ImportConcepts(ctx, testConcepts(suffix)); err != nil {
		t.Fatal(err)
	}
	all, err := db.FindConcepts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var mine []pipeline.Concept
	for _, c := range all {
		for _, term := range c.Terms {
			if strings.HasSuffix(term, suffix) {
				mine = append(mine, c)
				break
			}
		}
	}
	for _, dialect := range []string{interchange.TBXBasic, interchange.TBXMartif} {
		var buf bytes.Buffer
		if err := interchange.WriteTBX(&buf, mine, dialect); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		for _, w := range map[string][]string{
			interchange.TBXBasic: {`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">`, "<conceptEntry id=\"c",
				`<langSec xml:lang="kk"><termSec><term>`, `<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>`,
				`<descrip type="x-doNotTranslate">true</descrip>`, `<note>capital since 1997 &amp; &lt;still&gt;</note>`},
			interchange.TBXMartif: {`<martif type="TBX-Basic" xml:lang="en">`, `<termEntry id="c`, `<langSet xml:lang="zh"><tig><term>`},
		}[dialect] {
			if !strings.Contains(s, w) {
				t.Errorf("%s: the file lacks %s", dialect, w)
			}
		}
		res, err := interchange.ReadTBX(&buf, interchange.TBXOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Concepts) != len(mine) || res.Skipped != 0 || res.Dropped != 0 {
			t.Fatalf("%s: read %+v", dialect, res)
		}
		for i, c := range res.Concepts {
			want := mine[i]
			if !reflect.DeepEqual(c.Terms, want.Terms) || !reflect.DeepEqual(c.Forbidden, want.Forbidden) ||
				c.Note != want.Note || c.DoNotTranslate != want.DoNotTranslate {
				t.Errorf("%s concept %d:\n got %+v\nwant %+v", dialect, i, c, want)
			}
		}
	}
}

// TestTBXReadsOtherSpellings reads what other tools write: ntig/termGrp, superseded and admitted
// terms, regional tags, a translatable=no flag, languages Tilmash does not publish in.
func TestTBXReadsOtherSpellings(t *testing.T) {
	t.Parallel()
	doc := `<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="e1"><descrip type="definition">ignored</descrip>
  <langSet xml:lang="en-US"><ntig><termGrp><term>Middle Corridor</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
    <tig><term>Trans-Caspian route</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
  <langSet xml:lang="ru-RU"><tig><term>Средний коридор</term></tig><tig><term>Транскаспийский путь</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
  <langSet xml:lang="de"><tig><term>Mittlerer Korridor</term></tig></langSet>
  <langSet xml:lang="xx"><tig><term>Орта дәліз</term></tig></langSet>
</termEntry>
<termEntry id="e2"><admin type="x-translatable">no</admin><langSet xml:lang="zh-Hans"><tig><term>丝路基金</term></tig></langSet></termEntry>
<termEntry id="e3"><langSet xml:lang="fr"><tig><term>Rien</term></tig></langSet></termEntry>
</body></text></martif>`
	res, err := interchange.ReadTBX(strings.NewReader(doc), interchange.TBXOptions{Assume: pipeline.Kazakh})
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 3 || res.Skipped != 1 || len(res.Concepts) != 2 || res.Dropped != 3 {
		t.Fatalf("read %+v", res)
	}
	c := res.Concepts[0]
	if c.Terms["en"] != "Middle Corridor" || c.Terms["ru"] != "Средний коридор" || c.Terms["kk"] != "Орта дәліз" ||
		!reflect.DeepEqual(c.Forbidden["ru"], []string{"Транскаспийский путь"}) || c.DoNotTranslate {
		t.Errorf("concept 1: %+v", c)
	}
	if c := res.Concepts[1]; c.Terms["zh"] != "丝路基金" || !c.DoNotTranslate {
		t.Errorf("concept 2: %+v", c)
	}
}

// TestTBXRefusesBadFiles refuses hostile files, and a bad term anywhere refuses the whole file.
func TestTBXRefusesBadFiles(t *testing.T) {
	t.Parallel()
	entry := func(term string) string {
		return `<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>` + term + `</term></termSec></langSec></conceptEntry>`
	}
	wrap := func(body string) string {
		return `<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>` + body + `</body></text></tbx>`
	}
	cases := map[string]string{
		"DOCTYPE":                `<!DOCTYPE tbx [<!ENTITY a "x">]>` + wrap(entry("&a;")),
		"nested deeper":          wrap(`<conceptEntry id="c1">` + strings.Repeat("<note>", 80) + strings.Repeat("</note>", 80) + `</conceptEntry>`),
		"control character":      wrap(entry("Astana") + entry("Ast&#x9b;ana")),
		"longer than 500 bytes":  wrap(entry(strings.Repeat("ж", 300))),
		"no concept with a term": wrap(`<conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>Nichts</term></termSec></langSec></conceptEntry>`),
		"no <tbx> or <martif>":   `<xliff/>`,
		"syntax error":           wrap(entry("a")[:40]),
	}
	for want, doc := range cases {
		_, err := interchange.ReadTBX(strings.NewReader(doc), interchange.TBXOptions{})
		if err == nil || !strings.Contains(err.Error(), want) || pipeline.ErrorCode(err) != pipeline.CodeInvalid {
			t.Errorf("%s: err = %v", want, err)
		}
	}
}

// TestToolkitReadsTBX has translate-toolkit read the martif TBX Tilmash writes, concept for
// concept (it reads TBX v2 only: its tbxfile needs a <martif> root).
func TestToolkitReadsTBX(t *testing.T) {
	t.Parallel()
	cs := testConcepts("")
	for i := range cs {
		cs[i].ID = int64(i + 1)
	}
	var buf bytes.Buffer
	if err := interchange.WriteTBX(&buf, cs, interchange.TBXMartif); err != nil {
		t.Fatal(err)
	}
	class, units := toolkitRead(t, "terms.tbx", buf.Bytes())
	if class != "tbxfile" || len(units) != len(cs) {
		t.Fatalf("translate-toolkit read a %s with %d units: %+v", class, len(units), units)
	}
	want := []struct{ id, source, target string }{{"c1", "Astana", "Астана"}, {"c2", "SCO", "ШЫҰ"}, {"c3", "OBOR", "Пояс и путь"}}
	for i, u := range units {
		if u.ID != want[i].id || u.Source != want[i].source || u.Target != want[i].target {
			t.Errorf("unit %d: %+v, want %+v", i, u, want[i])
		}
	}
	if !strings.Contains(units[0].Notes, "capital since 1997") {
		t.Errorf("the note: %q", units[0].Notes)
	}
}

// TestToolkitTBXImports imports a TBX file translate-toolkit wrote (csv2tbx), whose target
// language it leaves as "xx".
func TestToolkitTBXImports(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csv, out := filepath.Join(dir, "terms.csv"), filepath.Join(dir, "terms.tbx")
	if err := os.WriteFile(csv, []byte("\"location\",\"source\",\"target\"\n\"\",\"Astana\",\"Астана\"\n\"\",\"Silk Road Fund\",\"Жібек жолы қоры\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	toolkitConvert(t, "csv2tbx", csv, out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := interchange.ReadTBX(f, interchange.TBXOptions{Assume: pipeline.Kazakh})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Concepts) != 2 || res.Concepts[1].Terms["en"] != "Silk Road Fund" || res.Concepts[1].Terms["kk"] != "Жібек жолы қоры" {
		t.Errorf("read %+v", res)
	}
	db := postgrestest.Store(t)
	if created, updated, err := db.ImportConcepts(context.Background(), res.Concepts); err != nil || created+updated != 2 {
		t.Errorf("import: %d %d %v", created, updated, err)
	}
}
