package interchange_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestXLIFFRoundTripAllLanguages exports each translation of an English article as XLIFF 1.2
// and 2.1, translates every unit as a CAT tool would (inline elements intact), imports the file
// and finds every segment translated, markup and all.
func TestXLIFFRoundTripAllLanguages(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	for _, version := range []string{interchange.XLIFF12, interchange.XLIFF21} {
		a := newArticle(t, db, pipeline.English, englishArticle)
		for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
			file := export(t, db, a, lang, version)
			s := string(file)
			if strings.Contains(s, "&lt;g1&gt;") || strings.Contains(s, "&lt;x2/&gt;") {
				t.Fatalf("%s %s: placeholders written as escaped text:\n%s", version, lang, s)
			}
			wantInline := map[string][]string{
				interchange.XLIFF12: {`<g id="1" ctype="link">annual report</g>`, `<x id="2" ctype="x-footnote-ref"/>`, `<g id="2" ctype="italic">European</g>`, `<g id="1" ctype="bold">`},
				interchange.XLIFF21: {`<pc id="1" type="link">annual report</pc>`, `<ph id="2" type="other" disp="[1]"/>`, `<pc id="2" type="fmt" subType="xlf:i">European</pc>`, `<pc id="1" type="fmt" subType="xlf:b">`},
			}[version]
			for _, w := range wantInline {
				if !strings.Contains(s, w) {
					t.Errorf("%s %s: the export lacks %s", version, lang, w)
				}
			}
			f, err := interchange.ReadXLIFF(bytes.NewReader(file))
			if err != nil {
				t.Fatal(err)
			}
			keys := pipeline.SegmentKeys(content(t, db, a, lang).Segments)
			if len(f.Units) != len(englishArticle) {
				t.Fatalf("%s %s: %d units for %d segments", version, lang, len(f.Units), len(englishArticle))
			}
			for i, u := range f.Units {
				if u.ID != keys[i] || u.Ext["version"] != "1" {
					t.Errorf("unit %d: id %s version %q, want %s and 1", i, u.ID, u.Ext["version"], keys[i])
				}
			}
			targets := map[int]string{}
			for i, tr := range translations[lang] {
				targets[i] = xmlInline(tr, version, englishArticle[i].inline)
			}
			rep := importFile(t, db, a, lang, translate(file, version, targets, ""))
			if rep.Applied != len(englishArticle) || rep.Conflicts+rep.Refused+rep.Unchanged != 0 {
				t.Fatalf("%s %s: report %+v", version, lang, rep)
			}
			c := content(t, db, a, lang)
			for i, sg := range c.Segments {
				got := c.Translations[sg.ID]
				if got.Text != translations[lang][i] || got.State != pipeline.SegmentEdited || got.UpdatedBy != "cat-tool" {
					t.Errorf("%s %s segment %d: %q %s by %q, want %q edited", version, lang, i, got.Text, got.State, got.UpdatedBy, translations[lang][i])
				}
			}
			// The same file again changes nothing.
			again := importFile(t, db, a, lang, translate(file, version, targets, ""))
			if again.Unchanged != len(englishArticle) {
				t.Errorf("%s %s: importing twice: %+v", version, lang, again)
			}
		}
	}
}

