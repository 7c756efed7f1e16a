package document

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
	"golang.org/x/text/unicode/norm"
)

// Sentences splits one block of text into sentences per the language's rules: it is
// text.Sentences, the splitter the checks count sentences with.
func Sentences(s string, lang pipeline.Lang) []string { return text.Sentences(s, lang) }

// Segments splits every block of doc into sentence segments, numbered in order (Position from 0,
// BlockIndex, SentenceIndex), with Kind from the block and Hash = Hash(Text). Blocks without text
// give no segments. ID and RevisionID are left for the store to fill.
func Segments(doc pipeline.Document, lang pipeline.Lang) []pipeline.Segment {
	var out []pipeline.Segment
	for bi, b := range doc.Blocks {
		for si, s := range Sentences(b.Text, lang) {
			out = append(out, pipeline.Segment{
				Position:      len(out),
				BlockIndex:    bi,
				SentenceIndex: si,
				Kind:          b.Kind,
				Text:          s,
				Hash:          Hash(s),
			})
		}
	}
	return out
}

// Hash is the content hash of a segment text: hex SHA-256 of its NFC form with whitespace runs
// collapsed to single spaces and trimmed. Texts that differ only in Unicode composition or
// spacing get the same hash, so alignment and translation memory find them.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(collapseSpaces(norm.NFC.String(text))))
	return hex.EncodeToString(sum[:])
}
