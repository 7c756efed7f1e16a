package newsroom

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// Starting an article in the newsroom: the editor pastes a text or chooses a file (compose_form.go),
// sees it parsed and repaired with every repair highlighted (compose_preview.go), decides on each
// repair and question, confirms the language, category, byline and slug, and creates the article
// (compose_create.go) through the same preparation and store transaction as the API. Nothing is
// kept on the server between the steps: the preview page carries the text (for a Word file or web
// page, the Markdown extracted from it) and the decisions in its form.

// composeBase is where ComposeRoutes is mounted.
const composeBase = newsroomBase + "/new"

// composeStore is what starting an article and settling repairs need from storage.
type composeStore interface {
	CreateArticle(ctx context.Context, in pipeline.NewArticle) (pipeline.Article, error)
	SettleRepairs(ctx context.Context, s pipeline.RepairSettlement) error
}

// UseComposer gives the newsroom the article preparer (with the text repair) and the text limit
// it starts articles with; without it the preparer has no repair and the default limits.
func (h *Handler) UseComposer(prep *ingest.Preparer, maxBodyBytes int) {
	h.prep, h.maxBodyBytes = prep, maxBodyBytes
}

func (h *Handler) preparer() *ingest.Preparer {
	if h.prep == nil {
		return ingest.New(nil)
	}
	return h.prep
}

// ComposeRoutes mounts the pages that start an article, for editors and administrators only.
// They take a whole article, so the router gives them the article input limits.
func (h *Handler) ComposeRoutes(r chi.Router) {
	r.Use(h.RequireEditor(errEditorsOnly))
	r.Get("/", h.handleComposeForm)
	r.Post("/preview", h.handleComposePreview)
	r.Post("/create", h.handleComposeCreate)
}

// composeInput is what the editor sent: the text (pasted, re-posted by the preview, or read
// from the chosen file), its declared format, the format it arrived in when the preview carries
// the Markdown extracted from a file, and the fields of the article.
type composeInput struct {
	Text         string
	FileName     string
	Format       pipeline.Format
	SourceFormat pipeline.Format
	Lang         pipeline.Lang // "" asks to detect it
	Category     string
	Byline       string
	Slug         string
	// Repairs and Questions are the counts the preview showed, to notice a record that changed.
	Repairs, Questions int
	Decisions          pipeline.RepairDecisions
	Previewed          pipeline.Lang // the language the preview was made in
}

// readComposeInput reads the form of the compose and preview pages. A chosen file wins over the
// text box.
func (h *Handler) readComposeInput(w http.ResponseWriter, r *http.Request) (composeInput, error) {
	var in composeInput
	if err := kit.ParseArticleForm(w, r, h.maxBodyBytes); err != nil {
		return in, err
	}
	data, name, ok, err := kit.ReadArticleFile(r, h.maxBodyBytes)
	if err != nil {
		return in, err
	}
	in.Text, in.FileName = r.PostFormValue("text"), name
	if ok {
		in.Text = string(data)
	}
	if strings.TrimSpace(in.Text) == "" {
		return in, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "compose.error.no_text"}
	}
	if in.Format, err = kit.ArticleFormat(r.PostFormValue("format")); err != nil {
		return in, err
	}
	if ok {
		in.Format = "" // a file says what it is
	}
	if sf := r.PostFormValue("source_format"); !ok && sf != "" && in.Format == pipeline.FormatMarkdown {
		if f, err := pipeline.ParseFormat(sf); err == nil && (f == pipeline.FormatDOCX || f == pipeline.FormatHTML) {
			in.SourceFormat = f
		}
	}
	if l := r.PostFormValue("lang"); l != "" && l != "auto" {
		if in.Lang, err = pipeline.ParseLang(l); err != nil {
			return in, err
		}
	}
	in.Previewed = pipeline.Lang(r.PostFormValue("previewed"))
	in.Category = strings.TrimSpace(r.PostFormValue("category"))
	in.Byline = strings.TrimSpace(r.PostFormValue("byline"))
	in.Slug = strings.TrimSpace(r.PostFormValue("slug"))
	in.Repairs, _ = strconv.Atoi(r.PostFormValue("repairs"))
	in.Questions, _ = strconv.Atoi(r.PostFormValue("questions"))
	for i := range in.Repairs {
		if r.PostFormValue("change."+strconv.Itoa(i)) == "reject" {
			in.Decisions.Reject = append(in.Decisions.Reject, i)
		}
	}
	for i := range in.Questions {
		if a := r.PostFormValue("question." + strconv.Itoa(i)); a != "" {
			if in.Decisions.Answers == nil {
				in.Decisions.Answers = map[int]string{}
			}
			in.Decisions.Answers[i] = a
		}
	}
	return in, nil
}

