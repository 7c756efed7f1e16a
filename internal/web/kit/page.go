package kit

import (
	"errors"
	"net/http"

	"github.com/tilmash/tilmash/pipeline"
)

// LangItem is one language of the signed-in pages' language switcher.
type LangItem struct {
	Lang    pipeline.Lang
	Name    string
	Current bool
}

// AppPage is what every signed-in page (and the sign-in page) gives the shared layout.
type AppPage struct {
	Lang    pipeline.Lang
	T       *Localizer
	Title   string
	User    *pipeline.User
	CSRF    string
	Path    string // the current path, for the language switcher to come back to
	Langs   []LangItem
	Status  int
	Notice  string // a one-line confirmation, such as "Sent for approval"
	Problem string // a one-line error, announced to screen readers
	// LiveEvery is how often, in milliseconds, the page's script asks what changed.
	LiveEvery int
}

// NewAppPage starts a signed-in page in the user's interface language, titled by titleID.
func (b *Base) NewAppPage(r *http.Request, titleID string) AppPage {
	lang := UILang(r)
	loc := b.Localizer(lang)
	p := AppPage{Lang: lang, T: loc, Title: loc.T(titleID, nil), User: User(r), Path: r.URL.Path, LiveEvery: b.LiveMillis()}
	if sess := Session(r); sess != nil {
		p.CSRF = sess.CSRFToken
	}
	for _, l := range pipeline.Languages {
		p.Langs = append(p.Langs, LangItem{Lang: l, Name: l.NativeName(), Current: l == lang})
	}
	return p
}

// errorPage is the page for a refused or failed request.
type errorPage struct {
	AppPage
	Message string
	Back    string
}

// RequireEditor lets only editors and administrators (pipeline.User.CanApprove, the API's rule)
// through to the pages behind it; others get refused, a forbidden error, as a page.
func (b *Base) RequireEditor(refused *pipeline.Error) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !User(r).CanApprove() {
				b.PageError(w, r, refused)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// PageError answers an error of the signed-in pages in the user's interface language: JSON for
// the page's script, an HTML page otherwise.
func (b *Base) PageError(w http.ResponseWriter, r *http.Request, err error) {
	if WantsJSON(r) {
		r2 := r.Clone(r.Context())
		r2.Header.Set("Accept-Language", string(UILang(r)))
		b.WriteError(w, r2, err)
		return
	}
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code == "" {
		b.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
		pe = ErrInternal
	}
	title := "wb.error.title"
	switch pe.Code {
	case pipeline.CodeNotFound:
		title = "live.error.not_found_title"
	case pipeline.CodeForbidden:
		title = "live.error.forbidden_title"
	case ErrInternal.Code:
		title = "live.error.internal_title"
	}
	p := errorPage{AppPage: b.NewAppPage(r, title), Back: "/workbench/"}
	p.Message = p.T.Message(pe)
	if pe.MessageID == "error.not_found" {
		// The bare "Not found." says nothing a person can act on.
		p.Message = p.T.T("live.error.not_found_body", nil)
	}
	b.pages.Render(w, r, "app_error.html", Status(pe.Code), p.Lang, p)
}
