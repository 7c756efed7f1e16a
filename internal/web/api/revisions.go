package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// articleReviseRequest is a new source text for an existing article.
type articleReviseRequest struct {
	Text   *string `json:"text"`
	Format string  `json:"format" input:"line"`
	Byline string  `json:"byline" input:"line"`
	// Minor marks a typo or punctuation fix: changed sentences keep their confirmed translations.
	Minor bool `json:"minor"`
	// BaseRevision is the revision number the author edited; when the article has moved on, the
	// revision is refused instead of undoing someone else's change. 0 skips the check.
	BaseRevision int `json:"base_revision"`
}

type publishedRefJSON struct {
	VersionID   int64         `json:"version_id"`
	Lang        pipeline.Lang `json:"lang"`
	Release     int64         `json:"release"`
	PublishedAt time.Time     `json:"published_at"`
	Live        bool          `json:"live"`
}

type revisionJSON struct {
	ID             int64                 `json:"id"`
	Number         int                   `json:"number"`
	Title          string                `json:"title"`
	Format         pipeline.Format       `json:"format"`
	CreatedBy      string                `json:"created_by"`
	CreatedAt      time.Time             `json:"created_at"`
	Minor          bool                  `json:"minor"`
	Current        bool                  `json:"current"`
	Segments       int                   `json:"segments"`
	PrevRevisionID *int64                `json:"prev_revision_id,omitempty"`
	Summary        pipeline.AlignSummary `json:"summary"`
	Body           string                `json:"body,omitempty"`
	Published      []publishedRefJSON    `json:"published,omitempty"`
}

func toRevisionJSON(r pipeline.RevisionInfo) revisionJSON {
	return revisionJSON{ID: r.ID, Number: r.Number, Title: r.Title, Format: r.Format, CreatedBy: r.CreatedBy,
		CreatedAt: r.CreatedAt, Minor: r.Minor, Current: r.Current, Segments: r.Segments, PrevRevisionID: r.PrevRevisionID,
		Summary: r.Summary, Body: r.Body}
}

type revisedEditionJSON struct {
	Lang       pipeline.Lang         `json:"lang"`
	From       pipeline.EditionState `json:"from"`
	To         pipeline.EditionState `json:"to"`
	Flagged    int                   `json:"flagged"`
	Queued     bool                  `json:"translate_queued"`
	LiveStayed bool                  `json:"live_version_kept"`
}

// handleArticleRevise stores a new revision of an article's source: parse, segment, align with the
// current revision, carry every edition over and queue the translate jobs, all or nothing. The
// same text again changes nothing and says so.
func (h *Handler) handleArticleRevise(w http.ResponseWriter, r *http.Request) {
	u := kit.User(r)
	if !u.CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body articleReviseRequest
	if err := kit.DecodeJSON(w, r, int64(h.maxBodyBytes)*6+4096, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if body.Text == nil {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "text"}})
		return
	}
	format, err := pipeline.ParseFormat(body.Format)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	in, err := h.prepare(pipeline.IngestRequest{Text: *body.Text, Format: format, SourceLang: a.SourceLang,
		Byline: body.Byline, CreatedBy: u.Name}, h.maxBodyBytes)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	res, err := h.store.CreateRevision(r.Context(), pipeline.NewRevision{ArticleID: a.ID, Request: in.Request, Doc: in.Doc,
		Segments: in.Segments, Minor: body.Minor, BaseNumber: body.BaseRevision, Repairs: in.Repairs, Questions: in.Questions})
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	eds := make([]revisedEditionJSON, 0, len(res.Editions))
	for _, e := range res.Editions {
		eds = append(eds, revisedEditionJSON(e))
	}
	rev := toRevisionJSON(res.Revision)
	rev.Body = ""
	kit.WriteJSON(w, http.StatusOK, map[string]any{"changed": res.Changed, "revision": rev, "editions": eds})
}

