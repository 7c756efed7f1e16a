package workbench

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// editorLabels are the words repeated on every row, translated once per page: a 300-segment
// edition would otherwise translate them thousands of times.
type editorLabels struct {
	Translation  string
	Confirm      string
	History      string
	Findings     string
	Suggestions  string
	Changed      string
	OldTarget    string
	MinorEdit    string
	Insert       string
	Terms        string
	Comments     string
	CommentLabel string
	CommentSend  string
	Override     string
	Reason       string
	Dismissed    string
	Blocking     string
	Warning      string
	DoNotTransl  string
	NoTarget     string
	Help         string
	Caption      string // marks a figure caption's sentences
}

type findingView struct {
	ID        int64
	Check     string
	Blocking  bool
	Message   string
	Dismissed bool
	Reason    string
}

type suggestionView struct {
	Score  string // "87%" or "context"
	Target string
	Diff   []diffPart
	By     string
}

type termView struct {
	Source         string
	Target         string
	Forbidden      string
	Note           string
	DoNotTranslate bool
}

type commentView struct {
	Author string
	Body   string
	When   string
}

type segRow struct {
	ID          int64
	Num         int
	Source      string
	Target      string
	State       pipeline.SegmentState
	StateLabel  string
	Version     int
	Findings    []findingView
	Open        int // open findings
	Suggestions []suggestionView
	Terms       []termView
	Comments    []commentView
	CommentsSum string
	Changed     *changeView // the source changed in a new revision
	Caption     bool        // the sentence belongs to a figure caption
}

// changeView shows a translator what a new revision did to a segment: the old source against the
// new one, word by word, and the translation made for the old source.
type changeView struct {
	Diff      []diffPart
	OldTarget string
	Minor     bool
}

// checkGroup is one check's open findings in the editor's panel, with links to their segments.
type checkGroup struct {
	kit.FindingGroup
	Links []segLink
}

type segLink struct {
	ID  int64
	Num int
}

type segGroup struct {
	ID      int64
	Heading string
	Rows    []segRow
}

type editorPage struct {
	kit.AppPage
	EditionID    int64
	Base         string // "/workbench/editions/ID"
	ArticleTitle string
	SourceTag    string
	TargetTag    string
	TargetName   string
	StateLabel   string
	Editable     bool
	CanEditTerms bool
	Groups       []segGroup
	State        pipeline.EditionState
	Confirmed    int
	Total        int
	ProgressText string
	DraftedText  string       // while translating: how many segments have a translation yet
	CheckGroups  []checkGroup // open findings by check
	Cursor       string       // the newest save the page shows, for its live updates to start from
	Others       string
	SubmitHint   string
	L            editorLabels
	Script       map[string]string // messages the page script shows
}

// stateLabels names segment states for a viewer, caching per origin.
type stateLabels struct {
	loc   *kit.Localizer
	cache map[string]string
}

func (sl *stateLabels) label(t pipeline.SegmentTranslation) string {
	key := string(t.State) + "|" + t.Origin
	if l, ok := sl.cache[key]; ok {
		return l
	}
	var l string
	switch {
	case t.State == pipeline.SegmentConfirmed:
		l = sl.loc.T("wb.state.confirmed", nil)
	case t.State == pipeline.SegmentEdited:
		l = sl.loc.T("wb.state.edited", nil)
	case t.State == pipeline.SegmentEmpty:
		l = sl.loc.T("wb.state.empty", nil)
	case t.Origin == pipeline.OriginMemoryContext:
		l = sl.loc.T("wb.state.memory_context", nil)
	case strings.HasPrefix(t.Origin, "tm:"):
		l = sl.loc.T("wb.state.memory", map[string]any{"Score": strings.TrimPrefix(t.Origin, "tm:")})
	case strings.HasPrefix(t.Origin, "mt:"):
		l = sl.loc.T("wb.state.machine", map[string]any{"Provider": strings.TrimPrefix(t.Origin, "mt:")})
	default:
		l = sl.loc.T("wb.state.draft", nil)
	}
	sl.cache[key] = l
	return l
}

