package newsroom

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeStore holds one article with its four editions; any method the tests do not reach panics
// through the nil Store it embeds.
type fakeStore struct {
	Store
	sentBack []string
	filters  []pipeline.BoardFilter
}

var created = time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)

var article = pipeline.Article{ID: 1, Slug: "rail-corridor", Title: "A new rail corridor", SourceLang: pipeline.English, Category: "analysis",
	CreatedAt: created}

func editions() []pipeline.Edition {
	return []pipeline.Edition{
		{ID: 10, ArticleID: 1, Lang: pipeline.English, IsSource: true, State: pipeline.StateAwaitingApproval, Segments: 5},
		{ID: 11, ArticleID: 1, Lang: pipeline.Russian, State: pipeline.StateAwaitingApproval, Segments: 5, Confirmed: 5},
		{ID: 12, ArticleID: 1, Lang: pipeline.Kazakh, State: pipeline.StateInReview, Segments: 5, Confirmed: 2},
		{ID: 13, ArticleID: 1, Lang: pipeline.Chinese, State: pipeline.StateFailed, FailureReason: "error.translate_failed"},
	}
}

func (f *fakeStore) FindBoard(_ context.Context, filter pipeline.BoardFilter, limit, offset int) (
	[]pipeline.Article, map[int64][]pipeline.Edition, int, error) {
	f.filters = append(f.filters, filter)
	return []pipeline.Article{article}, map[int64][]pipeline.Edition{1: editions()}, 21, nil
}

func (f *fakeStore) FindCategories(context.Context) ([]pipeline.Category, error) {
	return []pipeline.Category{{Slug: "analysis", Names: map[pipeline.Lang]string{pipeline.Russian: "Аналитика"}, Articles: 1}}, nil
}

func (f *fakeStore) FindArticleByID(_ context.Context, id int64) (pipeline.Article, error) {
	if id != 1 {
		return pipeline.Article{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
	}
	return article, nil
}

func (f *fakeStore) FindEditions(context.Context, int64) ([]pipeline.Edition, error) {
	return editions(), nil
}

func (f *fakeStore) FindEditionContent(_ context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error) {
	for _, e := range editions() {
		if e.Lang == lang {
			return pipeline.EditionContent{Article: article, Edition: e,
				Segments:     []pipeline.Segment{{ID: 100, Position: 0, Kind: pipeline.BlockParagraph, Text: "Trade grew by 27 percent."}},
				Translations: map[int64]pipeline.SegmentTranslation{100: {SegmentID: 100, Text: "Торговля выросла на 27 процентов.", State: pipeline.SegmentConfirmed, Origin: pipeline.OriginHuman}}}, nil
		}
	}
	return pipeline.EditionContent{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
}

func (f *fakeStore) FindDismissers(context.Context, int64) (map[int64]string, error) { return nil, nil }

func (f *fakeStore) SendBack(_ context.Context, editionID int64, actor, comment string) error {
	f.sentBack = append(f.sentBack, comment)
	return nil
}

var (
	editor     = &pipeline.Session{User: pipeline.User{ID: 1, Name: "dana", Role: pipeline.RoleEditor}, CSRFToken: "x"}
	translator = &pipeline.Session{User: pipeline.User{ID: 2, Name: "olga", Role: pipeline.RoleTranslator,
		Langs: []pipeline.Lang{pipeline.Russian}}, CSRFToken: "x"}
)

func newHandler(t *testing.T, store Store, sess *pipeline.Session) http.Handler {
	t.Helper()
	h, err := New(kittest.Base(t, ""), store)
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Route(newsroomBase, func(r chi.Router) {
		r.Use(kittest.SignedIn(sess))
		h.Routes(r)
	})
	return r
}

// TestBoardInTheEditorsLanguage: the board names states, counts and dates in the editor's
// language; translators are turned away in theirs.
func TestBoardInTheEditorsLanguage(t *testing.T) {
	t.Parallel()
	h := newHandler(t, &fakeStore{}, editor)
	kittest.Says(t, "English board", kittest.Do(h, "GET", "/workbench/newsroom/", "en", ""), 200,
		"<title>Newsroom", "awaiting approval", "in review", "21 articles", "February 1, 2026", "A new rail corridor")
	kittest.Says(t, "Russian board", kittest.Do(h, "GET", "/workbench/newsroom/", "ru", ""), 200,
		"<title>Редакция", "ждёт утверждения", "на проверке", "21 статья", "1 февраля 2026 г.")
	kittest.Says(t, "an unknown state", kittest.Do(h, "GET", "/workbench/newsroom/?state=lost", "en", ""), http.StatusBadRequest)

	th := newHandler(t, &fakeStore{}, translator)
	kittest.Says(t, "a translator, English", kittest.Do(th, "GET", "/workbench/newsroom/", "en", ""), http.StatusForbidden,
		"Only editors and administrators can open the newsroom.")
	kittest.Says(t, "a translator, Russian", kittest.Do(th, "GET", "/workbench/newsroom/", "ru", ""), http.StatusForbidden,
		"Редакция доступна только редакторам и администраторам.")
}

// TestSendBackNeedsAComment: sending an edition back without a comment comes back to the review
// page with the reason in the editor's language; with one, it goes to the translators.
func TestSendBackNeedsAComment(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	h := newHandler(t, store, editor)
	path := "/workbench/newsroom/articles/1/editions/ru/send-back"
	refused := kittest.Do(h, "POST", path, "en", "comment=+")
	if loc := refused.Header().Get("Location"); loc != "/workbench/newsroom/articles/1/editions/ru/" {
		t.Errorf("a refused send-back leads to %q, want the review page", loc)
	}
	kittest.Says(t, "no comment, English", kittest.Follow(t, h, refused, "en"), http.StatusOK,
		"Write a comment for the translators", "Торговля выросла на 27 процентов.")
	kittest.Says(t, "no comment, Russian", kittest.Follow(t, h, kittest.Do(h, "POST", path, "ru", "comment="), "ru"), http.StatusOK,
		"Напишите комментарий для переводчиков")
	// The reason shows once: the page read again is the page alone.
	if again := kittest.Do(h, "GET", "/workbench/newsroom/articles/1/editions/ru/", "en", ""); strings.Contains(again.Body.String(), "Write a comment") {
		t.Error("the review page read again still shows the refusal")
	}
	// A comment too long to send comes back in the form, to be shortened rather than retyped.
	long := strings.Repeat("Проверьте цифры. ", 300)
	kittest.Says(t, "a long comment", kittest.Follow(t, h, kittest.Do(h, "POST", path, "ru", "comment="+url.QueryEscape(long)), "ru"),
		http.StatusOK, "слишком длинный", "Проверьте цифры. Проверьте цифры.")
	rec := kittest.Do(h, "POST", path, "ru", "comment=Проверьте+цифры")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/newsroom/articles/1/?done=sent_back" {
		t.Errorf("send-back = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	if len(store.sentBack) != 1 || store.sentBack[0] != "Проверьте цифры" {
		t.Errorf("sent back %q", store.sentBack)
	}
	kittest.Says(t, "an unknown article", kittest.Do(h, "GET", "/workbench/newsroom/articles/2/", "ru", ""), http.StatusNotFound,
		"<title>Страница не найдена", "Такой страницы здесь нет")
}
