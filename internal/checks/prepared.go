package checks

import (
	"sync"

	"github.com/tilmash/tilmash/pipeline"
)

// Prepared is a text read once for the checks: its markup found and stripped, its words, its
// numbers in its language and its weighted length. Check calls on the same text share it, as the
// source sentence is shared by its translations into three languages. It is never changed after
// Prepare, so any number of goroutines may use it.
type Prepared struct {
	text    string
	lang    pipeline.Lang
	entries []preparedText // the text and, when markup changes it, its stripped form
}

// Prepare reads s, a text in lang, for the checks.
func Prepare(s string, lang pipeline.Lang) *Prepared {
	m := &wordMemo{}
	m.words(s)
	m.numbers(s, lang)
	m.weightedLength(s)
	m.words(m.stripped(s))
	return &Prepared{text: s, lang: lang, entries: m.texts}
}

// PreparedCache keeps the prepared form of the texts Check is given most often (the sources, one
// per segment, checked against each translation), so that each is read once. It is safe for
// concurrent use, and forgets everything when it holds more than preparedCacheBytes of text or
// preparedCacheEntries texts, which bounds its memory without bookkeeping. The zero value is
// empty and ready.
type PreparedCache struct {
	mu    sync.Mutex
	texts map[preparedKey]*Prepared
	bytes int
}

type preparedKey struct {
	text string
	lang pipeline.Lang
}

const (
	preparedCacheEntries = 20_000
	preparedCacheBytes   = 4 << 20 // of text; what is kept per text is a small multiple of it
)

// get returns the prepared form of s in lang, preparing it on first use.
func (c *PreparedCache) get(s string, lang pipeline.Lang) *Prepared {
	k := preparedKey{s, lang}
	c.mu.Lock()
	p, ok := c.texts[k]
	c.mu.Unlock()
	if ok {
		return p
	}
	p = Prepare(s, lang) // outside the lock: concurrent checks prepare other texts meanwhile
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.texts == nil || len(c.texts) >= preparedCacheEntries || c.bytes+len(s) > preparedCacheBytes {
		c.texts, c.bytes = map[preparedKey]*Prepared{}, 0
	}
	if _, ok := c.texts[k]; !ok && len(s) <= preparedCacheBytes/16 {
		c.texts[k] = p
		c.bytes += len(s)
	}
	return p
}

// seed gives the memo the prepared entries of p, copied: the memo may fill in more of them
// (numbers in another language), and p stays as it is. The slices are shared; the checks never
// change what the memo returns.
func (m *wordMemo) seed(p *Prepared) {
	for _, e := range p.entries {
		if m.has(e.s) {
			continue
		}
		m.texts = append(m.texts, e)
	}
}

// has reports whether s is in the memo already.
func (m *wordMemo) has(s string) bool {
	for i := range m.texts {
		if m.texts[i].s == s {
			return true
		}
	}
	return false
}
