package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/pipeline"
)

type langKey struct{}

// readerLang resolves the {lang} URL parameter, refuses unknown ones, and remembers the language
// for the reader's next visit to /.
func (s *Server) readerLang(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang, err := pipeline.ParseLang(chi.URLParam(r, "lang"))
		if err != nil || string(lang) != chi.URLParam(r, "lang") {
			s.handleReaderNotFound(w, r)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
			SameSite: http.SameSiteLaxMode, HttpOnly: true, Secure: r.TLS != nil})
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey{}, lang)))
	})
}

func pageLang(r *http.Request) pipeline.Lang {
	if l, ok := r.Context().Value(langKey{}).(pipeline.Lang); ok {
		return l
	}
	return preferredLang(r)
}

// handleRoot sends a visitor to their language's front page.
func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language, Cookie")
	http.Redirect(w, r, "/"+string(preferredLang(r))+"/", http.StatusFound)
}

// switchItem is one language in the switcher.
type switchItem struct {
	Lang      pipeline.Lang
	Name      string
	URL       string
	Available bool
	Current   bool
}

// page is what every reader template receives.
type page struct {
	Lang       pipeline.Lang
	T          *localizer
	Title      string
	Canonical  string
	Alternates []switchItem // published languages only
	Switcher   []switchItem
	Status     int

	// Article page.
	Version *pipeline.PublishedVersion
	Body    template.HTML
	Date    string

	// Index page.
	Items     []indexItem
	NewerURL  string
	OlderURL  string
	Available []switchItem // on "not available": the languages it can be read in
}

type indexItem struct {
	Title, URL, Date, Byline string
}

const pageSize = 20

func (s *Server) handleReaderIndex(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	n, _ := strconv.Atoi(r.URL.Query().Get("page"))
	n = max(n, 1)
	vs, err := s.cfg.Store.FindLiveVersions(r.Context(), lang, pageSize+1, (n-1)*pageSize)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	loc := s.localizer(lang)
	p := &page{Lang: lang, T: loc, Title: loc.T("reader.index.title", nil), Canonical: s.cfg.BaseURL + "/" + string(lang) + "/"}
	for _, l := range pipeline.Languages {
		item := switchItem{Lang: l, Name: l.NativeName(), URL: "/" + string(l) + "/", Available: true, Current: l == lang}
		p.Switcher = append(p.Switcher, item)
		p.Alternates = append(p.Alternates, item)
	}
	if len(vs) > pageSize {
		vs = vs[:pageSize]
		p.OlderURL = "/" + string(lang) + "/?page=" + strconv.Itoa(n+1)
	}
	if n > 1 {
		p.NewerURL = "/" + string(lang) + "/?page=" + strconv.Itoa(n-1)
	}
	for _, v := range vs {
		p.Items = append(p.Items, indexItem{Title: v.Title, URL: "/" + string(lang) + "/articles/" + v.Slug,
			Date: formatDate(v.PublishedAt, lang), Byline: v.Byline})
	}
	s.render(w, r, "index.html", p)
}

func (s *Server) handleReaderArticle(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	slug := chi.URLParam(r, "slug")
	loc := s.localizer(lang)
	a, err := s.cfg.Store.FindArticleBySlug(r.Context(), slug)
	if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
		s.handleReaderNotFound(w, r)
		return
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	live, err := s.cfg.Store.FindLiveLangs(r.Context(), a.ID)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if len(live) == 0 {
		// Nothing of this article is public: it must look exactly like a missing page.
		s.handleReaderNotFound(w, r)
		return
	}
	p := &page{Lang: lang, T: loc}
	isLive := map[pipeline.Lang]bool{}
	for _, l := range live {
		isLive[l] = true
	}
	for _, l := range pipeline.Languages {
		item := switchItem{Lang: l, Name: l.NativeName(), URL: "/" + string(l) + "/articles/" + slug, Available: isLive[l], Current: l == lang}
		p.Switcher = append(p.Switcher, item)
		if isLive[l] {
			p.Alternates = append(p.Alternates, item)
			if l != lang {
				p.Available = append(p.Available, item)
			}
		}
	}
	if !isLive[lang] {
		p.Title = loc.T("reader.not_available.title", nil)
		p.Status = http.StatusNotFound
		s.render(w, r, "unavailable.html", p)
		return
	}
	v, err := s.cfg.Store.FindLiveVersion(r.Context(), lang, slug)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p.Version = &v
	p.Title = v.Title
	p.Canonical = s.cfg.BaseURL + "/" + string(lang) + "/articles/" + slug
	p.Body = template.HTML(v.HTML) //nolint:gosec // rendered by pipeline.Render, which escapes every text
	p.Date = formatDate(v.PublishedAt, lang)
	w.Header().Set("Last-Modified", v.PublishedAt.UTC().Format(http.TimeFormat))
	s.render(w, r, "article.html", p)
}

func (s *Server) handleReaderNotFound(w http.ResponseWriter, r *http.Request) {
	lang := preferredLang(r)
	if l, err := pipeline.ParseLang(chi.URLParam(r, "lang")); err == nil {
		lang = l
	}
	loc := s.localizer(lang)
	p := &page{Lang: lang, T: loc, Title: loc.T("reader.not_found.title", nil), Status: http.StatusNotFound}
	for _, l := range pipeline.Languages {
		p.Switcher = append(p.Switcher, switchItem{Lang: l, Name: l.NativeName(), URL: "/" + string(l) + "/", Available: true, Current: l == lang})
	}
	s.render(w, r, "notfound.html", p)
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	s.cfg.Logger.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "error", err)
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, p *page) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", string(p.Lang))
	if p.Status != 0 {
		w.WriteHeader(p.Status)
	}
	if err := s.pages.ExecuteTemplate(w, name, p); err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "template", "name", name, "error", err)
	}
}

func (s *Server) templateFuncs() template.FuncMap {
	return template.FuncMap{
		"bcp47": func(l pipeline.Lang) string { return l.BCP47() },
		"year":  func() int { return time.Now().Year() },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				if k, ok := kv[i].(string); ok {
					m[k] = kv[i+1]
				}
			}
			return m
		},
	}
}