// prepareComposed prepares the editor's text in their language, or in the one detected from the text
// (first prepared as English to read a file's text, then again when it is another).
func (h *Handler) prepareComposed(in composeInput, actor string) (pipeline.NewArticle, bool, error) {
	lang, detected := in.Lang, false
	if lang == "" {
		lang, detected = pipeline.English, true
	}
	req := pipeline.IngestRequest{Text: in.Text, Format: in.Format, SourceLang: lang, Slug: in.Slug,
		Category: in.Category, Byline: in.Byline, CreatedBy: actor}
	art, err := h.preparer().Prepare(req, h.maxBodyBytes)
	if err != nil {
		return art, detected, err
	}
	if detected {
		if guess, ok := pipeline.DetectLang(art.Request.Text); ok && guess != lang {
			req.SourceLang = guess
			art, err = h.preparer().Prepare(req, h.maxBodyBytes)
		}
	}
	if err == nil && in.SourceFormat != "" && art.Request.Format == pipeline.FormatMarkdown {
		art.SourceFormat = in.SourceFormat
	}
	return art, detected, err
}

// blockRow is one block of the parsed structure as the preview lists it.
type blockRow struct {
	Kind  string
	Class string
	Text  string
}

// composeChange is one repair in the preview, with the editor's decision.
type composeChange struct {
	Index    int
	Anchor   int64 // Index + 1: the highlighted text's link to the decision
	Before   string
	After    string
	Rule     string
	Rejected bool
}

// composeQuestion is one repair question in the preview, with the readings to choose from.
type composeQuestion struct {
	Index   int
	Token   string
	Reason  string
	Options []composeOption
	Later   bool
}

type composeOption struct {
	Value    string
	Label    string
	Keep     bool
	Selected bool
}

// composeLangOption is one language the editor may confirm.
type composeLangOption struct {
	Lang     pipeline.Lang
	Name     string
	Selected bool
}

// composePage is the compose form and the preview: the preview has Prepared set.
type composePage struct {
	kit.AppPage
	Action      string
	Preview     string
	Create      string
	Text        string
	FileName    string
	Format      pipeline.Format
	SourceLangs []composeLangOption
	AutoLang    bool
	MaxBytes    int

	Prepared     bool
	SourceLang   pipeline.Lang
	Detected     string
	SourceFormat pipeline.Format
	ArticleTitle string
	Blocks       []blockRow
	Parts        []pipeline.DiffPart
	Changes      []composeChange
	Questions    []composeQuestion
	Segments     int
	Category     string
	Categories   []filterOption // the named categories, offered for the category field
	Byline       string
	Slug         string
}

func (h *Handler) newComposePage(r *http.Request, titleID string) composePage {
	p := composePage{AppPage: h.NewAppPage(r, titleID), Action: composeBase + "/preview", Preview: composeBase + "/preview",
		Create: composeBase + "/create", AutoLang: true, MaxBytes: ingest.MaxFileBytes(h.maxBodyBytes)}
	return p
}

func (p *composePage) setLangs(selected pipeline.Lang) {
	p.SourceLangs = p.SourceLangs[:0]
	for _, l := range pipeline.Languages {
		p.SourceLangs = append(p.SourceLangs, composeLangOption{Lang: l, Name: l.NativeName(), Selected: l == selected})
	}
}

