package web

import (
	"context"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// readerStore is what the public site needs from storage: snapshots of the live editions only, so
// that nothing unpublished can reach a page.
type readerStore interface {
	LoadSnapshot(ctx context.Context) (pipeline.Snapshot, error)
	FindVersionHTML(ctx context.Context, ids []int64) (map[int64]string, error)
	SiteGeneration(ctx context.Context) (int64, error)
	ListenSite(ctx context.Context, poll time.Duration, changed func(notified bool))
}

// readerRoutes mounts what the public site answers beyond its cached pages (servePublished):
// the language choice at /, and not-found pages.
func (s *Server) readerRoutes(r chi.Router) {
	r.Get("/", s.handleRoot)
	r.Get("/{lang}", s.handleLangRedirect)
	r.Get("/{lang}/*", s.handleReaderNotFound)
}

// handleRoot sends a visitor to their language's front page: a remembered choice first, then
// Accept-Language, then English.
//
// Readers who ask for Chinese in Traditional characters (zh-TW, zh-HK, zh-Hant) get the Chinese
// edition, which is in Simplified characters, with a one-line note saying so: the front page
// carries it hidden, and the #hant fragment shows it, so the cached page stays one page for all.
func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language, Cookie")
	w.Header().Set("Cache-Control", "private, no-cache")
	lang := preferredLang(r)
	target := "/" + string(lang) + "/"
	if lang == pipeline.Chinese && prefersTraditional(r) {
		target += "#hant"
	}
	http.Redirect(w, r, target, http.StatusFound)
}

// handleLangRedirect adds the slash to a language's front page ("/ru" to "/ru/").
func (s *Server) handleLangRedirect(w http.ResponseWriter, r *http.Request) {
	lang := chi.URLParam(r, "lang")
	if l, err := pipeline.ParseLang(lang); err == nil && string(l) == lang {
		http.Redirect(w, r, "/"+lang+"/", http.StatusMovedPermanently)
		return
	}
	s.handleReaderNotFound(w, r)
}

// handleReaderNotFound answers any unknown page, in the language of its URL when it has one. An
// article that exists but is not live (a draft, an embargoed release) looks exactly like this.
func (s *Server) handleReaderNotFound(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOfPath(r.URL.Path)
	if !ok {
		lang = preferredLang(r)
	}
	c, err := s.site(r.Context())
	if err != nil || c.notFound[lang] == nil {
		if err != nil {
			s.cfg.Logger.ErrorContext(r.Context(), "site unavailable", "error", err)
		}
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return
	}
	s.writeCached(w, r, c.notFound[lang])
}
