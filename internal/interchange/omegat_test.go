package interchange_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// omegatProject lays out an OmegaT project translating from src to tgt in a new directory.
func omegatProject(t *testing.T, src, tgt pipeline.Lang) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"source", "target", "glossary", "tm/auto", "omegat", "config"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	project := `<?xml version="1.0" encoding="UTF-8"?>
<omegat><project version="1.0">
<source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
<glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
<source_lang>` + string(src) + `</source_lang><target_lang>` + string(tgt) + `</target_lang><sentence_seg>false</sentence_seg>
</project></omegat>`
	if err := os.WriteFile(filepath.Join(dir, "omegat.project"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runOmegaT translates the project in console mode, never without --mode (it needs a display
// otherwise). It fails the test when OmegaT is not installed: CI installs it.
func runOmegaT(t *testing.T, dir string) {
	t.Helper()
	bin, err := exec.LookPath("omegat")
	if err != nil {
		missingTool(t, "OmegaT", "apt-get install omegat: the XLIFF round trip must be checked with it")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, dir, "--mode=console-translate", "--no-team", "--disable-project-locking", "--quiet",
		"--config-dir="+filepath.Join(dir, "config"))
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "config"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("omegat: %v\n%s", err, out)
	}
}

// TestOmegaTRoundTrip exports an edition as XLIFF 1.2 and the memory as TMX with OmegaT's tags,
// has OmegaT translate the edition from that memory, and imports the file OmegaT wrote: every
// segment arrives with its inline markup, in Russian, Kazakh and Chinese, and a segment changed in
// Tilmash meanwhile is reported as a conflict, not overwritten.
func TestOmegaTRoundTrip(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	a := newArticle(t, db, pipeline.English, englishArticle)
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		tr := translations[lang]
		// The memory OmegaT translates from: one entry per distinct source sentence.
		var records []pipeline.MemoryRecord
		seen := map[string]bool{}
		for i, s := range englishArticle {
			if !seen[s.text] {
				seen[s.text] = true
				records = append(records, pipeline.MemoryRecord{SourceLang: pipeline.English, TargetLang: lang, Source: s.text, Target: tr[i]})
			}
		}
		imp := importRecords(t, db, "omegat-"+string(lang)+".tmx", records)

		dir := omegatProject(t, pipeline.English, lang)
		xlf := export(t, db, a, lang, interchange.XLIFF12)
		if err := os.WriteFile(filepath.Join(dir, "source", "edition.xlf"), xlf, 0o644); err != nil {
			t.Fatal(err)
		}
		tmx := exportTMX(t, db, pipeline.MemoryFilter{ImportID: imp.ID, TargetLang: lang}, interchange.TagsOmegaT)
		if err := os.WriteFile(filepath.Join(dir, "tm", "auto", "tilmash.tmx"), tmx, 0o644); err != nil {
			t.Fatal(err)
		}

		// Meanwhile a translator changes segment 1 in Tilmash.
		c := content(t, db, a, lang)
		seg1 := c.Segments[1]
		mine := "Tilmash: " + tr[1]
		if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: seg1.ID, Text: mine,
			BaseVersion: c.Translations[seg1.ID].Version, User: "aigerim"}); err != nil {
			t.Fatal(err)
		}

		runOmegaT(t, dir)
		out, err := os.ReadFile(filepath.Join(dir, "target", "edition.xlf"))
		if err != nil {
			t.Fatal(err)
		}
		rep := importFile(t, db, a, lang, out)
		if rep.Applied != len(englishArticle)-1 || rep.Conflicts != 1 || rep.Units[1].MessageID != "interchange.changed_since_export" {
			t.Fatalf("%s: report %+v\nOmegaT wrote:\n%s\nfrom the memory:\n%s", lang, rep, out, tmx)
		}
		c = content(t, db, a, lang)
		for i, sg := range c.Segments {
			want := tr[i]
			switch i {
			case 1:
				want = mine
			case 7: // the same source as segment 6: OmegaT gives both one translation
				want = tr[6]
			}
			if got := c.Translations[sg.ID].Text; got != want {
				t.Errorf("%s segment %d: %q, want %q", lang, i, got, want)
			}
		}
		if !strings.Contains(c.Translations[c.Segments[2].ID].Text, "<x2/>") {
			t.Errorf("%s: the footnote reference was lost", lang)
		}
	}
}
