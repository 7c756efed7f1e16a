package openai

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// parseTranslations reads the translations out of an assistant message. It accepts
// {"translations": [...]}, any object with exactly one array of strings, or a bare array of
// strings, optionally inside a Markdown code fence or surrounded by prose. Anything else is an
// error.
func parseTranslations(content string) ([]string, error) {
	s := strings.TrimSpace(stripFence(content))
	start := strings.IndexAny(s, "[{")
	if start < 0 {
		return nil, errors.New("no JSON in the answer")
	}
	dec := json.NewDecoder(strings.NewReader(s[start:]))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("answer is not valid JSON: %w", err)
	}
	switch t := v.(type) {
	case []any:
		return stringList(t)
	case map[string]any:
		if arr, ok := t["translations"].([]any); ok {
			return stringList(arr)
		}
		var found []any
		for _, val := range t {
			if arr, ok := val.([]any); ok {
				if found != nil {
					return nil, errors.New("answer object holds several arrays and no \"translations\"")
				}
				found = arr
			}
		}
		if found != nil {
			return stringList(found)
		}
	}
	return nil, errors.New("answer holds no array of translations")
}

func stringList(arr []any) ([]string, error) {
	out := make([]string, len(arr))
	for i, v := range arr {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("translation %d is a %T, not a string", i, v)
		}
		out[i] = s
	}
	return out, nil
}

// stripFence returns the inside of the first ``` fence, or s when there is none.
func stripFence(s string) string {
	i := strings.Index(s, "```")
	if i < 0 {
		return s
	}
	rest := s[i+3:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 && !strings.ContainsAny(rest[:nl], "[{") {
		rest = rest[nl+1:] // drop the language tag line, as in ```json
	}
	if j := strings.Index(rest, "```"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
