package newsroom

import (
	"net/http"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// readBlock is one paragraph (or heading, quote, list item) of the side-by-side read view: the
// source and the translation of the same block, with the findings on its sentences.
type readBlock struct {
	Kind     pipeline.BlockKind
	Source   string
	Targets  []readSegment
	Findings []reviewFinding
}

// readSegment is one sentence of the translation, marked when it is machine translation that no
// person changed, so that the editor sees exactly what would go out unedited.
type readSegment struct {
	Text    string
	Machine bool
	Pseudo  bool
}

type reviewFinding struct {
	Blocking  bool
	Severity  string
	Message   string
	Segment   int // the sentence's number in the article, from 1
	Dismissed bool
	Reason    string
	By        string
}

type reviewPage struct {
	kit.AppPage
	ArticleID   int64
	ArticleURL  string
	Heading     string
	SourceLang  pipeline.Lang
	SourceName  string
	EdLang      pipeline.Lang
	LangName    string
	IsSource    bool
	Cell        editionCell
	Blocks      []readBlock
	Open        []reviewFinding
	Dismissed   []reviewFinding
	OpenSum     string
	FewOpen     bool // few enough open findings to list unfolded above the text
	DismissSum  string
	CanApprove  bool
	CanSendBack bool
	CanRetry    bool
	IsLive      bool
	Schedule    scheduleForm
	Base        string // this page's path, for its forms
	ReleaseURL  string
	Comment     string // a refused send-back's comment, kept for the next try
	Provenance  pipeline.Provenance
	TgtSep      string // between the sentences of a translated block
	// OpenGroups are the open findings by check, each with its findings, blocking checks first.
	OpenGroups []reviewGroup
	Live       livePage
}

// reviewGroup is one check's open findings on the review page.
type reviewGroup struct {
	kit.FindingGroup
	Findings []reviewFinding
}

// handleReview shows one edition next to its source, block by block, with its open
// findings and the overridden ones with their reasons and who overrode them, and the editor's
// actions for its state: approve (now or later), send back with a comment, retry, unpublish.
func (h *Handler) handleReview(w http.ResponseWriter, r *http.Request) {
	problem, keep := h.TakeFlash(w, r)
	h.renderReviewPage(w, r, problem, keep["comment"])
}

func (h *Handler) renderReviewPage(w http.ResponseWriter, r *http.Request, problem, comment string) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	lang, err := newsroomLang(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	c, err := h.store.FindEditionContent(r.Context(), a.ID, lang)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	by, err := h.store.FindDismissers(r.Context(), c.Edition.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	e := c.Edition
	p := reviewPage{AppPage: h.NewAppPage(r, "newsroom.review.title"), ArticleID: a.ID, ArticleURL: newsroomArticlePath(a.ID),
		Heading: a.Title, SourceLang: a.SourceLang, SourceName: a.SourceLang.NativeName(), EdLang: lang,
		LangName: lang.NativeName(), IsSource: e.IsSource, Base: newsroomReviewPath(a.ID, lang), ReleaseURL: newsroomArticlePath(a.ID) + "release",
		IsLive: e.LiveVersionID != nil, Comment: comment}
	p.Title = p.T.T("newsroom.review.heading", map[string]any{"Title": a.Title, "Lang": p.LangName})
	p.Notice = doneNotice(r, p.T)
	p.Problem = problem
	zone := h.editorZone(r)
	p.Cell = newEditionCell(p.T, zone, a.ID, e)
	p.Live = livePage{URL: liveURL("article=" + idStr(a.ID) + "&lang=" + string(lang)), Stamp: reviewStamp(e)}
	p.Schedule = scheduleForm{Prefix: "rev", Zones: h.zoneOptions(p.T, zone)}
	if !e.IsSource {
		p.Provenance = pipeline.ProvenanceOf(c.Translations)
	}
	p.CanApprove = e.State == pipeline.StateAwaitingApproval && p.Provenance.Pseudo == 0
	p.CanSendBack = (e.State == pipeline.StateAwaitingApproval && !e.IsSource) || e.State == pipeline.StateApproved
	p.CanRetry = e.State == pipeline.StateFailed

	// Findings by segment, and each segment's number and block.
	num := map[int64]int{}
	for _, seg := range c.Segments {
		num[seg.ID] = seg.Position + 1
	}
	bySeg := map[int64][]reviewFinding{}
	byCheck := map[string][]reviewFinding{}
	for _, f := range c.Findings {
		rf := reviewFinding{Blocking: f.Severity == pipeline.SeverityError, Message: p.T.T(f.MessageID, kit.CopyData(f.Data)),
			Segment: num[f.SegmentID], Dismissed: f.Dismissed, Reason: f.Reason, By: by[f.ID]}
		if rf.Blocking {
			rf.Severity = p.T.T("newsroom.finding.blocking", nil)
		} else {
			rf.Severity = p.T.T("newsroom.finding.warning", nil)
		}
		bySeg[f.SegmentID] = append(bySeg[f.SegmentID], rf)
		if f.Dismissed {
			p.Dismissed = append(p.Dismissed, rf)
		} else {
			p.Open = append(p.Open, rf)
			byCheck[f.Check] = append(byCheck[f.Check], rf)
		}
	}
	for _, g := range kit.GroupFindings(p.T, c.Findings) {
		p.OpenGroups = append(p.OpenGroups, reviewGroup{FindingGroup: g, Findings: byCheck[g.Check]})
	}
	p.OpenSum = p.T.T("newsroom.review.open", nil, len(p.Open))
	p.FewOpen = len(p.Open) <= 10
	p.DismissSum = p.T.T("newsroom.review.dismissed", nil, len(p.Dismissed))

	texts := c.Texts()
	srcSep, tgtSep := " ", " "
	if a.SourceLang == pipeline.Chinese {
		srcSep = ""
	}
	if lang == pipeline.Chinese {
		tgtSep = ""
	}
	p.TgtSep = tgtSep
	var src []string
	last := -1
	flush := func() {
		if len(p.Blocks) > 0 {
			p.Blocks[len(p.Blocks)-1].Source = strings.Join(src, srcSep)
		}
		src = nil
	}
	for _, seg := range c.Segments {
		if seg.BlockIndex != last || len(p.Blocks) == 0 {
			flush()
			p.Blocks = append(p.Blocks, readBlock{Kind: seg.Kind})
			last = seg.BlockIndex
		}
		b := &p.Blocks[len(p.Blocks)-1]
		src = append(src, pipeline.StripPlaceholders(seg.Text))
		if t := strings.TrimSpace(texts[seg.ID]); t != "" {
			rs := readSegment{Text: pipeline.StripPlaceholders(t)}
			if !e.IsSource {
				tr := c.Translations[seg.ID]
				rs.Machine = pipeline.KindOf(tr.Origin) == pipeline.KindMachine
				rs.Pseudo = pipeline.IsPseudo(tr)
			}
			b.Targets = append(b.Targets, rs)
		}
		b.Findings = append(b.Findings, bySeg[seg.ID]...)
	}
	flush()
	h.pages.Render(w, r, "newsroom_review.html", 0, p.Lang, p)
}