// handleRevisionList lists an article's source revisions, newest first, each with its alignment
// counts and the editions' versions published from it.
func (h *Handler) handleRevisionList(w http.ResponseWriter, r *http.Request) {
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	revs, err := h.store.FindRevisions(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	versions, err := h.store.FindVersions(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	byRevision := map[int64][]publishedRefJSON{}
	for _, v := range versions {
		byRevision[v.RevisionID] = append(byRevision[v.RevisionID], publishedRefJSON{VersionID: v.ID, Lang: v.Lang,
			Release: v.Release, PublishedAt: v.PublishedAt, Live: v.Live})
	}
	out := make([]revisionJSON, 0, len(revs))
	for _, rv := range revs {
		j := toRevisionJSON(rv)
		j.Published = byRevision[rv.ID]
		out = append(out, j)
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"revisions": out})
}

type alignedJSON struct {
	Kind          pipeline.AlignKind `json:"kind"`
	Similarity    float64            `json:"similarity"`
	SegmentID     int64              `json:"segment_id,omitempty"`
	Position      *int               `json:"position,omitempty"`
	Source        string             `json:"source,omitempty"`
	PrevSegmentID int64              `json:"prev_segment_id,omitempty"`
	PrevPosition  *int               `json:"prev_position,omitempty"`
	PrevSource    string             `json:"prev_source,omitempty"`
	Diff          []pipeline.DiffOp  `json:"diff,omitempty"`
}

type editionSnapshotJSON struct {
	Lang      pipeline.Lang `json:"lang"`
	Segments  int           `json:"segments"`
	Confirmed int           `json:"confirmed"`
	Published []int64       `json:"published_versions"`
}

// handleRevisionView shows one revision with its text and its alignment to the previous one:
// every segment's fate, with a word diff for the changed ones.
func (h *Handler) handleRevisionView(w http.ResponseWriter, r *http.Request) {
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	n, err := strconv.Atoi(chi.URLParam(r, "number"))
	if err != nil || n <= 0 {
		h.WriteError(w, r, kit.ErrNotFound)
		return
	}
	d, err := h.store.FindRevision(r.Context(), a.ID, n)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	al := make([]alignedJSON, 0, len(d.Alignment))
	for _, p := range d.Alignment {
		j := alignedJSON{Kind: p.Kind, Similarity: p.Similarity}
		if p.Segment != nil {
			j.SegmentID, j.Position, j.Source = p.Segment.ID, &p.Segment.Position, p.Segment.Text
		}
		if p.Prev != nil {
			j.PrevSegmentID, j.PrevPosition, j.PrevSource = p.Prev.ID, &p.Prev.Position, p.Prev.Text
		}
		if p.Kind == pipeline.AlignChanged {
			j.Diff = pipeline.WordDiff(j.PrevSource, j.Source)
		}
		al = append(al, j)
	}
	eds := make([]editionSnapshotJSON, 0, len(d.Editions))
	for _, e := range d.Editions {
		eds = append(eds, editionSnapshotJSON{Lang: e.Lang, Segments: e.Segments, Confirmed: e.Confirmed, Published: e.Published})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"revision": toRevisionJSON(d.Info), "alignment": al, "editions": eds})
}

type segmentChangeJSON struct {
	SegmentID     int64                 `json:"segment_id"`
	PrevSegmentID int64                 `json:"prev_segment_id"`
	RevisionID    int64                 `json:"revision_id"`
	Source        string                `json:"source"`
	PrevSource    string                `json:"prev_source"`
	Diff          []pipeline.DiffOp     `json:"diff"`
	PrevTarget    string                `json:"prev_target"`
	PrevState     pipeline.SegmentState `json:"prev_state"`
	PrevUpdatedBy string                `json:"prev_updated_by,omitempty"`
	Minor         bool                  `json:"minor"`
}

// handleEditionChanges lists the segments of an edition whose source changed: the old and new
// source as a word diff, and the translation the old source had. The edition view tells whether
// each has been confirmed since.
func (h *Handler) handleEditionChanges(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	changes, err := h.store.FindSegmentChanges(r.Context(), c.Edition.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	out := make([]segmentChangeJSON, 0, len(changes))
	for _, ch := range changes {
		out = append(out, segmentChangeJSON{SegmentID: ch.SegmentID, PrevSegmentID: ch.PrevSegmentID, RevisionID: ch.RevisionID,
			Source: ch.Source, PrevSource: ch.PrevSource, Diff: pipeline.WordDiff(ch.PrevSource, ch.Source),
			PrevTarget: ch.PrevTarget, PrevState: ch.PrevState, PrevUpdatedBy: ch.PrevUpdatedBy, Minor: ch.Minor})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"changes": out})
}

// guardStaleSegment answers a save aimed at a segment of an older revision with the store's 409
// "the source changed", naming the segment the sentence became, instead of a bare "not found":
// the translator was working when the revision arrived, and must learn that their text was not
// saved and why. Anything else goes on to next, which does its own checks.
func (h *Handler) guardStaleSegment(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lang, errLang := pipeline.ParseLang(chi.URLParam(r, "lang"))
		id, errID := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
		seg, errSeg := strconv.ParseInt(chi.URLParam(r, "segment"), 10, 64)
		if errLang == nil && errID == nil && errSeg == nil && kit.User(r).CanEdit(lang) {
			if err := h.store.CheckSegmentCurrent(r.Context(), id, lang, seg); err != nil {
				h.WriteError(w, r, err)
				return
			}
		}
		next(w, r)
	}
}
