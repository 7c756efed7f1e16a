package workbench

import (
	"net/http"
	"strconv"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// sourceEdit is the edited source as the form sends it, prepared.
type sourceEdit struct {
	Paragraphs []string
	Minor      bool
	Base       int
	Article    pipeline.NewArticle
}

// readSourceEdit reads the source editor's form and prepares the text it makes, in the
// article's language and the revision's format, within the article limits.
func (h *Handler) readSourceEdit(w http.ResponseWriter, r *http.Request, p *sourcePage) (sourceEdit, error) {
	var se sourceEdit
	if err := kit.ParseArticleForm(w, r, h.maxBodyBytes); err != nil {
		return se, err
	}
	se.Paragraphs = r.PostForm["para"]
	se.Minor = r.PostFormValue("minor") == "1"
	se.Base, _ = strconv.Atoi(r.PostFormValue("base"))
	p.setParagraphs(se.Paragraphs)
	p.Minor = se.Minor
	format, err := pipeline.ParseFormat(r.PostFormValue("format"))
	if err != nil {
		return se, err
	}
	p.Format = format
	if se.Base > 0 {
		p.Base = se.Base
	}
	prep := h.sourcePrep
	if prep == nil {
		prep = ingest.New(nil)
	}
	se.Article, err = prep.Prepare(pipeline.IngestRequest{Text: joinParagraphs(se.Paragraphs), Format: format,
		SourceLang: p.ArticleTag, CreatedBy: kit.User(r).Name}, h.maxBodyBytes)
	return se, err
}

// carryClasses name each fate for the page, with its message.
var carryClasses = map[pipeline.CarryAction][2]string{
	pipeline.CarryKeep:  {"keep", "compose.source.kept"},
	pipeline.CarryFlag:  {"flag", "compose.source.flagged"},
	pipeline.CarryFresh: {"fresh", "compose.source.fresh"},
	pipeline.CarryDrop:  {"drop", "compose.source.dropped"},
}

// handleSourcePreview shows, before anything is saved, what the edited text would do to the
// translations: the new segments are aligned with the current ones (pipeline.Align) and each
// pair's fate in every translation given (Carries, with the minor-edit switch as set): kept,
// flagged to be translated again, new, or removed. Nothing is stored.
func (h *Handler) handleSourcePreview(w http.ResponseWriter, r *http.Request) {
	defer cleanForm(r)
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
	se, err := h.readSourceEdit(w, r, &p)
	if err != nil {
		h.sourceProblem(w, r, p, err)
		return
	}
	c, err := h.store.FindEditionContentByID(r.Context(), e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p.fillPlan(c.Segments, se)
	h.pages.Render(w, r, "workbench_source.html", http.StatusOK, p.Lang, p)
}

// fillPlan puts the dry run of the revision on the page.
func (p *sourcePage) fillPlan(old []pipeline.Segment, se sourceEdit) {
	p.Previewed = true
	segs := se.Article.Segments
	if pipeline.SameStructure(old, segs) {
		p.Same = true
		return
	}
	for _, c := range pipeline.Align(old, segs).Carries(se.Minor) {
		cls := carryClasses[c.Action]
		row := planRow{Fate: p.T.T(cls[1], nil), Class: cls[0]}
		if c.Old >= 0 {
			row.Before = pipeline.StripPlaceholders(old[c.Old].Text)
		}
		if c.New >= 0 {
			row.After = pipeline.StripPlaceholders(segs[c.New].Text)
		}
		switch c.Action {
		case pipeline.CarryKeep:
			p.Kept++
			if c.Kind != pipeline.AlignChanged {
				continue // unchanged text: nothing to show
			}
			row.Diff = pipeline.WordDiff(row.Before, row.After)
		case pipeline.CarryFlag:
			p.Flagged++
			row.Diff = pipeline.WordDiff(row.Before, row.After)
		case pipeline.CarryFresh:
			p.Fresh++
		case pipeline.CarryDrop:
			p.Dropped++
		}
		p.Plan = append(p.Plan, row)
	}
}

func (h *Handler) sourceProblem(w http.ResponseWriter, r *http.Request, p sourcePage, err error) {
	var pe *pipeline.Error
	if !asUserError(err, &pe) {
		h.PageError(w, r, err)
		return
	}
	p.Problem = p.T.Message(pe)
	h.pages.Render(w, r, "workbench_source.html", kit.Status(pe.Code), p.Lang, p)
}

func cleanForm(r *http.Request) { kit.CleanArticleForm(r.MultipartForm) }
