// Package pseudo is a machine-translation provider for localisation testing: it renders every
// text as a deterministic pseudo-translation that is visibly marked, written in the target
// language's script and about 30% longer, so that layouts, fonts, truncation and untranslated
// strings show up before real translations exist. It never contacts a network.
//
// A pseudo-translation looks like
//
//	Hello, {name}! See https://example.com/a?b=1 for 21 items.
//	[kk] ⟦Һеллө, {name}! Ѕее https://example.com/a?b=1 фөг 21 ітемѕ. әіңғүұқөһ⟧
//
// Numbers, URLs, e-mail addresses, placeholders ({x}, {{.X}}, ${x}, %s, %[1]d), HTML tags and
// entities are kept byte for byte. Letters are replaced by look-alikes of the target script:
// accented Latin for en, Cyrillic for ru, Cyrillic with the Kazakh letters ә і ң ғ ү ұ қ ө һ for
// kk, and for zh every word becomes a run of CJK characters chosen by a hash of the word, so the
// same word always gives the same characters. Cyrillic input is transliterated for en and
// adapted between ru and kk; Chinese input becomes pseudo-syllables for the other targets. The
// result is padded with filler letters inside the brackets to about 130% of the input's length.
// Blank texts stay blank.
package pseudo

import (
	"context"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// Name is the provider name, as it appears in origins ("mt:pseudo").
const Name = "pseudo"

// Config tunes the pseudo-translation.
type Config struct {
	// Expansion is how much longer than the input the output should be, markers included, as a
	// fraction: 0.3 (the default when zero) gives about 130%. It must lie in [0, 2].
	Expansion float64
}

// Client produces pseudo-translations. It is safe for concurrent use.
type Client struct {
	expansion float64
	letters   map[pipeline.Lang]map[rune]string
	cyrToLat  map[rune]string
	han       []rune
}

// New validates cfg and prepares the tables.
func New(cfg Config) (*Client, error) {
	if cfg.Expansion == 0 {
		cfg.Expansion = 0.3
	}
	if math.IsNaN(cfg.Expansion) || cfg.Expansion < 0 || cfg.Expansion > 2 {
		return nil, mthttp.Config(Name, "Expansion", fmt.Errorf("pseudo: Expansion %v is outside [0, 2]", cfg.Expansion))
	}
	return &Client{
		expansion: cfg.Expansion,
		letters: map[pipeline.Lang]map[rune]string{
			pipeline.English: pairs(latinToAccented),
			pipeline.Russian: pairs(latinToRussian + cyrillicToRussian),
			pipeline.Kazakh:  pairs(latinToKazakh + cyrillicToKazakh),
		},
		cyrToLat: pairs(cyrillicToLatin),
		han:      []rune(hanChars),
	}, nil
}

// Name returns "pseudo".
func (c *Client) Name() string { return Name }

// Translate pseudo-translates every text into req.TargetLang. An unknown source or target
// language is CodeUnsupported; a finished ctx is CodeUnavailable wrapping the context's error.
func (c *Client) Translate(ctx context.Context, req pipeline.TranslateRequest) ([]string, error) {
	if !req.SourceLang.Valid() || !req.TargetLang.Valid() {
		return nil, mthttp.Unsupported(Name, req.SourceLang, req.TargetLang,
			fmt.Errorf("pseudo: unsupported pair %q→%q", req.SourceLang, req.TargetLang))
	}
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, mthttp.Unavailable(Name, fmt.Errorf("pseudo: %w", ctx.Err()))
		}
		out[i] = c.Pseudo(t, req.TargetLang)
	}
	return out, nil
}

// Pseudo renders one text for target. It is a pure function of its arguments.
func (c *Client) Pseudo(text string, target pipeline.Lang) string {
	core := strings.TrimSpace(text)
	if core == "" {
		return text
	}
	if !target.Valid() {
		target = pipeline.English
	}
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]

	var b strings.Builder
	last := 0
	for _, loc := range protectedSpans(core) {
		c.transform(&b, core[last:loc[0]], target)
		b.WriteString(core[loc[0]:loc[1]])
		last = loc[1]
	}
	c.transform(&b, core[last:], target)

	open := "[" + string(target) + "] " + pipeline.PseudoOpen
	body := b.String()
	want := int(math.Round(float64(utf8.RuneCountInString(core)) * (1 + c.expansion)))
	have := utf8.RuneCountInString(open) + width(body) + 1
	return lead + open + body + padding(target, want-have) + pipeline.PseudoClose + trail
}

