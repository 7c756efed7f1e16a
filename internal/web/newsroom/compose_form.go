package newsroom

import "net/http"

// handleComposeForm shows the empty form that starts an article: a box to paste the text, a
// file to choose or drop (text, Markdown, a web page or a Word document), and its language,
// detected unless the editor names it.
func (h *Handler) handleComposeForm(w http.ResponseWriter, r *http.Request) {
	p := h.newComposePage(r, "compose.title")
	h.renderCompose(w, r, http.StatusOK, p)
}
