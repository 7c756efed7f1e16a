package interchange_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestToolkitReadsTMX has translate-toolkit read the TMX Tilmash writes, in both tag styles,
// unit for unit.
func TestToolkitReadsTMX(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	imp := importRecords(t, db, "toolkit.tmx", stamp(memoryRecords, "aigerim", "some-article"))
	for _, tags := range []string{interchange.TagsTMX, interchange.TagsOmegaT} {
		data := exportTMX(t, db, pipeline.MemoryFilter{ImportID: imp.ID}, tags)
		class, units := toolkitRead(t, "memory.tmx", data)
		if class != "tmxfile" || len(units) != len(memoryRecords) {
			t.Fatalf("%s: translate-toolkit read a %s with %d units, want %d", tags, class, len(units), len(memoryRecords))
		}
		for i, u := range units {
			r := memoryRecords[i]
			src, tgt := r.Source, r.Target
			if tags == interchange.TagsOmegaT {
				src, tgt = omegat(src), omegat(tgt)
			}
			if u.Source != src || u.Target != tgt {
				t.Errorf("%s unit %d: %q → %q, want %q → %q", tags, i, u.Source, u.Target, src, tgt)
			}
		}
	}
}

func omegat(s string) string {
	switch s {
	case memoryRecords[0].Source:
		return "See the <g0>annual report</g0> for details<x1/>."
	case memoryRecords[0].Target:
		return "Подробности в <g0>годовом отчёте</g0><x1/>."
	case memoryRecords[3].Source:
		return "<g0>Орта дәліз</g0> Астананы байланыстырады."
	case memoryRecords[3].Target:
		return "<g0>中间走廊</g0>连接阿斯塔纳。"
	}
	return s
}

// TestToolkitTMXImports imports a TMX file translate-toolkit wrote (po2tmx).
func TestToolkitTMXImports(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	dir := t.TempDir()
	po := filepath.Join(dir, "kk.po")
	out := filepath.Join(dir, "kk.tmx")
	if err := os.WriteFile(po, []byte("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"+
		"msgid \"Energy ministers met in Astana on Friday.\"\nmsgstr \"Энергетика министрлері жұма күні Астанада кездесті.\"\n\n"+
		"msgid \"The corridor links China and Europe.\"\nmsgstr \"Дәліз Қытай мен Еуропаны байланыстырады.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	toolkitConvert(t, "po2tmx", "-l", "kk", po, out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	imp := pipeline.MemoryImport{FileName: "kk.tmx", CreatedBy: "ed"}
	if err := interchange.ImportTMX(context.Background(), db, f, &imp, interchange.TagsTMX); err != nil {
		t.Fatal(err)
	}
	if imp.Entries != 2 {
		data, _ := os.ReadFile(out)
		t.Fatalf("import %+v from:\n%s", imp, data)
	}
	m, err := db.FindMemoryExact(context.Background(), "en", "kk", []pipeline.MemoryKey{{Norm: "The corridor links China and Europe."}})
	if err != nil || m[0].Entry.Target != "Дәліз Қытай мен Еуропаны байланыстырады." {
		t.Errorf("lookup: %+v %v", m, err)
	}
}
