package workbench

import (
	"context"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// The source edition in the workbench: an editor opens it like any other edition and edits its
// paragraphs (source.go), sees before saving what the change does to the translations
// (source_preview.go: the dry run of pipeline.Align and Carries that the revision would make),
// and saves it as a new revision, minor or not, through the store's CreateRevision like
// PUT /api/v1/articles/{id} (source_save.go). Translators cannot open it.

// sourceStore is what editing the source needs from storage.
type sourceStore interface {
	FindArticleByID(ctx context.Context, id int64) (pipeline.Article, error)
	FindRepairs(ctx context.Context, articleID int64) (pipeline.RevisionRepairs, error)
	FindRevisions(ctx context.Context, articleID int64) ([]pipeline.RevisionInfo, error)
	CreateRevision(ctx context.Context, in pipeline.NewRevision) (pipeline.RevisionResult, error)
}

// UseSourceEditor gives the workbench the preparer and text limit for edited source texts. The
// text an editor writes is not repaired again: that would undo repairs they rejected.
func (h *Handler) UseSourceEditor(prep *ingest.Preparer, maxBodyBytes int) {
	if prep == nil {
		prep = ingest.New(nil)
	}
	h.sourcePrep, h.maxBodyBytes = prep.WithoutRepair(), maxBodyBytes
}

// SourceRoutes mounts the source editor's actions, which take a whole article: the router
// gives them the article input limits.
func (h *Handler) SourceRoutes(r chi.Router) {
	r.Post("/{edition}/preview", h.handleSourcePreview)
	r.Post("/{edition}/save", h.handleSourceSave)
}

// sourceEdition reads {edition} as a source edition an editor may change: translators and
// target editions get "not found" or "forbidden".
func (h *Handler) sourceEdition(r *http.Request) (pipeline.Edition, error) {
	id, err := kit.PathID(r, "edition")
	if err != nil {
		return pipeline.Edition{}, err
	}
	e, err := h.store.FindEditionByID(r.Context(), id)
	if err != nil {
		return e, err
	}
	if !e.IsSource {
		return e, kit.ErrNotFound
	}
	if !kit.User(r).CanApprove() {
		return e, &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "compose.error.source_editors_only"}
	}
	return e, nil
}

// isSourceEdition tells the editor route that {edition} is a source edition, which the source
// editor shows instead.
func (h *Handler) isSourceEdition(r *http.Request) bool {
	id, err := kit.PathID(r, "edition")
	if err != nil {
		return false
	}
	e, err := h.store.FindEditionByID(r.Context(), id)
	return err == nil && e.IsSource
}

// paragraphs cuts a source text into the paragraphs the editor edits: runs of lines between
// blank lines, as Markdown and plain text separate blocks.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.Trim(p, "\n"); strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// joinParagraphs is the text the edited paragraphs make; emptied paragraphs are removed.
func joinParagraphs(ps []string) string {
	var keep []string
	for _, p := range ps {
		p = strings.Trim(strings.ReplaceAll(p, "\r\n", "\n"), "\n")
		if strings.TrimSpace(p) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n") + "\n"
}

// sourceParagraph is one paragraph in the form.
type sourceParagraph struct {
	N    int
	Text string
	Rows int
}

// planRow is one segment whose translations a revision would change.
type planRow struct {
	Fate   string
	Class  string
	Before string
	After  string
	Diff   []pipeline.DiffOp
}

// sourcePage is the source editor, with the dry run's plan once previewed.
type sourcePage struct {
	kit.AppPage
	EditionID  int64
	ArticleID  int64
	ArticleTag pipeline.Lang
	Heading    string
	Format     pipeline.Format
	Base       int
	Minor      bool
	Paragraphs []sourceParagraph
	Preview    string
	Save       string
	Newsroom   string

	Previewed bool
	Same      bool
	Kept      int
	Flagged   int
	Fresh     int
	Dropped   int
	Plan      []planRow
}

// handleSourceEditor shows the source edition's text paragraph by paragraph for an editor to
// change (GET /workbench/editions/{edition}/ of a source edition).
func (h *Handler) handleSourceEditor(w http.ResponseWriter, r *http.Request) {
	e, err := h.sourceEdition(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p, err := h.newSourcePage(r, e)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	rep, err := h.store.FindRepairs(r.Context(), e.ArticleID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p.Format = rep.Format
	p.setParagraphs(paragraphs(ingest.RepairedText(rep.Body, rep.Changes)))
	h.pages.Render(w, r, "workbench_source.html", http.StatusOK, p.Lang, p)
}

func (h *Handler) newSourcePage(r *http.Request, e pipeline.Edition) (sourcePage, error) {
	a, err := h.store.FindArticleByID(r.Context(), e.ArticleID)
	if err != nil {
		return sourcePage{}, err
	}
	p := sourcePage{AppPage: h.NewAppPage(r, "compose.source.title"), EditionID: e.ID, ArticleID: a.ID,
		ArticleTag: a.SourceLang, Heading: a.Title,
		Preview: "/workbench/sources/" + idStr(e.ID) + "/preview", Save: "/workbench/sources/" + idStr(e.ID) + "/save",
		Newsroom: "/workbench/newsroom/articles/" + idStr(a.ID) + "/"}
	revs, err := h.store.FindRevisions(r.Context(), a.ID)
	if err != nil {
		return p, err
	}
	for _, rv := range revs {
		if rv.Current {
			p.Base = rv.Number
		}
	}
	return p, nil
}

func (p *sourcePage) setParagraphs(ps []string) {
	p.Paragraphs = p.Paragraphs[:0]
	for i, t := range ps {
		rows := 2 + len(t)/90 + strings.Count(t, "\n")
		p.Paragraphs = append(p.Paragraphs, sourceParagraph{N: i + 1, Text: t, Rows: min(rows, 30)})
	}
}
