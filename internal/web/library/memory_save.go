package library

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleMemorySave changes an entry's source and target, based on the version the editor saw.
// When someone changed the entry meanwhile, nothing is written: the page shows their text next
// to the editor's, which stays in the form, and saving again replaces theirs knowingly.
func (h *Handler) handleMemorySave(w http.ResponseWriter, r *http.Request) {
	id, err := kit.PathID(r, "entry")
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil {
		h.PageError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "version"}})
		return
	}
	edit := pipeline.MemoryEdit{ID: id, Version: version, Source: r.PostFormValue("source"),
		Target: r.PostFormValue("target"), Actor: kit.User(r).Name}
	if _, err := h.store.UpdateMemoryEntry(r.Context(), edit); err != nil {
		h.memoryProblem(w, r, id, edit, err)
		return
	}
	kit.LocalRedirect(w, r, withDone(memoryBack(r), "memory_saved"))
}

// memoryProblem shows the entry's page again with the refusal of err and the editor's text in the
// form; after a conflict, with the entry as it is now and its new version.
func (h *Handler) memoryProblem(w http.ResponseWriter, r *http.Request, id int64, edit pipeline.MemoryEdit, err error) {
	cur, ferr := h.store.FindMemoryEntry(r.Context(), id)
	if ferr != nil {
		h.PageError(w, r, ferr)
		return
	}
	p := h.newMemoryEntryPage(r, cur)
	msg, status, ok := problemMessage(p.T, err)
	if !ok {
		h.PageError(w, r, err)
		return
	}
	p.Problem = msg
	p.Source, p.Target = edit.Source, edit.Target
	var pe *pipeline.Error
	if errors.As(err, &pe) && pe.Code == pipeline.CodeConflict {
		theirs := p.Entry
		p.Theirs = &theirs
	} else {
		p.Version = edit.Version // not a conflict: the editor's base stays what it was
	}
	h.pages.Render(w, r, "library_memory_entry.html", status, p.Lang, p)
}

// withDone adds a confirmation to show to a local address.
func withDone(path, done string) string {
	if strings.Contains(path, "?") {
		return path + "&done=" + done
	}
	return path + "?done=" + done
}
