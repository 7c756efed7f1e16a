package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// The newsroom is where editors follow every article through its four editions, review and
// approve them, release them now or at a chosen time, and take them back after publication. It
// lives under /workbench because the session cookie is scoped there: one sign-in serves both.

// newsroomBase is the path every newsroom page starts with.
const newsroomBase = "/workbench/newsroom"

// newsroomStore is what the newsroom needs from storage beyond what the API and the workbench
// already ask for.
type newsroomStore interface {
	FindBoard(ctx context.Context, state pipeline.EditionState, lang pipeline.Lang, limit, offset int) (
		[]pipeline.Article, map[int64][]pipeline.Edition, int, error)
	FindDismissers(ctx context.Context, editionID int64) (map[int64]string, error)
}

// newsroomRoutes mounts the editors' pages, for editors and administrators only.
func (s *Server) newsroomRoutes(r chi.Router) {
	r.Use(s.requireEditor)
	r.Get("/", s.handleNewsroomBoard)
	r.Route("/articles/{article}", func(r chi.Router) {
		r.Get("/", s.handleNewsroomArticle)
		r.Post("/release", s.handleNewsroomRelease)
		r.Post("/releases/{release}/reschedule", s.handleNewsroomReschedule)
		r.Post("/releases/{release}/cancel", s.handleNewsroomCancel)
		r.Get("/repairs/", s.handleNewsroomRepairs)
		r.Post("/repairs/undo", s.handleNewsroomRepairUndo)
		r.Route("/editions/{lang}", func(r chi.Router) {
			r.Get("/", s.handleNewsroomReview)
			r.Get("/xliff", s.handleNewsroomXLIFF)
			r.Post("/approve", s.handleNewsroomApprove)
			r.Post("/send-back", s.handleNewsroomSendBack)
			r.Post("/unpublish", s.handleNewsroomUnpublish)
			r.Post("/rollback", s.handleNewsroomRollback)
			r.Post("/retry", s.handleNewsroomRetry)
		})
	})
}

// requireEditor lets only editors and administrators in: translators get a refusal page that
// says why.
func (s *Server) requireEditor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !kit.User(r).CanApprove() {
			s.PageError(w, r, &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "newsroom.error.editors_only"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

var errNewsroomNotFound = &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}

// newsroomArticle loads the article named by {article}.
func (s *Server) newsroomArticle(r *http.Request) (pipeline.Article, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "article"), 10, 64)
	if err != nil || id <= 0 {
		return pipeline.Article{}, errNewsroomNotFound
	}
	return s.cfg.Store.FindArticleByID(r.Context(), id)
}

// newsroomLang reads {lang}; an unknown language is a page that does not exist.
func newsroomLang(r *http.Request) (pipeline.Lang, error) {
	l := pipeline.Lang(chi.URLParam(r, "lang"))
	if !l.Valid() {
		return "", errNewsroomNotFound
	}
	return l, nil
}

func newsroomArticlePath(id int64) string { return newsroomBase + "/articles/" + idStr(id) + "/" }

func newsroomReviewPath(id int64, lang pipeline.Lang) string {
	return newsroomBase + "/articles/" + idStr(id) + "/editions/" + string(lang) + "/"
}

// userMessage turns an error a person may read into a sentence in loc's language, with edition
// and release states named in that language too, and the status to answer with. ok is false for
// errors that are not for the person (they become a generic 500 page).
func userMessage(loc *kit.Localizer, err error) (msg string, httpStatus int, ok bool) {
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code == "" {
		return "", 0, false
	}
	data := kit.CopyData(pe.Data)
	for _, k := range []string{"From", "To", "State"} {
		if v, ok := data[k].(string); ok && v != "" {
			data[k] = stateName(loc, v)
		}
	}
	if l, ok := data["Lang"].(string); ok && pipeline.Lang(l).Valid() {
		data["Lang"] = pipeline.Lang(l).NativeName()
	}
	if n, ok := data["Count"].(int); ok {
		msg = loc.T(pe.MessageID, data, n)
	} else {
		msg = loc.T(pe.MessageID, data)
	}
	return msg, kit.Status(pe.Code), kit.Status(pe.Code) < 500
}

// stateName names an edition or release state in loc's language.
func stateName(loc *kit.Localizer, state string) string {
	switch state {
	case "scheduled", "cancelled":
		return loc.T("newsroom.release."+state, nil)
	}
	if pipeline.EditionState(state).Valid() {
		return loc.T("state."+state, nil)
	}
	return state
}

// newsroomDone redirects after a successful action to path with a confirmation to show there.
func newsroomDone(w http.ResponseWriter, r *http.Request, path, done string) {
	kit.LocalRedirect(w, r, path+"?done="+done)
}

// doneMessages are the confirmations an action may ask a page to show, by the done parameter.
var doneMessages = map[string]string{
	"released":       "newsroom.done.released",
	"scheduled":      "newsroom.done.scheduled",
	"rescheduled":    "newsroom.done.rescheduled",
	"cancelled":      "newsroom.done.cancelled",
	"sent_back":      "newsroom.done.sent_back",
	"unpublished":    "newsroom.done.unpublished",
	"rolled_back":    "newsroom.done.rolled_back",
	"retried":        "newsroom.done.retried",
	"repairs_undone": "newsroom.done.repairs_undone",
}

// doneNotice is the confirmation named by the request's done parameter, or "".
func doneNotice(r *http.Request, loc *kit.Localizer) string {
	if id, ok := doneMessages[r.URL.Query().Get("done")]; ok {
		return loc.T(id, nil)
	}
	return ""
}
