package checks_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// TestMessagesExist checks that every message ID the checks can emit, and the display name of
// every check, is translated in all four languages.
func TestMessagesExist(t *testing.T) {
	t.Parallel()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`"(check\.[a-z_]+\.[a-z_]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			ids[m[1]] = true
		}
	}
	for _, c := range checks.AllChecks {
		ids["check.name."+c] = true
	}
	if len(ids) < 30 {
		t.Fatalf("found only %d message IDs in the source", len(ids))
	}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		loc := i18n.NewLocalizer(bundle, lang)
		for id := range ids {
			_, tag, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id})
			var nf *i18n.MessageNotFoundErr
			if errors.As(err, &nf) || err == nil && tag.String() != lang {
				t.Errorf("%s: message %q missing", lang, id)
			}
		}
	}
}

// TestFindingsRender renders every finding the corpus produces in every language: templates
// must get all their data.
func TestFindingsRender(t *testing.T) {
	t.Parallel()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]pipeline.Finding{}
	for _, fs := range corpusFindings(t) {
		for _, f := range fs {
			seen[f.MessageID] = f
		}
	}
	if len(seen) < 20 {
		t.Fatalf("corpus produced only %d kinds of findings", len(seen))
	}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		loc := i18n.NewLocalizer(bundle, lang)
		for id, f := range seen {
			s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: f.Data})
			if err != nil || strings.Contains(s, "<no value>") || s == "" {
				t.Errorf("%s %s with %v: %q, %v", lang, id, f.Data, s, err)
			}
		}
	}
}
