package web

import (
	"context"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// sessionCookie holds the workbench session token; the database keeps only its hash.
const sessionCookie = "tilmash_session"

// sessionTTL is a working day with some margin: translators sign in once in the morning.
const sessionTTL = 12 * time.Hour

type sessionKey struct{}

func currentSession(r *http.Request) *pipeline.Session {
	s, _ := r.Context().Value(sessionKey{}).(*pipeline.Session)
	return s
}

// secureCookies reports whether cookies must be Secure: on TLS connections, and whenever the
// public address is https (TLS ends at a proxy in front of us).
func (s *Server) secureCookies(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(s.cfg.BaseURL, "https://")
}

func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: value, Path: "/workbench", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies(r)})
}

// loadSession puts the signed-in user, if any, into the request context with the same key the API
// uses, so that currentUser works for both.
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		sess, err := s.cfg.Store.FindSession(r.Context(), c.Value)
		if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
			s.setSessionCookie(w, r, "", -1)
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			s.workbenchError(w, r, err)
			return
		}
		ctx := context.WithValue(r.Context(), sessionKey{}, &sess)
		ctx = context.WithValue(ctx, userKey{}, &sess.User)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireSession sends visitors who are not signed in to the sign-in page, or answers 401 to
// the page's script so that it keeps the unsaved text and says why.
func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if currentSession(r) != nil {
			next.ServeHTTP(w, r)
			return
		}
		if wantsJSON(r) || r.Method != http.MethodGet {
			s.workbenchError(w, r, &pipeline.Error{Code: pipeline.CodeUnauthorized, MessageID: "wb.error.signed_out"})
			return
		}
		http.Redirect(w, r, "/workbench/signin?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
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
