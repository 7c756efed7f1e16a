// Package accounts is signing in and out of the workbench and the newsroom: the sign-in form
// with its limits on password guessing, sessions, the interface language a person picks, and the
// administrators' page of accounts.
package accounts

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/base64"
	"net"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// Store is what accounts need from storage.
type Store interface {
	FindUserByName(ctx context.Context, name string) (pipeline.User, string, error)
	FindUsers(ctx context.Context) ([]pipeline.User, error)
	CreateUser(ctx context.Context, u pipeline.User, passwordHash string) (pipeline.User, error)
	SetUILang(ctx context.Context, userID int64, lang pipeline.Lang) error
	ReserveSignin(ctx context.Context, name, addr string, policy pipeline.SigninPolicy) (id int64, wait time.Duration, err error)
	ReleaseSignin(ctx context.Context, id int64) error
	SigninSucceeded(ctx context.Context, id int64, name, addr string) error
	CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error)
	DeleteSession(ctx context.Context, token string) error
}

// Handler serves the account pages.
type Handler struct {
	*kit.Base
	store Store
	pages *kit.Pages
}

// New parses the account pages.
func New(base *kit.Base, store Store) (*Handler, error) {
	pages, err := base.ParsePages(templateFS)
	if err != nil {
		return nil, err
	}
	return &Handler{Base: base, store: store, pages: pages}, nil
}

// SigninRoutes mounts the sign-in form, which needs no session; its post carries the form's own
// token (double submit).
func (h *Handler) SigninRoutes(r chi.Router) {
	r.Get("/signin", h.handleSigninForm)
	r.With(h.signinCSRF).Post("/signin", h.handleSignin)
}

// Routes mounts what a signed-in person does with their account, and the administrators' page.
func (h *Handler) Routes(r chi.Router) {
	r.Post("/signout", h.handleSignout)
	r.Post("/lang", h.handleUILang)
	r.Get("/admin/users", h.handleAdminUsers)
	r.Post("/admin/users", h.handleAdminUserCreate)
}

// signinCSRFCookie carries the sign-in form's token before there is a session (double submit), so
// that another site cannot sign a victim into an account of its choosing.
const signinCSRFCookie = "tilmash_signin"

// signinToken returns the sign-in form's token, setting its cookie when there is none yet.
func (h *Handler) signinToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(signinCSRFCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	raw := make([]byte, 32)
	rand.Read(raw) // crypto/rand never fails on supported platforms; it panics otherwise
	token := base64.RawURLEncoding.EncodeToString(raw)
	http.SetCookie(w, &http.Cookie{Name: signinCSRFCookie, Value: token, Path: "/workbench/signin",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: h.SecureCookies(r)})
	return token
}

// signinCSRF checks the sign-in form's double-submitted token.
func (h *Handler) signinCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(signinCSRFCookie)
		if err != nil || !kit.SameToken(kit.RequestToken(r), c.Value) {
			h.PageError(w, r, kit.ErrCSRF)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clientAddr is the address failed sign-ins are counted against. Forwarded headers are ignored:
// a client could set them to dodge the limit.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
