package web

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// workbenchStore is what the translators' workbench needs from storage.
type workbenchStore interface {
	FindUserByName(ctx context.Context, name string) (pipeline.User, string, error)
	CreateUser(ctx context.Context, u pipeline.User, passwordHash string) (pipeline.User, error)
	FindUsers(ctx context.Context) ([]pipeline.User, error)
	SetUILang(ctx context.Context, userID int64, lang pipeline.Lang) error

	CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error)
	FindSession(ctx context.Context, token string) (pipeline.Session, error)
	DeleteSession(ctx context.Context, token string) error
	ReserveSignin(ctx context.Context, name, addr string, policy pipeline.SigninPolicy) (id int64, wait time.Duration, err error)
	ReleaseSignin(ctx context.Context, id int64) error
	SigninSucceeded(ctx context.Context, id int64, name, addr string) error

	FindQueue(ctx context.Context, langs []pipeline.Lang, me string) ([]pipeline.QueueItem, error)
	TouchPresence(ctx context.Context, editionID int64, user string) ([]string, error)
	FindEditionByID(ctx context.Context, id int64) (pipeline.Edition, error)
	FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error)
	FindFindings(ctx context.Context, editionID int64) ([]pipeline.Finding, error)
	FindSegmentHistory(ctx context.Context, editionID, segmentID int64) ([]pipeline.SegmentTranslation, error)
	FindSegmentSource(ctx context.Context, editionID, segmentID int64) (pipeline.SegmentSource, error)
	SaveSegment(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error)
	AddComment(ctx context.Context, editionID, segmentID int64, author, body string) (pipeline.Comment, error)
	FindComments(ctx context.Context, editionID int64) ([]pipeline.Comment, error)

	// Translation memory and termbase.
	FindSuggestions(ctx context.Context, editionID int64) (map[int64][]pipeline.MemoryMatch, error)
	FindSegmentChanges(ctx context.Context, editionID int64) ([]pipeline.SegmentChange, error)
	FindMemoryExact(ctx context.Context, source, target pipeline.Lang, keys []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error)
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	SaveConcept(ctx context.Context, c pipeline.Concept) (pipeline.Concept, error)
}

// workbenchRoutes mounts the translators' workbench under /workbench. Every state-changing
// request is checked twice against cross-site forgery: by the browser's Fetch Metadata and by the
// session's synchronizer token.
func (s *Server) workbenchRoutes(r chi.Router) {
	cop := s.crossOriginProtection()
	r.Route("/workbench", func(r chi.Router) {
		r.Use(cop.Handler, s.loadSession, s.guardInput(pageInputLimits, s.workbenchError))
		r.Get("/signin", s.handleSigninForm)
		r.With(s.signinCSRF).Post("/signin", s.handleSignin)
		r.Group(func(r chi.Router) {
			r.Use(s.requireSession, s.sessionCSRF)
			r.Get("/", s.handleQueue)
			r.Post("/signout", s.handleSignout)
			r.Post("/lang", s.handleUILang)
			r.Route("/editions/{edition}", func(r chi.Router) {
				r.Get("/", s.handleEditor)
				r.Get("/xliff", s.handleWorkbenchXLIFF)
				r.Put("/segments/{segment}", s.handleSegmentSave)
				r.Get("/segments/{segment}/history", s.handleSegmentHistory)
				r.Post("/segments/{segment}/comments", s.handleCommentAdd)
				r.Post("/findings/{finding}/dismiss", s.handleWorkbenchDismiss)
				r.Post("/submit", s.handleWorkbenchSubmit)
				r.Post("/terms", s.handleTermAdd)
			})
			r.Get("/admin/users", s.handleAdminUsers)
			r.Post("/admin/users", s.handleAdminUserCreate)
		})
	})
}

// appPage is what every signed-in page (and the sign-in page) gives the shared layout.
type appPage struct {
	Lang    pipeline.Lang
	T       *localizer
	Title   string
	User    *pipeline.User
	CSRF    string
	Path    string // the current path, for the language switcher to come back to
	Langs   []switchItem
	Status  int
	Notice  string // a one-line confirmation, such as "Sent for approval"
	Problem string // a one-line error, announced to screen readers
}

