package kit

import (
	"errors"
	"net/http"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/tilmash/tilmash/pipeline"
)

// LangCookie remembers the reader's language choice.
const LangCookie = "lang"

// matcher maps what browsers ask for onto the four languages. Ukrainian and Belarusian readers get
// Russian, a closer fit than the English fallback; zh-TW and zh-HK get the Chinese edition, which is
// the only Chinese there is.
var matcher = language.NewMatcher([]language.Tag{
	language.English, language.Russian, language.Kazakh, language.Chinese,
	language.Ukrainian, language.MustParse("be"),
})

var matchedLangs = []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese,
	pipeline.Russian, pipeline.Russian}

// PreferredLang picks the language for a visitor: a remembered choice, then Accept-Language,
// then English.
func PreferredLang(r *http.Request) pipeline.Lang {
	if c, err := r.Cookie(LangCookie); err == nil {
		if l, err := pipeline.ParseLang(c.Value); err == nil {
			return l
		}
	}
	return AcceptLang(r)
}

// AcceptLang picks the language from Accept-Language alone.
func AcceptLang(r *http.Request) pipeline.Lang {
	h := r.Header.Get("Accept-Language")
	if h == "" {
		return pipeline.English
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return pipeline.English
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No {
		return pipeline.English
	}
	return matchedLangs[idx]
}

// PrefersTraditional reports whether the Chinese a visitor's browser asks for is written in
// Traditional characters (zh-TW, zh-HK, zh-MO, zh-Hant), judged by the first Chinese tag of
// Accept-Language. A remembered choice of the Chinese edition is not second-guessed.
func PrefersTraditional(r *http.Request) bool {
	if _, err := r.Cookie(LangCookie); err == nil {
		return false
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		return false
	}
	for _, t := range tags {
		if base, _ := t.Base(); base.String() == "zh" {
			script, _ := t.Script()
			return script.String() == "Hant"
		}
	}
	return false
}

// Localizer speaks one language.
type Localizer struct {
	Lang pipeline.Lang
	loc  *i18n.Localizer
}

// Localizer returns a localizer for lang, falling back to English.
func (b *Base) Localizer(lang pipeline.Lang) *Localizer {
	return &Localizer{Lang: lang, loc: i18n.NewLocalizer(b.Bundle, string(lang), "en")}
}

// T translates a message. count, when given, selects the plural form and is {{.PluralCount}}.
// A missing message shows its ID rather than breaking the page; the locale test keeps that from
// happening in a release.
func (l *Localizer) T(id string, data map[string]any, count ...int) string {
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if len(count) > 0 {
		cfg.PluralCount = count[0]
		if data == nil {
			cfg.TemplateData = map[string]any{"PluralCount": count[0]}
		} else if _, ok := data["PluralCount"]; !ok {
			data["PluralCount"] = count[0]
		}
	}
	out, err := l.loc.Localize(cfg)
	var nf *i18n.MessageNotFoundErr
	if err != nil && !errors.As(err, &nf) {
		return id
	}
	if out == "" {
		return id
	}
	return out
}

// Message translates an error's message with its data, choosing the plural form by its Count.
func (l *Localizer) Message(pe *pipeline.Error) string {
	data := CopyData(pe.Data)
	if n, ok := data["Count"].(int); ok {
		return l.T(pe.MessageID, data, n)
	}
	return l.T(pe.MessageID, data)
}
