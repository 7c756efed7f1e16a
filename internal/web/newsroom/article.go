package newsroom

import (
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// articleEdition is one row of the article page's editions table.
type articleEdition struct {
	editionCell
	Selectable bool // awaiting approval: may join a release
	IsLive     bool // readers see a version of it
	CanRetry   bool
}

type releaseRow struct {
	ID         int64
	Langs      string
	State      pipeline.ReleaseState
	StateLabel string
	When       string
	By         string
	Created    string
	Skipped    string
	Scheduled  bool   // may still be changed or cancelled
	Value      string // the release time as the reschedule input shows it
	Reschedule string
	Cancel     string
	Form       scheduleForm
}

type versionRow struct {
	ID          int64
	Lang        pipeline.Lang
	LangName    string
	Title       string
	ApprovedBy  string
	ApprovedAt  string
	PublishedAt string
	Live        bool
	Rollback    string // the rollback action, when this version can be made live again
}

type auditRow struct {
	When     string
	Actor    string
	Lang     pipeline.Lang
	LangName string
	Text     string
	States   string
	Detail   string
}

// scheduleForm is the release-time controls, shared by the article and review pages and by each
// scheduled release.
type scheduleForm struct {
	Prefix string // makes the controls' IDs unique on the page
	Value  string
	Zones  []zoneOption
}

type articlePage struct {
	kit.AppPage
	// OpenQuestions counts the repair questions to answer before the source can be approved;
	// SourceEdit opens the source edition in the workbench to change its text.
	OpenQuestions int
	SourceEdit    string
	ArticleID     int64
	ArticleTag    pipeline.Lang
	Heading       string
	Meta          string
	Base          string
	Editions      []articleEdition
	Selectable    bool
	// MachineText: an edition that can be released holds machine translation no one changed,
	// so the release form asks the editor to accept it explicitly.
	MachineText bool
	Schedule    scheduleForm
	Releases    []releaseRow
	Versions    []versionRow
	Audit       []auditRow
	Live        livePage
}

// handleArticle shows one article: its editions with their states, the release form, the
// releases with their times, every published version with who approved it, and the audit trail.
func (h *Handler) handleArticle(w http.ResponseWriter, r *http.Request) {
	problem, _ := h.TakeFlash(w, r)
	h.renderArticlePage(w, r, problem)
}

// renderArticlePage renders the article page, with problem at its top: the reason a refused
// action sent the editor back here.
func (h *Handler) renderArticlePage(w http.ResponseWriter, r *http.Request, problem string) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	ctx := r.Context()
	eds, err := h.store.FindEditions(ctx, a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	rels, err := h.store.FindReleases(ctx, a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	vers, err := h.store.FindVersions(ctx, a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	trail, err := h.store.FindAudit(ctx, a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}

	p := articlePage{AppPage: h.NewAppPage(r, "newsroom.article.title"), ArticleID: a.ID, ArticleTag: a.SourceLang,
		Heading: a.Title, Base: newsroomArticlePath(a.ID)}
	p.Title = a.Title + " — " + p.Title
	p.OpenQuestions = a.RepairQuestions
	p.Notice = doneNotice(r, p.T)
	p.Problem = problem
	zone := h.editorZone(r)
	p.Meta = p.T.T("newsroom.article.meta", map[string]any{"Source": a.SourceLang.NativeName(),
		"Date": h.FormatDay(a.CreatedAt, p.Lang), "Slug": a.Slug})
	p.Schedule = scheduleForm{Prefix: "rel", Zones: h.zoneOptions(p.T, zone)}
	p.Live = livePage{URL: liveURL("article=" + idStr(a.ID)), Stamp: articleStamp(eds, rels)}

	live := map[pipeline.Lang]bool{}
	langOf := map[int64]pipeline.Lang{}
	for _, e := range eds {
		if e.IsSource {
			p.SourceEdit = "/workbench/editions/" + idStr(e.ID) + "/"
		}
		row := articleEdition{editionCell: newEditionCell(p.T, zone, a.ID, e),
			Selectable: e.State == pipeline.StateAwaitingApproval && e.Pseudo == 0, IsLive: e.LiveVersionID != nil,
			CanRetry: e.State == pipeline.StateFailed}
		p.Selectable = p.Selectable || row.Selectable
		p.MachineText = p.MachineText || (row.Selectable && !e.IsSource && e.Machine > 0)
		live[e.Lang] = row.IsLive
		langOf[e.ID] = e.Lang
		p.Editions = append(p.Editions, row)
	}

	now := time.Now()
	for _, rel := range rels {
		row := releaseRow{ID: rel.ID, Langs: langNames(rel.Langs), State: rel.State, By: rel.CreatedBy,
			Created: formatWhen(rel.CreatedAt, zone, p.Lang), Scheduled: rel.State == pipeline.ReleaseScheduled,
			Reschedule: p.Base + "releases/" + idStr(rel.ID) + "/reschedule", Cancel: p.Base + "releases/" + idStr(rel.ID) + "/cancel"}
		// A release for now, or whose time has come, is being published by its job: it is no
		// longer scheduled, and there is nothing left to change or cancel.
		publishing := rel.State == pipeline.ReleaseScheduled && (rel.PublishAt == nil || !rel.PublishAt.After(now))
		switch {
		case publishing:
			row.StateLabel = p.T.T("live.release.publishing", nil)
			row.Scheduled = false
		case rel.State == pipeline.ReleaseScheduled:
			row.StateLabel = p.T.T("newsroom.release.scheduled", nil)
		case rel.State == pipeline.ReleasePublished:
			row.StateLabel = p.T.T("state.published", nil)
		case rel.State == pipeline.ReleaseCancelled:
			row.StateLabel = p.T.T("newsroom.release.cancelled", nil)
		}
		switch {
		case rel.State == pipeline.ReleasePublished && rel.PublishedAt != nil:
			row.When = formatWhen(*rel.PublishedAt, zone, p.Lang)
		case rel.PublishAt != nil:
			row.When = formatWhen(*rel.PublishAt, zone, p.Lang)
			row.Value = inputValue(*rel.PublishAt, zone)
		default:
			row.When = p.T.T("newsroom.release.at_once", nil)
		}
		row.Form = scheduleForm{Prefix: "r" + idStr(rel.ID), Value: row.Value, Zones: p.Schedule.Zones}
		if len(rel.Skipped) > 0 {
			row.Skipped = p.T.T("newsroom.detail.skipped", map[string]any{"Langs": langNames(rel.Skipped)})
		}
		p.Releases = append(p.Releases, row)
	}

	for _, v := range vers {
		row := versionRow{ID: v.ID, Lang: v.Lang, LangName: v.Lang.NativeName(), Title: v.Title, ApprovedBy: v.ApprovedBy,
			PublishedAt: formatWhen(v.PublishedAt, zone, p.Lang), Live: v.Live}
		if v.ApprovedAt != nil {
			row.ApprovedAt = formatWhen(*v.ApprovedAt, zone, p.Lang)
		}
		if !v.Live && live[v.Lang] {
			row.Rollback = newsroomReviewPath(a.ID, v.Lang) + "rollback"
		}
		p.Versions = append(p.Versions, row)
	}

	// Newest first: the editor comes to see what just happened.
	for i := len(trail) - 1; i >= 0; i-- {
		e := trail[i]
		row := auditRow{When: formatWhen(e.At, zone, p.Lang), Actor: e.Actor}
		if e.EditionID != nil {
			row.Lang = langOf[*e.EditionID]
			row.LangName = row.Lang.NativeName()
		}
		row.Text, row.Detail = auditText(p.T, zone, e)
		if e.From != "" && e.To != "" && e.From != e.To {
			row.States = stateName(p.T, e.From) + " → " + stateName(p.T, e.To)
		}
		p.Audit = append(p.Audit, row)
	}
	h.pages.Render(w, r, "newsroom_article.html", 0, p.Lang, p)
}

// langNames lists languages by their own names, in site order as given.
func langNames(langs []pipeline.Lang) string {
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = l.NativeName()
	}
	return strings.Join(names, ", ")
}

// auditActions are the actions the trail names in words; anything else shows its code.
var auditActions = map[string]bool{
	"article.created": true, "article.revised": true,
	"edition.source_ready": true, "edition.checked": true, "edition.failed": true, "edition.retried": true,
	"edition.submitted": true, "edition.approved": true, "edition.sent_back": true, "edition.release_cancelled": true,
	"edition.published": true, "edition.unpublished": true, "edition.rolled_back": true, "edition.outdated": true,
	"edition.revised": true, "edition.carried_over": true, "edition.reworking": true,
	"release.created": true, "release.rescheduled": true, "release.cancelled": true, "release.published": true,
	"finding.dismissed": true, "article.repairs_settled": true,
}

// auditText says what an audit entry records, and the detail an editor needs from it: the
// comment sent back, the reason for an override, the time a release was set for.
func auditText(loc *kit.Localizer, zone *time.Location, e pipeline.AuditEntry) (text, detail string) {
	if auditActions[e.Action] {
		text = loc.T("newsroom.audit."+strings.ReplaceAll(e.Action, ".", "_"), nil)
	} else {
		text = loc.T("newsroom.audit.unknown", map[string]any{"Action": e.Action})
	}
	d := e.Detail
	str := func(k string) string { v, _ := d[k].(string); return v }
	when := func(k string) string {
		v, ok := d[k].(string)
		if !ok || v == "" {
			return loc.T("newsroom.release.at_once", nil)
		}
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return v
		}
		return formatWhen(t, zone, loc.Lang)
	}
	switch e.Action {
	case "edition.sent_back":
		if c := str("comment"); c != "" {
			detail = loc.T("newsroom.detail.comment", map[string]any{"Text": c})
		}
	case "finding.dismissed":
		detail = loc.T("newsroom.detail.reason", map[string]any{"Text": str("reason")})
	case "edition.failed":
		if reason := str("reason"); reason != "" {
			detail = loc.T(reason, nil)
		}
	case "edition.approved", "release.created":
		if _, ok := d["publish_at"]; ok {
			detail = loc.T("newsroom.detail.publish_at", map[string]any{"Time": when("publish_at")})
		}
		if langs, ok := d["langs"].([]any); ok {
			var ls []pipeline.Lang
			for _, l := range langs {
				if s, ok := l.(string); ok {
					ls = append(ls, pipeline.Lang(s))
				}
			}
			detail = loc.T("newsroom.detail.langs", map[string]any{"Langs": langNames(ls)}) + " " + detail
		}
	case "release.rescheduled":
		detail = loc.T("newsroom.detail.rescheduled", map[string]any{"From": when("from"), "To": when("to")})
	case "release.published":
		if sk, ok := d["skipped"].([]any); ok && len(sk) > 0 {
			var ls []pipeline.Lang
			for _, l := range sk {
				if s, ok := l.(string); ok {
					ls = append(ls, pipeline.Lang(s))
				}
			}
			detail = loc.T("newsroom.detail.skipped", map[string]any{"Langs": langNames(ls)})
		}
	case "edition.rolled_back":
		detail = loc.T("newsroom.detail.versions", map[string]any{"From": num(d["from_version"]), "To": num(d["to_version"])})
	case "edition.published", "edition.unpublished":
		if _, ok := d["version"]; ok {
			detail = loc.T("newsroom.detail.version", map[string]any{"Version": num(d["version"])})
		}
	}
	return text, strings.TrimSpace(detail)
}

// num writes a JSON number from an audit detail as an integer.
func num(v any) string {
	switch n := v.(type) {
	case float64:
		return idStr(int64(n))
	case int64:
		return idStr(n)
	case int:
		return idStr(int64(n))
	}
	return "?"
}