// uiLang is the interface language of a request: the user's choice, then the browser's.
func uiLang(r *http.Request) pipeline.Lang {
	if s := currentSession(r); s != nil && s.UILang != "" {
		return s.UILang
	}
	return acceptLang(r)
}

func (s *Server) newAppPage(r *http.Request, titleID string) appPage {
	lang := uiLang(r)
	loc := s.localizer(lang)
	p := appPage{Lang: lang, T: loc, Title: loc.T(titleID, nil), User: currentUser(r), Path: r.URL.Path}
	if sess := currentSession(r); sess != nil {
		p.CSRF = sess.CSRFToken
	}
	for _, l := range pipeline.Languages {
		p.Langs = append(p.Langs, switchItem{Lang: l, Name: l.NativeName(), Current: l == lang})
	}
	return p
}

// renderApp writes a workbench page; status comes from the page's Status, 200 when unset.
func (s *Server) renderApp(w http.ResponseWriter, r *http.Request, name string, status int, lang pipeline.Lang, data any) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(lang))
	h.Set("Cache-Control", "no-store")
	if status != 0 {
		w.WriteHeader(status)
	}
	if err := s.pages.ExecuteTemplate(w, name, data); err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "template", "name", name, "error", err)
	}
}

// errorPage is the page for a refused or failed request.
type errorPage struct {
	appPage
	Message string
	Back    string
}

// wantsJSON tells the workbench's own fetches, which send or ask for JSON, from page navigation
// and forms, which only GET and POST forms: a request that sends JSON, or uses another method,
// comes from a script and gets every error, a refused token included, as JSON.
func wantsJSON(r *http.Request) bool {
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		return true
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPost:
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		return mt == "application/json"
	}
	return true
}

// workbenchError answers an error in the user's interface language: JSON for the page's script,
// an HTML page otherwise.
func (s *Server) workbenchError(w http.ResponseWriter, r *http.Request, err error) {
	if wantsJSON(r) {
		r2 := r.Clone(r.Context())
		r2.Header.Set("Accept-Language", string(uiLang(r)))
		s.writeError(w, r2, err)
		return
	}
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code == "" {
		s.cfg.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
		pe = errInternal
	}
	p := errorPage{appPage: s.newAppPage(r, "wb.error.title"), Back: "/workbench/"}
	data := copyData(pe.Data)
	if n, ok := data["Count"].(int); ok {
		p.Message = p.T.T(pe.MessageID, data, n)
	} else {
		p.Message = p.T.T(pe.MessageID, data)
	}
	s.renderApp(w, r, "workbench_error.html", status(pe.Code), p.Lang, p)
}

// editionParam reads {edition} and loads it, after checking that the user works in its language
// and that it is a translation: the server decides, whatever the page shows.
func (s *Server) editionParam(r *http.Request) (pipeline.Edition, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "edition"), 10, 64)
	if err != nil || id <= 0 {
		return pipeline.Edition{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
	}
	e, err := s.cfg.Store.FindEditionByID(r.Context(), id)
	if err != nil {
		return e, err
	}
	if !currentUser(r).CanEdit(e.Lang) {
		return e, &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.not_your_language",
			Data: map[string]any{"Lang": e.Lang.NativeName()}}
	}
	if e.IsSource {
		return e, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
	}
	return e, nil
}

// segmentParam reads {segment} and finds it among the content's segments.
func segmentParam(r *http.Request, c *pipeline.EditionContent) (int, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "segment"), 10, 64)
	if err == nil {
		for i := range c.Segments {
			if c.Segments[i].ID == id {
				return i, nil
			}
		}
	}
	return -1, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found", Data: map[string]any{"What": "segment"}}
}

// localRedirect sends the browser back to a path on this site, never elsewhere.
func localRedirect(w http.ResponseWriter, r *http.Request, path string) {
	if !strings.HasPrefix(path, "/workbench") || strings.HasPrefix(path, "//") || strings.ContainsAny(path, "\\\r\n") {
		path = "/workbench/"
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }
