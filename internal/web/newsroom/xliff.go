package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleXLIFF is the review page's download link:
// GET /workbench/newsroom/articles/{article}/editions/{lang}/xliff.
func (h *Handler) handleXLIFF(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	lang, err := newsroomLang(r)
	if err == nil {
		err = h.WriteXLIFF(w, r, h.store, a.ID, lang, kit.UILang(r))
	}
	if err != nil {
		h.PageError(w, r, err)
	}
}
