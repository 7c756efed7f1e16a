package newsroom

import (
	"bytes"
	"context"
	"html"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// composeFake answers the repairs page and records what the pages store.
type composeFake struct {
	fakeStore
	created []pipeline.NewArticle
	settled []pipeline.RepairSettlement
}

func (f *composeFake) FindRepairs(context.Context, int64) (pipeline.RevisionRepairs, error) {
	body := "A title\n\nTrade grew inCentral Asia. The Amidintensifying talks went on.\n"
	return pipeline.RevisionRepairs{ArticleID: 1, RevisionID: 5, Format: pipeline.FormatText, Body: body, Version: 2,
		Changes: []pipeline.RepairChange{{ID: 7, Start: 20, End: 29, Before: "inCentral", After: "in Central", Rule: "join"}},
		Questions: []pipeline.RepairQuestion{{ID: 8, Start: 40, End: 56, Token: "Amidintensifying",
			Candidates: []string{"Amid intensifying"}, Reason: "unknown word"}}}, nil
}

func (f *composeFake) CreateArticle(_ context.Context, in pipeline.NewArticle) (pipeline.Article, error) {
	f.created = append(f.created, in)
	return pipeline.Article{ID: 1}, nil
}

func (f *composeFake) SettleRepairs(_ context.Context, s pipeline.RepairSettlement) error {
	f.settled = append(f.settled, s)
	return nil
}

func composeHandler(t *testing.T, store Store) http.Handler {
	t.Helper()
	h, err := New(kittest.Base(t, ""), store)
	if err != nil {
		t.Fatal(err)
	}
	h.UseComposer(ingest.New(nil), 0)
	r := chi.NewRouter()
	r.Route(newsroomBase, func(r chi.Router) {
		r.Use(kittest.SignedIn(editor))
		h.Routes(r)
	})
	r.Route(composeBase, func(r chi.Router) {
		r.Use(kittest.SignedIn(editor))
		h.ComposeRoutes(r)
	})
	return r
}

// messageIDs are the IDs of the messages the new pages use, none of which may reach a page as
// such.
func messageIDs(t *testing.T) []string {
	t.Helper()
	var ids []string
	for _, name := range []string{"compose.en.toml", "newsroom.en.toml"} {
		data, err := fs.ReadFile(locales.Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for id := range m {
			ids = append(ids, id)
		}
	}
	return ids
}

func multipartForm(t testing.TB, fields [][2]string, file string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, f := range fields {
		w.WriteField(f[0], f[1])
	}
	if file != "" {
		fw, _ := w.CreateFormFile("file", "article.md")
		fw.Write([]byte(file))
	}
	w.Close()
	return &b, w.FormDataContentType()
}

// TestComposePagesInEveryLanguage renders the new article form, its preview and the repairs page
// with its decisions in English, Russian, Kazakh and Chinese: each in its language, with no
// message left untranslated (no message ID on the page, and a title other than the English one).
func TestComposePagesInEveryLanguage(t *testing.T) {
	t.Parallel()
	store := &composeFake{}
	h := composeHandler(t, store)
	ids := messageIDs(t)
	article := "# Trade in Central Asia\n\nBy A. Author\n\n## Numbers\n\nTrade grew by 27 percent.\n\n> A quote.\n\n- one item\n"
	titles := map[string]map[string]bool{}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		pages := map[string]*httptest.ResponseRecorder{
			"form":    kittest.Do(h, "GET", composeBase+"/", lang, ""),
			"repairs": kittest.Do(h, "GET", newsroomBase+"/articles/1/repairs/", lang, ""),
		}
		body, ctype := multipartForm(t, [][2]string{{"lang", "auto"}}, article)
		req := httptest.NewRequest("POST", composeBase+"/preview", body)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Accept-Language", lang)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		pages["preview"] = rec
		for name, rec := range pages {
			if rec.Code != http.StatusOK {
				t.Fatalf("%s in %s = %d:\n%s", name, lang, rec.Code, rec.Body.String())
			}
			page := rec.Body.String()
			for _, id := range ids {
				if strings.Contains(page, id+"<") || strings.Contains(page, id+`"`) || strings.Contains(page, ">"+id) {
					t.Errorf("%s in %s shows the message ID %s", name, lang, id)
				}
			}
			if got := rec.Header().Get("Content-Language"); got != lang {
				t.Errorf("%s in %s is in %q", name, lang, got)
			}
			title := page[strings.Index(page, "<title>"):strings.Index(page, "</title>")]
			if titles[name] == nil {
				titles[name] = map[string]bool{}
			}
			if titles[name][title] {
				t.Errorf("%s in %s has the title of another language: %s", name, lang, title)
			}
			titles[name][title] = true
		}
		kittest.Says(t, "preview in "+lang, pages["preview"], 200, `class="k-heading"`, `class="k-quote"`,
			`class="k-list_item"`, `name="slug" value="trade-in-central-asia"`, `<option value="en" lang="en" selected>`)
		kittest.Says(t, "repairs in "+lang, pages["repairs"], 200, `name="change.7" value="reject"`,
			`name="question.8" value="Amid intensifying"`, `name="question.8" value="Amidintensifying"`)
	}
	kittest.Says(t, "Russian preview", kittest.Do(h, "POST", composeBase+"/preview", "ru", "text=%D0%97%D0%B0%D0%B3%D0%BE%D0%BB%D0%BE%D0%B2%D0%BE%D0%BA%0A%0A%D0%A2%D0%B5%D0%BA%D1%81%D1%82+%D1%81%D1%82%D0%B0%D1%82%D1%8C%D0%B8.&lang=auto"),
		200, "Определён язык: Русский.", `<option value="ru" lang="ru" selected>`,
		`<datalist id="cp-categories"><option value="analysis">Аналитика</option></datalist>`)
}

// TestComposeCreateAndSettle: creating stores the previewed article with the language the
// editor confirmed; a language changed since the preview brings the preview back instead; an
// empty form says what is missing; the repairs page stores the editor's decisions.
func TestComposeCreateAndSettle(t *testing.T) {
	t.Parallel()
	store := &composeFake{}
	h := composeHandler(t, store)
	text := "A+title%0A%0AThe+body+of+the+article."
	kittest.Says(t, "nothing sent", kittest.Do(h, "POST", composeBase+"/preview", "en", "text=+&lang=auto"), 400,
		"Paste the article&#39;s text or choose a file.")
	kittest.Says(t, "language changed", kittest.Do(h, "POST", composeBase+"/create", "en",
		"text="+text+"&lang=ru&previewed=en&repairs=0&questions=0"), 409, "The language is now Русский")
	if len(store.created) != 0 {
		t.Fatal("an article was created from a preview in another language")
	}
	rec := kittest.Do(h, "POST", composeBase+"/create", "en", "text="+text+"&lang=en&previewed=en&repairs=0&questions=0&slug=my-title&category=analysis")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != newsroomBase+"/articles/1/?done=created" {
		t.Fatalf("create = %d to %q:\n%s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
	}
	if len(store.created) != 1 || store.created[0].Request.Slug != "my-title" || store.created[0].Request.SourceLang != pipeline.English ||
		store.created[0].Request.CreatedBy != "dana" {
		t.Fatalf("created %+v", store.created)
	}

	rec = kittest.Do(h, "POST", newsroomBase+"/articles/1/repairs/settle", "ru", "version=2&change.7=reject&question.8=Amid+intensifying")
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("settle = %d:\n%s", rec.Code, rec.Body.String())
	}
	s := store.settled[0]
	if len(s.Reject) != 1 || s.Reject[0] != 7 || s.Answers[8] != "Amid intensifying" || !s.TextChanged ||
		len(s.Added) != 1 || s.Added[0].After != "Amid intensifying" || s.Version != 2 {
		t.Fatalf("settled %+v", s)
	}
	var joined strings.Builder
	for _, seg := range s.Segments {
		joined.WriteString(seg.Text + " ")
	}
	if got := joined.String(); !strings.Contains(got, "inCentral") || !strings.Contains(got, "Amid intensifying") {
		t.Errorf("the re-segmented text: %s", got)
	}
	// Refusals send the editor back to the repairs page, which says why.
	kittest.Says(t, "a stale version", kittest.Follow(t, h, kittest.Do(h, "POST", newsroomBase+"/articles/1/repairs/settle", "en",
		"version=1&change.7=accept"), "en"), 200, `class="problem"`)
	kittest.Says(t, "an unknown reading", kittest.Follow(t, h, kittest.Do(h, "POST", newsroomBase+"/articles/1/repairs/settle", "en",
		"version=2&question.8=Amid+intense"), "en"), 200, "has no such reading")
	kittest.Says(t, "nothing decided", kittest.Follow(t, h, kittest.Do(h, "POST", newsroomBase+"/articles/1/repairs/settle", "kk",
		"version=2"), "kk"), 200, "Ештеңе шешілмеді")
}

// TestComposeWordFile: a Word file is previewed as the Markdown extracted from it, which the
// preview carries with the format it came in; creating from the preview stores that text as a
// Word document's, without the file being sent again.
func TestComposeWordFile(t *testing.T) {
	t.Parallel()
	docx, err := os.ReadFile("../../document/testdata/article.docx")
	if err != nil {
		t.Fatal(err)
	}
	store := &composeFake{}
	h := composeHandler(t, store)
	body, ctype := multipartForm(t, [][2]string{{"lang", "en"}}, string(docx))
	req := httptest.NewRequest("POST", composeBase+"/preview", body)
	req.Header.Set("Content-Type", ctype)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	kittest.Says(t, "Word preview", rec, 200, `name="source_format" value="docx"`, `name="format" value="markdown"`)
	page := rec.Body.String()
	start := strings.Index(page, `<textarea name="text" hidden aria-hidden="true" tabindex="-1">`)
	end := strings.Index(page[start:], "</textarea>")
	if start < 0 || end < 0 {
		t.Fatal("the preview does not carry the text")
	}
	text := html.UnescapeString(page[start+len(`<textarea name="text" hidden aria-hidden="true" tabindex="-1">`) : start+end])
	form := url.Values{"text": {text}, "format": {"markdown"}, "source_format": {"docx"}, "lang": {"en"}, "previewed": {"en"},
		"repairs": {"0"}, "questions": {"0"}}
	rec = kittest.Do(h, "POST", composeBase+"/create", "en", form.Encode())
	if rec.Code != http.StatusSeeOther || len(store.created) != 1 {
		t.Fatalf("create = %d:\n%s", rec.Code, rec.Body.String())
	}
	if a := store.created[0]; a.SourceFormat != pipeline.FormatDOCX || a.Request.Format != pipeline.FormatMarkdown || len(a.Segments) == 0 {
		t.Errorf("created %v from %v with %d segments", a.Request.Format, a.SourceFormat, len(a.Segments))
	}
}
