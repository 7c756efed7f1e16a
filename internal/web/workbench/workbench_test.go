package workbench

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeStore answers what the handlers under test ask; any other method panics through the nil
// Store it embeds.
type fakeStore struct {
	Store
	saved    []pipeline.SegmentUpdate
	comments []pipeline.Comment
	concepts []pipeline.Concept
	state    pipeline.EditionState // the edition's state; empty is in review
}

var revised = time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)

func (f *fakeStore) FindQueue(_ context.Context, langs []pipeline.Lang, me string) ([]pipeline.QueueItem, error) {
	return []pipeline.QueueItem{{Edition: pipeline.Edition{ID: 9, ArticleID: 1, Lang: pipeline.Russian, State: pipeline.StateInReview,
		Segments: 5, Confirmed: 2, Findings: 3}, Title: "A new rail corridor", SourceLang: pipeline.English,
		RevisionDate: revised, Others: []string{"marat"}}}, nil
}

func (f *fakeStore) FindEditionByID(_ context.Context, id int64) (pipeline.Edition, error) {
	if id != 9 {
		return pipeline.Edition{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
	}
	state := pipeline.StateInReview
	if f.state != "" {
		state = f.state
	}
	return pipeline.Edition{ID: 9, ArticleID: 1, Lang: pipeline.Russian, State: state}, nil
}

func (f *fakeStore) FindSegmentSource(_ context.Context, editionID, segmentID int64) (pipeline.SegmentSource, error) {
	return pipeline.SegmentSource{EditionLang: pipeline.Russian, SourceLang: pipeline.English, Text: "Trade grew by 27 percent."}, nil
}

func (f *fakeStore) FindConcepts(context.Context) ([]pipeline.Concept, error) { return f.concepts, nil }

func (f *fakeStore) SaveSegment(_ context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error) {
	if u.BaseVersion != 3 {
		return pipeline.SaveResult{}, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.segment_conflict",
			Data: map[string]any{"text": "Их текст", "version": 4}}
	}
	f.saved = append(f.saved, u)
	state := pipeline.SegmentEdited
	if u.Confirm {
		state = pipeline.SegmentConfirmed
	}
	return pipeline.SaveResult{Translation: pipeline.SegmentTranslation{SegmentID: u.SegmentID, Text: u.Text, State: state,
		Origin: pipeline.OriginHuman, Version: 4}, Findings: u.Findings, Confirmed: 3, Total: 5}, nil
}

func (f *fakeStore) AddComment(_ context.Context, editionID, segmentID int64, author, body string) (pipeline.Comment, error) {
	c := pipeline.Comment{ID: 1, EditionID: editionID, SegmentID: segmentID, Author: author, Body: body, CreatedAt: revised}
	f.comments = append(f.comments, c)
	return c, nil
}

var (
	ruTranslator = &pipeline.Session{User: pipeline.User{ID: 3, Name: "olga", Role: pipeline.RoleTranslator,
		Langs: []pipeline.Lang{pipeline.Russian}}, CSRFToken: "x"}
	kkTranslator = &pipeline.Session{User: pipeline.User{ID: 4, Name: "aigerim", Role: pipeline.RoleTranslator,
		Langs: []pipeline.Lang{pipeline.Kazakh}}, CSRFToken: "x"}
)

// newHandler mounts the workbench as the router does, with sess signed in; a finding on numbers
// stands in for the automated checks.
func newHandler(t *testing.T, store Store, sess *pipeline.Session) http.Handler {
	t.Helper()
	check := func(u pipeline.CheckUnit) []pipeline.Finding {
		return []pipeline.Finding{{Check: "number", Severity: pipeline.SeverityError, MessageID: "check.number.missing",
			Data: map[string]any{"Number": "27"}}}
	}
	h, err := New(kittest.Base(t, ""), store, check)
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Route("/workbench", func(r chi.Router) {
		r.Use(kittest.SignedIn(sess))
		h.Routes(r)
	})
	return r
}

// TestQueueInTheTranslatorsLanguage: the queue's words, counts and dates follow the interface
// language, with each language's plural forms.
func TestQueueInTheTranslatorsLanguage(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	kittest.Says(t, "English queue", kittest.Do(newHandler(t, store, ruTranslator), "GET", "/workbench/", "en", ""), 200,
		"<title>My queue", "2 of 5 segments confirmed", "3 open findings", "May 4, 2026", "A new rail corridor")
	ru := *ruTranslator
	ru.UILang = pipeline.Russian
	kittest.Says(t, "Russian queue", kittest.Do(newHandler(t, store, &ru), "GET", "/workbench/?submitted=9", "en", ""), 200,
		"<title>Моя очередь", "Подтверждено 2 из 5 сегментов", "3 открытых замечания", "4 мая 2026 г.",
		"Редакция отправлена редакторам на утверждение.")
}