// TestXLIFFFromKazakhSource exports the English edition of a Kazakh article and brings it back
// confirmed: the state a file gives (2.x "final") confirms texts it changed.
func TestXLIFFFromKazakhSource(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	kk := make([]sentence, len(englishArticle))
	for i, s := range englishArticle {
		kk[i] = sentence{s.kind, translations[pipeline.Kazakh][i], s.inline}
	}
	a := newArticle(t, db, pipeline.Kazakh, kk)
	file := export(t, db, a, pipeline.English, interchange.XLIFF21)
	if !strings.Contains(string(file), `srcLang="kk" trgLang="en"`) {
		t.Fatalf("languages: %.300s", file)
	}
	targets := map[int]string{}
	for i, s := range englishArticle {
		targets[i] = xmlInline(s.text, interchange.XLIFF21, s.inline)
	}
	rep := importFile(t, db, a, pipeline.English, translate(file, interchange.XLIFF21, targets, "final"))
	if rep.Applied != len(kk) {
		t.Fatalf("report %+v", rep)
	}
	c := content(t, db, a, pipeline.English)
	for i, sg := range c.Segments {
		if got := c.Translations[sg.ID]; got.Text != englishArticle[i].text || got.State != pipeline.SegmentConfirmed {
			t.Errorf("segment %d: %q %s", i, got.Text, got.State)
		}
	}
	// Confirmed texts entered the memory, in the direction kk → en.
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM memory_entries WHERE edition_id = $1 AND source_lang = 'kk' AND target_lang = 'en'`,
		c.Edition.ID); n != len(kk)-1 { // two sentences are the same: one entry each segment, the twins share a text
		if n < len(kk)-2 {
			t.Errorf("memory entries after confirming: %d", n)
		}
	}
}

// TestXLIFFImportReportsEachUnit imports one file with a unit for each outcome and checks that
// the good units were applied, and only those.
func TestXLIFFImportReportsEachUnit(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	a := newArticle(t, db, pipeline.English, englishArticle)
	ru := translations[pipeline.Russian]
	file := export(t, db, a, pipeline.Russian, interchange.XLIFF12)

	// Meanwhile a translator changes segment 1 in Tilmash.
	c := content(t, db, a, pipeline.Russian)
	seg1 := c.Segments[1]
	if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: seg1.ID, Text: "Текст из Tilmash.",
		BaseVersion: c.Translations[seg1.ID].Version, User: "aigerim"}); err != nil {
		t.Fatal(err)
	}
	x := func(i int) string { return xmlInline(ru[i], interchange.XLIFF12, englishArticle[i].inline) }
	targets := map[int]string{
		0: x(0),                                                                                          // applied
		1: x(1),                                                                                          // conflict: changed in Tilmash since the export
		2: `Подробности в <g id="1">годовом отчёте</g>.`,                                                 // refused: the footnote reference is missing
		3: `Энергетика <bx id="9"/>и транспорт`,                                                          // refused: an element the source does not have
		4: `&lt;g1&gt;Средний коридор&lt;/g1&gt; связывает Астану с <g id="2">европейскими</g> портами.`, // refused: placeholder typed
		// 5: left as the source copy: unchanged
		6: x(6),  // applied
		7: "   ", // refused: empty
	}
	file = translate(file, interchange.XLIFF12, targets, "")
	// A unit from another article, and one unit twice.
	foreign := `<trans-unit id="s0123456789abcdef-1"><source>Elsewhere.</source><target>Где-то ещё.</target></trans-unit>`
	twice := unit12.FindAll(file, -1)[6]
	file = bytes.Replace(file, []byte("</body>"), append(append([]byte(foreign), twice...), []byte("</body>")...), 1)

	rep := importFile(t, db, a, pipeline.Russian, file)
	want := []struct {
		outcome pipeline.ImportOutcome
		msg     string
	}{
		{pipeline.ImportApplied, ""},
		{pipeline.ImportConflict, "interchange.changed_since_export"},
		{pipeline.ImportRefused, "interchange.markup_missing"},
		{pipeline.ImportRefused, "interchange.foreign_inline"},
		{pipeline.ImportRefused, "interchange.placeholder_text"},
		{pipeline.ImportUnchanged, ""},
		{pipeline.ImportApplied, ""},
		{pipeline.ImportUnchanged, ""},
		{pipeline.ImportRefused, "interchange.not_in_edition"},
		{pipeline.ImportRefused, "interchange.duplicate_unit"},
	}
	if len(rep.Units) != len(want) {
		t.Fatalf("%d units reported, want %d: %+v", len(rep.Units), len(want), rep.Units)
	}
	for i, w := range want {
		if u := rep.Units[i]; u.Outcome != w.outcome || u.MessageID != w.msg {
			t.Errorf("unit %d (%s): %s %q, want %s %q", i, u.Unit, u.Outcome, u.MessageID, w.outcome, w.msg)
		}
	}
	if rep.Units[1].Current != "Текст из Tilmash." {
		t.Errorf("the conflict does not carry the current text: %+v", rep.Units[1])
	}
	if rep.Applied != 2 || rep.Conflicts != 1 || rep.Unchanged != 2 || rep.Refused != 5 {
		t.Errorf("counts %+v", rep)
	}
	c = content(t, db, a, pipeline.Russian)
	for i, sg := range c.Segments {
		got := c.Translations[sg.ID].Text
		switch i {
		case 0, 6:
			if got != ru[i] {
				t.Errorf("segment %d: %q, want the file's %q", i, got, ru[i])
			}
		case 1:
			if got != "Текст из Tilmash." {
				t.Errorf("segment 1 was overwritten: %q", got)
			}
		default:
			if got != "" {
				t.Errorf("segment %d got %q from a unit that was not applied", i, got)
			}
		}
	}
}

// TestXLIFFImportAfterRevision exports, lets a new source revision change one sentence and add
// another, and imports: units of unchanged sentences still reach their (new) segments, the unit
// of the changed sentence is a conflict.
func TestXLIFFImportAfterRevision(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	a := newArticle(t, db, pipeline.English, englishArticle)
	file := export(t, db, a, pipeline.Russian, interchange.XLIFF21)

	revised := append([]sentence{}, englishArticle[:1]...)
	revised = append(revised, sentence{pipeline.BlockParagraph, "A new first paragraph.", nil})
	revised = append(revised, englishArticle[1:]...)
	revised[2] = sentence{pipeline.BlockParagraph, "Trade between China and Kazakhstan grew by 30% in 2023.", nil}
	na := buildArticle(pipeline.English, a.Slug, revised)
	if _, err := db.CreateRevision(ctx, pipeline.NewRevision{ArticleID: a.ID, Request: na.Request, Doc: na.Doc, Segments: na.Segments}); err != nil {
		t.Fatal(err)
	}
	ru := translations[pipeline.Russian]
	targets := map[int]string{}
	for i := range englishArticle {
		targets[i] = xmlInline(ru[i], interchange.XLIFF21, englishArticle[i].inline)
	}
	rep := importFile(t, db, a, pipeline.Russian, translate(file, interchange.XLIFF21, targets, ""))
	if rep.Units[1].Outcome != pipeline.ImportConflict || rep.Units[1].MessageID != "interchange.source_changed" {
		t.Errorf("the changed sentence: %+v", rep.Units[1])
	}
	if rep.Applied != len(englishArticle)-1 {
		t.Errorf("report %+v", rep)
	}
	c := content(t, db, a, pipeline.Russian)
	for i, sg := range c.Segments {
		got := c.Translations[sg.ID].Text
		switch {
		case i == 1 || i == 2:
			if got != "" {
				t.Errorf("new or changed segment %d: %q", i, got)
			}
		case i == 0 && got != ru[0], i > 2 && got != ru[i-1]:
			t.Errorf("segment %d: %q", i, got)
		}
	}
}

// TestXLIFFImportRefusesFiles refuses files that are not this edition's, and hostile ones,
// before anything is written.
func TestXLIFFImportRefusesFiles(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	a := newArticle(t, db, pipeline.English, englishArticle)
	other := newArticle(t, db, pipeline.English, englishArticle)
	file := export(t, db, a, pipeline.Russian, interchange.XLIFF12)
	f, err := interchange.ReadXLIFF(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		article pipeline.Article
		lang    pipeline.Lang
		want    string
	}{
		{"another language", a, pipeline.Kazakh, "interchange.wrong_langs"},
		{"another article", other, pipeline.Russian, "interchange.wrong_article"},
		{"the source edition", a, pipeline.English, "interchange.source_edition"},
	}
	for _, tc := range cases {
		_, err := interchange.ImportEdition(ctx, db, tc.article.ID, tc.lang, f, interchange.ImportOptions{User: "x"})
		var pe *pipeline.Error
		if err == nil || !errorsAs(err, &pe) || pe.MessageID != tc.want {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
	hostile := map[string]string{
		"DOCTYPE":              `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="1"><source>&e;</source></trans-unit></body></file></xliff>`,
		"nested deeper":        `<xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="1"><source>` + strings.Repeat("<g id=\"1\">", 100) + strings.Repeat("</g>", 100) + `</source></trans-unit></body></file></xliff>`,
		"unexpected EOF":       string(file[:len(file)/2]),
		"no translation units": `<xliff version="1.2"><file source-language="en" target-language="ru"><body/></file></xliff>`,
	}
	for want, doc := range hostile {
		if _, err := interchange.ReadXLIFF(strings.NewReader(doc)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v", want, err)
		}
	}
	c := content(t, db, a, pipeline.Russian)
	for _, sg := range c.Segments {
		if c.Translations[sg.ID].Version != 1 {
			t.Fatalf("a refused file changed segment %d", sg.ID)
		}
	}
}
