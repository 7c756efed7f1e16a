package newsroom

import (
	"net/http"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleCategoryAdd adds a category with its names. Its slug is what articles are filed under and
// what reader addresses show; it cannot change afterwards, only the names can.
func (h *Handler) handleCategoryAdd(w http.ResponseWriter, r *http.Request) {
	c := categoryFromForm(r)
	c.Slug = strings.TrimSpace(c.Slug)
	if err := h.store.CreateCategory(r.Context(), c, kit.User(r).Name); err != nil {
		h.categoriesProblem(w, r, err, true)
		return
	}
	newsroomDone(w, r, categoriesPath, "category_added")
}
