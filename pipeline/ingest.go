package pipeline

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// DefaultMaxBodyBytes is the largest article text accepted unless configured otherwise.
const DefaultMaxBodyBytes = 2 << 20

// Limits on one article unless configured otherwise. Every segment becomes a row per edition, a
// translation job's share, a check and a line in the workbench: 250,000 one-word sentences once
// made 750,000 rows and took over a minute to store. Analytical articles have a few hundred
// sentences of at most a few hundred characters; a sentence of thousands is text that lost its
// full stops and paragraph breaks on the way, and no translator can review it as one segment.
const (
	DefaultMaxSegments     = 5000
	DefaultMaxSegmentChars = 4000
)

// ArticleLimits bound what one article may hold: its sentence segments, and the characters
// (Unicode code points, inline markup placeholders included) of each. Zero means the default.
type ArticleLimits struct {
	MaxSegments     int
	MaxSegmentChars int
}

// Effective returns the limits with defaults in place of zeros.
func (l ArticleLimits) Effective() ArticleLimits {
	if l.MaxSegments <= 0 {
		l.MaxSegments = DefaultMaxSegments
	}
	if l.MaxSegmentChars <= 0 {
		l.MaxSegmentChars = DefaultMaxSegmentChars
	}
	return l
}

// Check refuses segments past the limits with an error a person can read (CodeTooLarge). It is
// the one place the rule lives: every way an article or a revision comes in (API, upload, CLI)
// is prepared by ingest.Preparer, which applies it before anything is stored.
func (l ArticleLimits) Check(segs []Segment) error {
	l = l.Effective()
	if len(segs) > l.MaxSegments {
		return &Error{Code: CodeTooLarge, MessageID: "error.limits.too_many_segments",
			Data: map[string]any{"Sentences": len(segs), "Limit": l.MaxSegments},
			Err:  fmt.Errorf("%d segments, limit %d", len(segs), l.MaxSegments)}
	}
	for _, s := range segs {
		if len(s.Text) <= l.MaxSegmentChars { // bytes never undercount characters
			continue
		}
		if n := utf8.RuneCountInString(s.Text); n > l.MaxSegmentChars {
			return &Error{Code: CodeTooLarge, MessageID: "error.limits.segment_too_long",
				Data: map[string]any{"Position": s.Position + 1, "Length": n, "Limit": l.MaxSegmentChars},
				Err:  fmt.Errorf("segment %d has %d characters, limit %d", s.Position+1, n, l.MaxSegmentChars)}
		}
	}
	return nil
}

// IngestRequest is an article as a person or a program submits it.
type IngestRequest struct {
	Text       string
	Format     Format
	SourceLang Lang
	Slug       string // optional; derived from the title when empty
	Category   string
	Byline     string // optional; the byline found in the text otherwise
	CreatedBy  string
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Validate checks what can be checked before parsing: size, encoding, emptiness, and the shape of
// the optional fields. maxBytes <= 0 means DefaultMaxBodyBytes.
func (r *IngestRequest) Validate(maxBytes int) error {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBodyBytes
	}
	if !r.SourceLang.Valid() {
		_, err := ParseLang(string(r.SourceLang))
		return err
	}
	if len(r.Text) > maxBytes {
		return &Error{Code: CodeTooLarge, MessageID: "error.text_too_large",
			Data: map[string]any{"Limit": maxBytes}, Err: fmt.Errorf("text is %d bytes, limit %d", len(r.Text), maxBytes)}
	}
	if !utf8.ValidString(r.Text) {
		return &Error{Code: CodeInvalid, MessageID: "error.text_invalid_utf8", Err: fmt.Errorf("text is not valid UTF-8")}
	}
	if strings.TrimSpace(strings.ReplaceAll(r.Text, "\u00a0", " ")) == "" {
		return &Error{Code: CodeInvalid, MessageID: "error.text_empty", Err: fmt.Errorf("text is empty")}
	}
	if r.Slug != "" && (len(r.Slug) > 120 || !slugPattern.MatchString(r.Slug)) {
		return &Error{Code: CodeInvalid, MessageID: "error.slug_invalid", Data: map[string]any{"Slug": r.Slug},
			Err: fmt.Errorf("slug %q must be lower-case letters, digits and single hyphens", r.Slug)}
	}
	if len(r.Category) > 80 || strings.ContainsAny(r.Category, "/?#") {
		return &Error{Code: CodeInvalid, MessageID: "error.category_invalid", Err: fmt.Errorf("category %q is not acceptable", r.Category)}
	}
	// Both are single lines of text: no NUL, no control characters, valid UTF-8.
	if f, c := CheckText(r.Category, true); f != TextOK {
		return &Error{Code: CodeInvalid, MessageID: "error.category_invalid",
			Err: fmt.Errorf("category: %s (%s)", f, RuneCode(c))}
	}
	if f, c := CheckText(r.Byline, true); f != TextOK {
		return &Error{Code: CodeInvalid, MessageID: "error.byline_invalid", Err: fmt.Errorf("byline: %s (%s)", f, RuneCode(c))}
	}
	if len(r.Byline) > 300 {
		return &Error{Code: CodeInvalid, MessageID: "error.byline_invalid", Err: fmt.Errorf("byline is over 300 bytes")}
	}
	return nil
}

// NewArticle is a parsed, segmented article ready to be stored with its first revision.
type NewArticle struct {
	Request  IngestRequest
	Doc      Document
	Segments []Segment
	// SourceFormat is the format the article arrived in when it differs from Request.Format: a
	// web page or a Word document is stored as the Markdown text extracted from it.
	SourceFormat Format
	// Repairs and Questions are what the text repair changed in Request.Text and what it left
	// for an editor to decide; the segments are of the repaired text.
	Repairs   []RepairChange
	Questions []RepairQuestion
}

// Slugify derives a URL slug from a title: Latin letters and digits as they are (lower-cased),
// Cyrillic transliterated, anything else a separator. A title with nothing usable (Chinese, for
// instance) gives "article"; the store makes slugs unique.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		var s string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			s = string(r)
		default:
			var known bool
			if s, known = cyrillicToLatin[r]; known && s == "" {
				continue // hard and soft signs have no Latin letter
			}
		}
		if s == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
		if b.Len() >= 80 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "article"
	}
	return out
}

var cyrillicToLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'ә': "a", 'ғ': "g", 'қ': "q", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
}
