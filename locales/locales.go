// Package locales holds every string a person reads in the interface, in English, Russian, Kazakh
// and Chinese, as go-i18n message files embedded in the binary.
//
// Files are named AREA.LANG.toml (app.ru.toml, checks.kk.toml, ...); all of them are loaded, so
// each part of the product keeps its messages in its own file.
package locales

import (
	"embed"
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Tags are the interface languages, English first: it is the fallback.
var Tags = []language.Tag{language.English, language.Russian, language.Kazakh, language.Chinese}

// Bundle loads every message file into a new bundle with English as the default language.
func Bundle() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if _, err := b.ParseMessageFileBytes(data, name); err != nil {
			return nil, fmt.Errorf("locale file %s: %w", name, err)
		}
	}
	return b, nil
}

// Files returns the embedded message files, for tests that check their completeness.
func Files() fs.FS { return files }