func (h *Handler) findingViews(loc *kit.Localizer, fs []pipeline.Finding) (out []findingView, open int) {
	for _, f := range fs {
		out = append(out, findingView{ID: f.ID, Check: f.Check, Blocking: f.Severity == pipeline.SeverityError,
			Message: loc.T(f.MessageID, kit.CopyData(f.Data)), Dismissed: f.Dismissed, Reason: f.Reason})
		if !f.Dismissed {
			open++
		}
	}
	return out, open
}

func progressText(loc *kit.Localizer, confirmed, total int) string {
	return loc.T("wb.progress", map[string]any{"Confirmed": confirmed, "Total": total}, total)
}

// handleEditor shows one edition for review: source and target side by side, grouped under the
// article's headings, with each segment's state, findings, memory matches, terms and comments.
// A refused form's reason, left by refuse, shows once at the top.
func (h *Handler) handleEditor(w http.ResponseWriter, r *http.Request) {
	if h.isSourceEdition(r) {
		h.handleSourceEditor(w, r)
		return
	}
	problem, _ := h.TakeFlash(w, r)
	h.renderEditor(w, r, problem)
}

// renderEditor renders the editor, with problem as an alert at the top when an action was refused.
func (h *Handler) renderEditor(w http.ResponseWriter, r *http.Request, problem string) {
	e, err := h.editionParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	ctx := r.Context()
	c, err := h.store.FindEditionContentByID(ctx, e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	u := kit.User(r)
	others, err := h.store.TouchPresence(ctx, e.ID, u.Name)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	fuzzy, err := h.store.FindSuggestions(ctx, e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	keys := make([]pipeline.MemoryKey, len(c.Segments))
	for i, sg := range c.Segments {
		keys[i].Norm = pipeline.NormalizeForMemory(sg.Text)
		if i > 0 {
			keys[i].Prev = keys[i-1].Norm
		}
		if i+1 < len(c.Segments) {
			keys[i].Next = pipeline.NormalizeForMemory(c.Segments[i+1].Text)
		}
	}
	exact, err := h.store.FindMemoryExact(ctx, c.Article.SourceLang, e.Lang, keys)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	changes, err := h.store.FindSegmentChanges(ctx, e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	changed := make(map[int64]pipeline.SegmentChange, len(changes))
	for _, ch := range changes {
		if ch.RevisionID == c.Edition.RevisionID {
			changed[ch.SegmentID] = ch
		}
	}
	concepts, err := h.store.FindConcepts(ctx)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	comments, err := h.store.FindComments(ctx, e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}

	p := editorPage{AppPage: h.NewAppPage(r, "wb.editor.title"), EditionID: e.ID, Base: "/workbench/editions/" + idStr(e.ID),
		ArticleTitle: c.Article.Title, SourceTag: c.Article.SourceLang.BCP47(), TargetTag: e.Lang.BCP47(),
		TargetName: e.Lang.NativeName(), CanEditTerms: u.CanApprove()}
	loc := p.T
	p.Problem = problem
	p.Path = p.Base + "/" // after a failed submission too, the language switcher comes back here
	p.Title = c.Article.Title + " · " + e.Lang.NativeName()
	p.StateLabel = loc.T("state."+string(e.State), nil)
	p.Editable = e.State.Editable()
	if len(others) > 0 {
		p.Others = loc.T("wb.editor.others", map[string]any{"Names": strings.Join(others, ", ")}, len(others))
	}
	p.L = editorLabels{Translation: loc.T("wb.seg.translation", nil), Confirm: loc.T("wb.seg.confirm", nil),
		History: loc.T("wb.seg.history", nil), Findings: loc.T("wb.seg.findings", nil),
		Suggestions: loc.T("wb.seg.suggestions", nil),
		Changed:     loc.T("wb.seg.source_changed", nil), OldTarget: loc.T("wb.seg.old_translation", nil),
		MinorEdit: loc.T("wb.seg.minor_edit", nil), Insert: loc.T("wb.seg.insert", nil), Terms: loc.T("wb.seg.terms", nil),
		Comments: loc.T("wb.seg.comments", nil), CommentLabel: loc.T("wb.seg.comment_label", nil),
		CommentSend: loc.T("wb.seg.comment_send", nil), Override: loc.T("wb.finding.override", nil),
		Reason: loc.T("wb.finding.reason", nil), Dismissed: loc.T("wb.finding.dismissed", nil),
		Blocking: loc.T("wb.finding.blocking", nil), Warning: loc.T("wb.finding.warning", nil),
		DoNotTransl: loc.T("wb.term.keep", nil), NoTarget: loc.T("wb.term.no_target", nil), Help: loc.T("wb.seg.help", nil),
		Caption: loc.T("struct.caption", nil)}
	p.Script = map[string]string{
		"saving": loc.T("wb.js.saving", nil), "saved": loc.T("wb.js.saved", nil), "offline": loc.T("wb.js.offline", nil),
		"failed": loc.T("wb.js.failed", nil), "restored": loc.T("wb.js.restored", nil),
		"conflictTitle": loc.T("wb.conflict.title", nil), "theirs": loc.T("wb.conflict.theirs", nil),
		"mine": loc.T("wb.conflict.mine", nil), "useTheirs": loc.T("wb.conflict.use_theirs", nil),
		"keepMine": loc.T("wb.conflict.keep_mine", nil), "merge": loc.T("wb.conflict.merge", nil),
		"undone": loc.T("wb.js.undone", nil), "nothingToUndo": loc.T("wb.js.nothing_to_undo", nil),
		"allConfirmed": loc.T("wb.js.all_confirmed", nil), "override": p.L.Override, "reason": p.L.Reason,
		"blocking": p.L.Blocking, "warning": p.L.Warning, "dismissed": p.L.Dismissed, "unsaved": loc.T("wb.js.unsaved", nil),
		"noFindings": loc.T("live.findings.none", nil), "segmentsLabel": loc.T("live.findings.segments", nil),
		"stateChanged": loc.T("live.editor.state_changed", nil),
	}

	findings := map[int64][]pipeline.Finding{}
	for _, f := range c.Findings {
		findings[f.SegmentID] = append(findings[f.SegmentID], f)
	}
	notes := map[int64][]commentView{}
	for _, cm := range comments {
		notes[cm.SegmentID] = append(notes[cm.SegmentID], commentView{Author: cm.Author, Body: cm.Body,
			When: h.FormatDateTime(cm.CreatedAt, p.Lang, "15:04")})
	}
	// The terms panel lists the terms the glossary check looks for in the segment, found the way
	// it finds them: inflected forms count, a term inside a longer word ("UN" in "countries")
	// does not.
	var termSources []string
	var terms []termView
	for _, cn := range concepts {
		src := strings.TrimSpace(cn.Terms[c.Article.SourceLang])
		if src == "" {
			continue
		}
		termSources = append(termSources, src)
		terms = append(terms, termView{Source: src, Target: cn.Terms[e.Lang], Note: cn.Note, DoNotTranslate: cn.DoNotTranslate,
			Forbidden: strings.Join(cn.Forbidden[e.Lang], ", ")})
	}
	matcher := checks.NewTermMatcher(termSources, c.Article.SourceLang)
	sl := &stateLabels{loc: loc, cache: map[string]string{}}
	var blocking int
	var group *segGroup
	lastBlock := -1
	for i, sg := range c.Segments {
		isHead := sg.Kind == pipeline.BlockHeading || sg.Kind == pipeline.BlockTitle
		switch {
		case isHead && sg.BlockIndex != lastBlock, group == nil:
			p.Groups = append(p.Groups, segGroup{ID: sg.ID})
			group = &p.Groups[len(p.Groups)-1]
			if isHead {
				group.Heading = sg.Text
			}
		case isHead && group.Rows[len(group.Rows)-1].Num == sg.Position: // the heading's next sentence
			group.Heading += " " + sg.Text
		}
		lastBlock = sg.BlockIndex
		t := c.Translations[sg.ID]
		row := segRow{ID: sg.ID, Num: sg.Position + 1, Source: sg.Text, Target: t.Text, State: t.State,
			StateLabel: sl.label(t), Version: t.Version, Caption: sg.Kind == pipeline.BlockCaption}
		row.Findings, row.Open = h.findingViews(loc, findings[sg.ID])
		for _, f := range findings[sg.ID] {
			if !f.Dismissed && f.Severity == pipeline.SeverityError {
				blocking++
			}
		}
		seen := map[int64]bool{}
		var matches []pipeline.MemoryMatch
		if m, ok := exact[i]; ok {
			matches = append(matches, m)
		}
		matches = append(matches, fuzzy[sg.ID]...)
		for _, m := range matches {
			if seen[m.Entry.ID] || m.Entry.Target == t.Text || len(row.Suggestions) == 3 {
				continue
			}
			seen[m.Entry.ID] = true
			v := suggestionView{Target: m.Entry.Target, By: m.Entry.CreatedBy, Score: strconv.Itoa(m.Score) + "%"}
			if m.Context {
				v.Score = loc.T("wb.seg.context_match", nil)
			}
			if m.Entry.Source != sg.Text {
				v.Diff = wordDiff(m.Entry.Source, sg.Text)
			}
			row.Suggestions = append(row.Suggestions, v)
		}
		if len(terms) > 0 {
			for _, k := range matcher.Find(sg.Text) {
				row.Terms = append(row.Terms, terms[k])
			}
		}
		if ch, ok := changed[sg.ID]; ok && (t.State != pipeline.SegmentConfirmed || ch.Minor) {
			row.Changed = &changeView{Diff: wordDiff(ch.PrevSource, sg.Text), OldTarget: ch.PrevTarget, Minor: ch.Minor}
		}
		row.Comments = notes[sg.ID]
		row.CommentsSum = loc.T("wb.seg.comments_count", nil, len(row.Comments))
		group.Rows = append(group.Rows, row)
	}
	p.State, p.Confirmed, p.Total = e.State, c.Edition.Confirmed, c.Edition.Segments
	p.ProgressText = progressText(loc, p.Confirmed, p.Total)
	p.DraftedText = draftedText(loc, c.Edition)
	var newest time.Time
	for _, t := range c.Translations {
		if t.UpdatedAt.After(newest) {
			newest = t.UpdatedAt
		}
	}
	p.Cursor = cursorText(newest)
	nums := make(map[int64]int, len(c.Segments))
	for _, sg := range c.Segments {
		nums[sg.ID] = sg.Position + 1
	}
	for _, g := range kit.GroupFindings(loc, c.Findings) {
		cg := checkGroup{FindingGroup: g}
		for _, id := range g.Segments {
			cg.Links = append(cg.Links, segLink{ID: id, Num: nums[id]})
		}
		p.CheckGroups = append(p.CheckGroups, cg)
	}
	p.SubmitHint = submitHint(loc, p.Total-p.Confirmed, blocking)
	h.pages.Render(w, r, "workbench_editor.html", 0, p.Lang, p)
}

// submitHint says what still stands between the edition and submission, or that it is ready.
func submitHint(loc *kit.Localizer, unconfirmed, blocking int) string {
	var parts []string
	if unconfirmed > 0 {
		parts = append(parts, loc.T("wb.submit.unconfirmed", nil, unconfirmed))
	}
	if blocking > 0 {
		parts = append(parts, loc.T("wb.submit.blocking", nil, blocking))
	}
	if len(parts) == 0 {
		return loc.T("wb.submit.ready", nil)
	}
	return strings.Join(parts, " · ")
}