// blockKindNames are the message IDs naming each kind of block.
var blockKindNames = map[pipeline.BlockKind]string{
	pipeline.BlockTitle: "compose.block.title", pipeline.BlockHeading: "compose.block.heading",
	pipeline.BlockParagraph: "compose.block.paragraph", pipeline.BlockQuote: "compose.block.quote",
	pipeline.BlockListItem: "compose.block.list_item", pipeline.BlockFootnote: "compose.block.footnote",
	pipeline.BlockByline: "compose.block.byline", pipeline.BlockCaption: "compose.block.caption",
}

// fillPreview puts the prepared article on the page, with the editor's decisions d so far.
func (p *composePage) fillPreview(art pipeline.NewArticle, in composeInput, detected bool, d pipeline.RepairDecisions) {
	p.Prepared = true
	p.Action = p.Create
	p.Text, p.Format, p.SourceLang = art.Request.Text, art.Request.Format, art.Request.SourceLang
	p.SourceFormat = art.SourceFormat
	if p.SourceFormat == p.Format {
		p.SourceFormat = ""
	}
	p.setLangs(p.SourceLang)
	p.AutoLang = false
	if detected {
		p.Detected = p.T.T("compose.preview.detected", map[string]any{"Lang": p.SourceLang.NativeName()})
	}
	p.ArticleTitle, p.Segments = art.Doc.Title, len(art.Segments)
	for _, b := range art.Doc.Blocks {
		id, ok := blockKindNames[b.Kind]
		if !ok {
			id = "compose.block.paragraph"
		}
		p.Blocks = append(p.Blocks, blockRow{Kind: p.T.T(id, nil), Class: "k-" + string(b.Kind),
			Text: pipeline.StripPlaceholdersOf(b.Text, b.Inline)})
	}
	rejected := map[int]bool{}
	for _, i := range d.Reject {
		rejected[i] = true
	}
	shown := make([]pipeline.RepairChange, len(art.Repairs))
	for i, c := range art.Repairs {
		p.Changes = append(p.Changes, composeChange{Index: i, Anchor: int64(i + 1), Before: c.Before, After: c.After, Rule: c.Rule, Rejected: rejected[i]})
		shown[i] = c
		shown[i].ID = int64(i + 1) // the highlighted text links each change to its decision
	}
	p.Parts = document.RepairDiff(art.Request.Text, shown)
	for i, q := range art.Questions {
		answer, answered := d.Answers[i]
		row := composeQuestion{Index: i, Token: q.Token, Reason: q.Reason, Later: !answered}
		for _, c := range q.Candidates {
			row.Options = append(row.Options, composeOption{Value: c, Label: c, Selected: answered && answer == c})
		}
		row.Options = append(row.Options, composeOption{Value: q.Token, Label: q.Token, Keep: true,
			Selected: answered && answer == q.Token})
		p.Questions = append(p.Questions, row)
	}
	p.Category, p.Byline, p.Slug = in.Category, in.Byline, in.Slug
	if p.Byline == "" {
		p.Byline = art.Doc.Byline
	}
	if p.Slug == "" {
		p.Slug = pipeline.Slugify(art.Doc.Title)
	}
}

// composeProblem shows the form again (or the preview, when prepared) with the reason at its
// top; errors not meant for a person become the error page.
func (h *Handler) composeProblem(w http.ResponseWriter, r *http.Request, p composePage, err error) {
	msg, code, ok := userMessage(h.Localizer(kit.UILang(r)), err)
	if !ok {
		h.PageError(w, r, err)
		return
	}
	p.Problem = msg
	h.renderCompose(w, r, code, p)
}

func (h *Handler) renderCompose(w http.ResponseWriter, r *http.Request, status int, p composePage) {
	if len(p.SourceLangs) == 0 {
		p.setLangs(p.SourceLang)
	}
	name := "newsroom_compose.html"
	if p.Prepared {
		name = "newsroom_compose_preview.html"
		cats, err := h.store.FindCategories(r.Context())
		if err != nil {
			h.PageError(w, r, err)
			return
		}
		p.Categories = categoryOptions(p.T, p.Lang, cats, p.Category)[1:] // no "any category" here
	}
	h.pages.Render(w, r, name, status, p.Lang, p)
}
