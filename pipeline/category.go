package pipeline

import (
	"fmt"
	"strings"
	"time"
)

// Category is a subject articles are filed under. Articles name it by its slug, which appears in
// reader addresses and never changes; editors give it a name in each language. A language without
// a name shows the slug.
type Category struct {
	Slug  string
	Names map[Lang]string
	// Articles counts the articles filed under it.
	Articles  int
	CreatedAt time.Time
}

// Name is the category's name in lang, or its slug when it has none there.
func (c Category) Name(lang Lang) string {
	if n := c.Names[lang]; n != "" {
		return n
	}
	return c.Slug
}

// MaxCategoryNameBytes bounds a category's name in one language.
const MaxCategoryNameBytes = 200

// ValidateCategory checks a category's slug (as articles accept it: ValidateIngest) and names:
// single lines of text within MaxCategoryNameBytes, in known languages. An empty name means the
// language has none.
func ValidateCategory(c Category) error {
	slug := strings.TrimSpace(c.Slug)
	if slug == "" || slug != c.Slug || len(slug) > 80 || strings.ContainsAny(slug, "/?#") {
		return &Error{Code: CodeInvalid, MessageID: "error.category_invalid", Err: fmt.Errorf("category %q is not acceptable", c.Slug)}
	}
	if f, r := CheckText(slug, true); f != TextOK {
		return &Error{Code: CodeInvalid, MessageID: "error.category_invalid", Err: fmt.Errorf("category: %s (%s)", f, RuneCode(r))}
	}
	for l, n := range c.Names {
		if !l.Valid() {
			_, err := ParseLang(string(l))
			return err
		}
		if len(n) > MaxCategoryNameBytes {
			return &Error{Code: CodeInvalid, MessageID: "input.field_too_long_bytes",
				Data: map[string]any{"Field": "name_" + string(l), "Max": MaxCategoryNameBytes}}
		}
		if f, r := CheckText(n, true); f != TextOK {
			return &Error{Code: CodeInvalid, MessageID: "error.category_invalid", Err: fmt.Errorf("name %s: %s (%s)", l, f, RuneCode(r))}
		}
	}
	return nil
}
