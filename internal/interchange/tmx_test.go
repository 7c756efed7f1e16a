package interchange_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// memoryRecords are units in all four languages, with markup.
var memoryRecords = []pipeline.MemoryRecord{
	{SourceLang: "en", TargetLang: "ru", Source: "See the <g1>annual report</g1> for details<x2/>.", Target: "Подробности в <g1>годовом отчёте</g1><x2/>."},
	{SourceLang: "en", TargetLang: "kk", Source: "Trade grew by 27%.", Target: "Сауда 27%-ға өсті."},
	{SourceLang: "en", TargetLang: "zh", Source: "Trade grew by 27%.", Target: "贸易增长了27%。"},
	{SourceLang: "kk", TargetLang: "zh", Source: "<g1>Орта дәліз</g1> Астананы байланыстырады.", Target: "<g1>中间走廊</g1>连接阿斯塔纳。"},
	{SourceLang: "zh", TargetLang: "ru", Source: "能源与交通", Target: "Энергетика и транспорт"},
	{SourceLang: "ru", TargetLang: "en", Source: "Рост & <продолжился>.", Target: "Growth & <continued>."},
}

func stamp(rs []pipeline.MemoryRecord, by, article string) []pipeline.MemoryRecord {
	out := append([]pipeline.MemoryRecord(nil), rs...)
	for i := range out {
		out[i].CreatedAt = time.Date(2024, 3, i+1, 10, 30, 0, 0, time.UTC)
		out[i].UpdatedAt = time.Date(2025, 1, i+1, 8, 0, 0, 0, time.UTC)
		out[i].CreatedBy, out[i].Article = by, article
	}
	return out
}

func importRecords(t testing.TB, db *postgres.DB, name string, rs []pipeline.MemoryRecord) pipeline.MemoryImport {
	t.Helper()
	imp := pipeline.MemoryImport{FileName: name, CreatedBy: "test"}
	i := 0
	if err := db.ImportMemory(context.Background(), &imp, func() (pipeline.MemoryRecord, error) {
		if i == len(rs) {
			return pipeline.MemoryRecord{}, io.EOF
		}
		i++
		imp.Units++
		return rs[i-1], nil
	}); err != nil {
		t.Fatal(err)
	}
	return imp
}

func exportTMX(t testing.TB, db *postgres.DB, f pipeline.MemoryFilter, tags string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := interchange.ExportTMX(context.Background(), db, &buf, f, tags); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readTMX(t testing.TB, data []byte, tags string) ([]pipeline.MemoryRecord, *interchange.TMXReader) {
	t.Helper()
	r := interchange.NewTMXReader(bytes.NewReader(data), tags)
	var out []pipeline.MemoryRecord
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return out, r
		}
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		out = append(out, rec)
	}
}

// TestTMXRoundTrip exports memory entries in all four languages and reads them back unit for
// unit: texts with their markup, dates, author and source article.
func TestTMXRoundTrip(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	a := newArticle(t, db, pipeline.English, englishArticle[:2])
	want := stamp(memoryRecords, "aigerim", a.Slug)
	imp := importRecords(t, db, "seed.tmx", want)
	for _, tags := range []string{interchange.TagsTMX, interchange.TagsOmegaT} {
		data := exportTMX(t, db, pipeline.MemoryFilter{ImportID: imp.ID}, tags)
		s := string(data)
		if tags == interchange.TagsTMX && !strings.Contains(s, `<bpt i="1">&lt;g1&gt;</bpt>annual report<ept i="1">&lt;/g1&gt;</ept>`) {
			t.Errorf("TMX inline elements missing:\n%s", s)
		}
		if tags == interchange.TagsOmegaT && !strings.Contains(s, `See the &lt;g0&gt;annual report&lt;/g0&gt; for details&lt;x1/&gt;.`) {
			t.Errorf("OmegaT's numbered tags missing:\n%s", s)
		}
		for _, w := range []string{`creationdate="20240301T103000Z"`, `changedate="20250101T080000Z"`, `creationid="aigerim"`,
			`<prop type="x-tilmash-article">` + a.Slug + `</prop>`, `<tuv xml:lang="kk">`, `<tuv xml:lang="zh">`} {
			if !strings.Contains(s, w) {
				t.Errorf("%s: the export lacks %s", tags, w)
			}
		}
		got, r := readTMX(t, data, interchange.TagsTMX) // the header says which tags
		if len(got) != len(want) || r.Units != len(want) || r.Skipped != 0 {
			t.Fatalf("%s: read %d records of %d units (%d skipped), want %d", tags, len(got), r.Units, r.Skipped, len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s record %d:\n got %+v\nwant %+v", tags, i, got[i], want[i])
			}
		}
	}
}

