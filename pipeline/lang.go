package pipeline

import (
	"fmt"
	"strings"
)

// Lang is one of the four languages Tilmash publishes in, as the two-letter code used in URLs,
// the API and the database.
type Lang string

const (
	English Lang = "en"
	Russian Lang = "ru"
	Kazakh  Lang = "kk"
	Chinese Lang = "zh"
)

// Languages lists the supported languages in the order the site shows them.
var Languages = []Lang{English, Russian, Kazakh, Chinese}

// ParseLang accepts a supported language code, case-insensitively and with surrounding space
// ignored. Anything else is an invalid-input error naming the supported codes.
func ParseLang(s string) (Lang, error) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	if l.Valid() {
		return l, nil
	}
	return "", &Error{Code: CodeInvalid, MessageID: "error.lang_unknown", Data: map[string]any{"Lang": s},
		Err: fmt.Errorf("unknown language %q (supported: en, ru, kk, zh)", s)}
}

// Valid reports whether l is one of the supported languages.
func (l Lang) Valid() bool {
	switch l {
	case English, Russian, Kazakh, Chinese:
		return true
	}
	return false
}

// NativeName is the language's name in its own script, as the language switcher shows it.
func (l Lang) NativeName() string {
	switch l {
	case English:
		return "English"
	case Russian:
		return "Русский"
	case Kazakh:
		return "Қазақша"
	case Chinese:
		return "中文"
	}
	return string(l)
}

// BCP47 is the tag with the script where a standard needs it (hreflang, sitemaps, feeds):
// Kazakh is written in Cyrillic and Chinese in simplified characters.
func (l Lang) BCP47() string {
	switch l {
	case Kazakh:
		return "kk-Cyrl"
	case Chinese:
		return "zh-Hans"
	}
	return string(l)
}

// Others returns the supported languages except l, in site order: the targets of an article
// whose source is l.
func (l Lang) Others() []Lang {
	out := make([]Lang, 0, len(Languages)-1)
	for _, o := range Languages {
		if o != l {
			out = append(out, o)
		}
	}
	return out
}
