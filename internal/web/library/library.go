// Package library is the translation memory and the termbase as pages for people: the memory
// browser (search a language pair by source or target text, see where each entry came from and
// how often it filled a segment, change or delete it, version-checked) for editors and
// administrators, and the termbase screen (list, search, add, change and delete concepts, import
// and export the termbase CSV) where everyone signed in reads and editors and administrators
// write, as in the API.
package library

import (
	"context"
	"embed"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// libraryBase is the path the router mounts Routes at: under /workbench, where the session
// cookie is scoped, so that one sign-in serves the workbench, the newsroom and these pages.
const libraryBase = "/workbench/library"

const (
	memoryPath = libraryBase + "/memory/"
	termsPath  = libraryBase + "/terms/"
)

// pageSize is how many entries or concepts one page lists.
const pageSize = 25

// maxPage bounds the page number a request may ask for.
const maxPage = 100000

// Store is what the library needs from storage.
type Store interface {
	// The memory browser.
	FindMemoryEntries(ctx context.Context, q pipeline.MemoryQuery) (entries []pipeline.MemoryView, more bool, err error)
	FindMemoryEntry(ctx context.Context, id int64) (pipeline.MemoryView, error)
	UpdateMemoryEntry(ctx context.Context, e pipeline.MemoryEdit) (pipeline.MemoryView, error)
	DeleteMemoryEntry(ctx context.Context, id int64, version int) error

	// The termbase.
	FindConceptPage(ctx context.Context, text string, limit, offset int) ([]pipeline.Concept, int, error)
	FindConcept(ctx context.Context, id int64) (pipeline.Concept, error)
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	SaveConcept(ctx context.Context, c pipeline.Concept) (pipeline.Concept, error)
	UpdateConceptSeen(ctx context.Context, c pipeline.Concept, seen time.Time) (pipeline.Concept, error)
	DeleteConceptSeen(ctx context.Context, id int64, seen time.Time) error
	ImportConcepts(ctx context.Context, concepts []pipeline.Concept) (created, updated int, err error)
}

// Handler serves the library's pages.
type Handler struct {
	*kit.Base
	store Store
	pages *kit.Pages
}

// New parses the library's pages.
func New(base *kit.Base, store Store) (*Handler, error) {
	pages, err := base.ParsePages(templateFS)
	if err != nil {
		return nil, err
	}
	return &Handler{Base: base, store: store, pages: pages}, nil
}

// Routes mounts the memory browser (editors and administrators) and the termbase screen (read by
// everyone signed in, changed by editors and administrators).
func (h *Handler) Routes(r chi.Router) {
	r.Route("/memory", func(r chi.Router) {
		r.Use(h.RequireEditor(errEditorsOnly))
		r.Get("/", h.handleMemory)
		r.Get("/{entry}", h.handleMemoryEntry)
		r.Post("/{entry}", h.handleMemorySave)
		r.Post("/{entry}/delete", h.handleMemoryDelete)
	})
	r.Route("/terms", func(r chi.Router) {
		r.Get("/", h.handleTerms)
		r.Get("/export.csv", h.handleTermExport)
		r.Group(func(r chi.Router) {
			r.Use(h.RequireEditor(errEditorsOnly))
			r.Get("/new", h.handleTermForm)
			r.Post("/", h.handleTermSave)
			r.Post("/import", h.handleTermImport)
			r.Get("/{concept}", h.handleTermForm)
			r.Post("/{concept}", h.handleTermSave)
			r.Post("/{concept}/delete", h.handleTermDelete)
		})
	})
}

// errEditorsOnly refuses translators what the API refuses them: the memory browser, and changes
// to the termbase.
var errEditorsOnly = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "find.error.editors_only"}

// pageNumber reads ?page, 1 when absent.
func pageNumber(q url.Values) (int, error) {
	v := q.Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxPage {
		return 0, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.page_invalid", Data: map[string]any{"Page": v}}
	}
	return n, nil
}

// pager is the page links under a list.
type pager struct {
	Info, Prev, Next string
}

// newPager describes page of total items; link gives page n's address.
func newPager(loc *kit.Localizer, page, total int, link func(n int) string) pager {
	pages := max((total+pageSize-1)/pageSize, 1)
	p := pager{Info: loc.T("newsroom.board.page", map[string]any{"Page": page, "Pages": pages})}
	if page > 1 {
		p.Prev = link(min(page-1, pages))
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p
}

// done confirmations by the done parameter.
var doneMessages = map[string]string{
	"memory_saved":   "find.done.memory_saved",
	"memory_deleted": "find.done.memory_deleted",
	"term_saved":     "find.done.term_saved",
	"term_deleted":   "find.done.term_deleted",
}

func doneNotice(r *http.Request, loc *kit.Localizer) string {
	if id, ok := doneMessages[r.URL.Query().Get("done")]; ok {
		return loc.T(id, nil)
	}
	return ""
}

// problemMessage is err as a sentence for the person and the status to answer with; ok is false
// for errors that are not theirs to read.
func problemMessage(loc *kit.Localizer, err error) (string, int, bool) {
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code == "" || kit.Status(pe.Code) >= 500 {
		return "", 0, false
	}
	return loc.Message(pe), kit.Status(pe.Code), true
}
