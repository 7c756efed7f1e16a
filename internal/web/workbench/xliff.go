package workbench

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleXLIFF is the editor's download link: GET /workbench/editions/{edition}/xliff.
func (h *Handler) handleXLIFF(w http.ResponseWriter, r *http.Request) {
	e, err := h.editionParam(r)
	if err == nil {
		err = h.WriteXLIFF(w, r, h.store, e.ArticleID, e.Lang, kit.UILang(r))
	}
	if err != nil {
		h.PageError(w, r, err)
	}
}
