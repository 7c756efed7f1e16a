package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestSourceWaitsForRepairQuestions: an article created with an open repair question (and a
// repair the editor rejected before creating it) keeps both decisions; its source edition cannot
// be approved until the question is answered; answering it with another reading re-segments the
// text and keeps the segment rows of the unchanged sentences, and the approval then goes through.
func TestSourceWaitsForRepairQuestions(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	body := "A title\n\nTrade grew inCentral Asia. The talks were Amidintensifying.\n"
	in, err := ingest.Prepare(pipeline.IngestRequest{Text: body, Format: pipeline.FormatText, SourceLang: pipeline.English,
		Slug: uniqueSlug("q"), CreatedBy: "dana"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(body, "Amidintensifying")
	in.Repairs = []pipeline.RepairChange{{Start: 20, End: 29, Before: "inCentral", After: "in Central", Rule: "join", Undone: true}}
	in.Questions = []pipeline.RepairQuestion{{Start: at, End: at + len("Amidintensifying"), Token: "Amidintensifying",
		Candidates: []string{"Amid intensifying"}, Reason: "unknown"}}
	a, err := db.CreateArticle(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if a.RepairQuestions != 1 || a.Repairs != 0 {
		t.Fatalf("created with %d questions and %d active repairs", a.RepairQuestions, a.Repairs)
	}
	if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	src := edition(t, db, a, pipeline.English)
	firstID := src.Segments[0].ID
	if _, err := db.ApproveEdition(ctx, src.Edition.ID, pipeline.Approval{Actor: "editor"}); pipeline.ErrorCode(err) != pipeline.CodeIllegalState ||
		!strings.Contains(err.Error(), "1 repair questions are open") {
		t.Fatalf("approving with an open question: %v", err)
	}

	rep, err := db.FindRepairs(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) != 1 || !rep.Changes[0].Undone || len(rep.Questions) != 1 || rep.Questions[0].Answered {
		t.Fatalf("record %+v", rep)
	}
	q := rep.Questions[0]
	settled, err := pipeline.SettleRepairs(rep.Changes, rep.Questions, pipeline.RepairDecisions{Answers: map[int]string{0: "Amid intensifying"}}, "dana")
	if err != nil {
		t.Fatal(err)
	}
	doc, segs, err := ingest.Parse(ingest.RepairedText(rep.Body, settled.Active()), rep.Format, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	s := pipeline.RepairSettlement{ArticleID: a.ID, RevisionID: rep.RevisionID, Version: rep.Version, Actor: "dana",
		Answers: map[int64]string{q.ID: "Amid intensifying"}, Added: settled.Added, TextChanged: true, Doc: doc, Segments: segs}
	if err := db.SettleRepairs(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := db.SettleRepairs(ctx, s); pipeline.ErrorCode(err) != pipeline.CodeConflict {
		t.Fatalf("the same decisions on a stale version: %v", err)
	}
	after := edition(t, db, a, pipeline.English)
	var text strings.Builder
	for _, sg := range after.Segments {
		text.WriteString(sg.Text + " ")
	}
	if got := text.String(); !strings.Contains(got, "Amid intensifying") || !strings.Contains(got, "inCentral") {
		t.Errorf("the source after the answer: %s", got)
	}
	if after.Segments[0].ID != firstID {
		t.Errorf("the unchanged title got a new segment row")
	}
	if a, _ = db.FindArticleByID(ctx, a.ID); a.RepairQuestions != 0 {
		t.Errorf("%d questions open after the answer", a.RepairQuestions)
	}
	if _, err := db.ApproveEdition(ctx, src.Edition.ID, pipeline.Approval{Actor: "editor"}); err != nil {
		t.Fatalf("approving once answered: %v", err)
	}

	// A new revision keeps its own repair record. The word answered with another reading is asked
	// about again when a new text brings it back; a word kept as written is not.
	rep, err = db.FindRepairs(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	text2 := "A new title\n\nTrade grew in Central Asia. The talks were Amidintensifying.\n"
	in2, err := ingest.Prepare(pipeline.IngestRequest{Text: text2, Format: pipeline.FormatText, SourceLang: pipeline.English, CreatedBy: "dana"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	at2 := strings.Index(text2, "Amidintensifying")
	q2 := pipeline.RepairQuestion{Start: at2, End: at2 + len("Amidintensifying"), Token: "Amidintensifying", Candidates: []string{"Amid intensifying"}}
	res, err := db.CreateRevision(ctx, pipeline.NewRevision{ArticleID: a.ID, Request: in2.Request, Doc: in2.Doc, Segments: in2.Segments,
		Repairs: []pipeline.RepairChange{{Start: 0, End: 1, Before: "A", After: "A", Rule: "test"}}, Questions: []pipeline.RepairQuestion{q2}})
	if err != nil || !res.Changed {
		t.Fatalf("revision: %v %+v", err, res)
	}
	rep2, err := db.FindRepairs(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rep2.RevisionID == rep.RevisionID || len(rep2.Changes) != 1 || len(rep2.Questions) != 1 || rep2.Questions[0].Answered {
		t.Fatalf("the new revision's record: %+v", rep2)
	}
	keep := pipeline.RepairSettlement{ArticleID: a.ID, RevisionID: rep2.RevisionID, Version: rep2.Version, Actor: "dana",
		Answers: map[int64]string{rep2.Questions[0].ID: "Amidintensifying"}}
	if err := db.SettleRepairs(ctx, keep); err != nil {
		t.Fatal(err)
	}
	text3 := text2 + "\nOne more paragraph.\n"
	in3, err := ingest.Prepare(pipeline.IngestRequest{Text: text3, Format: pipeline.FormatText, SourceLang: pipeline.English, CreatedBy: "dana"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateRevision(ctx, pipeline.NewRevision{ArticleID: a.ID, Request: in3.Request, Doc: in3.Doc, Segments: in3.Segments,
		Questions: []pipeline.RepairQuestion{q2}}); err != nil {
		t.Fatal(err)
	}
	if a, _ = db.FindArticleByID(ctx, a.ID); a.RepairQuestions != 0 {
		t.Errorf("the word kept as written is asked about again: %d open", a.RepairQuestions)
	}
}
