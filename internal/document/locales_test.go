package document

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/locales"
)

// TestErrorMessagesTranslated checks that every message ID Parse returns has a text in all four
// interface languages, so that a user never sees a bare ID.
func TestErrorMessagesTranslated(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		names, err := fs.Glob(locales.Files(), "*."+lang+".toml")
		if err != nil || len(names) == 0 {
			t.Fatalf("no message files for %s: %v", lang, err)
		}
		var all strings.Builder
		for _, name := range names {
			data, err := fs.ReadFile(locales.Files(), name)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(data)
		}
		for _, id := range []string{msgTextEmpty, msgTextInvalidUTF8, msgTextNoBody, msgFormatUnknown} {
			if !strings.Contains(all.String(), `"`+id+`"`) {
				t.Errorf("%s: no message %q", lang, id)
			}
		}
	}
}
