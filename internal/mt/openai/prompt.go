package openai

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tilmash/tilmash/internal/mt/batch"
	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// languageName is the English name models know best.
func languageName(l pipeline.Lang) string {
	switch l {
	case pipeline.English:
		return "English"
	case pipeline.Russian:
		return "Russian"
	case pipeline.Kazakh:
		return "Kazakh (Cyrillic script)"
	case pipeline.Chinese:
		return "Simplified Chinese"
	}
	return string(l)
}

// systemPrompt states what to translate, the rules and the output contract.
func systemPrompt(from, to pipeline.Lang, n int) string {
	return fmt.Sprintf(`You are a professional translator of news and analytical articles from %s into %s.
The user sends a JSON object. Translate every string of "segments", in order, into %s.
"title", "context_before" and "context_after" are context only: do not translate them or include them.
Use the renderings given in "glossary" for the source terms listed there. Copy every entry of "keep_verbatim" unchanged.
Keep numbers, URLs, e-mail addresses, placeholders such as {name}, {{.X}}, %%s and HTML tags exactly as they are.
Answer with JSON only: {"translations": [...]} holding exactly %d strings, one per segment, in the same order. Never merge or split segments.`,
		languageName(from), languageName(to), languageName(to), n)
}

type glossaryEntry struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

type userDoc struct {
	Title         string          `json:"title,omitempty"`
	ContextBefore []string        `json:"context_before,omitempty"`
	ContextAfter  []string        `json:"context_after,omitempty"`
	Glossary      []glossaryEntry `json:"glossary,omitempty"`
	KeepVerbatim  []string        `json:"keep_verbatim,omitempty"`
	Segments      []string        `json:"segments"`
}

// userPrompt builds the user message for one batch: the context is the segments around the
// batch within the request (or the request's own Before/After at its edges), and the termbase
// entries are those whose source occurs in the batch.
func userPrompt(req pipeline.TranslateRequest, b batch.Batch) string {
	first, last := b.Indexes[0], b.Indexes[len(b.Indexes)-1]
	before := append(append([]string{}, req.Before...), req.Texts[:first]...)
	after := append(append([]string{}, req.Texts[last+1:]...), req.After...)
	doc := userDoc{Title: req.Title, Segments: b.Texts,
		ContextBefore: tail(nonBlank(before), contextSegments),
		ContextAfter:  head(nonBlank(after), contextSegments)}
	joined := strings.ToLower(strings.Join(b.Texts, "\n"))
	for _, t := range req.Terms {
		src := strings.TrimSpace(t.Source)
		if src == "" || !strings.Contains(joined, strings.ToLower(src)) {
			continue
		}
		if t.DoNotTranslate {
			doc.KeepVerbatim = append(doc.KeepVerbatim, src)
		} else if strings.TrimSpace(t.Target) != "" {
			doc.Glossary = append(doc.Glossary, glossaryEntry{Source: src, Target: t.Target})
		}
	}
	out, err := mthttp.MarshalJSON(doc)
	if err != nil { // strings always encode; keep the segments at least
		out, _ = json.Marshal(map[string]any{"segments": b.Texts})
	}
	return string(out)
}

func nonBlank(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func tail(ss []string, n int) []string {
	if len(ss) > n {
		return ss[len(ss)-n:]
	}
	return ss
}

func head(ss []string, n int) []string {
	if len(ss) > n {
		return ss[:n]
	}
	return ss
}
