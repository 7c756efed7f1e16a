package pipeline

import (
	"strings"
	"testing"
)

func TestIngestRequestValidate(t *testing.T) {
	t.Parallel()
	ok := IngestRequest{Text: "Title\n\nBody.", SourceLang: English}
	for _, tc := range []struct {
		name string
		mod  func(*IngestRequest)
		code Code
		msg  string
	}{
		{"valid", func(*IngestRequest) {}, "", ""},
		{"empty", func(r *IngestRequest) { r.Text = "" }, CodeInvalid, "error.text_empty"},
		{"only spaces and NBSP", func(r *IngestRequest) { r.Text = " \u00a0\n\t " }, CodeInvalid, "error.text_empty"},
		{"invalid UTF-8", func(r *IngestRequest) { r.Text = "Title\xff\xfe" }, CodeInvalid, "error.text_invalid_utf8"},
		{"too large", func(r *IngestRequest) { r.Text = strings.Repeat("a", 101) }, CodeTooLarge, "error.text_too_large"},
		{"unknown language", func(r *IngestRequest) { r.SourceLang = "de" }, CodeInvalid, "error.lang_unknown"},
		{"bad slug", func(r *IngestRequest) { r.Slug = "Bad Slug" }, CodeInvalid, "error.slug_invalid"},
		{"good slug", func(r *IngestRequest) { r.Slug = "china-2025" }, "", ""},
		{"category with slash", func(r *IngestRequest) { r.Category = "a/b" }, CodeInvalid, "error.category_invalid"},
		{"category with NUL", func(r *IngestRequest) { r.Category = "analysis\x00" }, CodeInvalid, "error.category_invalid"},
		{"category with a control character", func(r *IngestRequest) { r.Category = "ana\x1blysis" }, CodeInvalid, "error.category_invalid"},
		{"byline with NUL", func(r *IngestRequest) { r.Byline = "By A.\x00" }, CodeInvalid, "error.byline_invalid"},
		{"byline not UTF-8", func(r *IngestRequest) { r.Byline = "By \xff" }, CodeInvalid, "error.byline_invalid"},
		{"byline with a tab", func(r *IngestRequest) { r.Byline = "By A.\tAstana" }, "", ""},
	} {
		r := ok
		tc.mod(&r)
		err := r.Validate(100)
		if ErrorCode(err) != tc.code {
			t.Errorf("%s: code %q (%v), want %q", tc.name, ErrorCode(err), err, tc.code)
			continue
		}
		if err != nil && err.(*Error).MessageID != tc.msg {
			t.Errorf("%s: message %q, want %q", tc.name, err.(*Error).MessageID, tc.msg)
		}
	}
}

func TestSlugify(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Partnership Between China and Central Asia: New Horizons": "partnership-between-china-and-central-asia-new-horizons",
		"Центральная Азия и Китай":                                 "tsentralnaya-aziya-i-kitay",
		"Қазақстан мен Қытай: жаңа көкжиектер":                     "qazaqstan-men-qytay-zhana-kokzhiekter",
		"Объём подъезда":                                           "obyom-podezda",
		"中国与中亚":                                                    "article",
		"2025 年中国—中亚峰会":                                            "2025",
		"  --  ":                                                   "article",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseLang(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Lang{"en": English, " RU ": Russian, "kk": Kazakh, "zh": Chinese} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "de", "zh-Hans", "kz", "english"} {
		if _, err := ParseLang(bad); ErrorCode(err) != CodeInvalid {
			t.Errorf("ParseLang(%q) accepted", bad)
		}
	}
	if got := Kazakh.Others(); len(got) != 3 || got[0] != English || got[2] != Chinese {
		t.Errorf("Kazakh.Others() = %v", got)
	}
}
