package repair

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// localeString matches the value of a message in a locale file.
var localeString = regexp.MustCompile(`(?m)=\s*"(.*)"\s*$`)

// TestLocalesUntouched repairs every message of the interface in English, Russian and Kazakh,
// correct text written by people, compounds and negated participles included ("Пернетақта",
// "непереведённый"): not one space may be inserted into it.
func TestLocalesUntouched(t *testing.T) {
	t.Parallel()
	r := repairer(t)
	for _, lang := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh} {
		files, err := filepath.Glob("../../locales/*." + string(lang) + ".toml")
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no locale files (%v)", lang, err)
		}
		var b strings.Builder
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range localeString.FindAllStringSubmatch(string(raw), -1) {
				b.WriteString(strings.ReplaceAll(m[1], `\"`, `"`))
				b.WriteString("\n\n")
			}
		}
		text := b.String()
		for _, c := range r.Repair(text, lang).Changes {
			if strings.Contains(c.Rule, "split") || strings.Contains(c.Rule, "-space") {
				t.Errorf("%s: false repair %q → %q (%s) in %q", lang, c.Before, c.After, c.Rule,
					text[max(0, c.Start-30):min(len(text), c.End+30)])
			}
		}
	}
}