// TestSegmentSaveSpeaksTheTranslatorsLanguage: a save runs the checks and answers the state and
// findings in the translator's language; a stale version is a conflict with the other text, in
// their language too; another language's edition is refused.
func TestSegmentSaveSpeaksTheTranslatorsLanguage(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	h := newHandler(t, store, ruTranslator)

	for _, tc := range []struct{ lang, state, progress string }{
		{"en", "Confirmed", "3 of 5 segments confirmed"},
		{"ru", "Подтверждён", "Подтверждено 3 из 5 сегментов"},
	} {
		rec := kittest.Do(h, "PUT", "/workbench/editions/9/segments/21", tc.lang, `{"text": "Торговля выросла.", "version": 3, "confirm": true}`)
		var out segmentSaveResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &out); rec.Code != 200 || err != nil {
			t.Fatalf("%s save = %d %v:\n%s", tc.lang, rec.Code, err, rec.Body.String())
		}
		if out.StateLabel != tc.state || out.ProgressText != tc.progress || out.Open != 1 || len(out.Findings) != 1 {
			t.Errorf("%s save answered %+v", tc.lang, out)
		}
	}
	if len(store.saved) != 2 || store.saved[0].User != "olga" || len(store.saved[0].Findings) != 1 || store.saved[0].Findings[0].SegmentID != 21 {
		t.Errorf("saved %+v", store.saved)
	}

	kittest.Says(t, "English conflict", kittest.Do(h, "PUT", "/workbench/editions/9/segments/21", "en", `{"text": "Мой текст", "version": 2}`),
		http.StatusConflict, "Someone else saved this segment meanwhile.", "Их текст")
	kittest.Says(t, "Russian conflict", kittest.Do(h, "PUT", "/workbench/editions/9/segments/21", "ru", `{"text": "Мой текст", "version": 2}`),
		http.StatusConflict, "Кто-то другой уже сохранил этот сегмент.")
	kittest.Says(t, "a save without its version", kittest.Do(h, "PUT", "/workbench/editions/9/segments/21", "en", `{"text": "Мой текст"}`),
		http.StatusBadRequest, "version")

	kk := newHandler(t, store, kkTranslator)
	kittest.Says(t, "another language's edition, English", kittest.Do(kk, "GET", "/workbench/editions/9/segments/21/history", "en", ""),
		http.StatusForbidden, "You do not translate into Русский")
	kittest.Says(t, "another language's edition, Russian", kittest.Do(kk, "GET", "/workbench/editions/9/segments/21/history", "ru", ""),
		http.StatusForbidden, "Вы не переводите на язык «Русский»")
}

// TestCommentsAreChecked: a comment is stored under the signed-in name; an empty one is refused
// in the translator's language.
func TestCommentsAreChecked(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	h := newHandler(t, store, ruTranslator)
	rec := kittest.Do(h, "POST", "/workbench/editions/9/segments/21/comments", "ru", "body=Проверьте+цифры")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/editions/9/#seg-21" {
		t.Errorf("comment from the form = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	kittest.Says(t, "a comment from the script", kittest.Do(h, "POST", "/workbench/editions/9/segments/21/comments", "en", `{"body": "Check the numbers"}`),
		http.StatusCreated, `"author":"olga"`, "May 4, 2026")
	if len(store.comments) != 2 || store.comments[0].Body != "Проверьте цифры" {
		t.Errorf("comments %+v", store.comments)
	}
	kittest.Says(t, "an empty comment, English", kittest.Follow(t, h, kittest.Do(h, "POST", "/workbench/editions/9/segments/21/comments", "en", "body=+"), "en"),
		http.StatusOK, "Write a comment of up to 4000 characters.")
	kittest.Says(t, "an empty comment, Russian", kittest.Follow(t, h, kittest.Do(h, "POST", "/workbench/editions/9/segments/21/comments", "ru", "body=+"), "ru"),
		http.StatusOK, "Напишите комментарий длиной до 4000 символов.")
	kittest.Says(t, "an empty comment from the script", kittest.Do(h, "POST", "/workbench/editions/9/segments/21/comments", "en", `{"body": " "}`),
		http.StatusBadRequest, "Write a comment of up to 4000 characters.")
}
