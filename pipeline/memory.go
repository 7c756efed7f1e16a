package pipeline

import (
	"hash/fnv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MemoryEntry is one translated sentence in the translation memory.
type MemoryEntry struct {
	ID         int64
	SourceLang Lang
	TargetLang Lang
	Source     string
	Target     string
	ArticleID  *int64
	CreatedBy  string
	UpdatedAt  time.Time
}

// MemoryView is a memory entry as the memory browser shows it: where it came from and how it
// has been used, with the version an edit must name.
type MemoryView struct {
	MemoryEntry
	// Provenance: the article (title and ID, when it is still ours) and edition it was confirmed
	// in, or the imported file it came from, with the article that file named.
	ArticleTitle  string
	ImportID      *int64
	ImportFile    string
	SourceArticle string
	CreatedAt     time.Time
	UpdatedBy     string // the editor who last changed it in the browser, "" if none did
	// Usage: how many segments it filled, and when it last did.
	UseCount   int
	LastUsedAt *time.Time
	Version    int
}

// MemoryQuery chooses entries in the memory browser: one language pair, and text contained in the
// source or the target (ignoring case); an empty Text lists the pair's newest entries.
type MemoryQuery struct {
	Source, Target Lang
	Text           string
	InTarget       bool // search the target text instead of the source
	Limit, Offset  int
}

// MemoryEdit is an editor's change of a memory entry, based on the version they saw.
type MemoryEdit struct {
	ID      int64
	Version int
	Source  string
	Target  string
	Actor   string
}

// MaxMemoryTextBytes bounds a memory entry's source and target text as edited in the browser.
const MaxMemoryTextBytes = 10000

// MemoryMatch is a memory entry found for a source text, with its score from 0 to 100. Context
// means the entry's neighbouring sentences matched too: the strongest evidence that the old
// translation fits here.
type MemoryMatch struct {
	Entry   MemoryEntry
	Score   int
	Context bool
}

// Memory match origins.
const (
	OriginMemoryExact   = "tm:100"
	OriginMemoryContext = "tm:context"
)

// MemoryThreshold is the lowest fuzzy score offered to translators by default.
const MemoryThreshold = 75

var quoteFold = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‟", `"`, "「", `"`, "」", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "`", "'",
	"\u00a0", " ", "\u2009", " ", "\u202f", " ",
)

// NormalizeForMemory is the key under which a sentence is stored and looked up: NFC, one kind of
// quote, single spaces, trimmed. Case and punctuation otherwise stay: they change translations.
func NormalizeForMemory(s string) string {
	s = quoteFold.Replace(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// MemoryShingles returns hashes of the overlapping three-word sequences of a normalised sentence
// (of its words, for sentences under three words), lower-cased; Chinese characters count as words.
// A fuzzy match shares at least one with the sentence it matches unless nearly every third word
// changed, in which case it would score below any useful threshold anyway; so shingles find the
// few candidates worth scoring among hundreds of thousands of entries, where trigrams alone match
// almost everything. Sequences of short function words only ("of the", "и в") are left out:
// nearly every sentence has one, and they would make every entry a candidate.
func MemoryShingles(normalized string) []int64 {
	words := memoryWords(strings.ToLower(normalized))
	n := 3
	if len(words) < n {
		n = 1
	}
	seen := map[int64]bool{}
	var out []int64
	for i := 0; i+n <= len(words); i++ {
		if n > 1 && allShort(words[i:i+n]) {
			continue
		}
		h := fnv.New64a()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		v := int64(h.Sum64())
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if len(out) == 0 && len(words) > 0 { // only function words: the sentence itself is the key
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words, " ")))
		out = append(out, int64(h.Sum64()))
	}
	return out
}

// memoryWords splits on spaces, and Chinese (Han) characters into words of their own.
func memoryWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		start := 0
		for i, r := range f {
			if unicode.Is(unicode.Han, r) {
				if start < i {
					out = append(out, f[start:i])
				}
				out = append(out, string(r))
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(f) {
			out = append(out, f[start:])
		}
	}
	return out
}

// allShort reports whether every word is a short non-Chinese word (three letters or fewer).
func allShort(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) > 3 || unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
