package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

type userKey struct{}

// apiAuth requires a valid bearer token on every API request and puts its user in the context.
func (s *Server) apiAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || strings.TrimSpace(token) == "" {
			s.writeError(w, r, &pipeline.Error{Code: pipeline.CodeUnauthorized, MessageID: "error.unauthorized"})
			return
		}
		u, err := s.cfg.Store.FindUserByToken(r.Context(), strings.TrimSpace(token))
		if pipeline.ErrorCode(err) == pipeline.CodeNotFound {
			s.writeError(w, r, &pipeline.Error{Code: pipeline.CodeUnauthorized, MessageID: "error.unauthorized"})
			return
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, &u)))
	})
}

func currentUser(r *http.Request) *pipeline.User {
	u, _ := r.Context().Value(userKey{}).(*pipeline.User)
	return u
}

var errForbidden = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "error.forbidden"}
