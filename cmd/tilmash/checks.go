package main

import (
	"log/slog"
	"sync"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// checkRunner runs the automated checks, with spelling when the Hunspell dictionaries are installed.
type checkRunner struct {
	spell    checks.Speller
	prepared checks.PreparedCache // each source is read once for its three translations

	// The termbase converted for the checks, for the concepts slice it came from: a check job
	// passes the same slice with every segment of its edition.
	termsMu   sync.Mutex
	termsFrom []pipeline.Concept // held, so that its array is not reused for another slice
	terms     []checks.Term
}

// newChecks loads the spelling dictionaries once; without them the spelling check is off and the
// others run.
func newChecks(log *slog.Logger) *checkRunner {
	c := &checkRunner{}
	if s, err := checks.DebianSpeller(); err == nil {
		c.spell = newSpellCache(s)
	} else {
		log.Warn("spelling check disabled", "reason", err)
	}
	return c
}

// Check runs every check on one segment.
func (c *checkRunner) Check(u pipeline.CheckUnit) []pipeline.Finding {
	opts := checks.Options{Terms: c.qaTerms(u.Terms), Spell: c.spell, Prepared: &c.prepared}
	if len(u.Others) > 0 {
		others := u.Others
		opts.OtherTranslations = func(string) []string { return others }
	}
	return checks.Check(u, opts)
}

// qaTerms converts concepts for the checks, once for each concepts slice it is given in a row
// (the checks only read the terms; the store returns a new slice for every read of the
// termbase). A different slice, or one of another length, is converted anew.
func (c *checkRunner) qaTerms(concepts []pipeline.Concept) []checks.Term {
	if len(concepts) == 0 {
		return nil
	}
	c.termsMu.Lock()
	defer c.termsMu.Unlock()
	if len(c.termsFrom) != len(concepts) || &c.termsFrom[0] != &concepts[0] {
		c.termsFrom, c.terms = concepts, qaTerms(concepts)
	}
	return c.terms
}

func qaTerms(concepts []pipeline.Concept) []checks.Term {
	out := make([]checks.Term, len(concepts))
	for i, c := range concepts {
		out[i] = checks.Term{Terms: c.Terms, Forbidden: c.Forbidden, DoNotTranslate: c.DoNotTranslate}
	}
	return out
}

// termHints finds the termbase entries in a batch of texts, for providers that use glossaries.
func termHints(texts []string, source, target pipeline.Lang, concepts []pipeline.Concept) []pipeline.TermHint {
	var out []pipeline.TermHint
	for _, c := range concepts {
		src, ok := c.Terms[source]
		if !ok {
			continue
		}
		tgt := c.Terms[target]
		if c.DoNotTranslate {
			tgt = src
		}
		if tgt == "" {
			continue
		}
		for _, t := range texts {
			if _, _, found := checks.FindTerm(t, src, source); found {
				out = append(out, pipeline.TermHint{Source: src, Target: tgt, DoNotTranslate: c.DoNotTranslate})
				break
			}
		}
	}
	return out
}

// spellCache remembers the speller's answers: articles repeat their words, and a dictionary lookup
// with affix stripping costs far more than a map read. It forgets everything when it grows past
// its limits, on entries and on the bytes of the words it holds, which bounds memory without
// bookkeeping. Words longer than spellCacheWordBytes are answered without being remembered: no
// dictionary word is that long, and a few such words must not fill the cache.
type spellCache struct {
	next  checks.Speller
	mu    sync.Mutex
	known map[spellKey]bool
	bytes int // the words' bytes plus spellEntryOverhead per entry
}

type spellKey struct {
	lang pipeline.Lang
	word string
}

const (
	spellCacheLimit     = 200_000
	spellCacheBytes     = 16 << 20
	spellCacheWordBytes = 128
	spellEntryOverhead  = 48 // the key's headers and the map's share per entry, roughly
)

func newSpellCache(next checks.Speller) *spellCache {
	return &spellCache{next: next, known: map[spellKey]bool{}}
}

func (c *spellCache) Misspelled(word string, lang pipeline.Lang) bool {
	if len(word) > spellCacheWordBytes {
		return c.next.Misspelled(word, lang)
	}
	k := spellKey{lang, word}
	c.mu.Lock()
	v, ok := c.known[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = c.next.Misspelled(word, lang)
	size := len(word) + spellEntryOverhead
	c.mu.Lock()
	if _, ok := c.known[k]; !ok {
		if len(c.known) >= spellCacheLimit || c.bytes+size > spellCacheBytes {
			c.known, c.bytes = map[spellKey]bool{}, 0
		}
		c.known[k] = v
		c.bytes += size
	}
	c.mu.Unlock()
	return v
}