// transform rewrites the letters of an unprotected stretch.
func (c *Client) transform(b *strings.Builder, s string, target pipeline.Lang) {
	if s == "" {
		return
	}
	if target == pipeline.Chinese {
		c.toHan(b, s)
		return
	}
	table := c.letters[target]
	for _, r := range s {
		switch {
		case isHan(r):
			syl := hanSyllable(r)
			for _, lr := range syl {
				if m, ok := table[lr]; ok {
					b.WriteString(m)
				} else {
					b.WriteRune(lr)
				}
			}
		case target == pipeline.English && isCyrillic(r):
			lat, ok := c.cyrToLat[unicode.ToLower(r)]
			if !ok {
				b.WriteRune(r)
				continue
			}
			for k, lr := range lat {
				if k == 0 && unicode.IsUpper(r) {
					lr = unicode.ToUpper(lr)
				}
				if m, ok := table[lr]; ok {
					b.WriteString(m)
				} else {
					b.WriteRune(lr)
				}
			}
		default:
			if m, ok := table[r]; ok {
				b.WriteString(m)
			} else {
				b.WriteRune(r)
			}
		}
	}
}

// toHan replaces every word (a run of letters) by CJK characters picked by a hash of the word:
// one character per three letters, at least one. Han input stays as it is. The result is laid out
// as Chinese is, so that line breaking and the checks see Chinese: sentence punctuation becomes
// full-width, and no space is left between two Chinese characters or after a full-width mark.
func (c *Client) toHan(b *strings.Builder, s string) {
	var word []rune
	chinese := false // what was written last is a Chinese character or mark
	mark := false    // what was written last is a full-width mark, never followed by a space
	space := ""      // white space held until what follows it is known
	put := func(r rune, isChinese bool) {
		if space != "" && !(chinese && isChinese) && !mark {
			b.WriteString(space)
		}
		space = ""
		b.WriteRune(r)
		chinese, mark = isChinese, isChinese && fullWidthMark(r)
	}
	flush := func() {
		if len(word) == 0 {
			return
		}
		n := (len(word) + 2) / 3
		h := fnv64(strings.ToLower(string(word)))
		for k := 0; k < n; k++ {
			if k > 0 && k%8 == 0 {
				h = fnv64(fmt.Sprintf("%x/%d", h, k))
			}
			put(c.han[(h>>(uint(k%8)*8))%uint64(len(c.han))], true)
		}
		word = word[:0]
	}
	for _, r := range s {
		if unicode.IsLetter(r) && !isHan(r) {
			word = append(word, r)
			continue
		}
		flush()
		switch {
		case r == ' ':
			space += " "
		case isHan(r):
			put(r, true)
		case fullWidth[r] != 0:
			put(fullWidth[r], true)
		default:
			put(r, false)
		}
	}
	flush()
	if !mark {
		b.WriteString(space)
	}
}

// fullWidthMark reports a mark fullWidth gives.
func fullWidthMark(r rune) bool {
	switch r {
	case '，', '。', '！', '？', '：', '；', '（', '）':
		return true
	}
	return false
}

// fullWidth gives the Chinese form of the ASCII punctuation of a sentence.
var fullWidth = map[rune]rune{',': '，', '.': '。', '!': '！', '?': '？', ':': '：', ';': '；', '(': '（', ')': '）'}

// padding returns n columns of filler in the target's script, led by a space, or "" when fewer
// than two columns are wanted.
func padding(target pipeline.Lang, n int) string {
	if n < 2 {
		return ""
	}
	filler := []rune(pipeline.PseudoFiller(target))
	var b strings.Builder
	b.WriteByte(' ')
	cols := 1
	for i := 0; cols < n; i++ {
		r := filler[i%len(filler)]
		b.WriteRune(r)
		if isHan(r) {
			cols += 2
		} else {
			cols++
		}
	}
	return b.String()
}

// width counts columns: CJK characters take two, as they do on screen.
func width(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// isHan and isCyrillic answer most runes without the Unicode tables: no Han character lies below
// U+2E80, no Cyrillic letter below U+0400.
func isHan(r rune) bool      { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }
func isCyrillic(r rune) bool { return r >= 0x0400 && unicode.Is(unicode.Cyrillic, r) }

// hanSyllable gives a Han character a two-letter Latin syllable.
func hanSyllable(r rune) string {
	const syllables = "bakomisutanelurigadopehuziyawofe"
	i := int(r) % (len(syllables) / 2)
	return syllables[2*i : 2*i+2]
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// pairs turns "aá bƀ …" (a source rune followed by its replacement, entries separated by
// spaces) into a map.
func pairs(spec string) map[rune]string {
	m := map[rune]string{}
	for _, entry := range strings.Fields(spec) {
		r, size := utf8.DecodeRuneInString(entry)
		m[r] = entry[size:]
	}
	return m
}
