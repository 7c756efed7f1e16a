package library

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type memoryEntryPage struct {
	kit.AppPage
	Entry   memoryRow
	Version int
	Action  string
	Delete  string
	Back    string
	// The text in the form: the entry's, or the editor's own after a refusal.
	Source, Target string
	// After a conflict: the entry as someone else saved it meanwhile.
	Theirs *memoryRow
}

// memoryBack is where to return after editing an entry: the list the editor came from, never
// another site or area.
func memoryBack(r *http.Request) string {
	back := r.FormValue("back")
	if !strings.HasPrefix(back, memoryPath) || strings.ContainsAny(back, "\\\r\n") {
		return memoryPath
	}
	return back
}

// handleMemoryEntry shows one memory entry with its provenance and usage, to change or delete.
func (h *Handler) handleMemoryEntry(w http.ResponseWriter, r *http.Request) {
	id, err := kit.PathID(r, "entry")
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	e, err := h.store.FindMemoryEntry(r.Context(), id)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p := h.newMemoryEntryPage(r, e)
	h.pages.Render(w, r, "library_memory_entry.html", 0, p.Lang, p)
}

func (h *Handler) newMemoryEntryPage(r *http.Request, e pipeline.MemoryView) memoryEntryPage {
	p := memoryEntryPage{AppPage: h.NewAppPage(r, "find.memory.entry_title"), Version: e.Version,
		Back: memoryBack(r), Source: e.Source, Target: e.Target}
	p.Entry = newMemoryRow(p.T, p.Lang, e, p.Back)
	p.Action = memoryPath + strconv.FormatInt(e.ID, 10)
	p.Delete = p.Action + "/delete"
	return p
}
