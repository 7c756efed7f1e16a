package main

import (
	"fmt"
	"testing"
)

// answerRepairQuestions answers every open repair question of the article's current revision
// through the API, as an editor who keeps each word as written, so that its source edition can be
// approved.
func answerRepairQuestions(t *testing.T, env *testEnv, id int64) {
	t.Helper()
	ed := env.users["ed"]
	path := fmt.Sprintf("/api/v1/articles/%d/repairs", id)
	rep := ed.must("GET", path, nil, 200)
	answers := map[string]any{}
	for _, q := range rep["questions"].([]any) {
		if m := q.(map[string]any); m["answered"] == false {
			answers[fmt.Sprint(int64(m["id"].(float64)))] = m["token"]
		}
	}
	if len(answers) == 0 {
		return
	}
	if code, out := ed.do("POST", path+"/settle", map[string]any{"version": rep["version"], "answers": answers}); code != 200 {
		t.Fatalf("answering the repair questions: %d %v", code, out)
	}
	if a := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d", id), nil, 200); a["repair_questions"].(float64) != 0 {
		t.Fatalf("after answering, %v questions are open", a["repair_questions"])
	}
	if code, _ := ed.do("POST", path+"/settle", map[string]any{"version": rep["version"], "answers": answers}); code != 409 {
		t.Errorf("the same answers on a stale version: %d, want 409", code)
	}
}
