package workbench

import (
	"context"
	"io/fs"
	"net/http"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// sourceFake holds an article whose source edition is 20, on revision 3, and records revisions.
type sourceFake struct {
	fakeStore
	revised []pipeline.NewRevision
}

const sourceBody = "A new rail corridor\n\nTrade grew by 27 percent. The line opens in May.\n\nFreight trains run daily.\n"

func (f *sourceFake) FindEditionByID(_ context.Context, id int64) (pipeline.Edition, error) {
	if id == 20 {
		return pipeline.Edition{ID: 20, ArticleID: 1, Lang: pipeline.English, IsSource: true, State: pipeline.StateAwaitingApproval}, nil
	}
	return f.fakeStore.FindEditionByID(context.Background(), id)
}

func (f *sourceFake) FindArticleByID(context.Context, int64) (pipeline.Article, error) {
	return pipeline.Article{ID: 1, Title: "A new rail corridor", SourceLang: pipeline.English}, nil
}

func (f *sourceFake) FindRepairs(context.Context, int64) (pipeline.RevisionRepairs, error) {
	return pipeline.RevisionRepairs{ArticleID: 1, RevisionID: 5, Format: pipeline.FormatText, Body: sourceBody}, nil
}

func (f *sourceFake) FindRevisions(context.Context, int64) ([]pipeline.RevisionInfo, error) {
	return []pipeline.RevisionInfo{{Revision: pipeline.Revision{Number: 3}, Current: true}}, nil
}

func (f *sourceFake) FindEditionContentByID(context.Context, int64) (pipeline.EditionContent, error) {
	_, segs, err := ingest.Parse(sourceBody, pipeline.FormatText, pipeline.English)
	return pipeline.EditionContent{Segments: segs}, err
}

func (f *sourceFake) CreateRevision(_ context.Context, in pipeline.NewRevision) (pipeline.RevisionResult, error) {
	f.revised = append(f.revised, in)
	return pipeline.RevisionResult{Changed: true}, nil
}

var sourceEditor = &pipeline.Session{User: pipeline.User{ID: 3, Name: "dana", Role: pipeline.RoleEditor}, CSRFToken: "x"}

func sourceHandler(t *testing.T, store Store, sess *pipeline.Session) http.Handler {
	t.Helper()
	h, err := New(kittest.Base(t, ""), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.UseSourceEditor(nil, 0)
	r := chi.NewRouter()
	r.Route("/workbench", func(r chi.Router) {
		r.Use(kittest.SignedIn(sess))
		h.Routes(r)
	})
	r.Route("/workbench/sources", func(r chi.Router) {
		r.Use(kittest.SignedIn(sess))
		h.SourceRoutes(r)
	})
	return r
}

// TestSourceEditorInEveryLanguage: an editor opens the source edition like any other edition and
// sees its paragraphs; the effect of an edit (a sentence changed, one added) is shown before
// saving, in each interface language with no message untranslated; saving goes to the store as
// a new revision on the revision the editor opened, minor when ticked. Translators cannot open it.
func TestSourceEditorInEveryLanguage(t *testing.T) {
	t.Parallel()
	store := &sourceFake{}
	h := sourceHandler(t, store, sourceEditor)
	var ids []string
	data, err := fs.ReadFile(locales.Files(), "compose.en.toml")
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
	edit := "format=text&base=3&para=A+new+rail+corridor&para=Trade+grew+by+28+percent.+The+line+opens+in+May.&para=Freight+trains+run+daily.+Passengers+follow+in+June."
	titles := map[string]bool{}
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		open := kittest.Do(h, "GET", "/workbench/editions/20/", lang, "")
		kittest.Says(t, "source editor in "+lang, open, 200, `id="para-2"`, "Trade grew by 27 percent. The line opens in May.</textarea>",
			`name="base" value="3"`)
		plan := kittest.Do(h, "POST", "/workbench/sources/20/preview", lang, edit)
		kittest.Says(t, "plan in "+lang, plan, 200, `id="source-plan"`, "<del>27</del>", "<ins>28</ins>")
		for name, rec := range map[string]string{"editor": open.Body.String(), "plan": plan.Body.String()} {
			for _, id := range ids {
				if strings.Contains(rec, id+"<") || strings.Contains(rec, ">"+id) || strings.Contains(rec, id+`"`) {
					t.Errorf("the source %s in %s shows the message ID %s", name, lang, id)
				}
			}
		}
		title := open.Body.String()[strings.Index(open.Body.String(), "<title>"):strings.Index(open.Body.String(), "</title>")]
		if titles[title] {
			t.Errorf("the source editor in %s has another language's title %s", lang, title)
		}
		titles[title] = true
	}
	kittest.Says(t, "English plan", kittest.Do(h, "POST", "/workbench/sources/20/preview", "en", edit), 200,
		"3 translations kept", "1 flagged to translate again", "1 new sentence to translate", "0 sentences removed")
	kittest.Says(t, "Russian plan", kittest.Do(h, "POST", "/workbench/sources/20/preview", "ru", edit+"&minor=1"), 200,
		"4 перевода сохранятся", "0 помечены для нового перевода", "1 новое предложение для перевода")
	if len(store.revised) != 0 {
		t.Fatal("a preview stored a revision")
	}
	rec := kittest.Do(h, "POST", "/workbench/sources/20/save", "en", edit+"&minor=1")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/newsroom/articles/1/?done=source_saved" {
		t.Fatalf("save = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	if r := store.revised[0]; r.BaseNumber != 3 || !r.Minor || r.Request.CreatedBy != "dana" || len(r.Segments) != 5 {
		t.Errorf("revision %+v", r)
	}
	kittest.Says(t, "a translator", kittest.Do(sourceHandler(t, store, ruTranslator), "GET", "/workbench/editions/20/", "ru", ""),
		http.StatusForbidden, "Изменять исходный текст могут только редакторы и администраторы.")
}
