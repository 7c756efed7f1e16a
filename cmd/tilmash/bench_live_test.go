package main

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkEditorPages renders, on the server with the database, the pages translators and
// editors keep open on a 300-segment edition in review (machine drafts, a finding on every tenth
// segment, a termbase of 300 concepts for the terms panel), and the live answers those pages ask
// for every few seconds: the workbench editor, the newsroom's review page and board. The target is
// under 150 ms for each page.
//
//	DATABASE_URL=... go test -run '^$' -bench BenchmarkEditorPages -benchtime 100x ./cmd/tilmash/
func BenchmarkEditorPages(b *testing.B) {
	be := newBenchEdition(b, 300, 1)
	ctx := b.Context()
	store := be.app.store
	terms := []string{"Kazakhstan", "China", "rail corridor", "agreement", "energy", "trade", "Central Asian states",
		"deputy foreign minister", "water use", "partnership"}
	for i := range 300 {
		// Names of bodies and programmes, starting with every letter as a real termbase's do.
		src := fmt.Sprintf("%c%s Programme %d", 'A'+rune(i%26), "ral Basin", i)
		if i < len(terms) {
			src = terms[i]
		}
		if _, err := store.SaveConcept(ctx, pipeline.Concept{Terms: map[pipeline.Lang]string{pipeline.English: src,
			pipeline.Russian: fmt.Sprintf("термин %d", i)}, Forbidden: map[pipeline.Lang][]string{}}); err != nil {
			b.Fatal(err)
		}
	}
	u, err := store.CreateUser(ctx, pipeline.User{Name: "bench-editor", Role: pipeline.RoleEditor}, "x")
	if err != nil {
		b.Fatal(err)
	}
	tok, err := store.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	editor := "tilmash_session=" + tok
	ed, err := store.FindEditionByID(ctx, be.edition)
	if err != nil {
		b.Fatal(err)
	}
	since := time.Now().UTC().Format(time.RFC3339Nano)
	for _, p := range []struct{ name, cookie, path, want string }{
		{"workbench-editor", be.cookies[0], fmt.Sprintf("/workbench/editions/%d/", be.edition), `class="seg `},
		{"workbench-live", be.cookies[0], fmt.Sprintf("/workbench/editions/%d/live?since=%s", be.edition, since), `"submit_hint"`},
		{"newsroom-review", editor, fmt.Sprintf("/workbench/newsroom/articles/%d/editions/ru/", ed.ArticleID), `class="nr-read"`},
		{"newsroom-review-live", editor, fmt.Sprintf("/workbench/newsroom/live?article=%d&lang=ru", ed.ArticleID), `"stamp"`},
		{"newsroom-board", editor, "/workbench/newsroom/", `class="nr-board"`},
		{"newsroom-board-live", editor, "/workbench/newsroom/live", `"stamp"`},
	} {
		b.Run(p.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				req := httptest.NewRequest("GET", p.path, nil)
				req.Header.Set("Cookie", p.cookie)
				rec := httptest.NewRecorder()
				start := time.Now()
				be.handler.ServeHTTP(rec, req)
				times = append(times, time.Since(start))
				if rec.Code != 200 || !strings.Contains(rec.Body.String(), p.want) {
					b.Fatalf("%s = %d:\n%.2000s", p.path, rec.Code, rec.Body.String())
				}
			}
			reportLatency(b, times)
		})
	}
}
