package kit

import (
	"context"
	"crypto/subtle"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// Who is asking: the router's middleware puts the user (from an API token or a session) and the
// session in the request's context, and handlers read them with User and Session.

type (
	userKey    struct{}
	sessionKey struct{}
)

// WithUser returns ctx carrying the requesting user.
func WithUser(ctx context.Context, u *pipeline.User) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// WithSession returns ctx carrying a signed-in session and its user, so that User works for the
// API and the signed-in pages alike.
func WithSession(ctx context.Context, s *pipeline.Session) context.Context {
	return WithUser(context.WithValue(ctx, sessionKey{}, s), &s.User)
}

// User is the requesting user, or nil.
func User(r *http.Request) *pipeline.User {
	u, _ := r.Context().Value(userKey{}).(*pipeline.User)
	return u
}

// Session is the signed-in session, or nil.
func Session(r *http.Request) *pipeline.Session {
	s, _ := r.Context().Value(sessionKey{}).(*pipeline.Session)
	return s
}

// UILang is the interface language of a request: the user's choice, then the browser's.
func UILang(r *http.Request) pipeline.Lang {
	if s := Session(r); s != nil && s.UILang != "" {
		return s.UILang
	}
	return AcceptLang(r)
}

// SessionCookie holds the session token; the database keeps only its hash.
const SessionCookie = "tilmash_session"

// SessionTTL is a working day with some margin: translators sign in once in the morning.
const SessionTTL = 12 * time.Hour

// SecureCookies reports whether cookies must be Secure: on TLS connections, and whenever the
// public address is https (TLS ends at a proxy in front of us).
func (b *Base) SecureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(b.BaseURL, "https://")
}

// SessionPaths are the parts of the site the session cookie is sent to: the workbench (with the
// newsroom) and the administrators' tools (the queue's UI). The public site never receives it.
var SessionPaths = []string{"/workbench", "/admin"}

// SetSessionCookie sets the session cookie, or with maxAge -1 removes it, for every path of
// SessionPaths (a cookie has one path, so the same cookie is set once per path).
func (b *Base) SetSessionCookie(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	for _, path := range SessionPaths {
		http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: value, Path: path, MaxAge: maxAge,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: b.SecureCookies(r)})
	}
}

// ErrCSRF refuses a state-changing request without the right token.
var ErrCSRF = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.csrf"}

// SameToken compares two tokens in constant time; empty tokens never match.
func SameToken(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// RequestToken is the token a form field or the page script's header carries.
func RequestToken(r *http.Request) string {
	if t := r.Header.Get("X-CSRF-Token"); t != "" {
		return t
	}
	return r.PostFormValue("csrf") // parses url-encoded bodies only, up to 10 MB
}

// WantsJSON tells the workbench's own fetches, which send or ask for JSON, from page navigation
// and forms, which only GET and POST forms: a request that sends JSON, or uses another method,
// comes from a script and gets every error, a refused token included, as JSON.
func WantsJSON(r *http.Request) bool {
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

// LocalRedirect sends the browser back to a path of the signed-in pages (the workbench, the
// administrators' tools), never elsewhere.
func LocalRedirect(w http.ResponseWriter, r *http.Request, path string) {
	if !(strings.HasPrefix(path, "/workbench") || strings.HasPrefix(path, "/admin/")) || strings.HasPrefix(path, "//") ||
		strings.ContainsAny(path, "\\\r\n") {
		path = "/workbench/"
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// QueryEscape escapes a value for a URL's query.
func QueryEscape(s string) string { return url.QueryEscape(s) }

// PathID reads the positive ID in the route's URL parameter name. Anything else names nothing
// that exists, so it is ErrNotFound, as the record would be.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, name), 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}
