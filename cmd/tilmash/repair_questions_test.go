package main

import (
	"testing"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// answerRepairQuestions answers every open repair question of the article's current revision as
// an editor who keeps each word as written, so that its source edition can be approved.
func answerRepairQuestions(t *testing.T, env *testEnv, id int64) {
	t.Helper()
	ctx := t.Context()
	a, err := env.app.store.FindArticleByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := env.app.store.FindRepairs(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	v := kit.RepairVerdicts{Answers: map[int64]string{}}
	for _, q := range rep.Questions {
		if !q.Answered {
			v.Answers[q.ID] = q.Token
		}
	}
	if len(v.Answers) == 0 {
		return
	}
	if err := kit.SettleRepairs(ctx, env.app.store, a, rep, v, "ed"); err != nil {
		t.Fatal(err)
	}
	if a, err = env.app.store.FindArticleByID(ctx, id); err != nil || a.RepairQuestions != 0 {
		t.Fatalf("after answering, %d questions are open (%v)", a.RepairQuestions, err)
	}
}