// TestTMXImportIsABatch imports a file, finds its units in memory lookups and removes the batch.
func TestTMXImportIsABatch(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	unique := fmt.Sprint(time.Now().UnixNano())
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu creationid="someone" creationdate="20230505T050505Z"><prop type="x-tilmash-article">elsewhere</prop>
  <tuv xml:lang="en-US"><seg>The corridor ` + unique + ` opened <bpt i="1" type="bold">&lt;b&gt;</bpt>today<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
  <tuv xml:lang="ru-RU"><seg>Коридор ` + unique + ` открылся <bpt i="1">&lt;b&gt;</bpt>сегодня<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
  <tuv xml:lang="kk-KZ"><seg>Дәліз ` + unique + ` бүгін ашылды.</seg></tuv>
  <tuv xml:lang="de-DE"><seg>Der Korridor ` + unique + ` wurde eröffnet.</seg></tuv>
</tu>
<tu><tuv xml:lang="fr"><seg>Rien</seg></tuv><tuv xml:lang="de"><seg>Nichts</seg></tuv></tu>
<tu srclang="zh-CN"><tuv xml:lang="en"><seg>Growth ` + unique + `.</seg></tuv><tuv xml:lang="zh-CN"><seg>增长` + unique + `。</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>   </seg></tuv><tuv xml:lang="ru"><seg>Пусто</seg></tuv></tu>
</body></tmx>`
	imp := pipeline.MemoryImport{FileName: "batch.tmx", CreatedBy: "ed"}
	if err := interchange.ImportTMX(ctx, db, strings.NewReader(doc), &imp, interchange.TagsTMX); err != nil {
		t.Fatal(err)
	}
	if imp.Units != 4 || imp.Entries != 3 || imp.Skipped != 3 {
		t.Errorf("import counts %+v, want 4 units, 3 entries, 3 skipped", imp)
	}
	m, err := db.FindMemoryExact(ctx, "en", "ru", []pipeline.MemoryKey{{Norm: pipeline.NormalizeForMemory("The corridor " + unique + " opened <g1>today</g1>.")}})
	if err != nil || m[0].Entry.Target != "Коридор "+unique+" открылся <g1>сегодня</g1>." || m[0].Entry.CreatedBy != "someone" {
		t.Fatalf("lookup after import: %+v %v", m, err)
	}
	zh, err := db.FindMemoryExact(ctx, "zh", "en", []pipeline.MemoryKey{{Norm: pipeline.NormalizeForMemory("增长" + unique + "。")}})
	if err != nil || zh[0].Entry.Target != "Growth "+unique+"." {
		t.Errorf("the unit's srclang was not its source: %+v %v", zh, err)
	}
	fuzzy, err := db.FindMemoryFuzzy(ctx, "en", "kk", "The corridor "+unique+" opened yesterday.", 50, 3)
	if err != nil || len(fuzzy) == 0 {
		t.Errorf("fuzzy lookup after import: %v %v", fuzzy, err)
	}
	imports, err := db.FindMemoryImports(ctx)
	if err != nil || imports[0].ID != imp.ID || imports[0].Entries != 3 || imports[0].FileName != "batch.tmx" {
		t.Fatalf("imports: %+v %v", imports, err)
	}
	if _, err := db.DeleteMemoryImport(ctx, imp.ID); err != nil {
		t.Fatal(err)
	}
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM memory_entries WHERE source_text LIKE '%' || $1 || '%' OR target_text LIKE '%' || $1 || '%'`, unique); n != 0 {
		t.Errorf("%d entries left after removing the import", n)
	}
	if _, err := db.DeleteMemoryImport(ctx, imp.ID); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Errorf("removing it twice: %v", err)
	}
}

// TestTMXRefusesHostileFiles refuses entity tricks, deep nesting and malformed files, and a file
// that breaks half-way adds nothing.
func TestTMXRefusesHostileFiles(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	var many strings.Builder
	many.WriteString(`<tmx version="1.4"><header srclang="en"/><body>`)
	for i := range 7000 {
		fmt.Fprintf(&many, `<tu><tuv xml:lang="en"><seg>half-way %d</seg></tuv><tuv xml:lang="ru"><seg>на полпути %d</seg></tuv></tu>`, i, i)
	}
	many.WriteString(`<tu><tuv xml:lang="en"><seg>broken</seg></tuv>`)
	cases := map[string]string{
		"DOCTYPE":        `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>`,
		"nested deeper":  `<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>` + strings.Repeat("<hi>", 100) + strings.Repeat("</hi>", 100) + `</seg></tuv></tu></body></tmx>`,
		"syntax error":   `<tmx version="1.4"><body><tu></body></tmx>`,
		"no <tmx>":       `<xliff/>`,
		"unexpected EOF": many.String(),
	}
	for want, doc := range cases {
		imp := pipeline.MemoryImport{FileName: want, CreatedBy: "x"}
		err := interchange.ImportTMX(ctx, db, strings.NewReader(doc), &imp, interchange.TagsTMX)
		if err == nil || !strings.Contains(err.Error(), want) || pipeline.ErrorCode(err) != pipeline.CodeInvalid {
			t.Errorf("%s: err = %v", want, err)
		}
	}
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM memory_entries WHERE source_text LIKE 'half-way%'`); n != 0 {
		t.Errorf("a file that broke half-way added %d entries", n)
	}
}
