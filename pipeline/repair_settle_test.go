package pipeline

import "testing"

// TestSettleRepairs: rejecting undoes, accepting marks, an answer other than the token adds the
// change that applies it, and decisions that name nothing, accept an undone change or pick a
// reading that was not offered are refused.
func TestSettleRepairs(t *testing.T) {
	t.Parallel()
	changes := []RepairChange{{ID: 1, Before: "inCentral", After: "in Central"}, {ID: 2, Before: "ofthe", After: "of the", Undone: true}}
	questions := []RepairQuestion{{ID: 3, Start: 40, End: 49, Token: "modernera", Candidates: []string{"modern era", "moderner a"}},
		{ID: 4, Token: "remainstable", Candidates: []string{"remain stable"}}}
	s, err := SettleRepairs(changes, questions, RepairDecisions{Reject: []int{0}, Answers: map[int]string{0: "modern era", 1: "remainstable"}}, "dana")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Changes[0].Undone || changes[0].Undone || !s.TextChanged || len(s.Added) != 1 || s.Added[0].After != "modern era" ||
		s.Added[0].Start != 40 || s.Added[0].Rule != RuleEditorAnswer || !s.Questions[1].Answered || s.Questions[1].Answer != "remainstable" ||
		OpenQuestions(s.Questions) != 0 || OpenQuestions(questions) != 2 {
		t.Fatalf("settled %+v", s)
	}
	if s, err := SettleRepairs(changes, questions, RepairDecisions{Accept: []int{0}, Answers: map[int]string{1: "remainstable"}}, "dana"); err != nil ||
		s.TextChanged || !s.Changes[0].Accepted {
		t.Fatalf("accepting and keeping changed the text: %+v %v", s, err)
	}
	for name, d := range map[string]RepairDecisions{
		"unknown change":   {Reject: []int{5}},
		"twice":            {Accept: []int{0}, Reject: []int{0}},
		"undone accepted":  {Accept: []int{1}},
		"unknown reading":  {Answers: map[int]string{0: "modern a"}},
		"unknown question": {Answers: map[int]string{9: "x"}},
	} {
		if _, err := SettleRepairs(changes, questions, d, "dana"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if CheckSourceApprovable(0) != nil || ErrorCode(CheckSourceApprovable(3)) != CodeIllegalState {
		t.Error("the source approval rule")
	}
}

func TestDetectLang(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]Lang{
		"Trade between China and Central Asia grew.":         English,
		"Торговля между Китаем и Центральной Азией выросла.": Russian,
		"Қытай мен Орталық Азия арасындағы сауда өсті.":      Kazakh,
		"中国与中亚之间的贸易增长了。 (Central Asia)":                      Chinese,
	} {
		if got, ok := DetectLang(text); got != want || !ok {
			t.Errorf("DetectLang(%q) = %s %v, want %s", text, got, ok, want)
		}
	}
	if _, ok := DetectLang("2026 — 42 %"); ok {
		t.Error("a text without letters has a language")
	}
}
