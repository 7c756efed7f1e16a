package workers

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// revisionCost follows one article through revisions with random edits: after each, the Russian
// edition's translate job runs against a counting translator, and the changed and added segments
// are confirmed, so that every revision starts from a fully confirmed edition.
type revisionCost struct {
	db      *postgres.DB
	tr      *fakeTranslator
	work    func(tb testing.TB, revisionID int64)
	article pipeline.Article
	paras   []string
	rng     *rand.Rand

	sent, expected int // characters sent to the translator, and in changed and added segments
	lost           int // unchanged segments that lost their confirmed translation
	revisions      int
	edits          int
}

func newRevisionCost(tb testing.TB, seed uint64) *revisionCost {
	tb.Helper()
	ctx := context.Background()
	b, err := os.ReadFile("../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		tb.Fatal(err)
	}
	rc := &revisionCost{db: postgrestest.Store(tb), tr: &fakeTranslator{}, rng: rand.New(rand.NewPCG(seed, 8))}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			rc.paras = append(rc.paras, line)
		}
	}
	in, err := ingest.Prepare(pipeline.IngestRequest{Text: rc.text(), SourceLang: pipeline.English, CreatedBy: "bench"}, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if rc.article, err = rc.db.CreateArticle(ctx, in); err != nil {
		tb.Fatal(err)
	}
	ru, err := rc.db.FindEdition(ctx, rc.article.ID, pipeline.Russian)
	if err != nil {
		tb.Fatal(err)
	}
	cfg := Config{Store: rc.db, Check: noFindings, BatchSize: 50,
		Route: func(pipeline.Lang, pipeline.Lang) (pipeline.Translator, bool) { return rc.tr, true }}
	w := rivertest.NewWorker(tb, riverpgxv5.New(nil), &river.Config{}, &TranslateWorker{cfg: withDefaults(cfg)})
	rc.work = func(tb testing.TB, revisionID int64) {
		tb.Helper()
		tx, err := postgrestest.Pool(tb).Begin(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		defer tx.Rollback(ctx) // the job row only
		if _, err := w.Work(ctx, tb, tx, pipeline.TranslateJob{EditionID: ru.ID, RevisionID: revisionID}, nil); err != nil {
			tb.Fatal(err)
		}
	}
	rc.work(tb, rc.article.RevisionID)
	rc.confirm(tb)
	return rc
}

func (rc *revisionCost) text() string { return strings.Join(rc.paras, "\n\n") }

// confirm confirms every segment of the Russian edition that is not confirmed yet.
func (rc *revisionCost) confirm(tb testing.TB) {
	tb.Helper()
	ctx := context.Background()
	c, err := rc.db.FindEditionContent(ctx, rc.article.ID, pipeline.Russian)
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range c.Segments {
		tr := c.Translations[s.ID]
		if tr.State == pipeline.SegmentConfirmed {
			continue
		}
		if _, err := rc.db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: s.ID,
			Text: "ru: " + s.Text, BaseVersion: tr.Version, Confirm: true, User: "olga"}); err != nil {
			tb.Fatal(err)
		}
	}
}

// edit changes the article as an author might: a word fixed, a sentence added or rewritten, a
// paragraph removed, moved, split or merged.
func (rc *revisionCost) edit() {
	rc.edits++
	p := rc.rng.IntN(len(rc.paras))
	switch rc.rng.IntN(7) {
	case 0:
		w := strings.Fields(rc.paras[p])
		k := rc.rng.IntN(len(w))
		if r, _ := utf8.DecodeRuneInString(w[k]); unicode.IsLetter(r) {
			w[k] = "notably " + w[k]
		}
		rc.paras[p] = strings.Join(w, " ")
	case 1:
		rc.paras[p] += fmt.Sprintf(" This sentence was added in edit %d.", rc.edits)
	case 2:
		rc.paras = slices.Insert(rc.paras, p, fmt.Sprintf("A new paragraph about regional dialogue, from edit %d.", rc.edits))
	case 3:
		if len(rc.paras) > 20 {
			rc.paras = slices.Delete(rc.paras, p, p+1)
		}
	case 4:
		para := rc.paras[p]
		rc.paras = slices.Delete(rc.paras, p, p+1)
		rc.paras = slices.Insert(rc.paras, rc.rng.IntN(len(rc.paras)+1), para)
	case 5:
		if i := strings.Index(rc.paras[p], ". "); i > 0 {
			rc.paras = slices.Insert(rc.paras, p+1, rc.paras[p][i+2:])
			rc.paras[p] = rc.paras[p][:i+1]
		}
	default:
		if p+1 < len(rc.paras) {
			rc.paras[p] += " " + rc.paras[p+1]
			rc.paras = slices.Delete(rc.paras, p+1, p+2)
		}
	}
}

