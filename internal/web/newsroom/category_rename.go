package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleCategoryRename replaces a category's names in the four languages; a name left empty
// removes it, and readers of that language see the slug. Reader pages change at once.
func (h *Handler) handleCategoryRename(w http.ResponseWriter, r *http.Request) {
	if err := h.store.RenameCategory(r.Context(), categoryFromForm(r), kit.User(r).Name); err != nil {
		h.categoriesProblem(w, r, err, false)
		return
	}
	newsroomDone(w, r, categoriesPath, "category_renamed")
}
