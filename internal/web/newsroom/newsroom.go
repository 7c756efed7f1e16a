// Package newsroom is the editors' newsroom: every article with its four editions on one board,
// the review of an edition next to its source, releases now or at a chosen time, taking an
// edition back after publication, and undoing the text repair's changes.
package newsroom

import (
	"context"
	"embed"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// The newsroom is where editors follow every article through its four editions, review and
// approve them, release them now or at a chosen time, and take them back after publication. It
// lives under /workbench because the session cookie is scoped there: one sign-in serves both.

// newsroomBase is the path every newsroom page starts with, where the router mounts Routes.
const newsroomBase = "/workbench/newsroom"

// Store is what the newsroom needs from storage.
type Store interface {
	FindBoard(ctx context.Context, f pipeline.BoardFilter, limit, offset int) (
		[]pipeline.Article, map[int64][]pipeline.Edition, int, error)
	FindArticleByID(ctx context.Context, id int64) (pipeline.Article, error)
	FindEditions(ctx context.Context, articleID int64) ([]pipeline.Edition, error)
	FindEditionContent(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error)
	FindDismissers(ctx context.Context, editionID int64) (map[int64]string, error)

	// Publishing.
	CreateRelease(ctx context.Context, articleID int64, langs []pipeline.Lang, a pipeline.Approval) (pipeline.Release, error)
	RescheduleRelease(ctx context.Context, articleID, releaseID int64, actor string, publishAt *time.Time) (pipeline.Release, error)
	CancelRelease(ctx context.Context, articleID, releaseID int64, actor string) (pipeline.Release, error)
	FindReleases(ctx context.Context, articleID int64) ([]pipeline.Release, error)
	SendBack(ctx context.Context, editionID int64, actor, comment string) error
	RetryEdition(ctx context.Context, editionID int64, actor string) error
	Unpublish(ctx context.Context, articleID int64, lang pipeline.Lang, actor string) error
	Rollback(ctx context.Context, articleID int64, lang pipeline.Lang, versionID int64, actor string) error
	FindVersions(ctx context.Context, articleID int64) ([]pipeline.Version, error)
	FindAudit(ctx context.Context, articleID int64) ([]pipeline.AuditEntry, error)

	// Text repairs of the current revision.
	FindRepairs(ctx context.Context, articleID int64) (pipeline.RevisionRepairs, error)
	UndoRepairs(ctx context.Context, u pipeline.RepairUndo) error

	// Categories and their names in each language (categories.go).
	FindCategories(ctx context.Context) ([]pipeline.Category, error)
	CreateCategory(ctx context.Context, c pipeline.Category, actor string) error
	RenameCategory(ctx context.Context, c pipeline.Category, actor string) error

	// An edition as XLIFF, to read in a CAT tool.
	interchange.EditionStore

	// Starting an article and settling its repairs (compose.go).
	composeStore
}

// Handler serves the newsroom.
type Handler struct {
	*kit.Base
	store Store
	pages *kit.Pages
	// prep and maxBodyBytes prepare the articles editors start here (UseComposer).
	prep         *ingest.Preparer
	maxBodyBytes int
}

// New parses the newsroom's pages.
func New(base *kit.Base, store Store) (*Handler, error) {
	pages, err := base.ParsePages(templateFS)
	if err != nil {
		return nil, err
	}
	return &Handler{Base: base, store: store, pages: pages}, nil
}

// Routes mounts the editors' pages, for editors and administrators only.
func (h *Handler) Routes(r chi.Router) {
	r.Use(h.RequireEditor(errEditorsOnly))
	r.Get("/", h.handleBoard)
	r.Get("/categories/", h.handleCategories)
	r.Post("/categories/", h.handleCategoryAdd)
	r.Post("/categories/rename", h.handleCategoryRename)
	r.Get("/live", h.handleLive)
	r.Route("/articles/{article}", func(r chi.Router) {
		r.Get("/", h.handleArticle)
		r.Post("/release", h.handleRelease)
		r.Post("/releases/{release}/reschedule", h.handleReschedule)
		r.Post("/releases/{release}/cancel", h.handleCancel)
		r.Get("/repairs/", h.handleRepairs)
		r.Post("/repairs/undo", h.handleRepairUndo)
		r.Post("/repairs/settle", h.handleRepairSettle)
		r.Route("/editions/{lang}", func(r chi.Router) {
			r.Get("/", h.handleReview)
			r.Get("/xliff", h.handleXLIFF)
			r.Post("/approve", h.handleApprove)
			r.Post("/send-back", h.handleSendBack)
			r.Post("/unpublish", h.handleUnpublish)
			r.Post("/rollback", h.handleRollback)
			r.Post("/retry", h.handleRetry)
		})
	})
}

// errEditorsOnly refuses the newsroom to translators.
var errEditorsOnly = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "newsroom.error.editors_only"}

// newsroomArticle loads the article named by {article}.
func (h *Handler) newsroomArticle(r *http.Request) (pipeline.Article, error) {
	id, err := kit.PathID(r, "article")
	if err != nil {
		return pipeline.Article{}, err
	}
	return h.store.FindArticleByID(r.Context(), id)
}

// newsroomLang reads {lang}; an unknown language is a page that does not exist.
func newsroomLang(r *http.Request) (pipeline.Lang, error) {
	l := pipeline.Lang(chi.URLParam(r, "lang"))
	if !l.Valid() {
		return "", kit.ErrNotFound
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
	"released":        "newsroom.done.released",
	"scheduled":       "newsroom.done.scheduled",
	"rescheduled":     "newsroom.done.rescheduled",
	"cancelled":       "newsroom.done.cancelled",
	"sent_back":       "newsroom.done.sent_back",
	"unpublished":     "newsroom.done.unpublished",
	"rolled_back":     "newsroom.done.rolled_back",
	"retried":         "newsroom.done.retried",
	"repairs_undone":  "newsroom.done.repairs_undone",
	"repairs_settled": "compose.done.repairs_settled",
	"created":         "compose.done.created",
	"source_saved":    "compose.done.source_saved",
	"source_same":     "compose.done.source_same",
}

// doneNotice is the confirmation named by the request's done parameter, or "".
func doneNotice(r *http.Request, loc *kit.Localizer) string {
	if id, ok := doneMessages[r.URL.Query().Get("done")]; ok {
		return loc.T(id, nil)
	}
	return ""
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }
