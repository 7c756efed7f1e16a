package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"

	"github.com/tilmash/tilmash/pipeline"
)

// signinCSRFCookie carries the sign-in form's token before there is a session (double submit), so
// that another site cannot sign a victim into an account of its choosing.
const signinCSRFCookie = "tilmash_signin"

var errCSRF = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.csrf"}

func sameToken(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// requestToken is the token a form field or the page script's header carries.
func requestToken(r *http.Request) string {
	if t := r.Header.Get("X-CSRF-Token"); t != "" {
		return t
	}
	return r.PostFormValue("csrf") // parses url-encoded bodies only, up to 10 MB
}

// sessionCSRF refuses state-changing requests that do not carry the session's token.
func (s *Server) sessionCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		if sess := currentSession(r); sess == nil || !sameToken(requestToken(r), sess.CSRFToken) {
			s.workbenchError(w, r, errCSRF)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// crossOriginProtection refuses state-changing requests that the browser marks as cross-site
// (Fetch Metadata) with the same answer as a missing token: JSON for the page's script, the error
// page for a form.
func (s *Server) crossOriginProtection() *http.CrossOriginProtection {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.workbenchError(w, r, errCSRF)
	}))
	return cop
}

// signinToken returns the sign-in form's token, setting its cookie when there is none yet.
func (s *Server) signinToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(signinCSRFCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	raw := make([]byte, 32)
	rand.Read(raw) //nolint:errcheck // crypto/rand never fails on supported platforms
	token := base64.RawURLEncoding.EncodeToString(raw)
	http.SetCookie(w, &http.Cookie{Name: signinCSRFCookie, Value: token, Path: "/workbench/signin",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secureCookies(r)})
	return token
}

// signinCSRF checks the sign-in form's double-submitted token.
func (s *Server) signinCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(signinCSRFCookie)
		if err != nil || !sameToken(requestToken(r), c.Value) {
			s.workbenchError(w, r, errCSRF)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
