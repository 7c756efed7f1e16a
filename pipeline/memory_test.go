package pipeline

import "testing"

func TestNormalizeForMemory(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"  The  “Belt and Road”\u00a0Initiative ": `The "Belt and Road" Initiative`,
		"Центральная\tАзия «сегодня»":             `Центральная Азия "сегодня"`,
		"region’s": "region's",
	} {
		if got := NormalizeForMemory(in); got != want {
			t.Errorf("NormalizeForMemory(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMemoryShingles(t *testing.T) {
	t.Parallel()
	a := MemoryShingles(NormalizeForMemory("China has significantly strengthened its position in Central Asia."))
	b := MemoryShingles(NormalizeForMemory("China has steadily strengthened its position in Central Asia."))
	if !shareOne(a, b) {
		t.Error("a one-word revision shares no shingle with the original")
	}
	if shareOne(a, MemoryShingles("Trade between the two countries grew by a third.")) {
		t.Error("unrelated sentences share a shingle")
	}
	zh := MemoryShingles("中国显著加强了在中亚的地位。")
	if len(zh) < 5 || !shareOne(zh, MemoryShingles("中国大大加强了在中亚的地位。")) {
		t.Errorf("Chinese sentences are not split into character shingles: %d", len(zh))
	}
	if len(MemoryShingles("of the")) != 2 || len(MemoryShingles("")) != 0 {
		t.Error("short texts")
	}
	// Sequences of short function words are not keys.
	if shareOne(MemoryShingles("it is in the way of the old"), MemoryShingles("all of it is in the sea")) {
		t.Error("function-word sequences match")
	}
}

func shareOne(a, b []int64) bool {
	set := map[int64]bool{}
	for _, x := range a {
		set[x] = true
	}
	for _, y := range b {
		if set[y] {
			return true
		}
	}
	return false
}
