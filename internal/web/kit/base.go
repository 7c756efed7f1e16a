// Package kit is what every area of the web adapter shares: the localizer and the choice of
// language, errors answered as go-i18n message IDs in the reader's language (JSON or a page),
// input checked at the door, JSON in and out, the signed-in user and session in the request,
// and the layout of the signed-in pages. The areas (api, reader, workbench, newsroom, accounts)
// import it; it imports none of them.
package kit

import (
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// Base holds what the areas share: the messages, the log, the site's public address and the
// signed-in pages' layout. Each area's handler embeds it.
type Base struct {
	Bundle *i18n.Bundle
	Logger *slog.Logger
	// BaseURL is the public address of the site, for canonical URLs (e.g. https://example.org).
	BaseURL string
	// Zone is the newsroom's time zone: the signed-in pages show times in it, and release times
	// are read in it unless the editor picks another. Nil is the server's local zone.
	Zone *time.Location
	// LiveEvery is how often the signed-in pages ask what changed (states, colleagues' saves,
	// progress); zero is DefaultLiveEvery.
	LiveEvery time.Duration
	pages     *Pages // the layout and the error page
}

// DefaultLiveEvery is how often pages follow changes when nothing else is configured: often enough
// to see a colleague's save while reading the segment, rarely enough that a newsroom of editors
// and translators with pages open costs the database little.
const DefaultLiveEvery = 3 * time.Second

// TimeZone is the newsroom's zone (see Base.Zone).
func (b *Base) TimeZone() *time.Location {
	if b.Zone == nil {
		return time.Local
	}
	return b.Zone
}

// LiveMillis is Base.LiveEvery in milliseconds, for the pages' scripts.
func (b *Base) LiveMillis() int {
	if b.LiveEvery <= 0 {
		return int(DefaultLiveEvery / time.Millisecond)
	}
	return int(b.LiveEvery / time.Millisecond)
}

// New builds the shared base; a nil logger is slog's default.
func New(bundle *i18n.Bundle, logger *slog.Logger, baseURL string) (*Base, error) {
	if logger == nil {
		logger = slog.Default()
	}
	b := &Base{Bundle: bundle, Logger: logger, BaseURL: baseURL}
	p, err := b.ParsePages(nil)
	if err != nil {
		return nil, err
	}
	b.pages = p
	return b, nil
}

// Funcs are the template functions every page may use.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"bcp47": func(l pipeline.Lang) string { return l.BCP47() },
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

// Pages is one area's signed-in pages, parsed together with the shared layout (app_head,
// app_foot) and error page.
type Pages struct {
	t   *template.Template
	log *slog.Logger
}

// ParsePages parses an area's templates (every templates/*.html of fsys) with the shared layout;
// a nil fsys gives the layout alone.
func (b *Base) ParsePages(fsys fs.FS) (*Pages, error) {
	t, err := template.New("").Funcs(Funcs()).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	if fsys != nil {
		if t, err = t.ParseFS(fsys, "templates/*.html"); err != nil {
			return nil, err
		}
	}
	return &Pages{t: t, log: b.Logger}, nil
}

// Render writes a signed-in page; status 0 is 200.
func (p *Pages) Render(w http.ResponseWriter, r *http.Request, name string, status int, lang pipeline.Lang, data any) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(lang))
	h.Set("Cache-Control", "no-store")
	if status != 0 {
		w.WriteHeader(status)
	}
	if err := p.t.ExecuteTemplate(w, name, data); err != nil {
		p.log.ErrorContext(r.Context(), "template", "name", name, "error", err)
	}
}
