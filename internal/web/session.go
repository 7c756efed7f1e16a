package web

import (
	"net/http"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// Who is asking: an API request names its user with a bearer token, a browser with its session
// cookie. Both end as the same user in the request (kit.User), checked by the same rules.

// apiAuth requires a valid bearer token on every API request and puts its user in the context.
func (s *Server) apiAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || strings.TrimSpace(token) == "" {
			s.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeUnauthorized, MessageID: "error.unauthorized"})
			return
		}
		u, err := s.cfg.Store.FindUserByToken(r.Context(), strings.TrimSpace(token))
		if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
			s.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeUnauthorized, MessageID: "error.unauthorized"})
			return
		}
		if err != nil {
			s.WriteError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(kit.WithUser(r.Context(), &u)))
	})
}

// loadSession puts the signed-in session and its user, if any, into the request context, so that
// kit.User works for the API and the signed-in pages alike.
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(kit.SessionCookie)
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		sess, err := s.cfg.Store.FindSession(r.Context(), c.Value)
		if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
			s.SetSessionCookie(w, r, "", -1)
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(kit.WithSession(r.Context(), &sess)))
	})
}

// requireSession sends visitors who are not signed in to the sign-in page, or answers 401 to
// the page's script so that it keeps the unsaved text and says why.
func (s *Server) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if kit.Session(r) != nil {
			next.ServeHTTP(w, r)
			return
		}
		if kit.WantsJSON(r) || r.Method != http.MethodGet {
			s.PageError(w, r, &pipeline.Error{Code: pipeline.CodeUnauthorized, MessageID: "wb.error.signed_out"})
			return
		}
		http.Redirect(w, r, "/workbench/signin?next="+kit.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	})
}
