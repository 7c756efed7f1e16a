package web

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// sessionCSRF refuses state-changing requests that do not carry the session's token.
func (s *Server) sessionCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		if sess := kit.Session(r); sess == nil || !kit.SameToken(kit.RequestToken(r), sess.CSRFToken) {
			s.PageError(w, r, kit.ErrCSRF)
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
		s.PageError(w, r, kit.ErrCSRF)
	}))
	return cop
}