// revise makes one revision of a few random edits, runs the translate job and counts.
func (rc *revisionCost) revise(tb testing.TB) {
	tb.Helper()
	ctx := context.Background()
	for range 1 + rc.rng.IntN(3) {
		rc.edit()
	}
	in, err := ingest.Prepare(pipeline.IngestRequest{Text: rc.text(), SourceLang: pipeline.English, CreatedBy: "bench"}, 0)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := rc.db.CreateRevision(ctx, pipeline.NewRevision{ArticleID: rc.article.ID, Request: in.Request, Doc: in.Doc, Segments: in.Segments})
	if err != nil {
		tb.Fatal(err)
	}
	if !res.Changed {
		return
	}
	rc.revisions++
	d, err := rc.db.FindRevision(ctx, rc.article.ID, res.Revision.Number)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := rc.db.FindEditionContent(ctx, rc.article.ID, pipeline.Russian)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range d.Alignment {
		switch p.Kind {
		case pipeline.AlignChanged, pipeline.AlignAdded:
			rc.expected += utf8.RuneCountInString(p.Segment.Text)
		case pipeline.AlignUnchanged, pipeline.AlignMoved:
			if c.Translations[p.Segment.ID].State != pipeline.SegmentConfirmed {
				rc.lost++
			}
		}
	}
	before := rc.sentChars()
	rc.work(tb, res.Revision.ID)
	rc.sent += rc.sentChars() - before
	rc.confirm(tb)
}

func (rc *revisionCost) sentChars() int {
	rc.tr.mu.Lock()
	defer rc.tr.mu.Unlock()
	n := 0
	for _, s := range rc.tr.sent {
		n += utf8.RuneCountInString(s)
	}
	return n
}

// TestRevisionSendsOnlyWhatChanged revises the sample article twenty times and checks that
// machine translation received the changed and added segments and nothing else, and that no
// unchanged segment lost its confirmed translation.
func TestRevisionSendsOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	rc := newRevisionCost(t, 5)
	for range 20 {
		rc.revise(t)
	}
	if rc.lost != 0 {
		t.Errorf("%d unchanged segments lost their confirmed translation", rc.lost)
	}
	ratio := float64(rc.sent) / float64(rc.expected)
	t.Logf("%d revisions: %d characters sent for %d changed or added (ratio %.3f)", rc.revisions, rc.sent, rc.expected, ratio)
	if rc.expected == 0 || ratio > 1.05 || ratio < 0.95 {
		t.Errorf("sent %d characters for %d changed or added: ratio %.3f, want 0.95–1.05", rc.sent, rc.expected, ratio)
	}
}

// BenchmarkRevisionCost reports, over b.N revisions with random edits, the characters sent to
// machine translation per character of changed and added segments (mt_ratio, target ≤ 1.05) and
// the unchanged segments that lost their confirmed state (lost, target 0).
func BenchmarkRevisionCost(b *testing.B) {
	rc := newRevisionCost(b, 9)
	for b.Loop() {
		rc.revise(b)
	}
	if rc.expected > 0 {
		b.ReportMetric(float64(rc.sent)/float64(rc.expected), "mt_ratio")
	}
	b.ReportMetric(float64(rc.lost), "lost")
	b.ReportMetric(float64(rc.expected)/float64(max(rc.revisions, 1)), "changed_chars/rev")
}
