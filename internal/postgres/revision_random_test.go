package postgres_test

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// sampleSentences reads the sample article as sentences, roughly: what matters here is realistic
// text, not the segmenter.
func sampleSentences(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		for _, s := range strings.SplitAfter(strings.TrimSpace(line), ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// randomEdit changes a list of sentences as an author might: insert, delete, change, move, split
// and merge.
func randomEdit(rng *rand.Rand, ss []string) []string {
	i := rng.IntN(len(ss))
	switch rng.IntN(6) {
	case 0:
		return slices.Insert(ss, i, "A new sentence on regional dialogue number "+strings.Repeat("I", 1+rng.IntN(30))+".")
	case 1:
		return slices.Delete(ss, i, i+1)
	case 2:
		w := strings.Fields(ss[i])
		w[rng.IntN(len(w))] = "revised"
		ss[i] = strings.Join(w, " ")
	case 3:
		s := ss[i]
		ss = slices.Delete(ss, i, i+1)
		return slices.Insert(ss, rng.IntN(len(ss)+1), s)
	case 4:
		if w := strings.Fields(ss[i]); len(w) > 3 {
			h := len(w) / 2
			ss[i] = strings.Join(w[:h], " ") + "."
			return slices.Insert(ss, i+1, strings.Join(w[h:], " "))
		}
	default:
		if i+1 < len(ss) {
			ss[i] = strings.TrimSuffix(ss[i], ".") + ", and " + ss[i+1]
			return slices.Delete(ss, i+1, i+2)
		}
	}
	return ss
}

// TestRevisionRandomEdits stores thirty revisions of the sample article made by random edit
// scripts, with the Russian edition fully confirmed before each, and checks after each that every
// unchanged sentence kept its confirmed translation and every other one is empty, the changed ones
// with their old translation on record.
func TestRevisionRandomEdits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	rng := rand.New(rand.NewPCG(7, 2026))
	ss := sampleSentences(t)
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("random"), ss[0], ss[1:]...))
	if err != nil {
		t.Fatal(err)
	}
	c := confirmAll(t, db, a, pipeline.Russian)
	flagged, kept := 0, 0
	for round := range 30 {
		old := c.Segments
		for range 1 + rng.IntN(4) {
			ss = randomEdit(rng, ss)
		}
		res, err := db.CreateRevision(ctx, revision(a.ID, false, ss[0], ss[1:]...))
		if err != nil {
			t.Fatal(err)
		}
		if !res.Changed {
			continue
		}
		c = edition(t, db, a, pipeline.Russian)
		oldCount, newCount := map[string]int{}, map[string]int{}
		for _, s := range old {
			oldCount[pipeline.AlignKey(s.Text)]++
		}
		for _, s := range c.Segments {
			newCount[pipeline.AlignKey(s.Text)]++
		}
		changes, err := db.FindSegmentChanges(ctx, c.Edition.ID)
		if err != nil {
			t.Fatal(err)
		}
		changed := map[int64]pipeline.SegmentChange{}
		for _, ch := range changes {
			changed[ch.SegmentID] = ch
		}
		if len(c.Translations) != len(c.Segments) {
			t.Fatalf("round %d: %d translations for %d segments", round, len(c.Translations), len(c.Segments))
		}
		for _, s := range c.Segments {
			tr, k := c.Translations[s.ID], pipeline.AlignKey(s.Text)
			switch {
			case tr.State == pipeline.SegmentConfirmed:
				if tr.Text != "ru:"+s.Text {
					t.Fatalf("round %d: %q kept the translation of another sentence: %q", round, s.Text, tr.Text)
				}
				kept++
			case oldCount[k] >= newCount[k]:
				t.Fatalf("round %d: unchanged %q lost its confirmed translation: %+v", round, s.Text, tr)
			case tr.State != pipeline.SegmentEmpty:
				t.Fatalf("round %d: new or changed %q is %s, not flagged", round, s.Text, tr.State)
			default:
				flagged++
				if ch, ok := changed[s.ID]; ok && (ch.PrevTarget != "ru:"+ch.PrevSource || tr.Text != ch.PrevTarget) {
					t.Fatalf("round %d: changed %q lost its old translation: %+v, now %q", round, s.Text, ch, tr.Text)
				}
			}
		}
		c = confirmAll(t, db, a, pipeline.Russian)
	}
	t.Logf("%d translations kept, %d flagged over 30 revisions", kept, flagged)
	if revs, err := db.FindRevisions(ctx, a.ID); err != nil || len(revs) < 25 {
		t.Fatalf("%d revisions kept, %v", len(revs), err)
	}
}
