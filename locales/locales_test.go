package locales

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// pluralForms are the CLDR plural categories each interface language needs.
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"ru": {"one", "few", "many", "other"},
	"kk": {"one", "other"},
	"zh": {"other"},
}

var pluralWords = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// messages reads every file of one language into message ID → plural forms present ("" for a
// plain string).
func messages(t *testing.T, lang string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	names, _ := fs.Glob(Files(), "*."+lang+".toml")
	if len(names) == 0 {
		t.Fatalf("no message files for %s", lang)
	}
	for _, name := range names {
		data, err := fs.ReadFile(Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := toml.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id, v := range raw {
			switch v := v.(type) {
			case string:
				out[id] = append(out[id], "")
			case map[string]any:
				for k := range v {
					if !pluralWords[k] {
						t.Errorf("%s: %s has a nested key %q that is not a plural form", name, id, k)
					}
					out[id] = append(out[id], k)
				}
			default:
				t.Errorf("%s: %s has an unexpected value %T", name, id, v)
			}
		}
	}
	return out
}

// TestLocalesComplete fails when a message exists in one language and not in another, or when a
// plural message lacks a form its language needs.
func TestLocalesComplete(t *testing.T) {
	t.Parallel()
	en := messages(t, "en")
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		got := messages(t, lang)
		for id, forms := range en {
			have, ok := got[id]
			if !ok {
				t.Errorf("%s: missing %q", lang, id)
				continue
			}
			plural := len(forms) > 0 && forms[0] != ""
			if !plural {
				continue
			}
			for _, need := range pluralForms[lang] {
				if !strings.Contains(" "+strings.Join(have, " ")+" ", " "+need+" ") {
					t.Errorf("%s: %q lacks plural form %q", lang, id, need)
				}
			}
		}
		for id := range got {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: %q is not in English", lang, id)
			}
		}
	}
}

func TestBundleLoads(t *testing.T) {
	t.Parallel()
	b, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.LanguageTags()); n != 4 {
		t.Fatalf("bundle has %d languages, want 4", n)
	}
	names, _ := fs.Glob(Files(), "*.toml")
	for _, n := range names {
		if lang := strings.TrimSuffix(path.Ext(strings.TrimSuffix(n, ".toml")), ""); lang == "" {
			t.Errorf("%s has no language in its name", n)
		}
	}
}
