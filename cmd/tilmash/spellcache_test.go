package main

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

type countingSpeller struct{ calls int }

func (s *countingSpeller) Misspelled(string, pipeline.Lang) bool { s.calls++; return true }

// TestSpellCacheBounded: the cache keeps its answers within its entry and byte limits however
// long the words, and does not keep words longer than any dictionary word.
func TestSpellCacheBounded(t *testing.T) {
	t.Parallel()
	next := &countingSpeller{}
	c := newSpellCache(next)
	// Distinct words of 30 letters (60 bytes): the byte limit is reached before the entry limit.
	word := func(i int) string {
		var b strings.Builder
		for k := 0; k < 30; k++ {
			b.WriteRune('а' + rune(i%32))
			i /= 32
		}
		return b.String()
	}
	for i := range 2 * spellCacheBytes / (60 + spellEntryOverhead) {
		c.Misspelled(word(i), pipeline.Russian)
		if c.bytes > spellCacheBytes || len(c.known) > spellCacheLimit {
			t.Fatalf("after %d words the cache holds %d entries and %d bytes; limits %d and %d",
				i+1, len(c.known), c.bytes, spellCacheLimit, spellCacheBytes)
		}
	}
	long := strings.Repeat("ж", 100)
	before := next.calls
	c.Misspelled(long, pipeline.Russian)
	c.Misspelled(long, pipeline.Russian)
	if next.calls-before != 2 {
		t.Errorf("a 200-byte word was answered %d times by the speller for two questions; want 2 (not cached)", next.calls-before)
	}
	if _, ok := c.known[spellKey{pipeline.Russian, long}]; ok {
		t.Error("a 200-byte word is cached")
	}
	c.Misspelled("слово", pipeline.Russian)
	before = next.calls
	c.Misspelled("слово", pipeline.Russian)
	if next.calls != before {
		t.Error("a short word was not answered from the cache")
	}
}
