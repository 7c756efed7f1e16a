package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// An edition's fuzzy look-ups go in one statement: each text gets its own matches (best first,
// one per distinct translation, within the limit), an empty text and a text like nothing stored
// get none, and a repeated text gets the same answer twice.
func TestFuzzyLookupOfManyTexts(t *testing.T) {
	ctx := context.Background()
	db := postgrestest.Store(t)
	pool := postgrestest.Pool(t)
	tag := fmt.Sprintf("zq%dx", slugSeq.Add(1)+1000) // a word no other test's memory holds
	stored := []struct{ source, target string }{
		{"The corridor " + tag + " carried record freight volumes across the Caspian this year.", "Коридор " + tag + " один"},
		{"The corridor " + tag + " carried record freight volumes across the Caspian this year!", "Коридор " + tag + " один"}, // same translation
		{"The corridor " + tag + " carried record freight volumes across the Caspian last year.", "Коридор " + tag + " два"},
		{"Ministers of " + tag + " met in Astana to discuss water and energy cooperation in the region.", "Министры " + tag},
	}
	for _, s := range stored {
		norm := pipeline.NormalizeForMemory(s.source)
		var id int64
		if err := pool.QueryRow(ctx, `INSERT INTO memory_entries (source_lang, target_lang, source_text, source_norm, target_text)
			VALUES ('en', 'ru', $1, $2, $3) RETURNING id`, s.source, norm, s.target).Scan(&id); err != nil {
			t.Fatal(err)
		}
		for _, sh := range pipeline.MemoryShingles(norm) {
			if _, err := pool.Exec(ctx, `INSERT INTO memory_shingles (shingle, entry_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, sh, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	texts := []string{
		"The corridor " + tag + " carried record freight volumes across the Caspian this year.",
		"",
		"Ministers of " + tag + " met in Astana to discuss water and energy cooperation in the region today.",
		"Something entirely different " + tag + " about football.",
		"The corridor " + tag + " carried record freight volumes across the Caspian this year.",
	}
	norms := make([]string, len(texts))
	for i, s := range texts {
		norms[i] = pipeline.NormalizeForMemory(s)
	}
	got, err := db.FindMemoryFuzzyMany(ctx, pipeline.English, pipeline.Russian, norms, 60, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(texts) {
		t.Fatalf("%d answers for %d texts", len(got), len(texts))
	}
	targets := func(i int) []string {
		var out []string
		for k, m := range got[i] {
			out = append(out, m.Entry.Target)
			if k > 0 && m.Score > got[i][k-1].Score {
				t.Errorf("text %d: scores not best first: %v then %v", i, got[i][k-1].Score, m.Score)
			}
		}
		return out
	}
	if ts := targets(0); len(ts) != 2 || ts[0] != "Коридор "+tag+" один" || ts[1] != "Коридор "+tag+" два" || got[0][0].Score != 100 {
		t.Errorf("text 0: %v (first score %v), want the exact entry's translation at 100, then the other one", ts, got[0])
	}
	if len(got[1]) != 0 || len(got[3]) != 0 {
		t.Errorf("empty and unrelated texts matched: %v, %v", got[1], got[3])
	}
	if ts := targets(2); len(ts) != 1 || ts[0] != "Министры "+tag {
		t.Errorf("text 2: %v", ts)
	}
	if fmt.Sprint(targets(4)) != fmt.Sprint(targets(0)) {
		t.Errorf("a repeated text got %v, then %v", targets(0), targets(4))
	}
	one, err := db.FindMemoryFuzzy(ctx, pipeline.English, pipeline.Russian, texts[2], 60, 3)
	if err != nil || len(one) != 1 || one[0].Entry.ID != got[2][0].Entry.ID || one[0].Score != got[2][0].Score {
		t.Errorf("one text alone: %v, %v; in the batch: %v", one, err, got[2])
	}
	other, err := db.FindMemoryFuzzyMany(ctx, pipeline.English, pipeline.Kazakh, norms, 60, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, ms := range other {
		if len(ms) != 0 {
			t.Errorf("text %d matched entries of another language pair: %v", i, ms)
		}
	}
}
