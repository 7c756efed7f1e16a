package mt

import (
	"errors"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/locales"
)

// TestMessagesTranslated checks that every message ID the providers, the routes and the start-up
// checks use has a real text in all four languages.
func TestMessagesTranslated(t *testing.T) {
	t.Parallel()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	ids := append(mthttp.MessageIDs(), "error.mt_routes_invalid")
	data := map[string]any{"Provider": "DeepL", "Source": "kk", "Target": "zh", "Field": "URL", "Entry": "de=deepl", "Seconds": 30}
	english := map[string]string{}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		loc := i18n.NewLocalizer(bundle, lang)
		for _, id := range ids {
			text, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
			var nf *i18n.MessageNotFoundErr
			if errors.As(err, &nf) || err != nil {
				t.Errorf("%s: %s: %v", lang, id, err)
				continue
			}
			if text == "" {
				t.Errorf("%s: %s is empty", lang, id)
			}
			if lang == "en" {
				english[id] = text
			} else if text == english[id] {
				t.Errorf("%s: %s is not translated: %q", lang, id, text)
			}
		}
	}
}
